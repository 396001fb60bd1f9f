"""Section 6: the evidence package the registrar files under a removed comment's diarium
number: one PDF that holds the comment, its sender, the decision and every saved file with its
hash, so the diarium's copy stands on its own even if the bot is long gone.

Each file is read back and hashed again while the package is made: the package says whether
the file still is what was registered, and only a file that is shows its picture.

A package, once quoted, never changes: its file is named after the state it shows (the case, the
decision, the saved files and whether each is intact), so asking again for an unchanged case
gives the same file and hash, and a newer state (more evidence, a confirmed removal) a new file
beside the old one."""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from routine.decisions import Actor
from routine.errors import NoEvidencePackage, NotForThisChannel
from services.evidence import EvidenceFiles
from services.files import STATE, sha256_of, state_fingerprint, write_atomically
from storage import audit, bot_state
from storage.accounts import get_account
from storage.cases import get_case
from storage.evidence import evidence_for_case
from storage.models import Account, Decision, Evidence, FlaggedCase


@dataclass(frozen=True)
class SavedFile:
    evidence: Evidence
    data: bytes | None
    """The file as it is on disk now, only when it still has its registered SHA-256."""
    state: str
    """intact, changed or missing."""


@dataclass(frozen=True)
class PackageContent:
    account: Account
    case: FlaggedCase
    decision: Decision
    files: list[SavedFile]
    made_by: str
    made_at: datetime


@dataclass(frozen=True)
class MadePackage:
    file: Path
    sha256: str
    case_id: int
    diarium_number: str


Render = Callable[[PackageContent], bytes]


def file_name(diarium_number: str, state: str) -> str:
    return f"bevispaket-{diarium_number}-{state}.pdf"


def _state(content: PackageContent) -> str:
    """Everything the package shows but who made it and when."""
    account = content.account
    return state_fingerprint(
        {
            "account": [account.platform, account.name, account.url],
            "case": content.case.model_dump(),
            "decision": content.decision.model_dump(),
            "files": [[saved.evidence.model_dump(), saved.state] for saved in content.files],
        }
    )


class EvidencePackages:
    def __init__(self, files: EvidenceFiles, folder: Path, render: Render) -> None:
        self._files = files
        self._folder = folder
        self._render = render

    def make(
        self,
        session: Session,
        diarium_number: str,
        actor: Actor,
        now: datetime,
        acting_channel_id: str | None = None,
    ) -> MadePackage:
        """From Teams (`acting_channel_id` given): only in the account's channel or
        kanslienheten's, where the registrar files it."""
        decision = session.exec(
            select(Decision).where(Decision.diarium_number == diarium_number.strip().upper())
        ).first()
        if decision is None or decision.diarium_number is None:
            raise NoEvidencePackage(number=diarium_number[:40])
        case = get_case(session, decision.case_id)
        assert case is not None
        account = get_account(session, case.account_id)
        assert account is not None
        if acting_channel_id is not None and acting_channel_id not in (
            account.channel_conversation_id,
            bot_state.get_value(session, bot_state.KANSLI_CONVERSATION),
        ):
            raise NotForThisChannel()
        return self.for_case(session, account, case, decision, actor, now)

    def for_case(
        self,
        session: Session,
        account: Account,
        case: FlaggedCase,
        decision: Decision,
        actor: Actor,
        now: datetime,
    ) -> MadePackage:
        """The package of the case as it stands: rendered only if no package shows this state
        yet. The hash is of the file on disk, so it is the hash of what the link downloads."""
        assert case.id is not None and decision.diarium_number is not None
        evidence = evidence_for_case(session, case.id)
        session.commit()  # every transaction holds SQLite's write lock: not while rendering
        saved = [self._read(item) for item in evidence]
        content = PackageContent(account, case, decision, saved, actor.name, now)
        target = self._folder / file_name(decision.diarium_number, _state(content))
        if not target.is_file():
            write_atomically(target, self._render(content))
        digest = sha256_of(target)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="evidence_package_made",
            case_id=case.id,
            diarium_number=decision.diarium_number,
            file=target.name,
            sha256=digest,
            files={item.evidence.file_name: item.state for item in saved},
        )
        session.commit()
        return MadePackage(target, digest, case.id, decision.diarium_number)

    def path_of(self, diarium_number: str, name: str) -> Path | None:
        """The package a link names, if it is one of that number's and was made."""
        state = name.removesuffix(".pdf").rsplit("-", 1)[-1]
        own = re.fullmatch(STATE, state) and name == file_name(diarium_number, state)
        path = self._folder / name
        return path if own and path.is_file() else None

    def _read(self, evidence: Evidence) -> SavedFile:
        path = self._files.path_of(evidence)
        if not path.is_file():
            return SavedFile(evidence, None, "missing")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != evidence.sha256:
            return SavedFile(evidence, None, "changed")
        return SavedFile(evidence, data, "intact")
