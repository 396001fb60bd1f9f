"""The audit trail: every state change, with actor and time, in the same transaction. An
event that creates or changes a row of the record binds it (`rows=`, storage.record_digest)."""

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert
from sqlmodel import Session, col, select

from routine.decisions import Actor
from storage import record_digest
from storage.models import AuditEvent, table
from storage.record_digest import Bound

SYSTEM = Actor(id="modbot", name="Modbot")
GENESIS = "0" * 64
"""What the first event follows."""

_EVENTS = table(AuditEvent)
_LAST_HASH = select(_EVENTS.c.hash).order_by(_EVENTS.c.id.desc()).limit(1)


def record(
    session: Session,
    *,
    at: datetime,
    actor: Actor,
    action: str,
    case_id: int | None = None,
    rows: Sequence[Bound] = (),
    **detail: Any,
) -> None:
    """A plain INSERT chained to the event before it. Writers are serialised (SQLite begins
    every transaction IMMEDIATE), so the last hash read here is the one this row follows.
    `rows`: the record rows this event creates or changes, bound by their digests (the
    session's pending changes are flushed for it)."""
    if rows:
        detail[record_digest.ROWS] = record_digest.bind(session, rows)
    append(session.connection(), at=at, actor=actor, action=action, case_id=case_id, **detail)


def append(
    connection: Connection,
    *,
    at: datetime,
    actor: Actor,
    action: str,
    case_id: int | None = None,
    **detail: Any,
) -> str:
    """The event on a bare connection (a migration step); returns its hash."""
    values: dict[str, Any] = {
        "at": at,
        "actor_id": actor.id,
        "actor_name": actor.name,
        "action": action,
        "case_id": case_id,
        "detail": json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
    }
    previous = connection.execute(_LAST_HASH).scalar() or GENESIS
    values["previous_hash"] = previous
    values["hash"] = chained_hash(previous, values)
    connection.execute(insert(_EVENTS), values)
    return str(values["hash"])


def latest_hash(session: Session) -> str:
    """The chain's head: written down with an archive package, it fixes everything before
    (`modbot verify --anchor <hash>` checks that the chain still passes through it)."""
    return session.connection().execute(_LAST_HASH).scalar() or GENESIS


def chained_hash(previous: str, event: dict[str, Any]) -> str:
    """The hash of one event: its fields in a fixed order, times as stored (UTC, microseconds)."""
    fields = [
        previous,
        event["at"].astimezone(UTC).isoformat(timespec="microseconds"),
        event["actor_id"],
        event["actor_name"],
        event["action"],
        event["case_id"],
        event["detail"],
    ]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def events_for_case(session: Session, case_id: int) -> list[AuditEvent]:
    return list(
        session.exec(
            select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(col(AuditEvent.id))
        )
    )
