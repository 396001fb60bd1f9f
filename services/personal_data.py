"""Section 8.1: as little personal data as possible, and all of it findable on request.

Authors of comments that never became a case are pseudonymised once the retention period has
passed: the id becomes a keyed hash (the same author keeps the same pseudonym, so a thread
still reads as a conversation) and the name goes. The platform notifications kept as they
arrived are deleted after the same period; each comment's record stays. A data-subject request
(`personuppgifter <id>`) finds everything stored about an author id, pseudonymised or not, and
exports it as JSON."""

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from routine.decisions import Actor
from routine.errors import AuthorIdMissing
from services.files import write_atomically
from storage import audit
from storage.models import (
    Account,
    Comment,
    CommentVersion,
    Decision,
    Evidence,
    FlaggedCase,
    InboundEvent,
    Synpunkt,
    table,
)
from texts import exact_moment

PSEUDONYM_PREFIX = "pseudonym-"
MUNICIPALITY = "kommunen"


@dataclass(frozen=True)
class MadeExport:
    file: Path
    sha256: str
    comments: int
    cases: int
    pseudonymised: bool


class PersonalData:
    def __init__(self, key: str, retention: timedelta, folder: Path) -> None:
        self._key = key.encode()
        self._retention = retention
        self._folder = folder

    def pseudonym(self, author_id: str) -> str:
        digest = hmac.new(self._key, author_id.encode(), hashlib.sha256).hexdigest()
        return f"{PSEUDONYM_PREFIX}{digest[:20]}"

    def pseudonymise(self, session: Session, now: datetime) -> int:
        """A scheduled step: comments without a case, written before the retention period."""
        before = now - self._retention
        with_case = select(FlaggedCase.platform_comment_id).where(
            FlaggedCase.account_id == Comment.account_id
        )
        due = session.exec(
            select(Comment.id, Comment.author_id).where(
                col(Comment.created_at) < before,
                Comment.origin != MUNICIPALITY,
                col(Comment.author_id).not_like(f"{PSEUDONYM_PREFIX}%"),
                col(Comment.platform_comment_id).not_in(with_case),
            )
        ).all()
        comments = table(Comment)
        for comment_id, author_id in due:
            pseudonym = self.pseudonym(author_id)
            session.connection().execute(
                update(comments)
                .where(comments.c.id == comment_id)
                .values(author_id=pseudonym, author_name=pseudonym)
            )
        events = session.connection().execute(
            delete(table(InboundEvent)).where(
                table(InboundEvent).c.processed_at.is_not(None),
                table(InboundEvent).c.received_at < before,
            )
        )
        if due or events.rowcount:
            audit.record(
                session,
                at=now,
                actor=Actor(id="modbot", name="Modbot (gallring av personuppgifter)"),
                action="pseudonymised",
                comments=len(due),
                notifications_deleted=events.rowcount,
                written_before=before,
            )
        session.commit()
        return 0

    def about(self, session: Session, author_id: str) -> dict[str, Any]:
        """Everything stored about one author id, as the export shows it."""
        author_id = author_id.strip()
        if not author_id:
            raise AuthorIdMissing()
        ids = (author_id, self.pseudonym(author_id))
        accounts = {account.id: account for account in session.exec(select(Account))}
        comments = session.exec(
            select(Comment).where(col(Comment.author_id).in_(ids)).order_by(col(Comment.id))
        ).all()
        earlier = _earlier_texts(session, [c.id for c in comments if c.id is not None])
        cases = session.exec(select(FlaggedCase).where(col(FlaggedCase.author_id).in_(ids))).all()
        return {
            "author_id": author_id,
            "pseudonym": ids[1],
            "comments": [
                {
                    "account": _account_name(accounts, comment.account_id),
                    "comment_id": comment.platform_comment_id,
                    "kind": comment.kind,
                    "written": exact_moment(comment.created_at),
                    "name_stored": comment.author_name,
                    "pseudonymised": comment.author_id != author_id,
                    "text": comment.text,
                    "earlier_texts": earlier.get(comment.id or 0, []),
                    "permalink": comment.permalink,
                    "deleted_by_author": comment.deleted_by_author_at is not None,
                }
                for comment in comments
            ],
            "cases": [_case(session, accounts, case) for case in cases],
            "notifications_kept": _notifications_naming(session, author_id),
        }

    def export(self, session: Session, author_id: str, actor: Actor, now: datetime) -> MadeExport:
        found = self.about(session, author_id)
        session.commit()  # every transaction holds SQLite's write lock: not while writing
        data = json.dumps(found, ensure_ascii=False, indent=2).encode()
        digest = hashlib.sha256(data).hexdigest()
        target = self._folder / f"{found['pseudonym']}-{digest[:12]}.json"
        write_atomically(target, data)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="personal_data_exported",
            author=found["pseudonym"],
            comments=len(found["comments"]),
            cases=len(found["cases"]),
            sha256=digest,
        )
        session.commit()
        pseudonymised = any(comment["pseudonymised"] for comment in found["comments"])
        return MadeExport(
            target, digest, len(found["comments"]), len(found["cases"]), pseudonymised
        )

    def path_of(self, name: str) -> Path:
        return self._folder / name


def _account_name(accounts: dict[int | None, Account], account_id: int) -> str:
    account = accounts.get(account_id)
    return f"{account.platform} {account.name}" if account else str(account_id)


def _earlier_texts(session: Session, comment_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    versions = session.exec(
        select(CommentVersion).where(col(CommentVersion.comment_id).in_(comment_ids))
    )
    for version in versions:
        found.setdefault(version.comment_id, []).append(version.text)
    return found


def _case(
    session: Session, accounts: dict[int | None, Account], case: FlaggedCase
) -> dict[str, Any]:
    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    synpunkt = session.exec(select(Synpunkt).where(Synpunkt.case_id == case.id)).first()
    files = session.exec(select(Evidence).where(Evidence.case_id == case.id)).all()
    return {
        "case": case.id,
        "account": _account_name(accounts, case.account_id),
        "comment_id": case.platform_comment_id,
        "name_stored": case.author_name,
        "text": case.text,
        "written": exact_moment(case.comment_created_at),
        "decision": decision.kind if decision else None,
        "diarium_number": decision.diarium_number if decision else None,
        "synpunkt_answer": synpunkt.answer if synpunkt else None,
        "synpunkt_reference": synpunkt.reference if synpunkt else None,
        "evidence_files": [{"file": e.file_name, "sha256": e.sha256} for e in files],
    }


def _notifications_naming(session: Session, author_id: str) -> int:
    """Notifications kept as they arrived that still name the author (until retention)."""
    needle = json.dumps(author_id)
    return len(
        session.exec(
            select(InboundEvent.id).where(col(InboundEvent.body).contains(needle, autoescape=True))
        ).all()
    )
