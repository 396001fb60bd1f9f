"""Sections 3, 4 and 6: a moderator keeps, removes or hands over a flagged comment.

The first decision on a case is the only one: the check below gives a clear answer, and the
unique case_id on the decision table holds even when two moderators press at once.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from routine.categories import Category
from routine.deadlines import lateness
from routine.decisions import Actor, DecisionKind
from routine.diarium import diarium_year, format_diarium_number
from routine.errors import (
    AlreadyDecided,
    EvidenceMissing,
    KansliNotLinked,
    NotAwaitingRemoval,
    UnknownDepartment,
)
from services.access import case_to_act_on
from services.evidence import MODERATOR_FILE, EvidenceFiles, ready_for_removal
from services.notifier import Notifier
from services.synpunkt_mail import SynpunktMail
from services.views import CaseView, CaseViews
from storage import audit, bot_state, cases
from storage.evidence import evidence_kinds
from storage.models import Decision, FlaggedCase, Synpunkt
from storage.record_digest import changed_row, new_evidence, new_row
from storage.synpunkter import get_department


def record_removal(
    session: Session,
    case: FlaggedCase,
    decision: Decision,
    actor: Actor,
    now: datetime,
    **platform: Any,
) -> None:
    """The comment is gone from the platform: by hand (confirmed by the actor) or through its
    API (`platform` holds what it answered). A removal after the 48 hours stays marked late."""
    decision.removed_on_platform_at = now
    decision.removal_confirmed_by_name = actor.name
    session.add(decision)
    late = lateness(case.comment_created_at, now)
    audit.record(
        session,
        at=now,
        actor=actor,
        action="removed_on_platform",
        case_id=case.id,
        rows=[changed_row(Decision, decision.id)],
        diarium_number=decision.diarium_number,
        late_by_seconds=int(late.total_seconds()) if late else None,
        **platform,
    )


@dataclass(frozen=True)
class DecisionRequest:
    case_id: int
    kind: DecisionKind
    actor: Actor
    acting_channel_id: str | None
    category: Category | None
    note: str | None
    department_id: int | None = None
    """Routine 4.1: the department a synpunkt is forwarded to for its answer, if any."""


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str
    data: bytes


class Moderation:
    def __init__(
        self,
        views: CaseViews,
        notifier: Notifier,
        diarium_prefix: str,
        mail: SynpunktMail | None = None,
    ) -> None:
        self._views = views
        self._notifier = notifier
        self._prefix = diarium_prefix
        self._mail = mail

    def decide(self, session: Session, request: DecisionRequest, now: datetime) -> CaseView:
        case_id = request.case_id
        case_to_act_on(session, case_id, request.actor, request.acting_channel_id)
        self._refuse_if_decided(session, case_id)
        decision = Decision(
            case_id=case_id,
            kind=request.kind.value,
            category=request.category.value if request.category else None,
            note=request.note or None,
            decided_by_id=request.actor.id,
            decided_by_name=request.actor.name,
            decided_at=now,
        )
        kansli_conversation = None
        department = None
        if request.kind is DecisionKind.REMOVE:
            if not ready_for_removal(evidence_kinds(session, case_id)):
                raise EvidenceMissing()
            year = diarium_year(now)
            sequence = cases.next_diarium_sequence(session, self._prefix, year)
            decision.diarium_number = format_diarium_number(self._prefix, year, sequence)
        elif request.kind is DecisionKind.SYNPUNKT:
            kansli_conversation = bot_state.get_value(session, bot_state.KANSLI_CONVERSATION)
            if kansli_conversation is None:
                raise KansliNotLinked()
            if request.department_id is not None:
                department = get_department(session, request.department_id)
                if department is None:
                    raise UnknownDepartment()
        session.add(decision)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            self._refuse_if_decided(session, case_id)
            raise
        audit.record(
            session,
            at=now,
            actor=request.actor,
            action=f"decided_{request.kind.value}",
            case_id=case_id,
            rows=[new_row(Decision, decision.id)],
            category=decision.category,
            note=decision.note,
            diarium_number=decision.diarium_number,
        )
        if kansli_conversation is not None:
            synpunkt = Synpunkt(
                case_id=case_id,
                department_id=department.id if department else None,
                handed_over_by_name=request.actor.name,
                handed_over_at=now,
            )
            session.add(synpunkt)
            session.flush()
            audit.record(
                session,
                at=now,
                actor=request.actor,
                action="synpunkt_forwarded",
                case_id=case_id,
                rows=[new_row(Synpunkt, synpunkt.id)],
                department=department.name if department else None,
            )
        view = self._views.get(session, case_id, now)
        self._notifier.case_changed(session, view, now)
        if kansli_conversation is not None:
            self._notifier.synpunkt_handed_over(session, view, kansli_conversation, now)
        if department is not None:
            self._notifier.department_asked(session, view, department, now)
        if kansli_conversation is not None and self._mail is not None:
            self._mail.queue(session, view, now)
        session.commit()
        return view

    def confirm_removed(
        self,
        session: Session,
        case_id: int,
        actor: Actor,
        acting_channel_id: str | None,
        now: datetime,
    ) -> CaseView:
        """The moderator removed the comment on the platform; late removals stay visible."""
        case = case_to_act_on(session, case_id, actor, acting_channel_id)
        decision = cases.get_decision(session, case_id)
        if decision is None or decision.kind != DecisionKind.REMOVE.value:
            raise NotAwaitingRemoval()
        if decision.removed_on_platform_at is not None:
            raise AlreadyDecided(
                name=decision.removal_confirmed_by_name, at=decision.removed_on_platform_at
            )
        record_removal(session, case, decision, actor, now)
        session.flush()
        view = self._views.get(session, case_id, now)
        self._notifier.case_changed(session, view, now)
        session.commit()
        return view

    def add_evidence(
        self,
        session: Session,
        files: EvidenceFiles,
        case_id: int,
        actor: Actor,
        acting_channel_id: str | None,
        uploads: list[Upload],
        now: datetime,
    ) -> CaseView:
        """A moderator's own screenshot of the comment in context joins the case's evidence."""
        case_to_act_on(session, case_id, actor, acting_channel_id)
        for upload in uploads:
            saved = files.save(
                session,
                case_id=case_id,
                kind=MODERATOR_FILE,
                name=upload.name,
                content_type=upload.content_type,
                data=upload.data,
                added_by_name=actor.name,
                now=now,
            )
            audit.record(
                session,
                at=now,
                actor=actor,
                action="evidence_added",
                case_id=case_id,
                rows=[new_evidence(case_id, saved.file_name, saved.sha256)],
                file=saved.file_name,
                sha256=saved.sha256,
            )
        session.flush()
        view = self._views.get(session, case_id, now)
        self._notifier.case_changed(session, view, now)
        session.commit()
        return view

    def pending(
        self, session: Session, channel_conversation_id: str | None, now: datetime
    ) -> list[CaseView]:
        return [
            self._views.build(session, case, account, decision, now)
            for case, account, decision in cases.cases_with_decisions(
                session, channel_conversation_id
            )
        ]

    @staticmethod
    def _refuse_if_decided(session: Session, case_id: int) -> None:
        existing = cases.get_decision(session, case_id)
        if existing is not None:
            raise AlreadyDecided(name=existing.decided_by_name, at=existing.decided_at)
