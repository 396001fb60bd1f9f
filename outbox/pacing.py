"""Teams' published limits, kept before a message is sent rather than learnt from 429s.

Per bot and conversation: 7 messages per second, 8 per 2 seconds, 60 per 30 seconds and
1,800 per hour; per app and tenant: 50 per second. A raid on one post then becomes a queue in
its channel instead of a storm of 429s, and other channels go on at their own pace.
"""

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    count: int
    seconds: float


PER_CONVERSATION = (Window(7, 1), Window(8, 2), Window(60, 30), Window(1800, 3600))
PER_TENANT = (Window(50, 1),)
MARGIN_SECONDS = 0.05
"""Teams counts when a message arrives, we when it leaves: a little slack for the difference
(at most 2.5 % of a window, so that a scaled window gets a scaled slack)."""


def scaled(windows: tuple[Window, ...], scale: float) -> tuple[Window, ...]:
    """The same limits on a faster clock (`scale` 0.01: an hour in 36 s), for the raid bench."""
    return tuple(Window(window.count, window.seconds * scale) for window in windows)


class Pacer:
    """Sliding windows of send times, and a pause a 429's Retry-After asks for."""

    def __init__(self, windows: tuple[Window, ...]) -> None:
        self._windows = windows
        self._longest = max(window.seconds for window in windows)
        self._sent: deque[float] = deque()
        self._paused_until = 0.0

    def wait_time(self, now: float) -> float:
        while self._sent and now - self._sent[0] >= self._longest + MARGIN_SECONDS:
            self._sent.popleft()
        waits = [0.0, self._paused_until - now]
        for window in self._windows:
            if len(self._sent) >= window.count:
                margin = min(MARGIN_SECONDS, window.seconds * 0.025)
                waits.append(self._sent[-window.count] + window.seconds + margin - now)
        return max(waits)

    def sent(self, now: float) -> None:
        self._sent.append(now)

    def pause_left(self, now: float) -> float:
        return max(self._paused_until - now, 0.0)

    def pause(self, until: float) -> None:
        self._paused_until = max(self._paused_until, until)

    def remember(self, times: list[float]) -> None:
        """What was sent before this process took the conversation over, oldest first."""
        self._sent = deque(sorted([*self._sent, *times]))
