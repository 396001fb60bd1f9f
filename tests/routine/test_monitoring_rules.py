"""When the monitoring duties of section 3 fall due, in Swedish time."""

from datetime import UTC, date, datetime, time

from routine.monitoring import due_today, previous_vardag

EIGHT = time(8, 0)


def test_the_digest_is_due_from_eight_on_a_normal_tuesday() -> None:
    assert due_today(datetime(2026, 11, 24, 6, 59, tzinfo=UTC), EIGHT) is None
    assert due_today(datetime(2026, 11, 24, 7, 0, tzinfo=UTC), EIGHT) == date(2026, 11, 24)


def test_nothing_is_due_on_julafton_nyarsafton_trettondagen_or_midsommarafton() -> None:
    for day in (date(2026, 12, 24), date(2026, 12, 31), date(2027, 1, 6), date(2026, 6, 19)):
        assert due_today(datetime(day.year, day.month, day.day, 12, tzinfo=UTC), EIGHT) is None


def test_eight_o_clock_follows_summer_time_after_the_march_night() -> None:
    assert due_today(datetime(2026, 3, 30, 5, 59, tzinfo=UTC), EIGHT) is None
    assert due_today(datetime(2026, 3, 30, 6, 0, tzinfo=UTC), EIGHT) == date(2026, 3, 30)


def test_eight_o_clock_follows_winter_time_after_the_october_night() -> None:
    assert due_today(datetime(2026, 10, 26, 6, 59, tzinfo=UTC), EIGHT) is None
    assert due_today(datetime(2026, 10, 26, 7, 0, tzinfo=UTC), EIGHT) == date(2026, 10, 26)


def test_the_vardag_before_a_monday_is_the_friday() -> None:
    assert previous_vardag(date(2026, 11, 30)) == date(2026, 11, 27)
    assert previous_vardag(date(2026, 12, 28)) == date(2026, 12, 23)
    assert previous_vardag(date(2027, 1, 7)) == date(2027, 1, 5)
