"""The Teams activities the bot has taken on (HandledActivity), so that a retry of one is
answered from the record instead of being handled again."""

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col

from storage.models import HandledActivity, table


def take_on(
    session: Session,
    conversation_id: str,
    activity_id: str,
    now: datetime,
    abandoned_after: timedelta,
) -> HandledActivity | None:
    """Claim the activity for handling; returns the earlier record when it was claimed
    already. A claim left unfinished for `abandoned_after` (its process died) is taken over."""
    values = {"conversation_id": conversation_id, "activity_id": activity_id, "started_at": now}
    if _insert_if_new(session, values):
        return None
    taken_over = session.execute(
        update(HandledActivity)
        .where(
            col(HandledActivity.conversation_id) == conversation_id,
            col(HandledActivity.activity_id) == activity_id,
            col(HandledActivity.status).is_(None),
            col(HandledActivity.started_at) < now - abandoned_after,
        )
        .values(started_at=now)
    )
    if taken_over.rowcount:  # type: ignore[attr-defined]
        return None
    return session.get(HandledActivity, (conversation_id, activity_id))


def _insert_if_new(session: Session, values: dict[str, Any]) -> bool:
    """One statement on the hot path of every turn: no savepoint, no exception."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    added = session.execute(
        insert(table(HandledActivity)).values(**values).on_conflict_do_nothing()
    )
    return bool(added.rowcount)  # type: ignore[attr-defined]


def answered(
    session: Session, conversation_id: str, activity_id: str, status: int, body: Any
) -> None:
    session.execute(
        update(HandledActivity)
        .where(
            col(HandledActivity.conversation_id) == conversation_id,
            col(HandledActivity.activity_id) == activity_id,
        )
        .values(status=status, body=None if body is None else json.dumps(body, ensure_ascii=False))
    )


def give_up(session: Session, conversation_id: str, activity_id: str) -> None:
    """The turn failed: a retry may try again."""
    session.execute(
        delete(HandledActivity).where(
            col(HandledActivity.conversation_id) == conversation_id,
            col(HandledActivity.activity_id) == activity_id,
            col(HandledActivity.status).is_(None),
        )
    )


def get_answer(session: Session, conversation_id: str, activity_id: str) -> HandledActivity | None:
    return session.get(HandledActivity, (conversation_id, activity_id))


def forget_before(session: Session, moment: datetime) -> int:
    """Teams retries within minutes: a day-old record of a handled activity serves nobody."""
    forgotten = session.execute(
        delete(HandledActivity).where(col(HandledActivity.started_at) < moment)
    )
    return int(forgotten.rowcount)  # type: ignore[attr-defined]
