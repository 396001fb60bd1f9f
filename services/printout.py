"""Section 4: a printout of an account's records on request (utlämnande), and the items the
officer marks secret before it is released.

Every printout is kept (file and SHA-256) and recorded with who asked, the period, how many
items it held and which were left out and why: what was released can be shown afterwards.

A printout's file is named after the records it shows, so a file once handed out never changes:
asking again for an unchanged period gives the same file (which names who made it first; the
`printout` row says who asked this time), and a change (a new comment, a decision, a secrecy
mark) a new file beside it."""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from routine.decisions import Actor
from routine.errors import SecrecyReasonMissing
from routine.records import Item, in_thread_order, period_bounds, status_of
from services.comment_marks import mark_comment
from services.files import sha256_of, state_fingerprint, write_atomically
from storage import audit
from storage.models import (
    Account,
    Comment,
    CommentVersion,
    Decision,
    FlaggedCase,
    Printout,
    SecrecyMark,
    Synpunkt,
)

Render = Callable[["PrintoutContent"], bytes]


@dataclass(frozen=True)
class PrintoutContent:
    account: Account
    first: date
    last: date
    items: list[Item]
    made_by: str
    made_at: datetime
    for_archive: bool
    """Archive copies are complete: nothing is left out for secrecy."""


@dataclass(frozen=True)
class MadePrintout:
    id: int
    file: Path
    items: int
    redacted: int
    sha256: str


def collect(
    session: Session, account: Account, first: date, last: date, *, for_archive: bool
) -> list[Item]:
    assert account.id is not None
    start, end = period_bounds(first, last)
    secrets = {
        mark.platform_comment_id: mark.reason
        for mark in session.exec(select(SecrecyMark).where(SecrecyMark.account_id == account.id))
    }
    decided = {
        case.platform_comment_id: (case, decision)
        for case, decision in session.exec(
            select(FlaggedCase, Decision)
            .outerjoin(Decision, col(Decision.case_id) == FlaggedCase.id)
            .where(FlaggedCase.account_id == account.id)
        )
    }
    registered: dict[int | None, str | None] = dict(
        session.exec(
            select(Synpunkt.case_id, Synpunkt.reference)
            .join(FlaggedCase, col(FlaggedCase.id) == Synpunkt.case_id)
            .where(FlaggedCase.account_id == account.id, col(Synpunkt.reference).is_not(None))
        ).all()
    )
    comments = list(
        session.exec(
            select(Comment).where(
                Comment.account_id == account.id,
                col(Comment.created_at) >= start,
                col(Comment.created_at) < end,
            )
        )
    )
    earlier = _earlier_texts(session, [c.id for c in comments if c.id is not None])
    items = []
    for comment in comments:
        case, decision = decided.pop(comment.platform_comment_id, (None, None))
        items.append(
            _item(
                comment.platform_comment_id,
                comment.post_id or comment.platform_comment_id,
                comment.kind == "post",
                comment.origin,
                comment.author_name,
                comment.created_at,
                comment.text,
                earlier.get(comment.id or 0, ()),
                comment.deleted_by_author_at is not None,
                decision,
                None if for_archive else secrets.get(comment.platform_comment_id),
                registered.get(case.id) if case else None,
            )
        )
    for comment_id, (case, decision) in decided.items():
        if start <= case.comment_created_at < end:
            items.append(
                _item(
                    comment_id,
                    case.post_id or comment_id,
                    False,
                    "extern",
                    case.author_name,
                    case.comment_created_at,
                    case.text,
                    (),
                    False,
                    decision,
                    None if for_archive else secrets.get(comment_id),
                    registered.get(case.id),
                )
            )
    return in_thread_order(items)


def _item(
    comment_id: str,
    thread: str,
    is_post: bool,
    origin: str,
    author: str,
    written_at: datetime,
    text: str,
    earlier: tuple[tuple[datetime, str], ...],
    deleted_by_author: bool,
    decision: Decision | None,
    secret_reason: str | None,
    synpunkt_reference: str | None,
) -> Item:
    removed = bool(decision and decision.removed_on_platform_at)
    return Item(
        comment_id=comment_id,
        thread=thread,
        is_post=is_post,
        origin=origin,
        author=author,
        written_at=written_at,
        text=text,
        earlier_texts=earlier,
        status=status_of(deleted_by_author, removed),
        diarium_number=decision.diarium_number if decision else None,
        decision=decision.kind if decision else None,
        decided_by=decision.decided_by_name if decision else None,
        decided_at=decision.decided_at if decision else None,
        secret_reason=secret_reason,
        synpunkt_reference=synpunkt_reference,
    )


def _earlier_texts(
    session: Session, comment_ids: list[int]
) -> dict[int, tuple[tuple[datetime, str], ...]]:
    found: dict[int, list[tuple[datetime, str]]] = {}
    if comment_ids:
        versions = session.exec(
            select(CommentVersion)
            .where(col(CommentVersion.comment_id).in_(comment_ids))
            .order_by(col(CommentVersion.id))
        )
        for version in versions:
            found.setdefault(version.comment_id, []).append((version.replaced_at, version.text))
    return {key: tuple(value) for key, value in found.items()}


def mark_secret(
    session: Session, account: Account, comment_id: str, reason: str, actor: Actor, now: datetime
) -> SecrecyMark:
    """Routine 4: the officer's judgement before release."""
    return mark_comment(
        session,
        SecrecyMark,
        account,
        comment_id,
        reason,
        actor,
        now,
        missing_reason=SecrecyReasonMissing(),
        action="marked_secret",
    )


def _state(content: PrintoutContent) -> str:
    """Everything the printout shows but who made it and when."""
    account = content.account
    return state_fingerprint(
        {
            "account": [account.platform, account.name, account.url],
            "period": [content.first, content.last],
            "for_archive": content.for_archive,
            "items": [asdict(item) for item in content.items],
        }
    )


class Printouts:
    def __init__(self, folder: Path, render: Render) -> None:
        self._folder = folder
        self._render = render

    def make(
        self,
        session: Session,
        account: Account,
        first: date,
        last: date,
        actor: Actor,
        now: datetime,
        *,
        for_archive: bool = False,
    ) -> MadePrintout:
        assert account.id is not None
        items = collect(session, account, first, last, for_archive=for_archive)
        session.commit()  # every transaction holds SQLite's write lock: not while rendering
        content = PrintoutContent(account, first, last, items, actor.name, now, for_archive)
        kind = "arkiv" if for_archive else "utdrag"
        name = f"{kind}-{account.id}-{first}-{last}-{_state(content)}.pdf"
        target = self._folder / name
        if not target.is_file():
            write_atomically(target, self._render(content))
        digest = sha256_of(target)
        redacted = [item for item in items if item.secret_reason]
        printout = Printout(
            account_id=account.id,
            period_start=first,
            period_end=last,
            made_by_name=actor.name,
            made_at=now,
            file_name=name,
            sha256=digest,
            items=len(items),
            redacted=len(redacted),
        )
        session.add(printout)
        session.flush()
        assert printout.id is not None
        audit.record(
            session,
            at=now,
            actor=actor,
            action="archive_copy_made" if for_archive else "printout_made",
            account=account.name,
            period=f"{first}–{last}",
            items=len(items),
            sha256=digest,
            redacted=[{"comment_id": i.comment_id, "reason": i.secret_reason} for i in redacted],
        )
        session.commit()
        return MadePrintout(printout.id, target, len(items), len(redacted), digest)

    def path_of(self, printout: Printout) -> Path:
        return self._folder / printout.file_name
