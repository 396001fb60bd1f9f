"""Routine 4.1: a synpunkt is answered (by the department it is forwarded to, if any), the
answer is published, and question and answer are registered as a snabbsynpunkt in Synpunkten
(DF Respons). Nothing may stall silently: an answer is due within a number of vardagar of the
hand-over, and the registration within a number of vardagar of the answer's publication."""

import re
from datetime import datetime

from routine.calendar import vardagar_between
from routine.deadlines import local

_REFERENCE = re.compile(r"^[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö .:/_-]{2,39}$")


def plausible_reference(value: str) -> bool:
    """A DF Respons reference as people copy it: 3–40 letters, digits and separators, with at
    least one digit ("SYN-2026-0042", "2026/1234")."""
    cleaned = value.strip()
    return bool(_REFERENCE.match(cleaned)) and any(char.isdigit() for char in cleaned)


def vardagar_since(moment: datetime, now: datetime) -> int:
    return vardagar_between(local(moment).date(), local(now).date())


def overdue(since: datetime, now: datetime, within_vardagar: int) -> bool:
    return vardagar_since(since, now) >= within_vardagar
