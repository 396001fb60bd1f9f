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
        self._tell_about(session, account, officer, "officer", "monitoring_missing", now)

    def monitoring_missed(
        self,
        session: Session,
        account: Account,
        officer: Person | None,
        manager: Person | None,
        day: date,
        now: datetime,
    ) -> None:
        self._tell_about(
            session,
            account,
            manager,
            "manager",
            "monitoring_missed",
            now,
            day=day.isoformat(),
            officer=self._officer_name(officer),
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
        self._tell_about(
            session,
            account,
            person,
            "person",
            "nudge_officer" if nudge is Nudge.OFFICER else "nudge_manager",
            now,
            missing_key="reminder_no_officer" if nudge is Nudge.OFFICER else "reminder_no_manager",
            since=since,
            officer=self._officer_name(officer),
        )

    def officer_missing(
        self, session: Session, account: Account, manager: Person | None, now: datetime
    ) -> None:
        self._tell_about(session, account, manager, "person", "officer_missing", now)

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
                what=t(self._language, f"duty_{task.duty.value}_what", account=task.account_name),
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

    def _tell_about(
        self,
        session: Session,
        account: Account,
        person: Person | None,
        slot: str,
        key: str,
        now: datetime,
        missing_key: str | None = None,
        **values: object,
    ) -> None:
        """A sentence about an account to one person, named in its `slot`; who is missing
        (officer or manager) follows from the slot unless said."""
        absent = missing_key or (
            "reminder_no_officer" if slot == "officer" else "reminder_no_manager"
        )

        def compose(shown: str) -> str:
            return t(
                self._language,
                key,
                account=account.name,
                link=account.url,
                **{slot: shown},
                **values,
            )

        self._tell(session, person, absent, account.channel_conversation_id, compose, now)

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
