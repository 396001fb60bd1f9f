"""A wake-up call any thread may make: commits happen in worker threads, the workers they
wake live on the event loop."""

import asyncio

from storage.db import call_on_loop


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

    async def wait(self) -> None:
        await self._event.wait()

    def is_set(self) -> bool:
        return self._event.is_set()
