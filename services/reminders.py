"""Reminders the clock starts: each is claimed in the ledger and queued in one transaction."""

from datetime import datetime

from sqlmodel import Session

from routine.deadlines import REMOVAL_LIMIT
from routine.reminders import FIRST_REMINDER, DeadlineStage, deadline_stage
from services.notifier import Notifier
from services.views import CaseViews
from storage import cases
from storage.people import get_person
from storage.reminders import claim


class DeadlineReminders:
    def __init__(self, views: CaseViews, notifier: Notifier) -> None:
        self._views = views
        self._notifier = notifier

    def send(self, session: Session, now: datetime) -> int:
        """Remind about every unfinished case nearing or past the 48-hour limit; returns how
        many reminders were queued."""
        sent = 0
        nearing = cases.cases_with_decisions(
            session,
            written_before=now - REMOVAL_LIMIT + FIRST_REMINDER,
            unless_reminded=DeadlineStage.OVERDUE.value,
        )
        for case, account, decision in nearing:
            view = self._views.build(session, case, account, decision, now)
            stage = deadline_stage(view.time_left)
            if stage is None or not claim(session, stage.value, f"case:{view.id}", "", now):
                continue
            officer = get_person(session, account.officer_person_id)
            if stage is DeadlineStage.OVERDUE:
                manager = get_person(session, account.manager_person_id)
                self._notifier.case_overdue(session, view, officer, manager, now)
            else:
                self._notifier.deadline_near(session, view, officer, now)
            sent += 1
        session.commit()
        return sent
