"""Routine 4.1: a synpunkt is answered, the answer published, and both registered in
Synpunkten (DF Respons). Each step is an audit event with actor and time."""

from dataclasses import dataclass
from datetime import datetime, time

from sqlmodel import Session

from routine.decisions import Actor
from routine.errors import (
    AlreadyRegistered,
    AnswerMissing,
    BadReference,
    CaseNotFound,
    NotKansli,
    NotTheDepartment,
)
from routine.monitoring import due_today
from routine.synpunkter import overdue, plausible_reference, vardagar_since
from services.access import case_to_act_on
from services.notifier import Notifier
from services.views import CaseView, CaseViews
from storage import audit, bot_state, cases
from storage.models import Department, Synpunkt
from storage.people import get_person
from storage.record_digest import changed_row
from storage.reminders import claim
from storage.synpunkter import get_department, synpunkt_for_case, unregistered

MAX_ANSWER = 5000
ANSWER_DUE = "synpunkt_answer_due"
REGISTRATION_DUE = "synpunkt_registration_due"


@dataclass(frozen=True)
class Waiting:
    case: CaseView
    vardagar: int


class Synpunkter:
    def __init__(self, views: CaseViews, notifier: Notifier) -> None:
        self._views = views
        self._notifier = notifier

    def answer(
        self,
        session: Session,
        case_id: int,
        actor: Actor,
        acting_channel_id: str | None,
        text: str | None,
        now: datetime,
    ) -> CaseView:
        """*Skicka svar*: the department that was asked gives its answer; the first one counts
        (the moderator can still edit it before publishing)."""
        synpunkt = self._synpunkt(session, case_id)
        department = get_department(session, synpunkt.department_id)
        if department is None or not _speaks_for(session, department, actor, acting_channel_id):
            raise NotTheDepartment()
        if synpunkt.answered_at is not None:
            return self._views.get(session, case_id, now)
        synpunkt.answer = _answer(text)
        synpunkt.answered_by_name = actor.name
        synpunkt.answered_at = now
        return self._changed(session, synpunkt, actor, "synpunkt_answered", now)

    def publish(
        self,
        session: Session,
        case_id: int,
        actor: Actor,
        acting_channel_id: str | None,
        text: str | None,
        now: datetime,
    ) -> CaseView:
        """*Svar publicerat*: the moderator published the (possibly edited) answer."""
        case_to_act_on(session, case_id, actor, acting_channel_id)
        synpunkt = self._synpunkt(session, case_id)
        if synpunkt.published_at is not None:
            return self._views.get(session, case_id, now)
        synpunkt.answer = _answer(text or synpunkt.answer)
        synpunkt.answered_by_name = synpunkt.answered_by_name or actor.name
        synpunkt.answered_at = synpunkt.answered_at or now
        synpunkt.published_by_name = actor.name
        synpunkt.published_at = now
        return self._changed(session, synpunkt, actor, "synpunkt_answer_published", now)

    def register(
        self,
        session: Session,
        case_id: int,
        actor: Actor,
        acting_channel_id: str | None,
        reference: str | None,
        now: datetime,
    ) -> CaseView:
        """*Registrerad i Synpunkten*: only kanslienheten's channel, once, with the reference."""
        kansli = bot_state.get_value(session, bot_state.KANSLI_CONVERSATION)
        if kansli is None or acting_channel_id != kansli:
            raise NotKansli()
        synpunkt = self._synpunkt(session, case_id)
        if synpunkt.reference is not None:
            raise AlreadyRegistered(
                reference=synpunkt.reference,
                name=synpunkt.registered_by_name,
                at=synpunkt.registered_at,
            )
        cleaned = (reference or "").strip()
        if not plausible_reference(cleaned):
            raise BadReference()
        synpunkt.reference = cleaned
        synpunkt.registered_by_name = actor.name
        synpunkt.registered_at = now
        return self._changed(
            session, synpunkt, actor, "synpunkt_registered", now, reference=cleaned
        )

    def waiting(self, session: Session, now: datetime) -> list[Waiting]:
        """What kanslienheten has still to register, oldest first, with its age in vardagar."""
        return [
            Waiting(
                self._views.build(
                    session, case, account, cases.get_decision(session, case.id or 0), now
                ),
                vardagar_since(synpunkt.handed_over_at, now),
            )
            for synpunkt, case, account in unregistered(session)
        ]

    def _changed(
        self,
        session: Session,
        synpunkt: Synpunkt,
        actor: Actor,
        action: str,
        now: datetime,
        **detail: object,
    ) -> CaseView:
        session.add(synpunkt)
        audit.record(
            session,
            at=now,
            actor=actor,
            action=action,
            case_id=synpunkt.case_id,
            rows=[changed_row(Synpunkt, synpunkt.id)],
            **detail,
        )
        session.flush()
        view = self._views.get(session, synpunkt.case_id, now)
        self._notifier.case_changed(session, view, now)
        session.commit()
        return view

    @staticmethod
    def _synpunkt(session: Session, case_id: int) -> Synpunkt:
        synpunkt = synpunkt_for_case(session, case_id)
        if synpunkt is None:
            raise CaseNotFound()
        return synpunkt


def _speaks_for(
    session: Session, department: Department, actor: Actor, acting_channel_id: str | None
) -> bool:
    """Its channel's members, or its contact person."""
    if department.channel_conversation_id is not None:
        return acting_channel_id == department.channel_conversation_id
    person = get_person(session, department.person_id)
    return person is not None and person.teams_user_id == actor.id


def _answer(text: str | None) -> str:
    cleaned = (text or "").strip()
    if not cleaned or len(cleaned) > MAX_ANSWER:
        raise AnswerMissing()
    return cleaned


class SynpunktReminders:
    """Routine 4.1, nothing stalls silently: an answer is due within `answer_within` vardagar
    of the hand-over, the registration within `register_within` vardagar of publication."""

    def __init__(
        self,
        views: CaseViews,
        notifier: Notifier,
        morning: time,
        answer_within: int,
        register_within: int,
    ) -> None:
        self._views = views
        self._notifier = notifier
        self._morning = morning
        self._answer_within = answer_within
        self._register_within = register_within

    def send(self, session: Session, now: datetime) -> int:
        if due_today(now, self._morning) is None:
            return 0
        sent = 0
        kansli = bot_state.get_value(session, bot_state.KANSLI_CONVERSATION)
        for synpunkt, _, _ in unregistered(session):
            department = get_department(session, synpunkt.department_id)
            subject = f"synpunkt:{synpunkt.id}"
            if (
                department is not None
                and synpunkt.answered_at is None
                and overdue(synpunkt.handed_over_at, now, self._answer_within)
                and claim(session, ANSWER_DUE, subject, "", now)
            ):
                view = self._views.get(session, synpunkt.case_id, now)
                self._notifier.synpunkt_answer_due(session, view, department, now)
                sent += 1
            if (
                kansli is not None
                and synpunkt.published_at is not None
                and overdue(synpunkt.published_at, now, self._register_within)
                and claim(session, REGISTRATION_DUE, subject, "", now)
            ):
                view = self._views.get(session, synpunkt.case_id, now)
                self._notifier.synpunkt_registration_due(session, view, kansli, now)
                sent += 1
        session.commit()
        return sent
