"""Edge, item 4: rows recorded before binding began are bound as they stand by the migration,
so that from then on every row is bound; a column added later and left empty leaves the
bindings valid."""

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from services.evidence import EvidenceFiles
from services.integrity import Problem, verify
from storage import record_digest
from storage.db import Database, make_engine
from storage.migrations import STEPS, migrate

AT = "'2026-05-01T08:00:00.000000+00:00'"
RAW = b"{}"
ROWS = [
    "INSERT INTO account (platform, name, name_key, url, channel_conversation_id, linked_at, "
    f"linked_by_name) VALUES ('facebook', 'Hjo kommun', 'hjo kommun', 'https://x', 'c', {AT}, "
    "'Anna')",
    *(
        "INSERT INTO flagged_case (account_id, platform_comment_id, permalink, author_id, "
        f"author_name, text, comment_created_at, received_at) VALUES (1, 'c{n}', 'https://x', "
        f"'fb-1', 'Sven', 'Du är dum', {AT}, {AT})"
        for n in (1, 2, 3)
    ),
    "INSERT INTO decision (case_id, kind, category, decided_by_id, decided_by_name, decided_at, "
    f"diarium_number) VALUES (1, 'remove', 'fortal', 'a', 'Anna', {AT}, 'SM-2026-0001')",
    "INSERT INTO decision (case_id, kind, decided_by_id, decided_by_name, decided_at) "
    f"VALUES (2, 'synpunkt', 'a', 'Anna', {AT})",
    f"INSERT INTO synpunkt (case_id, handed_over_by_name, handed_over_at) VALUES (2, 'Anna', {AT})",
    "INSERT INTO evidence (case_id, kind, file_name, content_type, size, sha256, captured_at, "
    "added_by_name) VALUES (1, 'raw_json', 'case-000001/flagga.json', 'application/json', 2, "
    f"'{hashlib.sha256(RAW).hexdigest()}', {AT}, 'API')",
    "INSERT INTO culling (account_id, category, older_than, proposed_count, proposed_by_name, "
    f"proposed_at, pending_ids) VALUES (1, 'comments', {AT}, 0, 'Anna', {AT}, '[]')",
    "INSERT INTO secrecy_mark (account_id, platform_comment_id, reason, marked_by_name, "
    f"marked_at) VALUES (1, 'c3', '21 kap. 1 §', 'Anna', {AT})",
    "INSERT INTO legal_hold (account_id, platform_comment_id, reason, marked_by_name, "
    f"marked_at) VALUES (1, 'c3', 'tvist', 'Anna', {AT})",
]
BOUND = 10
"""3 cases, 2 decisions, 1 synpunkt, 1 evidence row, 1 culling, 1 mark, 1 hold."""


def test_rows_from_before_binding_are_bound_by_the_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_digest, "BASELINE_ROWS", 2)
    database = Database(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    files = EvidenceFiles(tmp_path / "evidence")
    (tmp_path / "evidence" / "case-000001").mkdir(parents=True)
    (tmp_path / "evidence" / "case-000001" / "flagga.json").write_bytes(RAW)
    binding = next(i for i, step in enumerate(STEPS) if step.__name__ == "_record_bindings")
    with database.engine.begin() as connection:
        for step in STEPS[:binding]:
            step(connection)
        connection.execute(text("CREATE TABLE schema_version (version INTEGER)"))
        connection.execute(text("INSERT INTO schema_version VALUES (:v)"), {"v": binding})
        for statement in ROWS:
            connection.execute(text(statement))
    migrate(database.engine)
    with Session(database.engine) as session:
        report = verify(session, files)
        actions = session.connection().execute(text("SELECT DISTINCT action FROM audit_event"))
        assert list(actions.scalars()) == ["records_bound"]
    assert report.findings == [] and report.rows == BOUND and report.files == 1
    # one event per BASELINE_ROWS rows, table by table: cases 2+1, decisions 2, ... hold 1
    assert report.events == 8

    with database.engine.begin() as connection:
        connection.execute(text("UPDATE flagged_case SET text = 'Du är klok' WHERE id = 3"))
        connection.execute(text(ROWS[-1].replace("'c3'", "'c2'")))
    with Session(database.engine) as session:
        found = [(f.problem, f.subject) for f in verify(session, files).findings]
    assert found == [
        (Problem.ROW_CHANGED, "flagged_case 3"),
        (Problem.ROW_UNRECORDED, "legal_hold 2"),
    ]
    database.engine.dispose()


def test_a_column_added_later_and_left_empty_keeps_every_binding_valid() -> None:
    """Only the columns with a value count: a migration step that adds a nullable column to a
    bound table changes no row's digest."""
    row = {"id": 1, "text": "Du är dum", "post_id": None}
    assert record_digest.digest("flagged_case", row) == record_digest.digest(
        "flagged_case", {**row, "added_later": None}
    )
    assert record_digest.digest("flagged_case", row) != record_digest.digest(
        "flagged_case", {**row, "post_id": ""}
    )
    assert record_digest.digest("flagged_case", row) != record_digest.digest("decision", row)


def test_a_new_database_needs_no_baseline(tmp_path: Path) -> None:
    database = Database(make_engine(f"sqlite:///{tmp_path / 'new.db'}"))
    migrate(database.engine)
    with Session(database.engine) as session:
        report = verify(session, EvidenceFiles(tmp_path / "evidence"))
    assert (report.events, report.rows, report.findings) == (0, 0, [])
    database.engine.dispose()
