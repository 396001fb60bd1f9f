"""The audit trail: every state change, with actor and time, in the same transaction."""

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from routine.decisions import Actor
from storage.models import AuditEvent, table

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
    **detail: Any,
) -> None:
    """A plain INSERT chained to the event before it. Writers are serialised (SQLite begins
    every transaction IMMEDIATE), so the last hash read here is the one this row follows."""
    values: dict[str, Any] = {
        "at": at,
        "actor_id": actor.id,
        "actor_name": actor.name,
        "action": action,
        "case_id": case_id,
        "detail": json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
    }
    previous = latest_hash(session)
    values["previous_hash"] = previous
    values["hash"] = chained_hash(previous, values)
    session.connection().execute(insert(_EVENTS), values)


def latest_hash(session: Session) -> str:
    """The chain's head: written down with an archive package, it fixes everything before."""
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
