"""The moderation rules against a real SQLite database, without Teams."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from routine.errors import EvidenceMissing
from services.capture import store_screenshot
from services.moderation import Moderation
from tests.services.world import NOW, World, new_case, remove_request


def test_remove_is_refused_until_evidence_is_saved(world: World) -> None:
    database, files, views, notifier = world
    moderation = Moderation(views, notifier, "SM")
    case_id = new_case(database, files)
    with database.session() as session, pytest.raises(EvidenceMissing):
        moderation.decide(session, remove_request(case_id), NOW)
    with database.session() as session:
        store_screenshot(session, files, views, notifier, case_id, b"\x89PNG", NOW)
        session.commit()
    with database.session() as session:
        view = moderation.decide(session, remove_request(case_id), NOW)
    assert view.decision is not None
    assert view.decision.diarium_number == "SM-2026-0001"


def test_a_refused_removal_takes_no_diarium_number(world: World) -> None:
    database, files, views, notifier = world
    moderation = Moderation(views, notifier, "SM")
    refused = new_case(database, files)
    with database.session() as session, pytest.raises(EvidenceMissing):
        moderation.decide(session, remove_request(refused), NOW)
    accepted = new_case(database, files)
    with database.session() as session:
        store_screenshot(session, files, views, notifier, accepted, b"\x89PNG", NOW)
        session.commit()
    with database.session() as session:
        view = moderation.decide(session, remove_request(accepted), NOW)
    assert view.decision is not None and view.decision.diarium_number == "SM-2026-0001"


def test_the_screenshot_is_stored_once_even_if_rendered_twice(world: World) -> None:
    database, files, views, notifier = world
    case_id = new_case(database, files)
    for _ in range(2):
        with database.session() as session:
            store_screenshot(session, files, views, notifier, case_id, b"\x89PNG", NOW)
            session.commit()
    assert notifier.events == [("ready", case_id)]


def test_the_audit_trail_is_append_only(world: World) -> None:
    database, files, _, _ = world
    new_case(database, files)
    for statement in ("UPDATE audit_event SET actor_name = 'x'", "DELETE FROM audit_event"):
        with database.engine.connect() as connection, pytest.raises(DBAPIError):
            connection.execute(text(statement))
