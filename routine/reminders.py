"""Sections 3 and 6: the 48-hour limit is carried to people before it passes.

The officer is reminded in the account's channel when 24 hours and when 6 hours remain; once
the limit has passed, the account's manager is told. A case found late gets only the latest
stage: nobody needs a "24 hours left" message when 5 remain.
"""

from datetime import timedelta
from enum import StrEnum

FIRST_REMINDER = timedelta(hours=24)
"""How long before the limit the first reminder goes; nothing earlier is looked at."""


class DeadlineStage(StrEnum):
    DAY_LEFT = "deadline_24h"
    HOURS_LEFT = "deadline_6h"
    OVERDUE = "deadline_overdue"


def deadline_stage(time_left: timedelta) -> DeadlineStage | None:
    if time_left <= timedelta(0):
        return DeadlineStage.OVERDUE
    if time_left <= timedelta(hours=6):
        return DeadlineStage.HOURS_LEFT
    if time_left <= FIRST_REMINDER:
        return DeadlineStage.DAY_LEFT
    return None
