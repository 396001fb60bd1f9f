"""Edge, item 4: `verify` streams. Over 40,000 audit events (10,000 removed cases, each with
its received data, decision and removal) it holds one chunk of rows at a time and, per record
row, the last digest the chain bound: its memory peak stays a few MB."""

import hashlib
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert
from sqlmodel import Session

from routine.decisions import Actor
from services.evidence import RAW_JSON, EvidenceFiles
from services.integrity import IntegrityReport, verify
from storage import audit
from storage.db import Database, make_engine
from storage.migrations import migrate
from storage.models import Account, Decision, Evidence, FlaggedCase, table
from storage.record_digest import BOUND_TABLES, ROWS, Binding, digest, key, stored_rows

ANNA = Actor(id="29:anna", name="Anna Moderator")
START = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
CASES = 10_000
EVENTS_PER_CASE = 4
PEAK_LIMIT_MB = 40
"""Measured 5.4 MB (tracemalloc, Python 3.11; 2.5 MB at 10,000 events): room, not a target."""


def seed(database: Database, files: EvidenceFiles, count: int) -> None:
    """`count` removed cases as the bot records them (case opened with its received data,
    card posted, decided, removed), written in bulk: the chain and the bindings are those the
    bot writes (tests/records/test_record_binding.py checks the bot writes them so)."""
    with database.engine.begin() as connection:
        account = connection.execute(
            insert(table(Account)),
            {
                "platform": "facebook",
                "name": "Hjo kommun",
                "name_key": "hjo kommun",
                "url": "https://facebook.com/hjokommun",
                "channel_conversation_id": "19:moderatorer@thread.tacv2",
                "linked_at": START,
                "linked_by_name": "Anna",
            },
        ).inserted_primary_key
        assert account is not None
        moments = [START + timedelta(minutes=number) for number in range(count)]
        connection.execute(
            insert(table(FlaggedCase)), [_case(account[0], n, at) for n, at in enumerate(moments)]
        )
        connection.execute(insert(table(Evidence)), [_evidence(files, n + 1) for n in range(count)])
        connection.execute(
            insert(table(Decision)), [_decision(n + 1, at) for n, at in enumerate(moments)]
        )
        bound = {
            name: {row["id"]: row for row in stored_rows(connection, BOUND_TABLES[name])}
            for name in ("flagged_case", "evidence", "decision")
        }
        for number, at in enumerate(moments, start=1):
            _events(connection, number, at, bound)


def _case(account_id: int, number: int, at: datetime) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "platform_comment_id": f"10159_{number}",
        "post_id": "10159_1",
        "permalink": "https://facebook.com/hjokommun/posts/1",
        "author_id": f"fb-{number % 700}",
        "author_name": f"Person {number % 700}",
        "text": f"Kommentar {number}: du är en idiot och borde skämmas.",
        "comment_created_at": at,
        "received_at": at,
    }


def _evidence(files: EvidenceFiles, case_id: int) -> dict[str, Any]:
    data = f'{{"comment_id": "10159_{case_id - 1}"}}'.encode()
    digest = hashlib.sha256(data).hexdigest()
    name = f"case-{case_id:06d}/{digest[:16]}-flagga.json"
    (files.folder / name).parent.mkdir(parents=True)
    (files.folder / name).write_bytes(data)
    return {
        "case_id": case_id,
        "kind": RAW_JSON,
        "file_name": name,
        "content_type": "application/json",
        "size": len(data),
        "sha256": digest,
        "captured_at": START,
        "added_by_name": "API",
    }


def _decision(case_id: int, at: datetime) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "kind": "remove",
        "category": "fortal",
        "decided_by_id": ANNA.id,
        "decided_by_name": ANNA.name,
        "decided_at": at,
        "diarium_number": f"SM-2026-{case_id:05d}",
        "removed_on_platform_at": at,
        "removal_confirmed_by_name": ANNA.name,
    }


def _events(
    connection: Connection, case_id: int, at: datetime, bound: dict[str, dict[int, Any]]
) -> None:
    removed = bound["decision"][case_id]
    decided = {**removed, "removed_on_platform_at": None, "removal_confirmed_by_name": None}
    events: list[tuple[str, dict[str, Binding]]] = [
        (
            "case_opened",
            {
                key("flagged_case", case_id): [
                    None,
                    digest("flagged_case", bound["flagged_case"][case_id]),
                ],
                key("evidence", case_id): [None, digest("evidence", bound["evidence"][case_id])],
            },
        ),
        ("card_posted", {}),
        ("decided_remove", {key("decision", case_id): [None, digest("decision", decided)]}),
        (
            "removed_on_platform",
            {key("decision", case_id): [digest("decision", decided), digest("decision", removed)]},
        ),
    ]
    for action, rows in events:
        detail: dict[str, Any] = {ROWS: rows} if rows else {}
        audit.append(connection, at=at, actor=ANNA, action=action, case_id=case_id, **detail)


def measured(database: Database, files: EvidenceFiles) -> tuple[IntegrityReport, float, float]:
    """The report, its time in seconds and its tracemalloc peak in MB."""
    with Session(database.engine) as session:
        tracemalloc.start()
        started = time.perf_counter()
        try:
            report = verify(session, files)
            seconds = time.perf_counter() - started
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return report, seconds, peak / 1e6


def test_verify_over_40000_events_stays_within_a_few_megabytes(tmp_path: Path) -> None:
    database = Database(make_engine(f"sqlite:///{tmp_path / 'big.db'}"))
    migrate(database.engine)
    files = EvidenceFiles(tmp_path / "evidence")
    seed(database, files, CASES)
    report, seconds, peak = measured(database, files)
    print(f"verify: {report.events} events, {report.rows} rows, {seconds:.1f} s, {peak:.1f} MB")
    assert report.events == CASES * EVENTS_PER_CASE and report.findings == []
    assert report.rows == 3 * CASES and report.files == CASES
    assert peak < PEAK_LIMIT_MB, f"{peak:.1f} MB"
    database.dispose()
