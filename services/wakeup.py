"""A wake-up call any thread may make: commits happen in worker threads, the workers they
wake live on the event loop."""

import asyncio
import contextlib

from storage.db import call_on_loop

LOOK_AGAIN_SECONDS = 30.0


class Wakeup:
    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    def bind(self) -> None:
        """Called from the worker's start, on the loop it runs on."""
        self._loop = asyncio.get_running_loop()

    def set(self) -> None:
        call_on_loop(self._loop, self._event.set)

    def clear(self) -> None:
        self._event.clear()

    async def wait(self, timeout: float | None = None) -> None:
        """Until woken, or `timeout` seconds: a worker also looks on its own now and then,
        for what another process (`modbot parked retry`) handed it."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), timeout)

    def is_set(self) -> bool:
        return self._event.is_set()
