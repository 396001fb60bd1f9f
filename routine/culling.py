"""Section 5: what half-yearly culling (gallring) may take, and what it never takes.

Culling takes comments of temporary character: older than the account's culling age, and
nothing that anything else rests on. A comment that became a case (and so carries evidence,
a decision, a diarium number or a synpunkt), that the officer marked secret, or that is under
a legal hold (itself, or its whole thread) stays. Posts stay: they are the account's own
publication and go to the archive."""

from dataclasses import dataclass
from datetime import date, datetime, time

from routine.deadlines import STOCKHOLM, local
from routine.errors import BadCullingAge

CATEGORY = "comments"
"""The one category the default rule culls: comments of temporary character."""
MAX_MONTHS = 120


@dataclass(frozen=True)
class Candidate:
    comment_id: str
    post_id: str | None
    parent_id: str | None
    is_post: bool


@dataclass(frozen=True)
class Protections:
    with_case: frozenset[str]
    secret: frozenset[str]
    held: frozenset[str]
    """Held comment ids; a held post id holds its whole thread."""


def may_cull(candidate: Candidate, protections: Protections) -> bool:
    if candidate.is_post or candidate.comment_id in protections.with_case:
        return False
    if candidate.comment_id in protections.secret:
        return False
    thread = {candidate.comment_id, candidate.post_id, candidate.parent_id}
    return not thread & protections.held


def cutoff(now: datetime, months: int) -> datetime:
    """Midnight (Swedish time) of the same day `months` calendar months back; only what was
    written before it is old enough."""
    today = local(now).date()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, _days_in(year, month + 1))
    return datetime.combine(date(year, month + 1, day), time(0), STOCKHOLM)


def culling_age(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_MONTHS:
        raise BadCullingAge(max=MAX_MONTHS)
    return int(value)


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - date(year, month, 1)).days
