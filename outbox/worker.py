"""Drains the outbox: one lane per conversation, in order, paced, retried, never doubled.

A lane belongs to one process at a time (storage.outbox): it sends what a person waits on
first, then the queued cards, each kind in order, within Teams' limits (outbox.pacing). A
failing message is retried with back-off and, after MAX_ATTEMPTS, parked so that it no
longer holds the lane. Lanes of different conversations run side by side; all database work
runs in worker threads, so a locked database never stops the event loop.
"""

import asyncio
import contextlib
import json
import logging
import random
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar

from sqlmodel import Session

from outbox.connector import BotConnector, ConnectorError
from outbox.pacing import PER_CONVERSATION, PER_TENANT, Pacer, Window
from services.parking import PARK_NOW, RetryPolicy, note_failure
from storage import outbox as queue
from storage import parked
from storage.cards import get_card
from storage.db import Database, call_on_loop
from storage.models import OutboxMessage, ParkedWork

log = logging.getLogger(__name__)

MAX_DELAY_SECONDS = 300.0
MAX_ATTEMPTS = 15
"""About 40 minutes of retries with back-off before a message is parked."""
SWEEP_SECONDS = 1.0
HEARTBEAT_SECONDS = 1.0
HOLD = timedelta(seconds=4)
"""A lane or claim not renewed for this long belongs to a dead process: taken over within
HOLD + SWEEP_SECONDS."""
THROTTLED = 429

OnParked = Callable[[Session, OutboxMessage, ParkedWork], None]
T = TypeVar("T")


@dataclass(frozen=True)
class Delivered:
    """A message the Bot Connector accepted, to be recorded as sent."""

    message: OutboxMessage
    activity_id: str
    at: datetime


@dataclass(frozen=True)
class Step:
    """What a lane does next: send `message` (when `claimed`), or wait until `wait_until`, or
    end (neither)."""

    message: OutboxMessage | None
    wait_until: datetime | None
    claimed: bool
    card_activity_id: str | None
    service_url: str | None
    """Where the conversation is reached now (it may have moved since the message was queued)."""


def _record(session: Session, delivered: Delivered) -> None:
    queue.mark_sent(session, delivered.message, delivered.activity_id, delivered.at)


class Outbox:
    def __init__(
        self,
        database: Database,
        connector: BotConnector,
        clock: Callable[[], datetime],
        *,
        pacing: bool = True,
        retry_base_seconds: float = 1.0,
        conversation_limits: tuple[Window, ...] = PER_CONVERSATION,
        tenant_limits: tuple[Window, ...] = PER_TENANT,
        on_parked: OnParked | None = None,
    ) -> None:
        self._database = database
        self._connector = connector
        self._clock = clock
        self._pacing = pacing
        self._limits = conversation_limits
        self._tenant = Pacer(tenant_limits)
        self._on_parked = on_parked
        self._retries = RetryPolicy(MAX_ATTEMPTS, retry_base_seconds, MAX_DELAY_SECONDS)
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._wakes: dict[str, asyncio.Event] = {}
        self._pacers: dict[str, Pacer] = {}
        self._background: list[asyncio.Task[None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self.owner = uuid.uuid4().hex
        database.on_commit(queue.TOPIC, self.wake)

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._background = [
            asyncio.create_task(self._every(SWEEP_SECONDS, self._sweep), name="outbox-sweep"),
            asyncio.create_task(
                self._every(HEARTBEAT_SECONDS, self._heartbeat), name="outbox-heartbeat"
            ),
        ]

    async def stop(self) -> None:
        tasks = [*self._lanes.values(), *self._background]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._lanes.clear()
        await self._in_session(lambda session: queue.leave_all(session, self.owner))

    def wake(self, conversations: set[str]) -> None:
        """After a commit that queued messages, whichever thread committed."""
        call_on_loop(self._loop, self._wake_lanes, conversations)

    def _wake_lanes(self, conversations: set[str]) -> None:
        for conversation_id in conversations:
            self._wakes.setdefault(conversation_id, asyncio.Event()).set()
            lane = self._lanes.get(conversation_id)
            if lane is None or lane.done():
                self._lanes[conversation_id] = asyncio.create_task(
                    self._drain(conversation_id), name=f"outbox:{conversation_id[:40]}"
                )

    async def _every(self, seconds: float, step: Callable[[], Awaitable[None]]) -> None:
        while True:
            try:
                await step()
            except Exception:
                log.exception("outbox %s failed; trying again", getattr(step, "__name__", step))
            await asyncio.sleep(seconds)

    async def _sweep(self) -> None:
        """Picks up what was queued before a restart, by another process, or by a dead one."""
        pending = await self._reading(queue.conversations_with_pending)
        self._wake_lanes(set(pending))

    async def _heartbeat(self) -> None:
        """In a thread of its own, not the background workers': a busy screenshot or event
        batch must not delay the renewal until the lanes lapse."""
        now = self._clock()

        def renew() -> None:
            with self._database.session() as session:
                queue.renew(session, self.owner, now, HOLD)
                session.commit()

        await asyncio.to_thread(renew)

    async def _drain(self, conversation_id: str) -> None:
        taken = await self._in_session(
            lambda session: queue.take_lane(
                session, conversation_id, self.owner, self._clock(), HOLD
            )
        )
        if not taken:
            return
        try:
            pacer = await self._pacer(conversation_id)
            await self._send_in_turn(conversation_id, pacer)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("outbox lane %s stopped; the sweeper restarts it", conversation_id)
        else:
            await self._in_session(
                lambda session: queue.leave_lane(session, conversation_id, self.owner)
            )

    async def _send_in_turn(self, conversation_id: str, pacer: Pacer) -> None:
        """One write transaction per message: it records the one just delivered, picks the
        next and claims it. A delivered message is never left unrecorded while the lane waits."""
        wake = self._wakes.setdefault(conversation_id, asyncio.Event())
        delivered: Delivered | None = None
        try:
            while True:
                wait = self._pace_wait(pacer)
                if wait > 0:
                    if delivered is not None:
                        await self._in_session(partial(_record, delivered=delivered))
                        delivered = None
                    await _until(wake, wait)
                    continue
                wake.clear()
                step = await self._in_session(
                    partial(self._next_step, conversation_id=conversation_id, delivered=delivered)
                )
                delivered = None
                if step.message is None:
                    if step.wait_until is None:
                        return
                    await _until(wake, (step.wait_until - self._clock()).total_seconds())
                    continue
                if not step.claimed:
                    return
                moment = self._clock().timestamp()
                pacer.sent(moment)
                self._tenant.sent(moment)
                try:
                    activity_id = await self._deliver(step)
                except ConnectorError as error:
                    await self._failed(step.message, error, pacer)
                    continue
                delivered = Delivered(step.message, activity_id, self._clock())
        finally:
            if delivered is not None:
                await self._in_session(partial(_record, delivered=delivered))

    def _next_step(
        self, session: Session, conversation_id: str, delivered: "Delivered | None"
    ) -> "Step":
        if delivered is not None:
            _record(session, delivered)
        now = self._clock()
        upcoming = queue.next_message(session, conversation_id, now)
        message = upcoming.message
        if message is None:
            return Step(None, upcoming.wait_until, False, None, None)
        claimed = queue.claim_for_sending(session, message, self.owner, now, HOLD)
        card = get_card(session, message.card_id) if message.card_id else None
        card_activity_id = card.activity_id if card and message.operation == "update" else None
        service_url = queue.current_service_url(session, message)
        return Step(message, None, claimed, card_activity_id, service_url)

    def _pace_wait(self, pacer: Pacer) -> float:
        """Without pacing (benchmarks), only a 429's pause is kept."""
        now = self._clock().timestamp()
        if not self._pacing:
            return pacer.pause_left(now)
        return max(pacer.wait_time(now), self._tenant.wait_time(now))

    async def _pacer(self, conversation_id: str) -> Pacer:
        """A lane taken over from another process starts from what that process sent."""
        pacer = self._pacers.get(conversation_id)
        if pacer is None:
            pacer = self._pacers[conversation_id] = Pacer(self._limits)
            longest = max(window.seconds for window in self._limits)
            since = self._clock() - timedelta(seconds=longest)
            sent = await self._reading(
                lambda session: queue.sent_since(session, conversation_id, since)
            )
            pacer.remember([moment.timestamp() for moment in sent])
        return pacer

    async def _deliver(self, step: Step) -> str:
        message = step.message
        assert message is not None
        activity = json.loads(message.activity)
        service_url = step.service_url or message.service_url
        if message.operation == "update":
            if not step.card_activity_id:
                raise ConnectorError("the card to update was never delivered", transient=False)
            return await self._connector.update(
                service_url, message.conversation_id, step.card_activity_id, activity
            )
        if message.operation == "reply" and message.reply_to_id:
            return await self._connector.reply(
                service_url, message.conversation_id, message.reply_to_id, activity
            )
        return await self._connector.send(service_url, message.conversation_id, activity)

    async def _failed(self, message: OutboxMessage, error: ConnectorError, pacer: Pacer) -> None:
        """Throttling pauses this conversation only; a message that keeps failing is parked
        and the lane goes on without it."""
        if error.status == THROTTLED:
            pause = self._retries.base_seconds if error.retry_after is None else error.retry_after
            pacer.pause(self._clock().timestamp() + pause)
        await self._in_session(partial(self._note_failure, message=message, error=error))

    def _note_failure(
        self, session: Session, message: OutboxMessage, error: ConnectorError
    ) -> None:
        row = queue.get_message(session, message.id or 0)
        if row is None:
            return
        now = self._clock()
        row.attempts += 1
        row.last_error = str(error)[:1000]
        row.claimed_by = None
        row.claimed_until = None
        delay = error.retry_after
        if delay is None:
            delay = self._retries.delay(row.attempts).total_seconds() * random.uniform(0.8, 1.2)
        row.next_attempt_at = now + timedelta(seconds=delay)
        gives_up = not error.transient or row.attempts >= MAX_ATTEMPTS
        if gives_up:
            row.status = queue.FAILED
        session.add(row)
        if gives_up:
            failure = note_failure(
                session,
                parked.OUTBOX,
                str(row.id),
                error,
                now,
                PARK_NOW,
            )
            if self._on_parked is not None:
                self._on_parked(session, row, failure)
        else:
            log.warning("outbox message %s retried in %.1f s: %s", row.id, delay, error)

    async def _reading(self, work: Callable[[Session], T]) -> T:
        def run() -> T:
            with self._database.reading() as session:
                return work(session)

        return await self._database.in_background(run)

    async def _in_session(self, work: Callable[[Session], T]) -> T:
        def run() -> T:
            with self._database.session() as session:
                result = work(session)
                session.commit()
                return result

        return await self._database.in_background(run)


async def _until(wake: asyncio.Event, seconds: float) -> None:
    """Sleep, unless something new arrives for the lane first (a reply goes before cards)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), max(seconds, 0.0))
