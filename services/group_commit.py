"""Group commit: what arrives together is stored in one transaction, and each caller is
answered only after the commit that stored its item. A burst then costs one commit per batch
instead of one per item, and an answer always means the item is on disk. The transaction runs
in a worker thread, so a lock held elsewhere never stops the event loop."""

import asyncio
import logging
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from typing import Generic, TypeVar

from services.burst import Burst

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")


class GroupCommit(ABC, Generic[Item, Result]):
    def __init__(self, name: str, burst: Burst) -> None:
        self._name = name
        self._burst = burst
        self._pending: list[tuple[Item, asyncio.Future[Result]]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        """Its own thread: a burst of flags never waits behind other work for a thread."""

    @abstractmethod
    def store_batch(self, items: list[Item]) -> list[Result | Exception]:
        """Store the batch in one transaction; one outcome per item, in order. Raising means
        none of them is stored."""

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=self._name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        self._writer.shutdown(wait=False)
        for _, future in self._pending:
            future.cancel()

    async def submit(self, item: Item) -> Result:
        self._burst.arrived()
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        self._wake.set()
        return await future

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, []
            try:
                outcomes = await asyncio.get_running_loop().run_in_executor(
                    self._writer, self.store_batch, [item for item, _ in batch]
                )
            except Exception as error:
                log.exception("%s: storing %d items failed; none is stored", self._name, len(batch))
                outcomes = [error] * len(batch)
            for (_, future), outcome in zip(batch, outcomes, strict=True):
                if future.done():
                    continue
                if isinstance(outcome, Exception):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)
