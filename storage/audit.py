"""The audit trail: every state change, with actor and time, in the same transaction."""

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from routine.decisions import Actor
from storage.models import AuditEvent, table

SYSTEM = Actor(id="modbot", name="Modbot")


def record(
    session: Session,
    *,
    at: datetime,
    actor: Actor,
    action: str,
    case_id: int | None = None,
    **detail: Any,
) -> None:
    """A plain INSERT: audit rows are never read back as objects in the same session."""
    session.connection().execute(
        insert(table(AuditEvent)),
        {
            "at": at,
            "actor_id": actor.id,
            "actor_name": actor.name,
            "action": action,
            "case_id": case_id,
            "detail": json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
        },
    )


def events_for_case(session: Session, case_id: int) -> list[AuditEvent]:
    return list(
        session.exec(
            select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(col(AuditEvent.id))
        )
    )
