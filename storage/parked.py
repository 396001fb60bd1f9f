"""The ledger of work items a background worker failed on (see ParkedWork)."""

from datetime import datetime

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from storage.models import ParkedWork

SCREENSHOT = "screenshot"
OUTBOX = "outbox"
MAIL = "mail"
INBOUND = "inbound"


def get_failure(session: Session, kind: str, ref: str) -> ParkedWork | None:
    return session.exec(
        select(ParkedWork).where(ParkedWork.kind == kind, ParkedWork.ref == ref)
    ).first()


def get_by_id(session: Session, parked_id: int) -> ParkedWork | None:
    return session.get(ParkedWork, parked_id)


def held_back(session: Session, kind: str, now: datetime) -> set[str]:
    """Items of `kind` not to be tried now: parked, or waiting for their next attempt."""
    return set(
        session.exec(
            select(ParkedWork.ref).where(
                ParkedWork.kind == kind,
                or_(
                    col(ParkedWork.parked_at).is_not(None),
                    col(ParkedWork.next_attempt_at) > now,
                ),
            )
        )
    )


def is_parked(session: Session, kind: str, ref: str) -> bool:
    failure = get_failure(session, kind, ref)
    return failure is not None and failure.parked_at is not None


def parked_items(session: Session) -> list[ParkedWork]:
    return list(
        session.exec(
            select(ParkedWork)
            .where(col(ParkedWork.parked_at).is_not(None))
            .order_by(col(ParkedWork.id))
        )
    )


def forget(session: Session, kind: str, ref: str) -> None:
    session.execute(
        delete(ParkedWork).where(col(ParkedWork.kind) == kind, col(ParkedWork.ref) == ref)
    )
