"""Section 6: a removed comment's evidence package, the one PDF the registrar files under its
diarium number: screenshot, sender, text, hashes, capture time and decision."""

import hashlib
from io import BytesIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from bot.cli import main
from storage.models import AuditEvent, Evidence
from tests.conftest import RunningBot
from tests.e2e.platform_helpers import PAGE, rows
from tests.e2e.records.helpers import (
    download,
    fetch,
    link,
    month_of_records,
    quoted_sha256,
    text_of,
)
from tests.pdfa_rules import pdfa_problems
from tests.teams import ANNA, KARIN, Channel


async def test_the_evidence_package_holds_screenshot_sender_text_hashes_and_decision(
    bot: RunningBot,
) -> None:
    await month_of_records(bot)
    reply = await bot.say(ANNA, "bevispaket SM-2026-0001")
    assert "Bevispaket SM-2026-0001" in reply
    pdf = await download(bot, reply)
    assert pdfa_problems(pdf) == []
    shown = text_of(pdf)
    screenshot = next(e for e in rows(bot, Evidence) if e.kind == "screenshot")
    for fragment in (
        "Bevispaket SM-2026-0001",
        "Ring mig på 070-123 45 67, idiot",
        "Troll",
        "fb-11",
        f"{PAGE}_1_5",
        "Ta bort – Sekretess eller känsliga personuppgifter",
        "Anna Moderator",
        screenshot.sha256,
        "Stämmer",
    ):
        assert fragment in shown, shown
    assert shown.count("Stämmer") == len(rows(bot, Evidence))
    [page_with_picture] = [p for p in PdfReader(BytesIO(pdf)).pages if p.images]
    [picture] = page_with_picture.images
    assert picture.image is not None and picture.image.size[0] > 100
    made = [e for e in rows(bot, AuditEvent) if e.action == "evidence_package_made"]
    assert len(made) == 1 and hashlib.sha256(pdf).hexdigest() in made[0].detail


async def test_a_changed_evidence_file_is_called_changed_and_not_shown(bot: RunningBot) -> None:
    await month_of_records(bot)
    screenshot = next(e for e in rows(bot, Evidence) if e.kind == "screenshot")
    (bot.settings.evidence_dir / screenshot.file_name).write_bytes(b"not the screenshot")
    pdf = await download(bot, await bot.say(ANNA, "bevispaket SM-2026-0001"))
    assert "ÄNDRAD – stämmer inte med sin SHA-256" in text_of(pdf)
    assert not any(page.images for page in PdfReader(BytesIO(pdf)).pages)


async def test_the_package_is_made_only_for_a_removal_and_in_the_right_channel(
    bot: RunningBot,
) -> None:
    await month_of_records(bot)
    assert "Inget borttaget ärende" in await bot.say(ANNA, "bevispaket SM-2026-0099")
    elsewhere = Channel(service_url=bot.connector.url, channel_id="19:annan@thread.tacv2")
    assert "inte här" in await bot.say(ANNA, "bevispaket SM-2026-0001", elsewhere)
    kansli = Channel(service_url=bot.connector.url, channel_id="19:kansli@thread.tacv2")
    await bot.say(KARIN, "kansli här", kansli)
    assert "Ladda ned PDF" in await bot.say(KARIN, "bevispaket SM-2026-0001", kansli)


async def _moderator_adds_a_file(bot: RunningBot) -> None:
    """A moderator replies with one more screenshot under the removed comment's card."""
    card_id = next(c.returned_id for c in bot.connector.sent if c.body.get("attachments"))
    bot.connector.files["efterat.png"] = b"\x89PNG\r\n\x1a\nsaved after the removal"
    reply = bot.channel.message(ANNA, "", thread=card_id, mention=False)
    reply["attachments"] = [
        {"contentType": "image/png", "contentUrl": f"{bot.connector.url}/files/efterat.png"}
    ]
    before = len(bot.connector.texts())
    await bot.activity(reply)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert "Sparat som bevis" in bot.connector.texts()[before]


async def _downloads_what_it_quoted(bot: RunningBot, reply: str) -> bool:
    return hashlib.sha256(await fetch(bot, link(reply))).hexdigest() == quoted_sha256(reply)


async def test_a_quoted_evidence_package_never_changes(bot: RunningBot) -> None:
    await month_of_records(bot)
    first = await bot.say(ANNA, "bevispaket SM-2026-0001")
    kansli = Channel(service_url=bot.connector.url, channel_id="19:kansli@thread.tacv2")
    await bot.say(KARIN, "kansli här", kansli)
    again = await bot.say(KARIN, "bevispaket SM-2026-0001", kansli)
    assert await _downloads_what_it_quoted(bot, first)
    assert quoted_sha256(again) == quoted_sha256(first)
    assert urlparse(link(again)).path == urlparse(link(first)).path
    await _moderator_adds_a_file(bot)
    newer = await bot.say(KARIN, "bevispaket SM-2026-0001", kansli)
    assert quoted_sha256(newer) != quoted_sha256(first)
    for reply in (first, again, newer):
        assert await _downloads_what_it_quoted(bot, reply)
    assert "Fil från moderatorn" in text_of(await download(bot, newer))
    assert "Fil från moderatorn" not in text_of(await download(bot, first))


async def test_the_cli_writes_the_package(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await month_of_records(bot)
    monkeypatch.setenv("MODBOT_DATABASE_URL", bot.settings.database_url)
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(bot.settings.evidence_dir))
    assert main(["bevispaket", "SM-2026-0001"]) == 0
    path = Path(capsys.readouterr().out.splitlines()[0])
    assert path.name.startswith("bevispaket-SM-2026-0001-")
    assert "Troll" in text_of(path.read_bytes())
    assert main(["bevispaket", "SM-2026-0042"]) == 2
