"""A mark an officer puts on one item of an account with its ground: secrecy before release
(section 4) or a legal hold against culling (section 5). Both are judgements that must be
recorded, never silent, so both are written and audited the same way."""

from datetime import datetime
from typing import TypeVar

from sqlmodel import Session, select

from routine.decisions import Actor
from routine.errors import CommentNotFound, RoutineError
from storage import audit
from storage.models import Account, Comment, FlaggedCase, LegalHold, SecrecyMark
from storage.record_digest import changed_row, new_row

Mark = TypeVar("Mark", SecrecyMark, LegalHold)
MAX_REASON = 300


def mark_comment(
    session: Session,
    model: type[Mark],
    account: Account,
    comment_id: str,
    reason: str,
    actor: Actor,
    now: datetime,
    *,
    missing_reason: RoutineError,
    action: str,
) -> Mark:
    """The item may be a recorded comment or one known only as a flagged case."""
    assert account.id is not None
    reason = " ".join(reason.split())[:MAX_REASON]
    if len(reason) < 3:
        raise missing_reason
    known = (
        session.exec(
            select(Comment.id).where(
                Comment.account_id == account.id, Comment.platform_comment_id == comment_id
            )
        ).first()
        or session.exec(
            select(FlaggedCase.id).where(
                FlaggedCase.account_id == account.id, FlaggedCase.platform_comment_id == comment_id
            )
        ).first()
    )
    if known is None:
        raise CommentNotFound(comment_id=comment_id[:60])
    existing = session.exec(
        select(model).where(model.account_id == account.id, model.platform_comment_id == comment_id)
    ).first()
    mark = existing or model(
        account_id=account.id,
        platform_comment_id=comment_id,
        reason=reason,
        marked_by_name=actor.name,
        marked_at=now,
    )
    mark.reason, mark.marked_by_name, mark.marked_at = reason, actor.name, now
    session.add(mark)
    if existing is None:
        session.flush()
    audit.record(
        session,
        at=now,
        actor=actor,
        action=action,
        rows=[(changed_row if existing else new_row)(model, mark.id)],
        account=account.name,
        comment_id=comment_id,
        reason=reason,
    )
    session.commit()
    return mark
