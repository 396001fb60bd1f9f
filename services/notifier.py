"""What the use cases tell people. The Teams side (bot.notify) decides how it looks.

Every method queues its messages in the caller's session, so a message exists exactly when
the state change that caused it was committed.
"""

from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from sqlmodel import Session

from routine.upkeep import Nudge
from services.views import CaseView, DigestView, TaskView
from storage.models import Account, Department, Person

if TYPE_CHECKING:
    from services.registry import AccountNotice, ChecklistView


class Notifier(Protocol):
    def case_ready(self, session: Session, case: CaseView, now: datetime) -> None:
        """A new case with its evidence saved: post its card to the account's channel."""

    def case_changed(self, session: Session, case: CaseView, now: datetime) -> None:
        """Something was decided: every card about the case shows it."""

    def synpunkt_handed_over(
        self, session: Session, case: CaseView, kansli_conversation_id: str, now: datetime
    ) -> None:
        """A synpunkt goes to kanslienheten's channel."""

    def department_asked(
        self, session: Session, case: CaseView, department: Department, now: datetime
    ) -> None:
        """Routine 4.1: the department that answers gets the question with a field for it."""

    def synpunkt_answer_due(
        self, session: Session, case: CaseView, department: Department, now: datetime
    ) -> None:
        """The department has not answered in time."""

    def synpunkt_registration_due(
        self, session: Session, case: CaseView, kansli_conversation_id: str, now: datetime
    ) -> None:
        """Kanslienheten has not registered a published synpunkt in time."""

    def deadline_near(
        self, session: Session, case: CaseView, officer: Person | None, now: datetime
    ) -> None:
        """24 or 6 hours left: the officer is reminded in the account's channel."""

    def case_overdue(
        self,
        session: Session,
        case: CaseView,
        officer: Person | None,
        manager: Person | None,
        now: datetime,
    ) -> None:
        """The 48 hours have passed: the manager is told, personally where possible."""

    def monitoring_digest(self, session: Session, digest: DigestView, now: datetime) -> None:
        """The vardag digest of open cases, with the button that attests monitoring."""

    def monitoring_missing(
        self,
        session: Session,
        account: Account,
        officer: Person | None,
        day: date,
        now: datetime,
    ) -> None:
        """No attestation by the reminder time: the officer is reminded."""

    def monitoring_missed(
        self,
        session: Session,
        account: Account,
        officer: Person | None,
        manager: Person | None,
        day: date,
        now: datetime,
    ) -> None:
        """A vardag passed without an attestation: the manager is told."""

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
        """A week without a post nudges the officer, two weeks the manager."""

    def officer_missing(
        self, session: Session, account: Account, manager: Person | None, now: datetime
    ) -> None:
        """Nobody is responsible for the account: its manager is told."""

    def duty_opened(
        self, session: Session, task: TaskView, officer: Person | None, now: datetime
    ) -> None:
        """A half-year task opens: its card goes to the officer."""

    def duty_reminder(
        self, session: Session, task: TaskView, officer: Person | None, now: datetime
    ) -> None:
        """A week has passed and the task is not done."""

    def duty_overdue(
        self,
        session: Session,
        task: TaskView,
        officer: Person | None,
        manager: Person | None,
        now: datetime,
    ) -> None:
        """Thirty days open: the manager is told."""

    def checklist(self, session: Session, checklist: "ChecklistView", now: datetime) -> None:
        """Routine 2.1: the account's checklist card goes to its channel."""

    def strategist_notice(
        self, session: Session, conversation_id: str, notice: "AccountNotice", now: datetime
    ) -> None:
        """The communications strategist hears of a new account, a new officer, a closing."""

    def work_parked(
        self, session: Session, conversation_id: str, key: str, now: datetime, **params: object
    ) -> None:
        """Background work gave up on an item: the sentence `key` goes to the conversation."""

    def evidence_unwritable(self, session: Session, account: Account, now: datetime) -> None:
        """The evidence folder refuses files (disk full or read-only): the account's channel
        hears that its flags cannot be taken in until that is fixed (once per fault, see
        services.evidence_faults)."""

    def officer_gone(
        self,
        session: Session,
        account: Account,
        officer: Person,
        manager: Person | None,
        now: datetime,
    ) -> None:
        """The directory says the officer has left: the manager is asked to appoint another."""
