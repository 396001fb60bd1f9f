"""A fake Bot Connector that keeps Teams' limits the way Teams does: sliding windows over the
arrival times of the messages it accepted, per conversation and per tenant (one tenant here),
and a 429 with Retry-After for a request that would break one of them, not recorded as
delivered. Everything else is FakeBotConnector: a real HTTP server on 127.0.0.1."""

import bisect
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from outbox.pacing import PER_CONVERSATION, PER_TENANT, Window
from tests.fakes.bot_connector import FakeBotConnector


@dataclass(frozen=True)
class Arrival:
    """A request the fake accepted (or, in `throttled`, answered with 429)."""

    at: float
    conversation_id: str
    method: str
    activity_id: str | None
    """The activity replied to (POST) or updated (PUT); None for a new message."""
    limit: str = ""
    """For a 429: the window it would have broken."""


@dataclass
class PacedBotConnector(FakeBotConnector):
    conversation_limits: tuple[Window, ...] = PER_CONVERSATION
    tenant_limits: tuple[Window, ...] = PER_TENANT
    clock: Callable[[], float] = time.monotonic
    accepted: list[Arrival] = field(default_factory=list)
    throttled: list[Arrival] = field(default_factory=list)
    _conversations: dict[str, list[float]] = field(default_factory=dict)
    _tenant: list[float] = field(default_factory=list)

    async def _record(self, request: web.Request, method: str) -> web.Response:
        if self.failures:
            return await super()._record(request, method)
        # Checked and counted before any await: arrivals are judged in the order they came.
        now = self.clock()
        conversation_id = request.match_info["conversation"]
        activity_id = request.match_info.get("activity")
        mine = self._conversations.setdefault(conversation_id, [])
        wait, broken = _over(mine, self.conversation_limits, now, "conversation")
        tenant_wait, tenant_broken = _over(self._tenant, self.tenant_limits, now, "tenant")
        if broken or tenant_broken:
            self.throttled.append(
                Arrival(now, conversation_id, method, activity_id, broken or tenant_broken)
            )
            async with self._changed:
                self._changed.notify_all()
            retry_after = math.ceil(max(wait, tenant_wait) * 1000) / 1000
            return web.json_response(
                {"error": {"code": "Throttled", "message": f"over {broken or tenant_broken}"}},
                status=429,
                headers={"Retry-After": f"{max(retry_after, 0.001):.3f}"},
            )
        mine.append(now)
        self._tenant.append(now)
        _forget(mine, self.conversation_limits, now)
        _forget(self._tenant, self.tenant_limits, now)
        self.accepted.append(Arrival(now, conversation_id, method, activity_id))
        return await super()._record(request, method)


def _over(
    times: list[float], windows: tuple[Window, ...], now: float, scope: str
) -> tuple[float, str]:
    """How long until one more is allowed, and the first window it would break ("" if none).
    A window counts the arrivals less than its length before `now`."""
    wait, broken = 0.0, ""
    for window in windows:
        inside = len(times) - bisect.bisect_right(times, now - window.seconds)
        if inside >= window.count:
            leaves = times[len(times) - window.count] + window.seconds
            wait = max(wait, leaves - now)
            broken = broken or f"{scope} {window.count} per {window.seconds:g} s"
    return wait, broken


def _forget(times: list[float], windows: tuple[Window, ...], now: float) -> None:
    longest = max(window.seconds for window in windows)
    del times[: bisect.bisect_right(times, now - longest)]


def busiest(times: list[float], seconds: float) -> int:
    """The most arrivals in any window of `seconds` (less than `seconds` apart), as Teams
    counts them."""
    ordered = sorted(times)
    most, first = 0, 0
    for last, moment in enumerate(ordered):
        while moment - ordered[first] >= seconds:
            first += 1
        most = max(most, last - first + 1)
    return most
