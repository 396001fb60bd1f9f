"""The durable outbox: messages wait here until the Bot Connector has accepted them.

One process at a time sends in a conversation (its lane, OutboxLane); the message it is
sending carries its claim. Both are renewed every second while the process lives, so a
second process never sends what the first is sending, and takes a dead one's lane over
within seconds.
"""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, exists, insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.db import queued_on_commit
from storage.models import Card, Conversation, DutyTask, OutboxLane, OutboxMessage, table

TOPIC = "outbox"
PENDING = "pending"
SENT = "sent"
FAILED = "failed"
WAITED_ON = 0
"""A reply to a person or an update of a card someone pressed: goes first in its channel."""
QUEUED = 1
_LOOK_AHEAD = 50
THREAD_MARK = ";messageid="


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
    duty_task_id: int | None = None,
) -> OutboxMessage:
    message = OutboxMessage(
        conversation_id=conversation_id,
        service_url=service_url,
        operation=operation,
        activity=json.dumps(activity, ensure_ascii=False),
        reply_to_id=reply_to_id,
        card_id=card_id,
        duty_task_id=duty_task_id,
        priority=WAITED_ON if operation in ("reply", "update") else QUEUED,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(message)
    queued_on_commit(session, TOPIC, conversation_id)
    return message


_CARD_NOT_OUT = and_(
    col(OutboxMessage.operation) == "update",
    ~exists().where(col(Card.id) == OutboxMessage.card_id, col(Card.activity_id).is_not(None)),
)
"""An update waits until its card has been delivered (it has nothing to update before)."""


@dataclass(frozen=True)
class Next:
    message: OutboxMessage | None
    wait_until: datetime | None
    """Nothing is due yet: the earliest moment something is."""


def next_message(session: Session, conversation_id: str, now: datetime) -> Next:
    """What this conversation sends next: the oldest message someone waits on, before the
    oldest of the rest. Within each kind order holds, so a message waiting for a retry holds
    back those behind it."""
    rows = session.exec(
        select(OutboxMessage)
        .where(
            OutboxMessage.status == PENDING,
            OutboxMessage.conversation_id == conversation_id,
            ~_CARD_NOT_OUT,
        )
        .order_by(col(OutboxMessage.priority), col(OutboxMessage.id))
        .limit(_LOOK_AHEAD)
    ).all()
    heads: dict[int, OutboxMessage] = {}
    for row in rows:
        heads.setdefault(row.priority, row)
    waits = []
    for priority in sorted(heads):
        head = heads[priority]
        if head.next_attempt_at <= now:
            return Next(head, None)
        waits.append(head.next_attempt_at)
    return Next(None, min(waits) if waits else None)


def conversations_with_pending(session: Session) -> list[str]:
    return list(
        session.exec(
            select(OutboxMessage.conversation_id)
            .where(OutboxMessage.status == PENDING, ~_CARD_NOT_OUT)
            .distinct()
        )
    )


def sent_since(session: Session, conversation_id: str, since: datetime) -> list[datetime]:
    """When this conversation's messages went out lately, for its pacing."""
    return [
        moment
        for moment in session.exec(
            select(OutboxMessage.sent_at).where(
                OutboxMessage.conversation_id == conversation_id,
                col(OutboxMessage.sent_at) >= since,
            )
        )
        if moment is not None
    ]


def current_service_url(session: Session, message: OutboxMessage) -> str:
    """The Bot Connector address Teams last gave for the conversation (a channel thread is
    reached through its channel), or the one the message was queued with."""
    channel = message.conversation_id.split(THREAD_MARK)[0]
    known = session.exec(
        select(Conversation.service_url).where(Conversation.conversation_id == channel)
    ).first()
    return known or message.service_url


def get_message(session: Session, message_id: int) -> OutboxMessage | None:
    return session.get(OutboxMessage, message_id)


def take_lane(
    session: Session, conversation_id: str, owner: str, now: datetime, hold: timedelta
) -> bool:
    """Hold the conversation's lane, unless a live process does."""
    taken = session.execute(
        update(OutboxLane)
        .where(
            col(OutboxLane.conversation_id) == conversation_id,
            or_(col(OutboxLane.owner) == owner, col(OutboxLane.held_until) < now),
        )
        .values(owner=owner, held_until=now + hold)
    )
    if taken.rowcount:  # type: ignore[attr-defined]
        return True
    try:
        with session.begin_nested():
            session.execute(
                insert(table(OutboxLane)).values(
                    conversation_id=conversation_id, owner=owner, held_until=now + hold
                )
            )
    except IntegrityError:
        return False
    return True


def renew(session: Session, owner: str, now: datetime, hold: timedelta) -> None:
    """The heartbeat: every lane and in-flight claim of a live process stays its own."""
    session.execute(
        update(OutboxLane).where(col(OutboxLane.owner) == owner).values(held_until=now + hold)
    )
    session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.claimed_by) == owner, col(OutboxMessage.status) == PENDING)
        .values(claimed_until=now + hold)
    )


def leave_lane(session: Session, conversation_id: str, owner: str) -> None:
    session.execute(
        delete(OutboxLane).where(
            col(OutboxLane.conversation_id) == conversation_id, col(OutboxLane.owner) == owner
        )
    )


def leave_all(session: Session, owner: str) -> None:
    """Hand everything back at shutdown, so another process need not wait for it to lapse."""
    session.execute(delete(OutboxLane).where(col(OutboxLane.owner) == owner))
    session.execute(
        update(OutboxMessage)
        .where(col(OutboxMessage.claimed_by) == owner, col(OutboxMessage.status) == PENDING)
        .values(claimed_by=None, claimed_until=None)
    )


def claim_for_sending(
    session: Session, message: OutboxMessage, owner: str, now: datetime, hold: timedelta
) -> bool:
    """Mark the message in flight, only while this process still holds the lane and no live
    process has it in flight: the one check that stands between a message and a second send."""
    lane_held = exists().where(
        col(OutboxLane.conversation_id) == message.conversation_id,
        col(OutboxLane.owner) == owner,
        col(OutboxLane.held_until) >= now,
    )
    claimed = session.execute(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.id) == message.id,
            col(OutboxMessage.status) == PENDING,
            or_(
                col(OutboxMessage.claimed_until).is_(None),
                col(OutboxMessage.claimed_until) < now,
                col(OutboxMessage.claimed_by) == owner,
            ),
            lane_held,
        )
        .values(claimed_by=owner, claimed_until=now + hold)
    )
    return bool(claimed.rowcount)  # type: ignore[attr-defined]


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
    if message.operation == "send" and message.duty_task_id and activity_id:
        session.execute(
            update(DutyTask)
            .where(col(DutyTask.id) == message.duty_task_id)
            .values(card_conversation_id=message.conversation_id, card_activity_id=activity_id)
        )


def retry(session: Session, message_id: int) -> OutboxMessage | None:
    """A parked message goes back in the queue (`modbot parked`), due at once whatever the
    clock of the machine that asks."""
    message = session.get(OutboxMessage, message_id)
    if message is None:
        return None
    message.status = PENDING
    message.attempts = 0
    message.next_attempt_at = message.created_at
    message.claimed_by = None
    message.claimed_until = None
    session.add(message)
    queued_on_commit(session, TOPIC, message.conversation_id)
    return message
