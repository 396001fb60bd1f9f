"""Outgoing e-mail, kept until the SMTP server has accepted it."""

from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from storage.db import queued_on_commit
from storage.models import MailMessage

TOPIC = "mail"
PENDING = "pending"
SENT = "sent"
PARKED = "parked"


def enqueue(session: Session, message: MailMessage) -> None:
    session.add(message)
    queued_on_commit(session, TOPIC, message.message_id)


def claim_due(
    session: Session, now: datetime, hold: timedelta, limit: int = 20
) -> list[MailMessage]:
    """Due messages nobody else is sending; claimed for `hold` so another process skips them."""
    due = list(
        session.exec(
            select(MailMessage)
            .where(
                MailMessage.status == PENDING,
                col(MailMessage.next_attempt_at) <= now,
                or_(col(MailMessage.claimed_until).is_(None), col(MailMessage.claimed_until) < now),
            )
            .order_by(col(MailMessage.id))
            .limit(limit)
        )
    )
    if due:
        session.execute(
            update(MailMessage)
            .where(col(MailMessage.id).in_([message.id for message in due]))
            .values(claimed_until=now + hold)
        )
    return due


def for_case(session: Session, case_id: int) -> list[MailMessage]:
    return list(session.exec(select(MailMessage).where(MailMessage.case_id == case_id)))


def retry(session: Session, message_id: int) -> MailMessage | None:
    """A parked message goes back in the queue (`modbot parked`), due at once whatever the
    clock of the machine that asks."""
    message = session.get(MailMessage, message_id)
    if message is None:
        return None
    message.status = PENDING
    message.attempts = 0
    message.next_attempt_at = message.created_at
    message.claimed_until = None
    session.add(message)
    queued_on_commit(session, TOPIC, message.message_id)
    return message
