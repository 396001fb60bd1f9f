"""Teams' limits per conversation: 7 messages per second and 60 per 30 seconds."""

from outbox.worker import Pacer


def test_the_eighth_message_in_a_second_waits() -> None:
    pacer = Pacer()
    for index in range(7):
        assert pacer.wait_time(index * 0.01) == 0
        pacer.sent(index * 0.01)
    assert 0.9 < pacer.wait_time(0.08) <= 1.0


def test_the_sixty_first_message_in_thirty_seconds_waits() -> None:
    pacer = Pacer()
    now = 0.0
    for _ in range(60):
        now += pacer.wait_time(now)
        pacer.sent(now)
        now += 0.2
    assert pacer.wait_time(now) > 15


def test_old_sends_stop_counting_after_thirty_seconds() -> None:
    pacer = Pacer()
    for index in range(60):
        pacer.sent(index * 0.2)
    assert pacer.wait_time(60.0) == 0
