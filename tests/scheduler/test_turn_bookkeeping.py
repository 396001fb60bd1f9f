"""The records that answer a Teams retry once, and finished document jobs, go after a day;
what is recent or unfinished stays."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from scheduler.jobs import forget_old_turns
from storage.db import Database, make_engine
from storage.migrations import migrate
from storage.models import CommandJob, HandledActivity

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def test_a_day_old_handled_turn_and_finished_job_are_forgotten(tmp_path: Path) -> None:
    database = Database(make_engine(f"sqlite:///{tmp_path / 'modbot.db'}"))
    migrate(database.engine)
    old, recent = NOW - timedelta(days=2), NOW - timedelta(hours=1)
    with database.session() as session:
        session.add(HandledActivity(conversation_id="c", activity_id="old", started_at=old))
        session.add(HandledActivity(conversation_id="c", activity_id="new", started_at=recent))
        for name, finished in (("done", old), ("running", None)):
            session.add(
                CommandJob(
                    conversation_id="c",
                    activity_id=name,
                    activity="{}",
                    started_at=old,
                    held_until=old,
                    finished_at=finished,
                )
            )
        session.commit()
    with database.session() as session:
        assert forget_old_turns(session, NOW) == 0
    with database.reading() as session:
        assert [a.activity_id for a in session.exec(select(HandledActivity))] == ["new"]
        assert [j.activity_id for j in session.exec(select(CommandJob))] == ["running"]
    database.dispose()
