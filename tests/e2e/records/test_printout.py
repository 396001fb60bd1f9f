"""Section 4: everything on an account is a public record that can be printed on request, in
thread order, showing whether each item came from outside or from the municipality and what
became of it; what the officer marks secret is withheld, and the withholding is recorded."""

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands import makes_a_document
from storage.models import AuditEvent, Printout
from tests.conftest import RunningBot
from tests.e2e.platform_helpers import PAGE, rows
from tests.e2e.records.helpers import SECRET_TEXT, download, month_of_records, text_of
from tests.pdfa_rules import pdfa_problems
from tests.teams import ANNA


async def test_a_printout_on_request_shows_every_item_in_thread_order_with_its_status(
    bot: RunningBot,
) -> None:
    await month_of_records(bot)
    reply = await bot.say(ANNA, 'utdrag "Hjo kommun" 2026-11-01 2026-11-30')
    assert "6 poster, 0 uteslutna" in reply
    pdf = await download(bot, reply)
    assert pdfa_problems(pdf) == []
    shown = text_of(pdf)
    order = [
        "Nu öppnar badplatsen",
        "när stänger den på söndagar?",
        "Den stänger kl. 20.",
        "Fel tråd, ursäkta",
        SECRET_TEXT[:20],
        "070-123 45 67",
    ]
    positions = [shown.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    assert "Kommunen (inlägg)" in shown and "Extern" in shown
    assert "Tidigare text" in shown and "Vad bra, när stänger den?" in shown
    assert "Raderad av författaren" in shown
    assert "Borttagen av kommunen – SM-2026-0001" in shown
    assert "Ta bort – Anna Moderator" in shown


async def test_a_secret_item_is_withheld_entirely_and_the_withholding_recorded(
    bot: RunningBot,
) -> None:
    await month_of_records(bot)
    marked = await bot.say(ANNA, f'sekretess "Hjo kommun" {PAGE}_1_4 "21 kap. 1 §"')
    assert "Markerat som sekretess" in marked
    reply = await bot.say(ANNA, 'utdrag "Hjo kommun" 2026-11-01 2026-11-30')
    assert "1 uteslutna" in reply
    pdf = await download(bot, reply)
    shown = text_of(pdf)
    assert "Uppgift utesluten enligt OSL 21 kap. 1 §" in shown
    assert "Elsa" not in shown and "diabetes" not in shown and "Fredriksson" not in shown
    assert b"diabetes" not in pdf
    [made] = [e for e in rows(bot, AuditEvent) if e.action == "printout_made"]
    detail = json.loads(made.detail)
    assert detail["redacted"] == [{"comment_id": f"{PAGE}_1_4", "reason": "21 kap. 1 §"}]
    assert any(e.action == "marked_secret" for e in rows(bot, AuditEvent))


async def test_a_quoted_printout_never_changes(bot: RunningBot) -> None:
    """Asked again for an unchanged period, the bot gives the same file, untouched; once an
    item is marked secret, a new file, and the first link still gives the first file."""
    await month_of_records(bot)
    ask = 'utdrag "Hjo kommun" 2026-11-01 2026-11-30'
    first = await bot.say(ANNA, ask)
    [made] = rows(bot, Printout)
    kept = bot.settings.evidence_dir / "utdrag" / made.file_name
    written = kept.stat()
    bot.clock.advance(timedelta(minutes=5))
    await bot.say(ANNA, ask)
    await bot.say(ANNA, f'sekretess "Hjo kommun" {PAGE}_1_4 "21 kap. 1 §"')
    newer = await bot.say(ANNA, ask)
    _, again, marked = rows(bot, Printout)
    assert (again.file_name, again.sha256) == (made.file_name, made.sha256)
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    assert marked.file_name != made.file_name and marked.sha256 != made.sha256
    assert hashlib.sha256(await download(bot, first)).hexdigest() == made.sha256
    assert hashlib.sha256(await download(bot, newer)).hexdigest() == marked.sha256


async def test_the_printout_link_is_signed_and_the_period_checked(bot: RunningBot) -> None:
    await month_of_records(bot)
    reply = await bot.say(ANNA, 'utdrag "Hjo kommun" 2026-11-30 2026-11-01')
    assert "två datum" in reply
    reply = await bot.say(ANNA, 'utdrag "Hjo kommun" 2026-11-01 2026-11-30')
    url = reply.split("](", 1)[1].split(")", 1)[0]
    async with bot.http.get(url.replace("sig=", "sig=0")) as response:
        assert response.status == 403
    assert "Inget konto" in await bot.say(ANNA, 'utdrag "Tibro" 2026-11-01 2026-11-30')


async def test_the_cli_makes_the_same_printout(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    await month_of_records(bot)
    monkeypatch.setenv("MODBOT_DATABASE_URL", bot.settings.database_url)
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(bot.settings.evidence_dir))
    assert main(["utdrag", "Hjo kommun", "2026-11-01", "2026-11-30"]) == 0
    path = Path(capsys.readouterr().out.splitlines()[0])
    assert "Borttagen av kommunen – SM-2026-0001" in text_of(path.read_bytes())
    assert len(rows(bot, Printout)) == 1


def test_documents_are_made_away_from_the_event_loop() -> None:
    assert makes_a_document("utdrag “Hjo kommun” 2026-11-01 2026-11-30")
    assert makes_a_document('ARKIVPAKET "Hjo kommun"')
    assert not makes_a_document("gallring godkänn 1") and not makes_a_document("")
