"""Commands being worked on after their turn was answered (CommandJob).

A job is taken by one process at a time and kept while that process renews its hold, the
same pattern as the outbox's lanes: a crash hands the job to whichever process looks next.
"""

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from storage.models import CommandJob

Key = tuple[str, str]


def add_job(session: Session, key: Key, activity: dict[str, Any], now: datetime) -> None:
    session.add(
        CommandJob(
            conversation_id=key[0],
            activity_id=key[1],
            activity=json.dumps(activity, ensure_ascii=False),
            started_at=now,
            held_until=now,
        )
    )


def take_jobs(
    session: Session, owner: str, now: datetime, hold: timedelta
) -> list[tuple[Key, dict[str, Any]]]:
    """The unfinished jobs nobody holds, now held by `owner`."""
    free = list(
        session.exec(
            select(CommandJob).where(
                col(CommandJob.finished_at).is_(None), col(CommandJob.held_until) <= now
            )
        )
    )
    taken = []
    for job in free:
        claimed = session.execute(
            update(CommandJob)
            .where(
                col(CommandJob.conversation_id) == job.conversation_id,
                col(CommandJob.activity_id) == job.activity_id,
                col(CommandJob.held_until) <= now,
            )
            .values(owner=owner, held_until=now + hold)
        )
        if claimed.rowcount:  # type: ignore[attr-defined]
            taken.append(((job.conversation_id, job.activity_id), json.loads(job.activity)))
    return taken


def renew_jobs(session: Session, owner: str, now: datetime, hold: timedelta) -> None:
    session.execute(
        update(CommandJob)
        .where(col(CommandJob.owner) == owner, col(CommandJob.finished_at).is_(None))
        .values(held_until=now + hold)
    )


def finish_job(session: Session, key: Key, now: datetime) -> None:
    session.execute(
        update(CommandJob)
        .where(col(CommandJob.conversation_id) == key[0], col(CommandJob.activity_id) == key[1])
        .values(finished_at=now)
    )


def release_jobs(session: Session, owner: str, now: datetime) -> None:
    """At shutdown: what this process did not finish is free for the next at once."""
    session.execute(
        update(CommandJob)
        .where(col(CommandJob.owner) == owner, col(CommandJob.finished_at).is_(None))
        .values(owner=None, held_until=now)
    )


def forget_finished_before(session: Session, moment: datetime) -> int:
    """A finished job's answer went out through the outbox; its row is only bookkeeping."""
    forgotten = session.execute(
        delete(CommandJob).where(
            col(CommandJob.finished_at).is_not(None), col(CommandJob.finished_at) < moment
        )
    )
    return int(forgotten.rowcount)  # type: ignore[attr-defined]
