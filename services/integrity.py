"""Section 4: the records must be trustworthy. `verify` recomputes the audit trail's hash
chain, every record row's digest against the one its last audit event bound
(storage.record_digest), and every evidence file's SHA-256, and names each place where what
is stored is no longer what was recorded: a changed, removed or inserted event; a case,
decision, evidence row, synpunkt, culling record, secrecy mark or hold changed, added or
removed outside Modbot; a changed or missing file; an anchor the chain no longer passes
through (events cut off its end, or the chain rewritten).

It reads in chunks (storage.record_digest.stored_rows): memory holds one chunk of rows and,
per record row, the last digest the chain bound for it, never the events themselves.
"""

import hashlib
import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import RowMapping
from sqlmodel import Session

from services.evidence import EvidenceFiles
from storage import audit, record_digest
from storage.models import AuditEvent, Evidence, table


class Problem(StrEnum):
    EVENT_CHANGED = "event_changed"
    CHAIN_BROKEN = "chain_broken"
    ROW_CHANGED = "row_changed"
    ROW_CHANGED_BEFORE = "row_changed_before"
    ROW_UNRECORDED = "row_unrecorded"
    ROW_MISSING = "row_missing"
    FILE_CHANGED = "file_changed"
    FILE_MISSING = "file_missing"
    ANCHOR_MISSING = "anchor_missing"


@dataclass(frozen=True)
class Finding:
    problem: Problem
    subject: str
    """`audit_event 17`, `decision 5` (a row: its table and id), the evidence file's name, or
    an anchor hash."""
    case_id: int | None
    event: str = ""
    """For ROW_CHANGED_BEFORE: the event (`audit_event 88`) whose change found the row
    already changed."""


@dataclass(frozen=True)
class IntegrityReport:
    events: int
    files: int
    findings: list[Finding]
    head: str
    """The last event's hash: written down elsewhere, it pins the whole chain up to now."""
    rows: int = 0
    """Record rows checked against their bound digests."""
    anchors: int = 0
    """Anchors given; each one missing from the chain is a finding."""


_Latest = dict[str, dict[int, bytes | None]]
"""Per bound table, per row id: the last digest the chain bound (None: bound as gone)."""
_EVENTS = table(AuditEvent)
_EVIDENCE_FIELDS = ("id", "case_id", "kind", "file_name", "sha256")


def verify(
    session: Session, files: EvidenceFiles, anchors: Collection[str] = ()
) -> IntegrityReport:
    """`anchors`: hashes written down outside the database (a head printed by verify, an
    archive package's bag-info.txt); each must still be an event's hash in the chain."""
    connection = session.connection()
    findings: list[Finding] = []
    latest: _Latest = {name: {} for name in record_digest.BOUND_TABLES}
    given = {anchor.strip().lower() for anchor in anchors}
    pending = set(given)
    events, head = _check_chain(connection, latest, pending, findings)
    rows, evidence = _check_rows(connection, files, latest, findings)
    findings.extend(Finding(Problem.ANCHOR_MISSING, anchor, None) for anchor in sorted(pending))
    return IntegrityReport(
        events=events,
        files=evidence,
        findings=findings,
        head=head,
        rows=rows,
        anchors=len(given),
    )


def _check_chain(
    connection: Connection, latest: _Latest, pending: set[str], findings: list[Finding]
) -> tuple[int, str]:
    previous = audit.GENESIS
    count = 0
    for event in record_digest.stored_rows(connection, _EVENTS):
        count += 1
        subject = f"audit_event {event['id']}"
        case_id = event["case_id"] if isinstance(event["case_id"], int) else None
        if event["previous_hash"] != previous:
            findings.append(Finding(Problem.CHAIN_BROKEN, subject, case_id))
        computed = _event_hash(event)
        if computed != event["hash"]:
            findings.append(Finding(Problem.EVENT_CHANGED, subject, case_id))
        pending.discard(computed)
        for found in _replay(event, latest):
            findings.append(Finding(Problem.ROW_CHANGED_BEFORE, found, case_id, subject))
        previous = str(event["hash"])
    return count, previous


def _event_hash(event: RowMapping) -> str | None:
    """The hash the event should have; None when its fields are not even of their types."""
    try:
        at = datetime.fromisoformat(event["at"]).astimezone(UTC)
        return audit.chained_hash(event["previous_hash"], {**event, "at": at})
    except (TypeError, ValueError):
        return None


def _replay(event: RowMapping, latest: _Latest) -> Iterator[str]:
    """Takes in the event's bindings; yields each row whose digest before this event is not
    the one the chain last bound for it (changed outside Modbot in between)."""
    detail = event["detail"]
    if not isinstance(detail, str) or f'"{record_digest.ROWS}"' not in detail:
        return
    try:
        bindings = json.loads(detail).get(record_digest.ROWS)
    except (ValueError, AttributeError):
        return
    if not isinstance(bindings, dict):
        return
    for key, binding in bindings.items():
        table_name, _, number = str(key).partition(":")
        bound = latest.get(table_name)
        if bound is None or not number.isdigit():
            continue
        before, after = binding if isinstance(binding, list) and len(binding) == 2 else (0, 0)
        row_id = int(number)
        if _packed(before) != bound.get(row_id):
            yield f"{table_name} {row_id}"
        bound[row_id] = _packed(after)


def _packed(value: Any) -> bytes | None:
    """A hex digest as its 32 bytes (half the memory); anything else as bytes no digest is."""
    if value is None:
        return None
    try:
        return bytes.fromhex(value)
    except (TypeError, ValueError):
        return b"?"


def _check_rows(
    connection: Connection, files: EvidenceFiles, latest: _Latest, findings: list[Finding]
) -> tuple[int, int]:
    checked = evidence = 0
    for name, bound in record_digest.BOUND_TABLES.items():
        expected = latest[name]
        for row in record_digest.stored_rows(connection, bound):
            checked += 1
            subject = f"{name} {row['id']}"
            case_id = row["id"] if name == "flagged_case" else row.get("case_id")
            recorded = expected.pop(row["id"], None)
            if recorded is None:
                findings.append(Finding(Problem.ROW_UNRECORDED, subject, case_id))
            elif recorded != bytes.fromhex(record_digest.digest(name, row)):
                findings.append(Finding(Problem.ROW_CHANGED, subject, case_id))
            if name == "evidence":
                evidence += 1
                _check_file(files, row, findings)
        findings.extend(
            Finding(Problem.ROW_MISSING, f"{name} {row_id}", None)
            for row_id, recorded in sorted(expected.items())
            if recorded is not None
        )
        expected.clear()
    return checked, evidence


def _check_file(files: EvidenceFiles, row: RowMapping, findings: list[Finding]) -> None:
    stored: dict[str, Any] = {name: row[name] for name in _EVIDENCE_FIELDS}
    item = Evidence(**stored)
    path = files.path_of(item)
    if not path.is_file():
        findings.append(Finding(Problem.FILE_MISSING, item.file_name, item.case_id))
    elif _sha256(path) != item.sha256:
        findings.append(Finding(Problem.FILE_CHANGED, item.file_name, item.case_id))


def _sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
