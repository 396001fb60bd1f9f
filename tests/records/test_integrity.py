"""Section 4: the records can be shown to be as they were recorded. The audit trail is a hash
chain and evidence files carry their SHA-256; `modbot verify` recomputes both and names every
break."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.cli import main
from routine.decisions import Actor
from services.evidence import EvidenceFiles
from services.integrity import verify
from storage import audit
from storage.db import Database, make_engine
from storage.migrations import STEPS, migrate
from tests.conftest import RunningBot
from tests.teams import ANNA, flag


def run_verify(bot_or_db: Path, evidence: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("MODBOT_DATABASE_URL", f"sqlite:///{bot_or_db}")
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(evidence))
    return main(["verify"])


async def records_of_a_removal(bot: RunningBot) -> tuple[Path, Path]:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    await bot.invoke(ANNA, "remove", {"case": case_id, "category": "fortal"}, card_id)
    await bot.invoke(ANNA, "confirm_removed", {"case": case_id}, card_id)
    database = Path(bot.settings.database_url.removeprefix("sqlite:///"))
    return database, bot.settings.evidence_dir


async def test_verify_finds_untouched_records_as_recorded(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database, evidence = await records_of_a_removal(bot)
    assert run_verify(database, evidence, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Allt stämmer" in out and "2 bevisfiler" in out
    assert "Kedjans senaste hash: " in out


async def test_verify_reports_a_changed_row_and_a_changed_file(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database, evidence = await records_of_a_removal(bot)
    await bot.runner.cleanup()
    with sqlite3.connect(database) as raw:
        raw.execute("DROP TRIGGER audit_event_no_update")
        raw.execute(
            "UPDATE audit_event SET actor_name = 'Någon annan' WHERE action = 'decided_remove'"
        )
        changed_id = raw.execute(
            "SELECT id FROM audit_event WHERE action = 'decided_remove'"
        ).fetchone()[0]
    screenshot = next(evidence.rglob("*.png"))
    screenshot.write_bytes(screenshot.read_bytes() + b"\0")
    assert run_verify(database, evidence, monkeypatch) == 1
    out = capsys.readouterr().out
    assert f"Ändrad händelse: audit_event {changed_id}" in out
    assert f"Ändrad bevisfil: {screenshot.relative_to(evidence)}" in out
    assert "2 avvikelse(r)" in out


async def test_verify_reports_a_removed_event_as_a_broken_chain(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database, evidence = await records_of_a_removal(bot)
    await bot.runner.cleanup()
    with sqlite3.connect(database) as raw:
        raw.execute("DROP TRIGGER audit_event_no_delete")
        removed = raw.execute("SELECT id FROM audit_event WHERE action = 'decided_remove'")
        removed_id = removed.fetchone()[0]
        raw.execute("DELETE FROM audit_event WHERE id = ?", (removed_id,))
    (evidence / next(evidence.rglob("*.json")).relative_to(evidence)).unlink()
    assert run_verify(database, evidence, monkeypatch) == 1
    out = capsys.readouterr().out
    assert f"Bruten kedja: audit_event {removed_id + 1}" in out
    assert "Bevisfil saknas" in out


def test_events_recorded_before_the_chain_existed_are_chained_by_the_migration(
    tmp_path: Path,
) -> None:
    database = Database(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    chained_from = next(i for i, step in enumerate(STEPS) if step.__name__ == "_audit_chain")
    with database.engine.begin() as connection:
        for step in STEPS[:chained_from]:
            step(connection)
        connection.execute(text("CREATE TABLE schema_version (version INTEGER)"))
        connection.execute(text("INSERT INTO schema_version VALUES (:v)"), {"v": chained_from})
        for action in ("account_linked", "case_opened", "decided_keep"):
            connection.execute(
                text(
                    "INSERT INTO audit_event "
                    "(at, actor_id, actor_name, action, detail, previous_hash, hash) VALUES "
                    "('2026-05-01T08:00:00.000000+00:00', 'a', 'Anna', :action, '{}', '', '')"
                ),
                {"action": action},
            )
    migrate(database.engine)
    with database.session() as session:
        audit.record(
            session,
            at=datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
            actor=Actor(id="a", name="Anna"),
            action="decided_remove",
        )
        session.commit()
    with database.session() as session:
        report = verify(session, EvidenceFiles(tmp_path / "evidence"))
    assert report.events == 4 and report.findings == []
    database.engine.dispose()
