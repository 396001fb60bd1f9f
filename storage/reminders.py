"""The ledger of sent reminders, keyed by (kind, subject, period)."""

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import SentReminder


def claim(session: Session, kind: str, subject: str, period: str, now: datetime) -> bool:
    """True if this reminder is not sent yet and is now claimed in the caller's transaction;
    the message it guards must be queued in that same transaction."""
    already = session.exec(
        select(SentReminder.id).where(
            SentReminder.kind == kind,
            SentReminder.subject == subject,
            SentReminder.period == period,
        )
    ).first()
    if already is not None:
        return False
    try:
        with session.begin_nested():
            session.add(SentReminder(kind=kind, subject=subject, period=period, sent_at=now))
    except IntegrityError:
        return False
    return True
