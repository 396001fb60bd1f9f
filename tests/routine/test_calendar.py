"""Vardagar: Monday to Friday, minus Swedish public holidays and the non-working eves."""

from datetime import date

import pytest

from routine.calendar import is_vardag, vardagar_between


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 24), True),  # a normal Tuesday
        (date(2026, 6, 19), False),  # midsommarafton
        (date(2026, 12, 24), False),  # julafton
        (date(2026, 12, 31), False),  # nyårsafton
        (date(2027, 1, 6), False),  # trettondedag jul
        (date(2026, 3, 29), False),  # a Sunday (the spring DST night)
        (date(2026, 10, 26), True),  # the Monday after the autumn DST night
    ],
)
def test_a_vardag_excludes_weekends_holidays_and_the_eves(day: date, expected: bool) -> None:
    assert is_vardag(day) is expected


def test_between_christmas_and_new_year_only_three_days_are_vardagar() -> None:
    assert vardagar_between(date(2026, 12, 23), date(2026, 12, 31)) == 3
    assert vardagar_between(date(2026, 12, 23), date(2026, 12, 30)) == 3
    assert vardagar_between(date(2026, 12, 24), date(2026, 12, 28)) == 1
