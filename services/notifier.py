"""What the use cases tell people. The Teams side (bot.notify) decides how it looks.

Every method queues its messages in the caller's session, so a message exists exactly when
the state change that caused it was committed.
"""

from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from services.views import CaseView
from storage.models import Person


class Notifier(Protocol):
    def case_ready(self, session: Session, case: CaseView, now: datetime) -> None:
        """A new case with its evidence saved: post its card to the account's channel."""

    def case_changed(self, session: Session, case: CaseView, now: datetime) -> None:
        """Something was decided: every card about the case shows it."""

    def synpunkt_handed_over(
        self, session: Session, case: CaseView, kansli_conversation_id: str, now: datetime
    ) -> None:
        """A synpunkt goes to kanslienheten's channel."""

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
