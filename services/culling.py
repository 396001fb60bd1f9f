"""Section 5: culling (gallring) proposed, approved in Teams, and recorded without content.

A proposal lists what the rule would take today; approval takes only what still qualifies
then (a comment that became a case or got a hold since is left), deletes it with its earlier
texts, and turns the proposal into the culling record."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from routine.culling import CATEGORY, Candidate, Protections, culling_age, cutoff, may_cull
from routine.decisions import Actor
from routine.errors import (
    CullingAlreadyDecided,
    HoldReasonMissing,
    NoSuchCulling,
)
from services.access import ensure_may_act_for
from services.comment_marks import mark_comment
from storage import audit
from storage.models import (
    Account,
    Comment,
    CommentVersion,
    Culling,
    FlaggedCase,
    LegalHold,
    SecrecyMark,
)
from storage.record_digest import changed_row, new_row


@dataclass(frozen=True)
class CullingView:
    id: int | None
    """None when there was nothing to propose: no empty proposal is kept."""
    account_name: str
    count: int
    older_than: datetime
    first_written_at: datetime | None
    last_written_at: datetime | None
    months: int


class Cullings:
    def __init__(self, default_months: int) -> None:
        self._default_months = default_months

    def months_for(self, account: Account) -> int:
        return account.culling_months or self._default_months

    def set_age(
        self,
        session: Session,
        account: Account,
        months: str,
        actor: Actor,
        channel: str | None,
        now: datetime,
    ) -> int:
        """The account's own culling age (the routine's "when appropriate")."""
        ensure_may_act_for(session, account, actor, channel)
        account.culling_months = culling_age(months)
        session.add(account)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="culling_age_set",
            account=account.name,
            months=account.culling_months,
        )
        session.commit()
        return account.culling_months

    def propose(
        self, session: Session, account: Account, actor: Actor, channel: str | None, now: datetime
    ) -> CullingView:
        ensure_may_act_for(session, account, actor, channel)
        assert account.id is not None
        months = self.months_for(account)
        older_than = cutoff(now, months)
        found = _cullable(session, account, older_than)
        if not found:
            return CullingView(None, account.name, 0, older_than, None, None, months)
        written = [comment.created_at for comment in found]
        proposal = Culling(
            account_id=account.id,
            category=CATEGORY,
            older_than=older_than,
            proposed_count=len(found),
            first_written_at=min(written, default=None),
            last_written_at=max(written, default=None),
            proposed_by_name=actor.name,
            proposed_at=now,
            pending_ids=json.dumps([comment.id for comment in found]),
        )
        session.add(proposal)
        session.flush()
        assert proposal.id is not None
        audit.record(
            session,
            at=now,
            actor=actor,
            action="culling_proposed",
            account=account.name,
            rows=[new_row(Culling, proposal.id)],
            culling=proposal.id,
            category=CATEGORY,
            count=len(found),
            older_than=older_than,
        )
        session.commit()
        return _view(proposal, account, len(found), months)

    def approve(
        self, session: Session, culling_id: int, actor: Actor, channel: str | None, now: datetime
    ) -> CullingView:
        proposal, account = self._open(session, culling_id, actor, channel)
        still = {comment.id for comment in _cullable(session, account, proposal.older_than)}
        ids = [number for number in json.loads(proposal.pending_ids) if number in still]
        if ids:
            session.exec(delete(CommentVersion).where(col(CommentVersion.comment_id).in_(ids)))
            session.exec(delete(Comment).where(col(Comment.id).in_(ids)))
        proposal.culled_count = len(ids)
        proposal.approved_by_name = actor.name
        proposal.approved_at = now
        _decided(
            session,
            proposal,
            account,
            actor,
            now,
            "culled",
            category=proposal.category,
            count=len(ids),
            first_written_at=proposal.first_written_at,
            last_written_at=proposal.last_written_at,
        )
        return _view(proposal, account, len(ids), self.months_for(account))

    def cancel(
        self, session: Session, culling_id: int, actor: Actor, channel: str | None, now: datetime
    ) -> None:
        proposal, account = self._open(session, culling_id, actor, channel)
        proposal.cancelled_at = now
        _decided(session, proposal, account, actor, now, "culling_cancelled")

    def hold(
        self,
        session: Session,
        account: Account,
        comment_id: str,
        reason: str,
        actor: Actor,
        channel: str | None,
        now: datetime,
    ) -> LegalHold:
        """A legal hold on a comment, or on a post and with it its whole thread."""
        ensure_may_act_for(session, account, actor, channel)
        return mark_comment(
            session,
            LegalHold,
            account,
            comment_id,
            reason,
            actor,
            now,
            missing_reason=HoldReasonMissing(),
            action="legal_hold",
        )

    def _open(
        self, session: Session, culling_id: int, actor: Actor, channel: str | None
    ) -> tuple[Culling, Account]:
        proposal = session.get(Culling, culling_id)
        if proposal is None:
            raise NoSuchCulling(number=culling_id)
        account = session.get(Account, proposal.account_id)
        assert account is not None
        ensure_may_act_for(session, account, actor, channel)
        if proposal.approved_at is not None or proposal.cancelled_at is not None:
            raise CullingAlreadyDecided(number=culling_id)
        return proposal, account


def _decided(
    session: Session,
    proposal: Culling,
    account: Account,
    actor: Actor,
    now: datetime,
    action: str,
    **detail: Any,
) -> None:
    """Once decided, the proposal keeps no pointer to what it listed."""
    proposal.pending_ids = "[]"
    session.add(proposal)
    audit.record(
        session,
        at=now,
        actor=actor,
        action=action,
        account=account.name,
        culling=proposal.id,
        rows=[changed_row(Culling, proposal.id)],
        **detail,
    )
    session.commit()


def _cullable(session: Session, account: Account, older_than: datetime) -> list[Comment]:
    def ids(model: type[FlaggedCase] | type[SecrecyMark] | type[LegalHold]) -> frozenset[str]:
        column = model.platform_comment_id  # type: ignore[union-attr]
        return frozenset(session.exec(select(column).where(model.account_id == account.id)))

    protections = Protections(ids(FlaggedCase), ids(SecrecyMark), ids(LegalHold))
    old = session.exec(
        select(Comment).where(
            Comment.account_id == account.id, col(Comment.created_at) < older_than
        )
    )
    return [
        comment
        for comment in old
        if may_cull(
            Candidate(
                comment.platform_comment_id,
                comment.post_id,
                comment.parent_id,
                comment.kind == "post",
            ),
            protections,
        )
    ]


def _view(proposal: Culling, account: Account, count: int, months: int) -> CullingView:
    return CullingView(
        id=proposal.id,
        account_name=account.name,
        count=count,
        older_than=proposal.older_than,
        first_written_at=proposal.first_written_at,
        last_written_at=proposal.last_written_at,
        months=months,
    )
