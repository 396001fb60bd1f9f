"""Section 5: what culling may take."""

from datetime import UTC, datetime

import pytest

from routine.culling import Candidate, Protections, culling_age, cutoff, may_cull
from routine.errors import BadCullingAge

NONE = Protections(frozenset(), frozenset(), frozenset())


def comment(comment_id: str = "p_1_1", post: str = "p_1") -> Candidate:
    return Candidate(comment_id, post, post, is_post=False)


def test_a_plain_old_comment_may_be_culled_but_a_post_never() -> None:
    assert may_cull(comment(), NONE)
    assert not may_cull(Candidate("p_1", "p_1", None, is_post=True), NONE)


def test_cases_secrecy_and_holds_protect() -> None:
    assert not may_cull(comment(), Protections(frozenset({"p_1_1"}), frozenset(), frozenset()))
    assert not may_cull(comment(), Protections(frozenset(), frozenset({"p_1_1"}), frozenset()))
    assert not may_cull(comment(), Protections(frozenset(), frozenset(), frozenset({"p_1_1"})))


def test_a_hold_on_a_post_holds_its_whole_thread() -> None:
    held = Protections(frozenset(), frozenset(), frozenset({"p_1"}))
    assert not may_cull(comment("p_1_7"), held)
    assert may_cull(comment("p_2_1", "p_2"), held)


def test_the_culling_age_counts_calendar_months_in_swedish_time() -> None:
    assert cutoff(datetime(2026, 8, 31, 12, tzinfo=UTC), 6).isoformat() == (
        "2026-02-28T00:00:00+01:00"
    )
    assert cutoff(datetime(2026, 1, 15, 23, 30, tzinfo=UTC), 1).date().isoformat() == ("2025-12-16")


@pytest.mark.parametrize("given", ["0", "121", "sex", "-3"])
def test_a_culling_age_is_whole_months(given: str) -> None:
    with pytest.raises(BadCullingAge):
        culling_age(given)
