"""Sections 4 and 5: the half-year archive and culling tasks, from opening to done."""

from datetime import date, datetime, time

from sqlmodel import Session, col, select

from routine.deadlines import local
from routine.decisions import Actor
from routine.errors import NotResponsible, ReferenceMissing, TaskAlreadyDone, TaskNotFound
from routine.halfyear import Duty, archived_span, current_period, manager_due, reminder_week
from routine.monitoring import due_today
from services.notifier import Notifier
from services.registry import Registry
from services.views import TaskView, task_view
from storage import audit
from storage.accounts import ACTIVE, get_account
from storage.models import Account, DutyTask
from storage.people import get_person, is_person
from storage.reminders import claim

MAX_REFERENCE = 500


class HalfYearDuties:
    def __init__(
        self,
        notifier: Notifier,
        dates: dict[Duty, list[tuple[int, int]]],
        morning: time,
        registry: Registry,
    ) -> None:
        self._notifier = notifier
        self._registry = registry
        self._dates = dates
        self._morning = morning

    def archived_span(self, now: datetime) -> tuple[date, date]:
        """The half-year the latest archive date closed: what an archive package holds."""
        dates = self._dates[Duty.ARCHIVE]
        return archived_span(current_period(now, dates), dates)

    def open_tasks(self, session: Session, now: datetime) -> int:
        """From the first vardag morning on or after each configured date: one task per account
        linked before it."""
        if due_today(now, self._morning) is None:
            return 0
        sent = 0
        for duty, dates in self._dates.items():
            period = current_period(now, dates)
            for account in session.exec(select(Account).where(ACTIVE)):
                if local(account.linked_at).date() > period or _task(
                    session, duty, account, period
                ):
                    continue
                assert account.id is not None
                task = DutyTask(
                    kind=duty.value, account_id=account.id, period=period.isoformat(), opened_at=now
                )
                session.add(task)
                session.flush()
                officer = get_person(session, account.officer_person_id)
                self._notifier.duty_opened(session, task_view(task, account), officer, now)
                sent += 1
        session.commit()
        return sent

    def remind(self, session: Session, now: datetime) -> int:
        """Vardag mornings: open tasks are reminded weekly; after 30 days the manager hears."""
        if due_today(now, self._morning) is None:
            return 0
        sent = 0
        for task in session.exec(select(DutyTask).where(col(DutyTask.done_at).is_(None))):
            account = get_account(session, task.account_id)
            assert account is not None and task.id is not None
            view = task_view(task, account)
            officer = get_person(session, account.officer_person_id)
            week = reminder_week(task.opened_at, now)
            if week and claim(session, f"{task.kind}_reminder", f"task:{task.id}", week, now):
                self._notifier.duty_reminder(session, view, officer, now)
                sent += 1
            if manager_due(task.opened_at, now) and claim(
                session, f"{task.kind}_overdue", f"task:{task.id}", "", now
            ):
                manager = get_person(session, account.manager_person_id)
                self._notifier.duty_overdue(session, view, officer, manager, now)
                sent += 1
        session.commit()
        return sent

    def complete(
        self,
        session: Session,
        task_id: int,
        actor: Actor,
        acting_channel_id: str | None,
        reference: str | None,
        now: datetime,
    ) -> TaskView:
        """Who did it, when, and where the result is (diarium or archive reference, or link)."""
        task = session.get(DutyTask, task_id)
        if task is None:
            raise TaskNotFound()
        account = get_account(session, task.account_id)
        assert account is not None
        _ensure_responsible(session, account, actor, acting_channel_id)
        if task.done_at is not None:
            raise TaskAlreadyDone(name=task.done_by_name, at=task.done_at)
        cleaned = (reference or "").strip()
        if not cleaned or len(cleaned) > MAX_REFERENCE:
            raise ReferenceMissing()
        task.done_at = now
        task.done_by_name = actor.name
        task.reference = cleaned
        session.add(task)
        audit.record(
            session,
            at=now,
            actor=actor,
            action=f"{task.kind}_done",
            account=account.name,
            period=task.period,
            reference=cleaned,
        )
        if task.kind == Duty.FINAL_ARCHIVE.value:
            self._registry.closed(session, task, actor, now)
        session.commit()
        return task_view(task, account)

    def view(self, session: Session, task_id: int) -> TaskView:
        task = session.get(DutyTask, task_id)
        if task is None:
            raise TaskNotFound()
        account = get_account(session, task.account_id)
        assert account is not None
        return task_view(task, account)


def _ensure_responsible(
    session: Session, account: Account, actor: Actor, acting_channel_id: str | None
) -> None:
    """The account's channel, its officer or its manager (the task card may be in a chat)."""
    if acting_channel_id == account.channel_conversation_id:
        return
    for person_id in (account.officer_person_id, account.manager_person_id):
        if is_person(get_person(session, person_id), actor):
            return
    raise NotResponsible()


def _task(session: Session, duty: Duty, account: Account, period: date) -> DutyTask | None:
    return session.exec(
        select(DutyTask).where(
            DutyTask.kind == duty.value,
            DutyTask.account_id == account.id,
            DutyTask.period == period.isoformat(),
        )
    ).first()
