"""Drains the outbox: one lane per conversation, in order, paced, retried, never dropped.

Order matters within a conversation (a card before its update), so a lane stops at a message
that must be retried and goes on only once it is sent. Lanes of different conversations run
side by side. Pacing keeps each conversation within Teams' published limits (7 messages per
second, 60 per 30 seconds), so a burst becomes a queue instead of a storm of 429s.
"""

import asyncio
import json
import logging
import random
import time
import uuid
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from enum import Enum

from outbox.connector import BotConnector, ConnectorError
from storage import outbox as queue
from storage.cards import get_card
from storage.db import Database
from storage.models import OutboxMessage

log = logging.getLogger(__name__)

PER_SECOND = 7
PER_30_SECONDS = 60
MAX_DELAY_SECONDS = 300.0
BATCH = 50
SWEEP_SECONDS = 1.0
CLAIM_HOLD = timedelta(seconds=60)


class Step(Enum):
    """What a lane does after one message."""

    NEXT = "next"
    REFETCH = "refetch"
    """A retry was scheduled: read the queue again, the head waits for its time."""
    LEAVE = "leave"
    """Another process holds the head of this conversation: leave it the lane."""


class Pacer:
    """Sliding windows of send times for one conversation."""

    def __init__(self) -> None:
        self._sent: deque[float] = deque()

    def wait_time(self, now: float) -> float:
        while self._sent and now - self._sent[0] >= 30:
            self._sent.popleft()
        waits = [0.0]
        if len(self._sent) >= PER_30_SECONDS:
            waits.append(self._sent[-PER_30_SECONDS] + 30 - now)
        if len(self._sent) >= PER_SECOND:
            waits.append(self._sent[-PER_SECOND] + 1 - now)
        return max(waits)

    def sent(self, now: float) -> None:
        self._sent.append(now)


class Outbox:
    def __init__(
        self,
        database: Database,
        connector: BotConnector,
        clock: Callable[[], datetime],
        *,
        pacing: bool = True,
        retry_base_seconds: float = 1.0,
    ) -> None:
        self._database = database
        self._connector = connector
        self._clock = clock
        self._pacing = pacing
        self._retry_base = retry_base_seconds
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._pacers: dict[str, Pacer] = {}
        self._sweeper: asyncio.Task[None] | None = None
        self._owner = uuid.uuid4().hex
        database.on_commit(queue.TOPIC, self.wake)

    def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep(), name="outbox-sweeper")

    async def stop(self) -> None:
        tasks = [*self._lanes.values(), *([self._sweeper] if self._sweeper else [])]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._lanes.clear()
        with self._database.session() as session:
            queue.release(session, self._owner)
            session.commit()

    def wake(self, conversations: set[str]) -> None:
        for conversation_id in conversations:
            lane = self._lanes.get(conversation_id)
            if lane is None or lane.done():
                self._lanes[conversation_id] = asyncio.create_task(
                    self._drain(conversation_id), name=f"outbox:{conversation_id[:40]}"
                )

    async def _sweep(self) -> None:
        """Picks up what was queued before a restart or by another process."""
        while True:
            try:
                with self._database.session() as session:
                    self.wake(set(queue.conversations_with_pending(session)))
            except Exception:
                log.exception("outbox sweep failed")
            await asyncio.sleep(SWEEP_SECONDS)

    async def _drain(self, conversation_id: str) -> None:
        try:
            while True:
                with self._database.session() as session:
                    batch = queue.pending_in_conversation(session, conversation_id, BATCH)
                if not batch:
                    return
                wait = (batch[0].next_attempt_at - self._clock()).total_seconds()
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
                held = self._claim(batch)
                for message in batch:
                    step = (
                        await self._deliver_in_turn(message) if message.id in held else Step.LEAVE
                    )
                    if step is Step.LEAVE:
                        return
                    if step is Step.REFETCH:
                        break
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("outbox lane %s stopped; the sweeper restarts it", conversation_id)

    async def _deliver_in_turn(self, message: OutboxMessage) -> Step:
        """Claims are only taken on due messages, and only the pacing (under 30 s, less than a
        claim's hold) is waited for while holding them."""
        if message.next_attempt_at > self._clock():
            return Step.REFETCH
        if self._pacing:
            pacer = self._pacers.setdefault(message.conversation_id, Pacer())
            wait = pacer.wait_time(time.monotonic())
            if wait > 0:
                await asyncio.sleep(wait)
            pacer.sent(time.monotonic())
        try:
            activity_id = await self._deliver(message)
        except ConnectorError as error:
            return self._failed(message, error)
        self._sent(message, activity_id)
        return Step.NEXT

    async def _deliver(self, message: OutboxMessage) -> str:
        activity = json.loads(message.activity)
        if message.operation == "update":
            with self._database.session() as session:
                card = get_card(session, message.card_id) if message.card_id else None
            if card is None or not card.activity_id:
                raise ConnectorError("the card to update was never delivered", transient=False)
            return await self._connector.update(
                message.service_url, message.conversation_id, card.activity_id, activity
            )
        if message.operation == "reply" and message.reply_to_id:
            return await self._connector.reply(
                message.service_url, message.conversation_id, message.reply_to_id, activity
            )
        return await self._connector.send(message.service_url, message.conversation_id, activity)

    def _claim(self, batch: list[OutboxMessage]) -> set[int]:
        """A message another process holds ends this lane there: that process keeps the
        conversation, so its messages still go out in order."""
        ids = [message.id for message in batch if message.id is not None]
        with self._database.session() as session:
            held = queue.claim(session, ids, self._owner, self._clock(), CLAIM_HOLD)
            session.commit()
        return held

    def _sent(self, message: OutboxMessage, activity_id: str) -> None:
        with self._database.session() as session:
            queue.mark_sent(session, message, activity_id, self._clock())
            session.commit()

    def _failed(self, message: OutboxMessage, error: ConnectorError) -> Step:
        with self._database.session() as session:
            row = queue.get_message(session, message.id or 0)
            if row is None:
                return Step.REFETCH
            row.attempts += 1
            row.last_error = str(error)[:1000]
            row.claimed_by = None
            row.claimed_until = None
            if error.transient:
                delay = error.retry_after
                if delay is None:
                    delay = min(self._retry_base * 2 ** (row.attempts - 1), MAX_DELAY_SECONDS)
                    delay *= random.uniform(0.8, 1.2)
                row.next_attempt_at = self._clock() + timedelta(seconds=delay)
                log.warning("outbox message %s retried in %.1f s: %s", row.id, delay, error)
            else:
                row.status = queue.FAILED
                log.error("outbox message %s failed for good: %s", row.id, error)
            session.add(row)
            session.commit()
            return Step.REFETCH if error.transient else Step.NEXT
