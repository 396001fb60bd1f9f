"""The durable outbox: messages wait here until the Bot Connector has accepted them."""

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from storage.db import queued_on_commit
from storage.models import Card, OutboxMessage

TOPIC = "outbox"
PENDING = "pending"
SENT = "sent"
FAILED = "failed"


def enqueue(
    session: Session,
    *,
    conversation_id: str,
    service_url: str,
    operation: str,
    activity: dict[str, Any],
    now: datetime,
    reply_to_id: str | None = None,
    card_id: int | None = None,
) -> OutboxMessage:
    message = OutboxMessage(
        conversation_id=conversation_id,
        service_url=service_url,
        operation=operation,
        activity=json.dumps(activity, ensure_ascii=False),
        reply_to_id=reply_to_id,
        card_id=card_id,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(message)
    queued_on_commit(session, TOPIC, conversation_id)
    return message


def pending_in_conversation(
    session: Session, conversation_id: str, limit: int
) -> list[OutboxMessage]:
    """Oldest first: a card must be sent before its update, a reply after its question."""
    return list(
        session.exec(
            select(OutboxMessage)
            .where(
                OutboxMessage.status == PENDING, OutboxMessage.conversation_id == conversation_id
            )
            .order_by(col(OutboxMessage.id))
            .limit(limit)
        )
    )


def conversations_with_pending(session: Session) -> list[str]:
    return list(
        session.exec(
            select(OutboxMessage.conversation_id).where(OutboxMessage.status == PENDING).distinct()
        )
    )


def get_message(session: Session, message_id: int) -> OutboxMessage | None:
    return session.get(OutboxMessage, message_id)


def claim(
    session: Session, message_ids: list[int], owner: str, now: datetime, hold: timedelta
) -> set[int]:
    """Take these messages for sending, except those another process holds an unexpired claim
    on; returns the ids now held by `owner`."""
    session.execute(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.id).in_(message_ids),
            col(OutboxMessage.status) == PENDING,
            or_(
                col(OutboxMessage.claimed_until).is_(None),
                col(OutboxMessage.claimed_until) < now,
                col(OutboxMessage.claimed_by) == owner,
            ),
        )
        .values(claimed_by=owner, claimed_until=now + hold)
    )
    held = session.exec(
        select(OutboxMessage.id).where(
            col(OutboxMessage.id).in_(message_ids), OutboxMessage.claimed_by == owner
        )
    )
    return {message_id for message_id in held if message_id is not None}


def release(session: Session, owner: str) -> None:
    """Give back what `owner` still holds, so another process need not wait for it to expire."""
    session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.claimed_by) == owner, col(OutboxMessage.status) == PENDING)
        .values(claimed_by=None, claimed_until=None)
    )


def mark_sent(session: Session, message: OutboxMessage, activity_id: str, now: datetime) -> None:
    """Plain UPDATEs: this runs once per delivered message, the outbox's hot path."""
    session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == message.id)
        .values(
            status=SENT,
            sent_at=now,
            attempts=OutboxMessage.attempts + 1,
            claimed_by=None,
            claimed_until=None,
        )
    )
    if message.operation == "send" and message.card_id and activity_id:
        session.execute(
            update(Card).where(col(Card.id) == message.card_id).values(activity_id=activity_id)
        )
