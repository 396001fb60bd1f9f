"""Routine 2.1 and section 3 as plain rules: what a registration answer must be, who ticks
which checklist item, who may decide and appoint."""

import pytest

from routine.checklist import Item, may_tick, subject_of
from routine.decisions import Actor
from routine.errors import (
    NotInLinkedChannel,
    NotManager,
    NotOfficer,
    NotOfficerOrManager,
    NotStrategist,
)
from routine.permissions import ensure_may_appoint, ensure_may_decide
from routine.registration import Answer, BadAnswer, Step, is_cancel, is_yes, read_answer
from texts import t

ANNA = Actor("29:anna", "Anna", "aad-anna")
MARIA = Actor("29:maria", "Maria", "aad-maria")


@pytest.mark.parametrize(
    ("platform", "url", "stored"),
    [
        ("facebook", "https://www.facebook.com/hjokommun/", "https://www.facebook.com/hjokommun"),
        ("facebook", "fb.com/hjokommun", "https://fb.com/hjokommun"),
        ("instagram", "instagram.com/hjokommun", "https://instagram.com/hjokommun"),
        ("youtube", "https://www.youtube.com/@hjokommun", "https://www.youtube.com/@hjokommun"),
    ],
)
def test_a_link_to_the_chosen_platform_is_accepted(platform: str, url: str, stored: str) -> None:
    assert read_answer(Step.URL, Answer(url), {"platform": platform}) == {"url": stored}


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://www.instagram.com/hjokommun", "registration_url_not_platform"),
        ("https://facebook.com.evil.example/hjo", "registration_url_not_platform"),
        ("ftp://facebook.com/hjo", "registration_bad_url"),
        ("inte en länk", "registration_bad_url"),
    ],
)
def test_a_link_elsewhere_is_refused_with_its_reason(url: str, reason: str) -> None:
    with pytest.raises(BadAnswer) as refused:
        read_answer(Step.URL, Answer(url), {"platform": "facebook"})
    assert refused.value.key == reason


def test_the_manager_is_someone_else_than_the_officer() -> None:
    data = {"officer": {"id": ANNA.id, "name": ANNA.name, "aad_object_id": ANNA.aad_object_id}}
    with pytest.raises(BadAnswer) as refused:
        read_answer(Step.MANAGER, Answer("", (ANNA,)), data)
    assert refused.value.key == "registration_manager_is_officer"
    assert read_answer(Step.MANAGER, Answer("", (MARIA,)), data)["manager"]["id"] == MARIA.id


def test_yes_takes_the_manager_the_directory_proposed() -> None:
    data = {
        "officer": {"id": ANNA.id, "name": ANNA.name, "aad_object_id": ANNA.aad_object_id},
        "proposed_manager": {"id": "aad-maria", "name": "Maria", "aad_object_id": "aad-maria"},
    }
    assert read_answer(Step.MANAGER, Answer("Ja!"), data)["manager"]["name"] == "Maria"
    with pytest.raises(BadAnswer):
        read_answer(Step.MANAGER, Answer("ja"), {"officer": data["officer"]})


@pytest.mark.parametrize(
    ("text", "stored"),
    [("bibliotek@hjo.se", "bibliotek@hjo.se"), ("0503-351 00", "0503-351 00"), ("-", None)],
)
def test_the_public_contact_is_a_mailbox_a_phone_or_the_contact_centre(
    text: str, stored: str | None
) -> None:
    assert read_answer(Step.CONTACT, Answer(text), {}) == {"contact": stored}


def test_words_for_cancel_and_yes() -> None:
    assert is_cancel(" Avbryt ") and is_cancel("cancel")
    assert is_yes("ja") and is_yes("Yes.") and not is_yes("kanske")


def test_each_item_is_ticked_by_the_one_the_routine_names() -> None:
    assert may_tick(Item.DECISION, is_officer=False, is_manager=True)
    assert not may_tick(Item.DECISION, is_officer=True, is_manager=False)
    assert may_tick(Item.ROUTINE_READ, is_officer=True, is_manager=False)
    assert not may_tick(Item.ROUTINE_READ, is_officer=False, is_manager=True)
    assert may_tick(Item.PHONE, is_officer=False, is_manager=True)
    assert not may_tick(Item.STRATEGIST_INFORMED, is_officer=True, is_manager=True)
    assert subject_of(Item.ROUTINE_READ, "29:anna") == "29:anna"
    assert subject_of(Item.DECISION, "29:anna") == ""


def test_once_appointed_only_the_officer_and_manager_decide() -> None:
    ensure_may_decide("19:c", "19:c", officer=None, manager=None, holds_role=False)
    ensure_may_decide("19:c", "19:c", officer="Bertil", manager=None, holds_role=True)
    with pytest.raises(NotOfficer):
        ensure_may_decide("19:c", "19:c", officer="Bertil", manager=None, holds_role=False)
    with pytest.raises(NotInLinkedChannel):
        ensure_may_decide("19:other", "19:c", officer="Bertil", manager=None, holds_role=True)


def test_a_vacancy_never_lapses_to_the_channel() -> None:
    ensure_may_decide("19:c", "19:c", officer=None, manager=None, holds_role=False)
    with pytest.raises(NotManager):
        ensure_may_decide(
            "19:c", "19:c", officer=None, manager="Karin", holds_role=False, vacant=True
        )
    with pytest.raises(NotStrategist) as refused:
        ensure_may_decide(
            "19:c",
            "19:c",
            officer=None,
            manager=None,
            holds_role=False,
            vacant=True,
            strategist="Stina Strateg",
        )
    assert "Stina Strateg" in t("sv", refused.value.key, **refused.value.params)
    ensure_may_decide("19:c", "19:c", officer=None, manager=None, holds_role=True, vacant=True)


def test_a_refusal_names_who_may_decide() -> None:
    with pytest.raises(NotOfficerOrManager) as refused:
        ensure_may_decide(
            "19:c", "19:c", officer="Bertil Berg", manager="Karin Kvist", holds_role=False
        )
    assert refused.value.params == {"officer": "Bertil Berg", "manager": "Karin Kvist"}
    shown = t("sv", refused.value.key, **refused.value.params)
    assert shown.startswith("Bara Bertil Berg (ansvarig) eller Karin Kvist (chef) kan")


def test_the_manager_appoints_once_there_is_one() -> None:
    ensure_may_appoint(manager=None, is_manager=False)
    ensure_may_appoint(manager="Karin", is_manager=True)
    with pytest.raises(NotManager) as refused:
        ensure_may_appoint(manager="Karin Kvist", is_manager=False)
    assert "Karin Kvist" in t("sv", refused.value.key, **refused.value.params)
