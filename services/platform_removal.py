"""Section 6: *Ta bort* on a connected account removes the comment on the platform itself.

The decision (with its diarium number and the evidence it requires) is already on record when
this runs. The platform is called outside any database transaction, and only its answer
decides what is written: a removal the platform confirmed, or the reason it did not happen,
shown on the card so the moderator can try again. Nothing is marked removed that was not."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from platforms.removal import PlatformRefused, PlatformRemover, PlatformUnreachable
from platforms.token_source import TokenSourceError, read_token
from routine.decisions import Actor, DecisionKind
from routine.errors import NotAwaitingRemoval, NotConnected
from services.access import case_to_act_on
from services.moderation import record_removal
from services.notifier import Notifier
from services.views import CaseView, CaseViews
from storage import audit, cases
from storage.accounts import get_account
from storage.db import Database
from storage.models import Decision
from storage.record_digest import changed_row

REFUSED = "refused"
UNREACHABLE = "unreachable"
NO_TOKEN = "token"


@dataclass(frozen=True)
class _Target:
    platform: str
    comment_id: str
    token_source: str


class PlatformRemoval:
    def __init__(
        self,
        database: Database,
        remover: PlatformRemover,
        views: CaseViews,
        notifier: Notifier,
        clock: Callable[[], datetime],
    ) -> None:
        self._database = database
        self._remover = remover
        self._views = views
        self._notifier = notifier
        self._clock = clock

    async def remove(self, case_id: int, actor: Actor, acting_channel_id: str | None) -> CaseView:
        with self._database.session() as session:
            target = self._target(session, case_id, actor, acting_channel_id)
        try:
            token = read_token(target.token_source)
        except TokenSourceError as problem:
            return self._failed(case_id, actor, NO_TOKEN, str(problem), None)
        try:
            answer = await self._remover.remove(target.platform, target.comment_id, token)
        except PlatformRefused as refusal:
            return self._failed(case_id, actor, REFUSED, refusal.message, refusal.answer.body)
        except PlatformUnreachable as problem:
            return self._failed(case_id, actor, UNREACHABLE, str(problem), None)
        now = self._clock()
        with self._database.session() as session:
            decision = cases.get_decision(session, case_id)
            assert decision is not None
            case = cases.get_case(session, case_id)
            if decision.removed_on_platform_at is None and case is not None:
                decision.platform_answer = answer.body or f"HTTP {answer.status}"
                decision.platform_error = decision.platform_error_kind = None
                decision.platform_error_at = None
                record_removal(
                    session,
                    case,
                    decision,
                    actor,
                    now,
                    via=f"{target.platform} API",
                    platform_status=answer.status,
                    platform_answer=answer.body,
                )
            return self._changed(session, case_id, now)

    def _target(
        self, session: Session, case_id: int, actor: Actor, acting_channel_id: str | None
    ) -> _Target:
        case = case_to_act_on(session, case_id, actor, acting_channel_id)
        decision = cases.get_decision(session, case_id)
        if (
            decision is None
            or decision.kind != DecisionKind.REMOVE.value
            or decision.removed_on_platform_at is not None
        ):
            raise NotAwaitingRemoval()
        account = get_account(session, case.account_id)
        assert account is not None
        if not (account.platform_id and account.token_source):
            raise NotConnected()
        return _Target(account.platform, case.platform_comment_id, account.token_source)

    def _failed(
        self, case_id: int, actor: Actor, kind: str, reason: str, answer: str | None
    ) -> CaseView:
        now = self._clock()
        with self._database.session() as session:
            decision = cases.get_decision(session, case_id)
            assert decision is not None
            if decision.removed_on_platform_at is None:
                decision.platform_error_kind = kind
                decision.platform_error = reason[:400]
                decision.platform_error_at = now
                session.add(decision)
                audit.record(
                    session,
                    at=now,
                    actor=actor,
                    action="platform_removal_failed",
                    case_id=case_id,
                    rows=[changed_row(Decision, decision.id)],
                    kind=kind,
                    reason=reason,
                    platform_answer=answer,
                )
            return self._changed(session, case_id, now)

    def _changed(self, session: Session, case_id: int, now: datetime) -> CaseView:
        session.flush()
        view = self._views.get(session, case_id, now)
        self._notifier.case_changed(session, view, now)
        session.commit()
        return view
