"""The routine's rules, read next to sections 3, 4 and 6."""

from datetime import UTC, datetime, timedelta
from string import Formatter

from routine.categories import Category, parse_category
from routine.deadlines import lateness, removal_deadline, time_left
from routine.decisions import CaseState, DecisionKind, case_state
from routine.diarium import diarium_year, format_diarium_number, valid_prefix
from texts import CATALOGUES, t

POSTED = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


def test_forbidden_content_goes_within_48_hours_of_being_posted() -> None:
    assert removal_deadline(POSTED) == POSTED + timedelta(hours=48)
    assert time_left(POSTED, POSTED + timedelta(hours=47)) == timedelta(hours=1)
    assert time_left(POSTED, POSTED + timedelta(hours=49)) == -timedelta(hours=1)


def test_a_removal_after_the_limit_is_late_by_the_overshoot() -> None:
    assert lateness(POSTED, POSTED + timedelta(hours=48)) is None
    assert lateness(POSTED, POSTED + timedelta(hours=50)) == timedelta(hours=2)


def test_a_case_state_follows_from_its_decision() -> None:
    assert case_state(None, False) is CaseState.OPEN
    assert case_state(DecisionKind.KEEP, False) is CaseState.KEPT
    assert case_state(DecisionKind.REMOVE, False) is CaseState.AWAITING_PLATFORM_REMOVAL
    assert case_state(DecisionKind.REMOVE, True) is CaseState.REMOVED
    assert case_state(DecisionKind.SYNPUNKT, False) is CaseState.SYNPUNKT


def test_diarium_numbers_run_per_swedish_calendar_year() -> None:
    assert format_diarium_number("SM", 2026, 1) == "SM-2026-0001"
    new_year_in_stockholm = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert diarium_year(new_year_in_stockholm) == 2027
    assert valid_prefix("SM") and not valid_prefix("sm-1")


def test_section_6_has_nine_categories_and_unknown_ones_are_not_guessed() -> None:
    assert len(Category) == 9
    assert parse_category("FORTAL") is Category.DEFAMATION
    assert parse_category("spam") is None


def test_every_sentence_exists_in_swedish_and_english() -> None:
    assert CATALOGUES["sv"].keys() == CATALOGUES["en"].keys()


def test_times_are_shown_in_swedish_time() -> None:
    assert "2026-11-25 08:00" in t("sv", "card_removed", at=POSTED, name="Anna")


def test_every_sentence_takes_the_same_values_in_both_languages() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    for key, swedish in CATALOGUES["sv"].items():
        assert fields(swedish) == fields(CATALOGUES["en"][key]), key
