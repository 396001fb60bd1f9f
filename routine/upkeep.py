"""Section 3: an account is updated "helst åtminstone en gång i veckan", and it always has a
responsible officer. The bot nudges the officer after a week of silence and the manager after
two; an account without an officer is reported to its manager every vardag."""

from datetime import datetime, timedelta
from enum import StrEnum

OFFICER_AFTER = timedelta(days=7)
MANAGER_AFTER = timedelta(days=14)


class Nudge(StrEnum):
    OFFICER = "update_nudge_officer"
    MANAGER = "update_nudge_manager"


def nudges_due(last_activity: datetime, now: datetime) -> list[Nudge]:
    """`last_activity` is the last publication, or the linking of an account never published."""
    silent = now - last_activity
    due = []
    if silent >= OFFICER_AFTER:
        due.append(Nudge.OFFICER)
    if silent >= MANAGER_AFTER:
        due.append(Nudge.MANAGER)
    return due
