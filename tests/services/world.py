"""A small world for service tests: a real SQLite database with the Hjo kommun page linked,
evidence files in a temporary folder, and a notifier that records what it was told."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from routine.decisions import Actor, DecisionKind
from services.evidence import EvidenceFiles
from services.intake import accept_flag, parse_flag
from services.linking import link_channel
from services.links import LinkSigner
from services.moderation import DecisionRequest
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


def make_world(tmp_path: Path) -> World:
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


def new_case(database: Database, files: EvidenceFiles) -> int:
    body = flag()
    with database.session() as session:
        result = accept_flag(session, files, parse_flag(body), json.dumps(body).encode(), NOW)
        session.commit()
    return result.case_id


def remove_request(case_id: int) -> DecisionRequest:
    return DecisionRequest(case_id, DecisionKind.REMOVE, ANNA, CHANNEL, None, None)
