"""Every comment the platforms report (section 4). Plain Core statements: recording is the hot
path of a webhook burst, and ORM objects cost more per comment than the rest put together."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, select

from storage.accounts import ACTIVE
from storage.models import Account, Comment, CommentVersion, table

_COMMENTS = table(Comment)


@dataclass(frozen=True)
class StoredComment:
    id: int
    text: str
    deleted_by_author_at: datetime | None


def connected_account(session: Session, platform: str, platform_id: str) -> Account | None:
    """The active account the platform means, looked up once per session: a batch of events
    is nearly always about the same few accounts."""
    known: dict[tuple[str, str], Account | None] = session.info.setdefault("accounts", {})
    key = (platform, platform_id)
    if key not in known:
        known[key] = session.exec(
            select(Account).where(
                Account.platform == platform, Account.platform_id == platform_id, ACTIVE
            )
        ).first()
    return known[key]


_FIND = select(_COMMENTS.c.id, _COMMENTS.c.text, _COMMENTS.c.deleted_by_author_at).where(
    _COMMENTS.c.account_id == bindparam("account_id"),
    _COMMENTS.c.platform_comment_id == bindparam("comment_id"),
)
_ADD = insert(_COMMENTS)


def find_comment(
    session: Session, account_id: int, platform_comment_id: str
) -> StoredComment | None:
    params = {"account_id": account_id, "comment_id": platform_comment_id}
    row = session.connection().execute(_FIND, params).first()
    return StoredComment(*row) if row else None


def add_comment(session: Session, **values: Any) -> None:
    session.connection().execute(_ADD, values)


def replace_text(
    session: Session, comment_id: int, old_text: str, new_text: str, now: datetime
) -> None:
    """An edit: the earlier text is kept as a version, never overwritten."""
    session.connection().execute(
        insert(table(CommentVersion)),
        {"comment_id": comment_id, "text": old_text, "replaced_at": now},
    )
    session.connection().execute(
        update(_COMMENTS).where(_COMMENTS.c.id == comment_id).values(text=new_text, edited_at=now)
    )


def mark_deleted_by_author(session: Session, comment_id: int, now: datetime) -> None:
    session.connection().execute(
        update(_COMMENTS).where(_COMMENTS.c.id == comment_id).values(deleted_by_author_at=now)
    )
