"""Section 4: the records must be trustworthy. `verify` recomputes the audit trail's hash chain
and every evidence file's SHA-256, and names each place where what is stored is no longer
what was recorded: a changed event, a removed or inserted one, a changed or missing file."""

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlmodel import Session, col, select

from services.evidence import EvidenceFiles
from storage import audit
from storage.models import AuditEvent, Evidence


class Problem(StrEnum):
    EVENT_CHANGED = "event_changed"
    CHAIN_BROKEN = "chain_broken"
    FILE_CHANGED = "file_changed"
    FILE_MISSING = "file_missing"


@dataclass(frozen=True)
class Finding:
    problem: Problem
    subject: str
    """`audit_event 17`, or the evidence file's name."""
    case_id: int | None


@dataclass(frozen=True)
class IntegrityReport:
    events: int
    files: int
    findings: list[Finding]
    head: str
    """The last event's hash: written down elsewhere, it pins the whole chain up to now."""


def verify(session: Session, files: EvidenceFiles) -> IntegrityReport:
    findings: list[Finding] = []
    previous = audit.GENESIS
    events = session.exec(select(AuditEvent).order_by(col(AuditEvent.id)))
    count = 0
    for event in events:
        count += 1
        subject = f"audit_event {event.id}"
        if event.previous_hash != previous:
            findings.append(Finding(Problem.CHAIN_BROKEN, subject, event.case_id))
        if audit.chained_hash(event.previous_hash, event.model_dump()) != event.hash:
            findings.append(Finding(Problem.EVENT_CHANGED, subject, event.case_id))
        previous = event.hash
    evidence = list(session.exec(select(Evidence).order_by(col(Evidence.id))))
    for item in evidence:
        path = files.path_of(item)
        if not path.is_file():
            findings.append(Finding(Problem.FILE_MISSING, item.file_name, item.case_id))
        elif _sha256(path) != item.sha256:
            findings.append(Finding(Problem.FILE_CHANGED, item.file_name, item.case_id))
    return IntegrityReport(events=count, files=len(evidence), findings=findings, head=previous)


def _sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
