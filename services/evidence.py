"""Section 6: the comment and its sender are saved, and the saving is provable.

Each file is written once under the evidence folder and its SHA-256 goes to the database,
so a later change to the file is detectable.

A file and its row stand or fall together: a file the folder refuses (disk full, read-only)
raises EvidenceUnwritable, so the caller's transaction rolls back instead of keeping a case
without its evidence, and a file written for a transaction that then rolls back is removed
again, so no file lies in the folder without its row.
"""

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session

from services.files import write_atomically
from storage.db import file_written
from storage.models import Evidence, table

SCREENSHOT = "screenshot"
RAW_JSON = "raw_json"
MODERATOR_FILE = "moderator_file"



def ready_for_removal(kinds: set[str]) -> bool:
    """Section 6: the sender's details (the received data) and a picture of the comment. The
    picture is the bot's screenshot, or, where the bot could not make one, the moderator's."""
    return RAW_JSON in kinds and bool(kinds & {SCREENSHOT, MODERATOR_FILE})


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class SavedFile:
    file_name: str
    sha256: str
    size: int


class EvidenceUnwritable(Exception):
    """The evidence folder refused a file (full, read-only, gone): nothing was stored of it,
    and the transaction that wanted it must not be committed without it. The cause is the
    OSError."""

    def __init__(self, case_id: int, kind: str) -> None:
        super().__init__(f"the {kind} evidence of case {case_id} cannot be saved")
        self.case_id = case_id
        self.kind = kind


class EvidenceFiles:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(
        self,
        session: Session,
        *,
        case_id: int,
        kind: str,
        name: str,
        content_type: str,
        data: bytes,
        added_by_name: str,
        now: datetime,
    ) -> SavedFile:
        digest = hashlib.sha256(data).hexdigest()
        relative = f"case-{case_id:06d}/{digest[:16]}-{_safe(name)}"
        target = self.folder / relative
        try:
            created = write_atomically(target, data, durable=False)
        except OSError as error:
            raise EvidenceUnwritable(case_id, kind) from error
        file_written(session, target if created else None)
        saved = SavedFile(file_name=relative, sha256=digest, size=len(data))
        session.connection().execute(
            insert(table(Evidence)),
            {
                "case_id": case_id,
                "kind": kind,
                "content_type": content_type,
                "captured_at": now,
                "added_by_name": added_by_name,
                **asdict(saved),
            },
        )
        return saved

    def path_of(self, evidence: Evidence) -> Path:
        return self.folder / evidence.file_name


def _safe(name: str) -> str:
    cleaned = _UNSAFE.sub("_", Path(name).name).strip("._")
    return (cleaned or "fil")[-80:]
