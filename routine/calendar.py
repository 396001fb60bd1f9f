"""Section 3: monitoring happens "alla vardagar". A vardag is Monday to Friday, except Swedish
public holidays and the eves municipalities treat as non-working (midsommarafton, julafton,
nyårsafton), taken from the maintained `holidays` library rather than a list of our own."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=8)
def _days_off(year: int) -> holidays.HolidayBase:
    return holidays.Sweden(years=year, categories=("public", "de_facto"))


def is_vardag(day: date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def vardagar_between(start: date, end: date) -> int:
    """Vardagar after `start` up to and including `end`: the age of something in working days."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        count += is_vardag(day)
    return count
