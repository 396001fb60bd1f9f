"""Sections 4 and 5: twice a year each account is archived (a PDF of its start page to
kommunarkivet) and culled (gallring). A task opens on each configured date; it is reminded
weekly until done, and its manager is told once it has been open for 30 days."""

from datetime import date, datetime, timedelta
from enum import StrEnum

from routine.deadlines import local

REMIND_EVERY = timedelta(days=7)
MANAGER_AFTER = timedelta(days=30)


class Duty(StrEnum):
    ARCHIVE = "archive"
    CULLING = "culling"
    FINAL_ARCHIVE = "final_archive"
    """Sections 3 and 5: the last archiving of an account being closed."""


def parse_dates(value: str) -> list[tuple[int, int]]:
    """ "06-01,12-01" → [(6, 1), (12, 1)]; raises ValueError for anything else."""
    dates = []
    for part in value.split(","):
        month, day = (int(number) for number in part.strip().split("-"))
        date(2024, month, day)
        dates.append((month, day))
    if not dates:
        raise ValueError("no dates")
    return sorted(dates)


def current_period(now: datetime, dates: list[tuple[int, int]]) -> date:
    """The latest configured date on or before today (Swedish time): the period's start."""
    today = local(now).date()
    candidates = [
        date(year, month, day) for year in (today.year - 1, today.year) for month, day in dates
    ]
    return max(start for start in candidates if start <= today)


def archived_span(period_start: date, dates: list[tuple[int, int]]) -> tuple[date, date]:
    """What an archive task opened on `period_start` archives: from the configured date before
    it up to the day before it (with 06-01,12-01: 2026-06-01 – 2026-11-30)."""
    earlier = [
        date(year, month, day)
        for year in (period_start.year - 1, period_start.year)
        for month, day in dates
    ]
    first = max(start for start in earlier if start < period_start)
    return first, period_start - timedelta(days=1)


def reminder_week(opened_at: datetime, now: datetime) -> str | None:
    """The ISO week a weekly reminder belongs to, from a week after the task opened."""
    if now - opened_at < REMIND_EVERY:
        return None
    year, week, _ = local(now).isocalendar()
    return f"{year}-W{week:02d}"


def manager_due(opened_at: datetime, now: datetime) -> bool:
    return now - opened_at >= MANAGER_AFTER
