"""Sections 4 and 5: the half-year archive and culling tasks, from opening to done, and the
start page's PDF the officer replies to an archive task's card."""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlmodel import Session, col, select

from routine.deadlines import local
from routine.decisions import Actor
from routine.errors import (
    NotResponsible,
    ReferenceMissing,
    RoutineError,
    TaskAlreadyDone,
    TaskNotFound,
)
from routine.halfyear import Duty, archived_span, current_period, manager_due, reminder_week
from routine.monitoring import due_today
from services.files import write_atomically
from services.notifier import Notifier
from services.registry import Registry
from services.views import TaskView, task_view
from storage import audit
from storage.accounts import ACTIVE, get_account
from storage.db import file_written
from storage.models import Account, DutyTask, StartPage
from storage.people import get_person, is_person
from storage.reminders import claim

MAX_REFERENCE = 500
START_PAGE_DUTIES = (Duty.ARCHIVE.value, Duty.FINAL_ARCHIVE.value)
"""The tasks whose card takes the start page's PDF."""
PDF_SIGNATURE = b"%PDF-"
START_PAGE_FOLDER = "startsida"
"""Under the evidence folder: each start page written once, named after its content."""
_THREAD = ";messageid="


class NotAPdf(RoutineError):
    key = "start_page_not_pdf"


class WhichStartPageTask(RoutineError):
    """A PDF in a chat that holds the open archive cards of several accounts."""

    key = "start_page_which_task"


@dataclass(frozen=True)
class SavedStartPage:
    account_name: str
    sha256: str
    first: date
    last: date
    """The period of the archive package the page goes in (arkivpaket with these dates)."""


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

    def task_for_file(
        self,
        session: Session,
        conversation_id: str,
        thread_root_id: str | None,
        quoted_ids: list[str],
        text: str,
    ) -> int | None:
        """The archive task a file was replied to, if any. In a channel: the one whose card
        heads the thread. In a chat (no threads there): the one whose card the message quotes,
        else the only open one whose card is in the chat, else the one the message names."""
        if thread_root_id is not None:
            task = session.exec(
                select(DutyTask).where(
                    DutyTask.card_activity_id == thread_root_id,
                    DutyTask.card_conversation_id == conversation_id.split(_THREAD)[0],
                )
            ).first()
            return task.id if task is not None and task.kind in START_PAGE_DUTIES else None
        in_chat = list(
            session.exec(
                select(DutyTask)
                .where(
                    DutyTask.card_conversation_id == conversation_id,
                    col(DutyTask.kind).in_(START_PAGE_DUTIES),
                )
                .order_by(col(DutyTask.id))
            )
        )
        quoted = [task for task in in_chat if task.card_activity_id in quoted_ids]
        if quoted:
            return quoted[-1].id
        open_tasks = [task for task in in_chat if task.done_at is None]
        if len(open_tasks) <= 1:
            return open_tasks[0].id if open_tasks else None
        names = {task.id: _account_name(session, task) for task in open_tasks}
        said = text.casefold()
        named = [task for task in open_tasks if names[task.id].casefold() in said]
        if len(named) == 1:
            return named[0].id
        raise WhichStartPageTask(accounts=", ".join(sorted(set(names.values()))))

    def check_start_page_task(
        self, session: Session, task_id: int, actor: Actor, acting_channel_id: str | None
    ) -> None:
        """Who may give the start page: whoever may tick the task (its channel, officer or
        manager)."""
        task = session.get(DutyTask, task_id)
        if task is None or task.kind not in START_PAGE_DUTIES:
            raise TaskNotFound()
        account = get_account(session, task.account_id)
        assert account is not None
        _ensure_responsible(session, account, actor, acting_channel_id)

    def save_start_page(
        self,
        session: Session,
        folder: Path,
        task_id: int,
        actor: Actor,
        acting_channel_id: str | None,
        name: str,
        data: bytes,
        now: datetime,
    ) -> SavedStartPage:
        """A PDF, written once under `folder` (the evidence folder) and recorded; the latest
        one of the period goes in its archive package (services.archive_package)."""
        self.check_start_page_task(session, task_id, actor, acting_channel_id)
        if not data.startswith(PDF_SIGNATURE):
            raise NotAPdf(name=name)
        task = session.get(DutyTask, task_id)
        assert task is not None
        account = get_account(session, task.account_id)
        assert account is not None and account.id is not None
        digest = hashlib.sha256(data).hexdigest()
        relative = f"{START_PAGE_FOLDER}/konto-{account.id:06d}/{task.period}-{digest[:16]}.pdf"
        target = folder / relative
        created = write_atomically(target, data, durable=False)
        file_written(session, target if created else None)
        session.add(
            StartPage(
                task_id=task_id,
                file_name=relative,
                sha256=digest,
                size=len(data),
                saved_at=now,
                saved_by_name=actor.name,
            )
        )
        audit.record(
            session,
            at=now,
            actor=actor,
            action="start_page_saved",
            account=account.name,
            period=task.period,
            file=relative,
            sha256=digest,
        )
        session.commit()
        first, last = self._package_period(task, now)
        return SavedStartPage(account.name, digest, first, last)

    def _package_period(self, task: DutyTask, now: datetime) -> tuple[date, date]:
        """A half-year task's page goes in its half-year's package; a closing account's in the
        package from the last archive date up to today."""
        opened = date.fromisoformat(task.period)
        first, last = archived_span(opened, self._dates[Duty.ARCHIVE])
        if task.kind == Duty.FINAL_ARCHIVE.value:
            last = max(opened, local(now).date())
        return first, last

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


def _account_name(session: Session, task: DutyTask) -> str:
    account = get_account(session, task.account_id)
    assert account is not None
    return account.name


def _task(session: Session, duty: Duty, account: Account, period: date) -> DutyTask | None:
    return session.exec(
        select(DutyTask).where(
            DutyTask.kind == duty.value,
            DutyTask.account_id == account.id,
            DutyTask.period == period.isoformat(),
        )
    ).first()
