"""Card work steps aside while flags pour in, but never for long."""

import asyncio
import time

from services.burst import Burst


async def test_quiet_returns_at_once_when_nothing_arrives() -> None:
    burst = Burst()
    started = time.monotonic()
    await burst.quiet(gap=0.01, longest=5)
    assert time.monotonic() - started < 1


async def test_quiet_waits_for_a_pause_but_not_past_the_longest_deferral() -> None:
    burst = Burst()

    async def keep_arriving() -> None:
        for _ in range(100):
            burst.arrived()
            await asyncio.sleep(0.002)

    arrivals = asyncio.create_task(keep_arriving())
    await asyncio.sleep(0)
    started = time.monotonic()
    await burst.quiet(gap=0.5, longest=0.1)
    waited = time.monotonic() - started
    arrivals.cancel()
    assert waited >= 0.09
