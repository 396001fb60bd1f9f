"""Section 6: a removed comment's evidence package, the one PDF the registrar files under its
diarium number: screenshot, sender, text, hashes, capture time and decision."""

import hashlib
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.cli import main
from storage.models import AuditEvent, Evidence
from tests.conftest import RunningBot
from tests.e2e.platform_helpers import PAGE, rows
from tests.e2e.records.helpers import download, month_of_records, text_of
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


async def test_the_cli_writes_the_package(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await month_of_records(bot)
    monkeypatch.setenv("MODBOT_DATABASE_URL", bot.settings.database_url)
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(bot.settings.evidence_dir))
    assert main(["bevispaket", "SM-2026-0001"]) == 0
    path = Path(capsys.readouterr().out.splitlines()[0])
    assert path.name == "bevispaket-SM-2026-0001.pdf"
    assert "Troll" in text_of(path.read_bytes())
    assert main(["bevispaket", "SM-2026-0042"]) == 2
