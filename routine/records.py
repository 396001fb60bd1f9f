"""Section 4: what a printout of an account's records shows, and in which order.

Everything posted in the period, thread by thread (the post, then its comments as they were
written), each with whether it came from outside or from the municipality and what became of
it. An item marked secret keeps its place, origin, time and status; its author and text are
left out and the reason stands in their place."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from routine.deadlines import STOCKHOLM
from routine.errors import BadPeriodGiven


class Status(StrEnum):
    PUBLISHED = "published"
    REMOVED_BY_MUNICIPALITY = "removed_by_municipality"
    DELETED_BY_AUTHOR = "deleted_by_author"


@dataclass(frozen=True)
class Item:
    comment_id: str
    thread: str
    """The post the item belongs to (its own id for a post)."""
    is_post: bool
    origin: str
    author: str
    written_at: datetime
    text: str
    earlier_texts: tuple[tuple[datetime, str], ...]
    status: Status
    diarium_number: str | None
    decision: str | None
    """The kind of the case's decision, if the item was flagged and decided."""
    decided_by: str | None
    decided_at: datetime | None
    secret_reason: str | None
    synpunkt_reference: str | None = None
    """Where a synpunkt was registered in Synpunkten (routine 4.1), so that the printout leads
    to the question and its answer."""


def period(start: str, end: str) -> tuple[date, date]:
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        raise BadPeriodGiven() from None
    if last < first:
        raise BadPeriodGiven()
    return first, last


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the first day's midnight to the midnight after the last day, Swedish time."""
    start = datetime.combine(first, time(0), STOCKHOLM)
    end = datetime.combine(last + timedelta(days=1), time(0), STOCKHOLM)
    return start, end


def status_of(deleted_by_author: bool, removed_by_municipality: bool) -> Status:
    if removed_by_municipality:
        return Status.REMOVED_BY_MUNICIPALITY
    if deleted_by_author:
        return Status.DELETED_BY_AUTHOR
    return Status.PUBLISHED


def in_thread_order(items: list[Item]) -> list[Item]:
    """Threads in the order they began; in each, the post first, then by time written."""
    began: dict[str, datetime] = {}
    for item in items:
        began[item.thread] = min(began.get(item.thread, item.written_at), item.written_at)
    return sorted(
        items,
        key=lambda i: (began[i.thread], i.thread, not i.is_post, i.written_at, i.comment_id),
    )
