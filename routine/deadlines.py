"""Sections 3, 4 and 6: forbidden content is removed within 48 hours of being posted.

The routine's limit is stricter than the "reasonable time" of Lagen om elektroniska
anslagstavlor, and it runs from when the comment was written, not from when it was flagged.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

REMOVAL_LIMIT = timedelta(hours=48)
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def removal_deadline(comment_created_at: datetime) -> datetime:
    return comment_created_at + REMOVAL_LIMIT


def time_left(comment_created_at: datetime, now: datetime) -> timedelta:
    """Negative once the limit has passed."""
    return removal_deadline(comment_created_at) - now


def lateness(comment_created_at: datetime, removed_at: datetime) -> timedelta | None:
    """How long after the limit a removal happened; None when it was in time."""
    overshoot = removed_at - removal_deadline(comment_created_at)
    return overshoot if overshoot > timedelta(0) else None


def local(moment: datetime) -> datetime:
    """The users read every time in Swedish local time."""
    return moment.astimezone(STOCKHOLM)
