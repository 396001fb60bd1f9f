"""Platform notifications: stored first, answered, then worked on.

`InboundQueue.store` returns once the raw body is committed (events arriving together share
one commit), so the platform hears 200 only for what is on disk. `EventProcessor` reads the
stored events in order, records their comments and screens them; after a restart it simply
continues with what is not processed yet. A body it cannot read is kept, marked with why.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, col, select

from platforms.events import CommentEvent
from routine.screening import WordList
from services.burst import Burst
from services.comments import record_event
from services.evidence import EvidenceFiles
from services.group_commit import GroupCommit
from services.parking import ParkedNotices, RetryPolicy, note_failure
from services.wakeup import LOOK_AGAIN_SECONDS, Wakeup
from storage import parked
from storage.db import Database, call_on_loop
from storage.models import InboundEvent, table

log = logging.getLogger(__name__)

Reader = Callable[[bytes, datetime], list[CommentEvent]]
BATCH = 50
RETRIES = RetryPolicy(attempts=3, base_seconds=5.0, max_seconds=60.0)


class InboundQueue(GroupCommit[tuple[str, bytes], None]):
    def __init__(
        self,
        database: Database,
        clock: Callable[[], datetime],
        on_stored: Callable[[], None],
        burst: Burst,
    ) -> None:
        super().__init__("inbound-store", burst)
        self._database = database
        self._clock = clock
        self._on_stored = on_stored

    async def store(self, source: str, body: bytes) -> None:
        await self.submit((source, body))

    def store_batch(self, items: list[tuple[str, bytes]]) -> list[None | Exception]:
        with self._database.session() as session:
            now = self._clock()
            session.connection().execute(
                insert(table(InboundEvent)),
                [
                    {"source": source, "body": body.decode(), "received_at": now}
                    for source, body in items
                ],
            )
            session.commit()
        self._on_stored()
        return [None] * len(items)


class EventProcessor:
    def __init__(
        self,
        database: Database,
        files: EvidenceFiles,
        clock: Callable[[], datetime],
        readers: dict[str, Reader],
        word_lists: Sequence[WordList],
        on_new_cases: Callable[[], None],
        quiet: Callable[[], Awaitable[None]],
        notices: ParkedNotices,
    ) -> None:
        self._quiet = quiet
        self._notices = notices
        self._database = database
        self._files = files
        self._clock = clock
        self._readers = readers
        self._word_lists = word_lists
        self._on_new_cases = on_new_cases
        self._wake = Wakeup()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake.bind()
        self._wake.set()
        self._task = asyncio.create_task(self._run(), name="inbound-process")

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        """The work runs in a worker thread: a locked database never stops the event loop."""
        while True:
            await self._wake.wait(LOOK_AGAIN_SECONDS)
            self._wake.clear()
            while True:
                await self._quiet()
                try:
                    if not await self._database.in_background(self.process_batch):
                        break
                except Exception:
                    log.exception("inbound events: processing failed; trying again in 5 s")
                    await asyncio.sleep(5)

    def process_batch(self) -> int:
        """Work on up to BATCH stored events in one transaction; returns how many. Should one
        of them fail unexpectedly, the batch is redone one event per transaction, so that only
        that event fails: it is tried again a few times, then parked (its body stays on
        record) and kanslienheten told."""
        with self._database.reading() as session:
            skip = [int(ref) for ref in parked.held_back(session, parked.INBOUND, self._clock())]
            ids = list(
                session.exec(
                    select(InboundEvent.id)
                    .where(
                        col(InboundEvent.processed_at).is_(None), col(InboundEvent.id).not_in(skip)
                    )
                    .order_by(col(InboundEvent.id))
                    .limit(BATCH)
                )
            )
        if not ids:
            return 0
        try:
            new_cases = self._process(ids)
        except Exception:
            log.exception("processing events %s–%s failed; retrying one by one", ids[0], ids[-1])
            new_cases = False
            for event_id in ids:
                try:
                    new_cases |= self._process([event_id])
                except Exception as error:
                    log.exception("inbound event %s failed", event_id)
                    self._mark_failed(event_id, error)
        if new_cases:
            self._on_new_cases()
        return len(ids)

    def _process(self, ids: list[int | None]) -> bool:
        with self._database.session() as session:
            now = self._clock()
            new_cases = False
            outcomes = []
            stored = session.connection().execute(_READ, {"ids": ids})
            for event_id, source, body in stored:
                outcome, flagged = self._changes(session, event_id, source, body, now)
                new_cases |= flagged
                outcomes.append({"event_id": event_id, "outcome": outcome, "at": now})
            session.connection().execute(_MARK, outcomes)
            session.commit()
        return new_cases

    def _mark_failed(self, event_id: int | None, error: Exception) -> None:
        with self._database.session() as session:
            now = self._clock()
            failure = note_failure(session, parked.INBOUND, str(event_id), error, now, RETRIES)
            if failure.parked_at is not None:
                outcome = f"parked: {failure.last_error}"[:1000]
                session.connection().execute(
                    _MARK, [{"event_id": event_id, "outcome": outcome, "at": now}]
                )
                source = session.get(InboundEvent, event_id)
                self._notices.tell(
                    session,
                    "parked_event",
                    failure,
                    source=source.source if source else "?",
                    ref=event_id,
                )
            session.commit()
        if failure.parked_at is None and self._loop is not None:
            delay = (failure.next_attempt_at - now).total_seconds()
            call_on_loop(self._loop, self._wake_later, delay)

    def _wake_later(self, seconds: float) -> None:
        asyncio.get_running_loop().call_later(seconds, self._wake.set)

    def _changes(
        self, session: Session, event_id: int, source: str, body: str, now: datetime
    ) -> tuple[str, bool]:
        reader = self._readers.get(source)
        if reader is None:
            return f"no reader for {source}", False
        try:
            changes = reader(body.encode(), now)
        except ValueError as error:
            log.warning("inbound event %s unreadable: %s", event_id, error)
            return f"unreadable: {error}"[:1000], False
        unknown = 0
        flagged = False
        for change in changes:
            recorded = record_event(session, self._files, change, self._word_lists, now)
            unknown += not recorded.known_account
            flagged |= recorded.new_case
        return f"{len(changes)} changes, {unknown} for accounts not connected", flagged


_EVENTS = table(InboundEvent)
_READ = (
    select(_EVENTS.c.id, _EVENTS.c.source, _EVENTS.c.body)
    .where(_EVENTS.c.id.in_(bindparam("ids", expanding=True)))
    .order_by(_EVENTS.c.id)
)
_MARK = (
    update(_EVENTS)
    .where(_EVENTS.c.id == bindparam("event_id"))
    .values(processed_at=bindparam("at"), outcome=bindparam("outcome"))
)
