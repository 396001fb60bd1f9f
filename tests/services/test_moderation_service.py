"""The moderation rules against a real SQLite database, without Teams."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from routine.decisions import Actor, DecisionKind
from routine.errors import EvidenceMissing
from services.capture import store_screenshot
from services.evidence import EvidenceFiles
from services.intake import accept_flag, parse_flag
from services.linking import link_channel
from services.links import LinkSigner
from services.moderation import DecisionRequest, Moderation
from services.views import CaseView, CaseViews
from storage.db import Database, make_engine
from storage.migrations import migrate
from tests.teams import flag

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
CHANNEL = "19:moderatorer@thread.tacv2"
ANNA = Actor(id="29:anna", name="Anna")


class RecordingNotifier:
    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []

    def case_ready(self, session: object, case: CaseView, now: datetime) -> None:
        self.events.append(("ready", case.id))

    def case_changed(self, session: object, case: CaseView, now: datetime) -> None:
        self.events.append(("changed", case.id))

    def synpunkt_handed_over(
        self, session: object, case: CaseView, kansli_conversation_id: str, now: datetime
    ) -> None:
        self.events.append(("synpunkt", case.id))


@dataclass
class World:
    database: Database
    files: EvidenceFiles
    views: CaseViews
    notifier: RecordingNotifier

    def __iter__(self) -> Iterator[Any]:
        return iter((self.database, self.files, self.views, self.notifier))


@pytest.fixture
def world(tmp_path: Path) -> World:
    database = Database(make_engine(f"sqlite:///{tmp_path / 'modbot.db'}"))
    migrate(database.engine)
    with database.session() as session:
        link_channel(
            session,
            platform="facebook",
            name="Hjo kommun",
            url="https://facebook.com/hjokommun",
            channel_conversation_id=CHANNEL,
            actor=ANNA,
            now=NOW,
        )
    views = CaseViews(LinkSigner("secret", "http://localhost"), timedelta(hours=1))
    return World(database, EvidenceFiles(tmp_path / "evidence"), views, RecordingNotifier())


def _new_case(database: Database, files: EvidenceFiles) -> int:
    body = flag()
    with database.session() as session:
        result = accept_flag(session, files, parse_flag(body), json.dumps(body).encode(), NOW)
        session.commit()
    return result.case_id


def _remove(case_id: int) -> DecisionRequest:
    return DecisionRequest(case_id, DecisionKind.REMOVE, ANNA, CHANNEL, None, None)


def test_remove_is_refused_until_evidence_is_saved(world: World) -> None:
    database, files, views, notifier = world
    moderation = Moderation(views, notifier, "SM")
    case_id = _new_case(database, files)
    with database.session() as session, pytest.raises(EvidenceMissing):
        moderation.decide(session, _remove(case_id), NOW)
    with database.session() as session:
        store_screenshot(session, files, views, notifier, case_id, b"\x89PNG", NOW)
        session.commit()
    with database.session() as session:
        view = moderation.decide(session, _remove(case_id), NOW)
    assert view.decision is not None
    assert view.decision.diarium_number == "SM-2026-0001"


def test_a_refused_removal_takes_no_diarium_number(world: World) -> None:
    database, files, views, notifier = world
    moderation = Moderation(views, notifier, "SM")
    refused = _new_case(database, files)
    with database.session() as session, pytest.raises(EvidenceMissing):
        moderation.decide(session, _remove(refused), NOW)
    accepted = _new_case(database, files)
    with database.session() as session:
        store_screenshot(session, files, views, notifier, accepted, b"\x89PNG", NOW)
        session.commit()
    with database.session() as session:
        view = moderation.decide(session, _remove(accepted), NOW)
    assert view.decision is not None and view.decision.diarium_number == "SM-2026-0001"


def test_the_screenshot_is_stored_once_even_if_rendered_twice(world: World) -> None:
    database, files, views, notifier = world
    case_id = _new_case(database, files)
    for _ in range(2):
        with database.session() as session:
            store_screenshot(session, files, views, notifier, case_id, b"\x89PNG", NOW)
            session.commit()
    assert notifier.events == [("ready", case_id)]


def test_the_audit_trail_is_append_only(world: World) -> None:
    database, files, _, _ = world
    _new_case(database, files)
    for statement in ("UPDATE audit_event SET actor_name = 'x'", "DELETE FROM audit_event"):
        with database.engine.connect() as connection, pytest.raises(DBAPIError):
            connection.execute(text(statement))
