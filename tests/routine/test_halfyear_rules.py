"""Sections 4 and 5: the half-year archive and culling periods."""

from datetime import UTC, date, datetime, timedelta

import pytest

from routine.halfyear import (
    archived_span,
    current_period,
    manager_due,
    parse_dates,
    reminder_week,
)

DATES = [(6, 1), (12, 1)]


def test_dates_are_read_from_configuration() -> None:
    assert parse_dates("12-01, 06-01") == DATES
    with pytest.raises(ValueError):
        parse_dates("13-01")


def test_the_period_starts_on_the_latest_date_in_swedish_time() -> None:
    assert current_period(datetime(2026, 11, 30, 22, 59, tzinfo=UTC), DATES) == date(2026, 6, 1)
    assert current_period(datetime(2026, 11, 30, 23, 0, tzinfo=UTC), DATES) == date(2026, 12, 1)
    assert current_period(datetime(2027, 3, 1, tzinfo=UTC), DATES) == date(2026, 12, 1)


def test_weekly_reminders_start_a_week_after_the_task_opened() -> None:
    opened = datetime(2026, 12, 1, 7, tzinfo=UTC)
    assert reminder_week(opened, opened + timedelta(days=6)) is None
    assert reminder_week(opened, opened + timedelta(days=7)) == "2026-W50"


def test_the_manager_is_told_after_thirty_days() -> None:
    opened = datetime(2026, 12, 1, 7, tzinfo=UTC)
    assert not manager_due(opened, opened + timedelta(days=29))
    assert manager_due(opened, opened + timedelta(days=30))


def test_the_archive_holds_the_half_year_before_the_archive_date() -> None:
    dates = [(6, 1), (12, 1)]
    assert archived_span(date(2026, 12, 1), dates) == (date(2026, 6, 1), date(2026, 11, 30))
    assert archived_span(date(2026, 6, 1), dates) == (date(2025, 12, 1), date(2026, 5, 31))
