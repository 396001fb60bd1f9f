"""One bad item never stops the others: a screenshot that cannot be made is retried a few
times, then the card goes out anyway, asking for the moderator's own screenshot."""

from datetime import timedelta

import pytest

from routine.errors import EvidenceMissing
from services.capture import RETRIES, screenshot_failed, store_screenshot
from services.moderation import Moderation, Upload
from services.screenshot import body_lines, visible
from storage import parked
from storage.models import Card
from tests.services.world import ANNA, CHANNEL, NOW, World, new_case, remove_request


def _fail(world: World, case_id: int, times: int) -> None:
    database, _, views, notifier = world
    for attempt in range(times):
        with database.session() as session:
            screenshot_failed(
                session,
                views,
                notifier,
                case_id,
                RuntimeError("raqm_layout() failed"),
                NOW + timedelta(minutes=attempt),
            )
            session.commit()


def test_a_failing_screenshot_is_retried_before_the_card_goes_out(world: World) -> None:
    case_id = new_case(world.database, world.files)
    _fail(world, case_id, RETRIES.attempts - 1)
    assert world.notifier.events == []
    with world.database.reading() as session:
        assert str(case_id) in parked.held_back(session, parked.SCREENSHOT, NOW)
        assert str(case_id) not in parked.held_back(
            session, parked.SCREENSHOT, NOW + timedelta(hours=1)
        )


def test_a_screenshot_that_cannot_be_made_still_gives_a_card_asking_for_ones_own(
    world: World,
) -> None:
    case_id = new_case(world.database, world.files)
    _fail(world, case_id, RETRIES.attempts)
    assert world.notifier.events == [("ready", case_id)]
    with world.database.reading() as session:
        view = world.views.get(session, case_id, NOW)
        assert view.own_screenshot_needed
        assert [item.ref for item in parked.parked_items(session)] == [str(case_id)]


def test_removal_waits_for_the_moderators_own_screenshot_when_the_bot_has_none(
    world: World,
) -> None:
    database, files, views, notifier = world
    moderation = Moderation(views, notifier, "SM")
    case_id = new_case(database, files)
    _fail(world, case_id, RETRIES.attempts)
    with database.session() as session, pytest.raises(EvidenceMissing):
        moderation.decide(session, remove_request(case_id), NOW)
    with database.session() as session:
        view = moderation.add_evidence(
            session,
            files,
            case_id,
            ANNA,
            CHANNEL,
            [Upload(name="min-skarmdump.png", content_type="image/png", data=b"\x89PNG")],
            NOW,
        )
    assert not view.own_screenshot_needed
    with database.session() as session:
        decided = moderation.decide(session, remove_request(case_id), NOW)
    assert decided.decision is not None and decided.decision.diarium_number == "SM-2026-0001"


def test_a_screenshot_retried_by_hand_updates_the_card_already_out(world: World) -> None:
    database, files, views, notifier = world
    case_id = new_case(database, files)
    _fail(world, case_id, RETRIES.attempts)
    with database.session() as session:
        session.add(
            Card(case_id=case_id, role="moderator", conversation_id=CHANNEL, service_url="x")
        )
        store_screenshot(session, files, views, notifier, case_id, b"\x89PNG", NOW)
        session.commit()
    assert notifier.events == [("ready", case_id), ("changed", case_id)]
    with database.reading() as session:
        assert parked.parked_items(session) == []


@pytest.mark.parametrize("character", ["\u2029", "\u0085", "\u001c", "\r", "\u202e", "\u0000"])
def test_control_characters_are_shown_visibly(character: str) -> None:
    shown = visible(f"Sven{character}Svensson")
    assert shown == f"Sven[U+{ord(character):04X}]Svensson"


def test_only_a_line_feed_breaks_a_line_and_a_huge_text_is_cut() -> None:
    assert body_lines("rad ett\r\nrad två\u2029samma rad") == [
        "rad ett",
        "rad två[U+2029]samma rad",
    ]
    lines = body_lines("x\n" * 100_000)
    assert len(lines) == 401 and "200000 tecken" in lines[-1]
