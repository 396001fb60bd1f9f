"""Section 5: culling is proposed, approved in Teams and recorded without its content; evidence,
registered cases, secret-marked and held records are never culled."""

from datetime import timedelta
from pathlib import Path

from sqlmodel import Session

from services.evidence import EvidenceFiles
from services.integrity import verify
from storage.db import Database, make_engine
from storage.models import AuditEvent, Comment, CommentVersion, Culling, Evidence, FlaggedCase
from tests.conftest import MovingClock, RunningBot
from tests.e2e.platform_helpers import PAGE, rows
from tests.e2e.records.helpers import SECRET_TEXT, month_of_records
from tests.teams import ANNA, Channel

CULLED_TEXTS = ("Vad bra, när stänger den", "Fel tråd, ursäkta")


async def test_culling_takes_only_unprotected_comments_and_records_no_content(
    bot: RunningBot, clock: MovingClock
) -> None:
    await month_of_records(bot)
    cases_before, evidence_before = rows(bot, FlaggedCase), rows(bot, Evidence)
    held = await bot.say(ANNA, f'bevara "Hjo kommun" {PAGE}_1_2 "begäran om utlämnande"')
    assert "Bevaras" in held
    await bot.say(ANNA, f'sekretess "Hjo kommun" {PAGE}_1_4 "21 kap. 1 §"')
    assert "Inget att gallra" in await bot.say(ANNA, 'gallring "Hjo kommun"')
    clock.advance(timedelta(days=200))

    proposal = await bot.say(ANNA, 'gallring "Hjo kommun"')
    assert "Gallringsförslag 1" in proposal and "2 kommentarer" in proposal
    await bot.say(ANNA, f'bevara "Hjo kommun" {PAGE}_1_3 "tvist"')
    elsewhere = Channel(service_url=bot.connector.url, channel_id="19:annan@thread.tacv2")
    assert "Gallring 1 klar" not in await bot.say(ANNA, "gallring godkänn 1", elsewhere)
    done = await bot.say(ANNA, "gallring godkänn 1")
    assert "Gallring 1 klar" in done and "1 kommentarer borttagna" in done

    left = {comment.platform_comment_id for comment in rows(bot, Comment)}
    assert left == {f"{PAGE}_1", f"{PAGE}_1_2", f"{PAGE}_1_3", f"{PAGE}_1_4", f"{PAGE}_1_5"}
    assert rows(bot, CommentVersion) == []
    assert rows(bot, FlaggedCase) == cases_before
    assert rows(bot, Evidence) == evidence_before
    [record] = rows(bot, Culling)
    assert (record.category, record.culled_count, record.approved_by_name) == (
        "comments",
        1,
        "Anna Moderator",
    )
    assert record.pending_ids == "[]" and record.first_written_at is not None
    culled = [e for e in rows(bot, AuditEvent) if e.action == "culled"]
    written = repr(record.model_dump()) + "".join(event.detail for event in culled)
    assert not any(text in written for text in (*CULLED_TEXTS, "Sven Svensson", SECRET_TEXT))
    assert "redan avgjort" in await bot.say(ANNA, "gallring godkänn 1")
    assert _integrity_findings(bot) == []


async def test_a_cancelled_proposal_removes_nothing(bot: RunningBot, clock: MovingClock) -> None:
    await month_of_records(bot)
    clock.advance(timedelta(days=200))
    before = rows(bot, Comment)
    assert "Gallringsförslag 1" in await bot.say(ANNA, 'gallring "Hjo kommun"')
    assert "avbrutet" in await bot.say(ANNA, "gallring avbryt 1")
    assert rows(bot, Comment) == before
    assert "12 månader" in await bot.say(ANNA, 'gallring "Hjo kommun" 12')
    assert "Inget att gallra" in await bot.say(ANNA, 'gallring "Hjo kommun"')


def _integrity_findings(bot: RunningBot) -> list[object]:
    database = Database(make_engine(bot.settings.database_url))
    with Session(database.engine) as session:
        report = verify(session, EvidenceFiles(Path(bot.settings.evidence_dir)))
    database.engine.dispose()
    return list(report.findings)
