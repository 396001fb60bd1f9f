"""Section 3: an account is updated "helst åtminstone en gång i veckan", and it always has a
responsible officer. The bot nudges the officer after a week of silence and the manager after
two, and then every further week until the account is updated or closed: the duty does not
lapse. An account without an officer is reported to its manager every vardag, once it has had
an hour to get one (a new account is not met with a burst of reminders)."""

from datetime import datetime, timedelta
from enum import StrEnum

OFFICER_AFTER = timedelta(days=7)
MANAGER_AFTER = timedelta(days=14)
WEEK = timedelta(days=7)
NEW_ACCOUNT_GRACE = timedelta(hours=1)


class Nudge(StrEnum):
    OFFICER = "update_nudge_officer"
    MANAGER = "update_nudge_manager"


def nudges_due(last_activity: datetime, now: datetime) -> list[tuple[Nudge, str]]:
    """Each nudge due with the stretch it belongs to (a nudge is sent once per stretch):
    `last_activity` is the last publication, or the linking of an account never published."""
    silent = now - last_activity
    stretch = last_activity.isoformat()
    due = []
    if silent >= OFFICER_AFTER:
        due.append((Nudge.OFFICER, stretch))
    if silent >= MANAGER_AFTER:
        due.append((Nudge.MANAGER, f"{stretch}/week-{silent // WEEK}"))
    return due


def missing_officer_reported(linked_at: datetime, now: datetime) -> bool:
    return now - linked_at >= NEW_ACCOUNT_GRACE
