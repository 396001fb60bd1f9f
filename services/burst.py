"""Lets background work step aside while flags are pouring in.

During a burst, storing what arrives (so it is on record) comes before posting cards about it;
the card work waits for a short quiet moment, but never longer than a second.
"""

import asyncio
import time

QUIET_GAP = 0.005
LONGEST_DEFERRAL = 1.0


class Burst:
    def __init__(self) -> None:
        self._last_arrival = 0.0

    def arrived(self) -> None:
        self._last_arrival = time.monotonic()

    async def quiet(self, gap: float = QUIET_GAP, longest: float = LONGEST_DEFERRAL) -> None:
        deadline = time.monotonic() + longest
        while (now := time.monotonic()) < deadline:
            idle = now - self._last_arrival
            if idle >= gap:
                return
            await asyncio.sleep(min(gap - idle, deadline - now))
