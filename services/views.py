"""What a person sees of a case, computed from what is stored at a given moment."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from routine.deadlines import lateness, removal_deadline, time_left
from routine.decisions import CaseState, DecisionKind, case_state
from routine.errors import CaseNotFound
from routine.halfyear import MANAGER_AFTER, Duty
from services.evidence import ready_for_removal
from services.links import LinkSigner
from storage import cases, evidence, parked
from storage.accounts import get_account
from storage.models import Account, Decision, DutyTask, FlaggedCase
from storage.synpunkter import get_department, list_departments, synpunkt_for_case


@dataclass(frozen=True)
class DecisionView:
    kind: DecisionKind
    category: str | None
    note: str | None
    by_name: str
    at: datetime
    diarium_number: str | None
    removed_at: datetime | None
    removed_by_name: str | None
    late_by: timedelta | None
    removed_by_platform: bool = False
    """The platform itself confirmed the removal (the bot removed it through the API)."""
    platform_error: str | None = None
    platform_error_kind: str | None = None
    platform_error_at: datetime | None = None


@dataclass(frozen=True)
class SynpunktView:
    """Routine 4.1: where a synpunkt is on its way from question to registration."""

    id: int
    department: str | None
    handed_over_by: str
    handed_over_at: datetime
    answer: str | None
    answered_by: str | None
    answered_at: datetime | None
    published_by: str | None
    published_at: datetime | None
    reference: str | None
    registered_by: str | None
    registered_at: datetime | None
    record_url: str
    """The signed link to the printable page with the whole chain."""


@dataclass(frozen=True)
class CaseView:
    id: int
    platform: str
    account_name: str
    channel_conversation_id: str
    permalink: str
    post_id: str | None
    author_name: str
    author_id: str
    text: str
    written_at: datetime
    deadline: datetime
    time_left: timedelta
    suggested_category: str | None
    reason: str | None
    flagged_by: str | None
    evidence_count: int
    evidence_url: str
    state: CaseState
    decision: DecisionView | None
    synpunkt: SynpunktView | None = None
    departments: tuple[tuple[int, str], ...] = ()
    """Who a synpunkt can be forwarded to; only filled while the case is open."""
    connected: bool = False
    """The account is connected to its platform: the bot removes comments there itself."""
    own_screenshot_needed: bool = False
    """The bot could not make the screenshot: the moderator attaches one before removal."""


@dataclass(frozen=True)
class DigestView:
    """A channel's monitoring digest for one vardag."""

    channel_id: str
    day: date
    account_names: list[str]
    cases: list[CaseView]
    attested_by: str | None
    attested_at: datetime | None


@dataclass(frozen=True)
class TaskView:
    """A half-year archive or culling task."""

    id: int
    duty: Duty
    account_name: str
    account_url: str
    channel_id: str
    period: date
    opened_at: datetime
    due: datetime
    """When the manager is told if it is still not done."""
    done_at: datetime | None
    done_by_name: str | None
    reference: str | None


def task_view(task: DutyTask, account: Account) -> TaskView:
    assert task.id is not None
    return TaskView(
        id=task.id,
        duty=Duty(task.kind),
        account_name=account.name,
        account_url=account.url,
        channel_id=account.channel_conversation_id,
        period=date.fromisoformat(task.period),
        opened_at=task.opened_at,
        due=task.opened_at + MANAGER_AFTER,
        done_at=task.done_at,
        done_by_name=task.done_by_name,
        reference=task.reference,
    )


class CaseViews:
    """Builds views; owns the signer so every card carries a fresh evidence link."""

    def __init__(self, signer: LinkSigner, link_ttl: timedelta) -> None:
        self._signer = signer
        self._ttl = link_ttl

    def get(self, session: Session, case_id: int, now: datetime) -> CaseView:
        case = cases.get_case(session, case_id)
        if case is None:
            raise CaseNotFound()
        account = get_account(session, case.account_id)
        assert account is not None
        return self.build(session, case, account, cases.get_decision(session, case_id), now)

    def build(
        self,
        session: Session,
        case: FlaggedCase,
        account: Account,
        decision: Decision | None,
        now: datetime,
    ) -> CaseView:
        assert case.id is not None
        decision_view = _decision_view(case, decision)
        state = case_state(
            decision_view.kind if decision_view else None,
            bool(decision_view and decision_view.removed_at),
        )
        return CaseView(
            id=case.id,
            platform=account.platform,
            account_name=account.name,
            channel_conversation_id=account.channel_conversation_id,
            permalink=case.permalink,
            post_id=case.post_id,
            author_name=case.author_name,
            author_id=case.author_id,
            text=case.text,
            written_at=case.comment_created_at,
            deadline=removal_deadline(case.comment_created_at),
            time_left=time_left(case.comment_created_at, now),
            suggested_category=case.suggested_category,
            reason=case.reason,
            flagged_by=case.flagged_by,
            evidence_count=evidence.evidence_count(session, case.id),
            evidence_url=self._signer.url(f"/evidence/{case.id}", now + self._ttl),
            state=state,
            decision=decision_view,
            synpunkt=(
                self._synpunkt_view(session, case.id, now) if state is CaseState.SYNPUNKT else None
            ),
            departments=_departments(session) if state is CaseState.OPEN else (),
            connected=bool(account.platform_id and account.token_source),
            own_screenshot_needed=(
                decision_view is None
                and parked.is_parked(session, parked.SCREENSHOT, str(case.id))
                and not ready_for_removal(evidence.evidence_kinds(session, case.id))
            ),
        )

    def _synpunkt_view(self, session: Session, case_id: int, now: datetime) -> SynpunktView | None:
        synpunkt = synpunkt_for_case(session, case_id)
        if synpunkt is None or synpunkt.id is None:
            return None
        department = get_department(session, synpunkt.department_id)
        return SynpunktView(
            id=synpunkt.id,
            department=department.name if department else None,
            handed_over_by=synpunkt.handed_over_by_name,
            handed_over_at=synpunkt.handed_over_at,
            answer=synpunkt.answer,
            answered_by=synpunkt.answered_by_name,
            answered_at=synpunkt.answered_at,
            published_by=synpunkt.published_by_name,
            published_at=synpunkt.published_at,
            reference=synpunkt.reference,
            registered_by=synpunkt.registered_by_name,
            registered_at=synpunkt.registered_at,
            record_url=self._signer.url(f"/synpunkt/{case_id}", now + self._ttl),
        )


def _departments(session: Session) -> tuple[tuple[int, str], ...]:
    """Once per session: a batch of new cards shares one look-up."""
    if "departments" not in session.info:
        session.info["departments"] = tuple(
            (d.id, d.name) for d in list_departments(session) if d.id is not None
        )
    return tuple(session.info["departments"])


def _decision_view(case: FlaggedCase, decision: Decision | None) -> DecisionView | None:
    if decision is None:
        return None
    removed_at = decision.removed_on_platform_at
    late_by = lateness(case.comment_created_at, removed_at) if removed_at else None
    return DecisionView(
        kind=DecisionKind(decision.kind),
        category=decision.category,
        note=decision.note,
        by_name=decision.decided_by_name,
        at=decision.decided_at,
        diarium_number=decision.diarium_number,
        removed_at=removed_at,
        removed_by_name=decision.removal_confirmed_by_name,
        late_by=late_by,
        removed_by_platform=decision.platform_answer is not None,
        platform_error=decision.platform_error,
        platform_error_kind=decision.platform_error_kind,
        platform_error_at=decision.platform_error_at,
    )
