"""Reminders as Teams texts: what to do, by when, and a link to what it concerns."""

from datetime import date, datetime

from sqlmodel import Session

from bot.delivery import Delivery, mention_of
from routine.decisions import CaseState
from routine.upkeep import Nudge
from services.views import CaseView, TaskView
from storage.models import Account, Department, Person
from storage.people import get_person
from texts import t, time_left


class ReminderMessages(Delivery):
    def deadline_near(
        self, session: Session, case: CaseView, officer: Person | None, now: datetime
    ) -> None:
        action = (
            "reminder_action_remove"
            if case.state is CaseState.AWAITING_PLATFORM_REMOVAL
            else "reminder_action_decide"
        )
        named, entities = mention_of(officer, t(self._language, "reminder_no_officer"))
        text = t(
            self._language,
            "reminder_deadline",
            officer=named,
            time_left=time_left(self._language, case.time_left),
            action=t(self._language, action),
            **self._about(case),
        )
        self._post_text(session, case.channel_conversation_id, text, entities, now)

    def case_overdue(
        self,
        session: Session,
        case: CaseView,
        officer: Person | None,
        manager: Person | None,
        now: datetime,
    ) -> None:
        def overdue(manager_shown: str) -> str:
            return t(
                self._language,
                "reminder_overdue",
                manager=manager_shown,
                officer=self._officer_name(officer),
                **self._about(case),
            )

        self._tell(
            session, manager, "reminder_no_manager", case.channel_conversation_id, overdue, now
        )

    def monitoring_missing(
        self,
        session: Session,
        account: Account,
        officer: Person | None,
        day: date,
        now: datetime,
    ) -> None:
        def missing(officer_shown: str) -> str:
            return t(
                self._language,
                "monitoring_missing",
                officer=officer_shown,
                account=account.name,
                link=account.url,
            )

        self._tell(
            session, officer, "reminder_no_officer", account.channel_conversation_id, missing, now
        )

    def monitoring_missed(
        self,
        session: Session,
        account: Account,
        officer: Person | None,
        manager: Person | None,
        day: date,
        now: datetime,
    ) -> None:
        def missed(manager_shown: str) -> str:
            return t(
                self._language,
                "monitoring_missed",
                manager=manager_shown,
                account=account.name,
                day=day.isoformat(),
                officer=self._officer_name(officer),
                link=account.url,
            )

        self._tell(
            session, manager, "reminder_no_manager", account.channel_conversation_id, missed, now
        )

    def update_nudge(
        self,
        session: Session,
        account: Account,
        nudge: Nudge,
        person: Person | None,
        officer: Person | None,
        since: datetime,
        now: datetime,
    ) -> None:
        key = "nudge_officer" if nudge is Nudge.OFFICER else "nudge_manager"
        missing = "reminder_no_officer" if nudge is Nudge.OFFICER else "reminder_no_manager"

        def nudged(person_shown: str) -> str:
            return t(
                self._language,
                key,
                person=person_shown,
                account=account.name,
                since=since,
                officer=self._officer_name(officer),
                link=account.url,
            )

        self._tell(session, person, missing, account.channel_conversation_id, nudged, now)

    def officer_missing(
        self, session: Session, account: Account, manager: Person | None, now: datetime
    ) -> None:
        def missing(manager_shown: str) -> str:
            return t(
                self._language,
                "officer_missing",
                person=manager_shown,
                account=account.name,
                link=account.url,
            )

        self._tell(
            session, manager, "reminder_no_manager", account.channel_conversation_id, missing, now
        )

    def duty_reminder(
        self, session: Session, task: TaskView, officer: Person | None, now: datetime
    ) -> None:
        def reminder(officer_shown: str) -> str:
            return t(
                self._language,
                "duty_reminder",
                person=officer_shown,
                title=self._duty_title(task),
                opened=task.opened_at,
                what=t(self._language, f"duty_{task.duty.value}_what"),
                due=task.due,
                link=task.account_url,
            )

        self._tell(session, officer, "reminder_no_officer", task.channel_id, reminder, now)

    def duty_overdue(
        self,
        session: Session,
        task: TaskView,
        officer: Person | None,
        manager: Person | None,
        now: datetime,
    ) -> None:
        def overdue(manager_shown: str) -> str:
            return t(
                self._language,
                "duty_overdue",
                person=manager_shown,
                title=self._duty_title(task),
                opened=task.opened_at,
                officer=self._officer_name(officer),
                link=task.account_url,
            )

        self._tell(session, manager, "reminder_no_manager", task.channel_id, overdue, now)

    def _duty_title(self, task: TaskView) -> str:
        return t(self._language, f"duty_{task.duty.value}_title", account=task.account_name)

    def synpunkt_answer_due(
        self, session: Session, case: CaseView, department: Department, now: datetime
    ) -> None:
        assert case.synpunkt is not None
        since = case.synpunkt.handed_over_at
        person = get_person(session, department.person_id)

        def due(shown: str) -> str:
            return t(
                self._language,
                "synpunkt_answer_due",
                department=shown,
                since=since,
                **self._about(case),
            )

        if department.channel_conversation_id:
            self._post_text(
                session, department.channel_conversation_id, due(department.name), [], now
            )
            return
        self._tell(session, person, "reminder_no_officer", case.channel_conversation_id, due, now)

    def synpunkt_registration_due(
        self, session: Session, case: CaseView, kansli_conversation_id: str, now: datetime
    ) -> None:
        assert case.synpunkt is not None
        text = t(
            self._language,
            "synpunkt_registration_due",
            since=case.synpunkt.published_at,
            **self._about(case),
        )
        self._post_text(session, kansli_conversation_id, text, [], now)
