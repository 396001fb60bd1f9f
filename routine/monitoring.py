"""Section 3: "Kontinuerligt bevaka det som publiceras. Bevakning ska ske alla vardagar."

Each vardag a digest goes to every moderating channel at the digest time; someone attests
that the accounts were monitored. Without an attestation by the reminder time the officer is
reminded; a vardag that ends without one is reported to the manager the next vardag morning.
All times are Swedish local time, so the DST nights need no special case.
"""

from datetime import date, datetime, time, timedelta

from routine.calendar import is_vardag
from routine.deadlines import local


def due_today(now: datetime, at: time) -> date | None:
    """The Swedish date whose duty at `at` is due by `now`, if today is a vardag."""
    moment = local(now)
    if is_vardag(moment.date()) and moment.time() >= at:
        return moment.date()
    return None


def previous_vardag(day: date) -> date:
    earlier = day - timedelta(days=1)
    while not is_vardag(earlier):
        earlier -= timedelta(days=1)
    return earlier
