"""Group commit for flag intake: flags that arrive together are stored in one transaction.

A burst of flags (a screening run, a webhook storm) then costs one database commit per
batch instead of one per flag. Each flag is answered only after the commit that stored it,
so a 201 always means the case and its raw evidence are on disk.
"""

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from routine.screening import WordList
from services.burst import Burst
from services.evidence import EvidenceFiles
from services.intake import FlagIn, FlagRejected, IntakeResult, accept_flag
from storage.db import Database

log = logging.getLogger(__name__)

Pending = tuple[FlagIn, bytes, asyncio.Future[IntakeResult]]


class IntakeQueue:
    def __init__(
        self,
        database: Database,
        files: EvidenceFiles,
        clock: Callable[[], datetime],
        on_new_cases: Callable[[], None],
        burst: Burst,
        word_lists: list[WordList],
    ) -> None:
        self._word_lists = word_lists
        self._burst = burst
        self._database = database
        self._files = files
        self._clock = clock
        self._on_new_cases = on_new_cases
        self._pending: list[Pending] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="intake")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        for _, _, future in self._pending:
            future.cancel()

    async def submit(self, flag: FlagIn, raw_body: bytes) -> IntakeResult:
        future: asyncio.Future[IntakeResult] = asyncio.get_running_loop().create_future()
        self._burst.arrived()
        self._pending.append((flag, raw_body, future))
        self._wake.set()
        return await future

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, []
            self._store(batch)

    def _store(self, batch: list[Pending]) -> None:
        stored: list[tuple[asyncio.Future[IntakeResult], IntakeResult]] = []
        try:
            with self._database.session() as session:
                now = self._clock()
                for flag, raw_body, future in batch:
                    try:
                        stored.append(
                            (
                                future,
                                accept_flag(
                                    session, self._files, flag, raw_body, now, self._word_lists
                                ),
                            )
                        )
                    except FlagRejected as rejected:
                        future.set_exception(rejected)
                session.commit()
        except Exception as error:
            log.exception("storing %d flags failed; none of them is stored", len(stored))
            for future, _ in stored:
                future.set_exception(error)
            return
        for future, result in stored:
            if not future.cancelled():
                future.set_result(result)
        if any(result.created for _, result in stored):
            self._on_new_cases()
