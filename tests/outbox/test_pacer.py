"""Teams' limits per conversation: 7 per second, 8 per 2 seconds, 60 per 30 seconds and
1,800 per hour; 50 per second per tenant; and the pause a 429 asks for."""

from outbox.pacing import MARGIN_SECONDS, PER_CONVERSATION, PER_TENANT, Pacer, Window


def _send_as_fast_as_allowed(pacer: Pacer, count: int, start: float = 0.0) -> list[float]:
    now, times = start, []
    for _ in range(count):
        now += pacer.wait_time(now)
        pacer.sent(now)
        times.append(now)
    return times


def _most_in_any_window(times: list[float], seconds: float) -> int:
    return max(sum(1 for t in times if start <= t < start + seconds) for start in times)


def test_a_raid_never_breaks_any_of_teams_limits() -> None:
    times = _send_as_fast_as_allowed(Pacer(PER_CONVERSATION), 2000)
    for window in PER_CONVERSATION[:3]:
        assert _most_in_any_window(times, window.seconds) <= window.count
    assert _most_in_any_window(times, 3600) <= 1800


def test_the_ninth_message_in_two_seconds_waits_although_the_last_second_had_one() -> None:
    pacer = Pacer(PER_CONVERSATION)
    times = _send_as_fast_as_allowed(pacer, 9)
    assert times[7] < 1.2
    assert times[8] >= 2.0


def test_the_sixty_first_message_in_thirty_seconds_waits() -> None:
    pacer = Pacer(PER_CONVERSATION)
    _send_as_fast_as_allowed(pacer, 60)
    times = _send_as_fast_as_allowed(pacer, 1, start=20.0)
    assert times[0] >= 30.0


def test_old_sends_stop_counting_after_their_window() -> None:
    pacer = Pacer((Window(60, 30),))
    for index in range(60):
        pacer.sent(index * 0.2)
    assert pacer.wait_time(42.0 + MARGIN_SECONDS) == 0


def test_the_tenant_allows_fifty_a_second() -> None:
    times = _send_as_fast_as_allowed(Pacer(PER_TENANT), 200)
    assert _most_in_any_window(times, 1.0) <= 50


def test_a_429_pauses_the_conversation_until_retry_after() -> None:
    pacer = Pacer(PER_CONVERSATION)
    pacer.pause(5.0)
    assert pacer.wait_time(1.0) == 4.0


def test_a_lane_taken_over_counts_what_the_other_process_sent() -> None:
    pacer = Pacer(PER_CONVERSATION)
    pacer.remember([0.1 * index for index in range(8)])
    assert pacer.wait_time(1.0) > 0.5
