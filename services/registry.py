"""Sections 2, 2.1 and 3: the register of accounts. An account is registered with its unit,
purpose, target group, officer and manager; its checklist is attested item by item; the manager
changes the officer and reports closing; the communications strategist hears of each."""

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session

from routine.checklist import WHO_TICKS, Item, Ticker, may_tick, subject_of
from routine.decisions import Actor
from routine.errors import (
    AccountClosing,
    BadPlatform,
    ExceptionNoteMissing,
    MayNotTick,
    NoAccountInChannel,
)
from routine.halfyear import Duty
from routine.municipality import Municipality
from routine.permissions import ensure_may_appoint
from routine.platforms import parse_platform
from routine.registration import person_from
from services.notifier import Notifier
from services.roles import Role, unassign_officer
from services.views import task_view
from storage import audit, bot_state
from storage.accounts import get_account, link_account
from storage.audit import SYSTEM
from storage.checklist import add_tick, registered_without, ticks
from storage.models import Account, DutyTask, Person
from storage.people import get_person, is_person, remember_person

log = logging.getLogger(__name__)

MAX_NOTE = 1000


@dataclass(frozen=True)
class ChecklistRow:
    item: Item
    ticker: Ticker
    done: bool
    by_name: str | None = None
    at: datetime | None = None
    note: str | None = None


@dataclass(frozen=True)
class ChecklistView:
    account_id: int
    platform: str
    account_name: str
    account_url: str
    officer_name: str | None
    manager_name: str | None
    rows: list[ChecklistRow]

    @property
    def open_items(self) -> list[Item]:
        return [row.item for row in self.rows if not row.done]


@dataclass(frozen=True)
class AccountNotice:
    """What the communications strategist is told (routine 2.1 point 3, section 3)."""

    kind: str
    platform: str
    account_name: str
    url: str
    by_name: str
    details: dict[str, Any] = field(default_factory=dict)


class Registry:
    def __init__(self, notifier: Notifier, municipality: Municipality) -> None:
        self._notifier = notifier
        self.municipality = municipality

    def register(
        self,
        session: Session,
        answers: dict[str, Any],
        channel_id: str,
        actor: Actor,
        now: datetime,
    ) -> tuple[Account, bool]:
        """The account from the dialog's answers, its checklist card in the channel and the
        strategist told; returns the account and whether the strategist could be told."""
        platform = parse_platform(answers["platform"])
        if platform is None:
            raise BadPlatform(platform=answers["platform"])
        account, _ = link_account(
            session,
            platform=platform.value,
            name=answers["name"],
            url=answers["url"],
            channel_conversation_id=channel_id,
            linked_by_name=actor.name,
            now=now,
        )
        officer = remember_person(session, person_from(answers["officer"]), now)
        manager = remember_person(session, person_from(answers["manager"]), now)
        officer.email = answers["officer"].get("email") or officer.email
        manager.email = answers["manager"].get("email") or manager.email
        account.unit = answers["unit"]
        account.purpose = answers["purpose"]
        account.target_group = answers["target_group"]
        account.contact = answers.get("contact")
        account.officer_person_id = officer.id
        account.manager_person_id = manager.id
        account.closing_at = None
        account.closed_at = None
        session.add(account)
        session.flush()
        audit.record(
            session,
            at=now,
            actor=actor,
            action="account_registered",
            platform=account.platform,
            account=account.name,
            unit=account.unit,
            officer=officer.name,
            manager=manager.name,
        )
        told = self._tell_strategist(session, account, "registered", actor, now)
        if told:
            self._tick_informed(session, account, now)
        self._notifier.checklist(session, self.checklist(session, account), now)
        session.commit()
        return account, told

    def checklist(self, session: Session, account: Account) -> ChecklistView:
        assert account.id is not None
        officer = get_person(session, account.officer_person_id)
        manager = get_person(session, account.manager_person_id)
        officer_key = officer.teams_user_id if officer else None
        found = {(tick.item, tick.subject): tick for tick in ticks(session, account.id)}
        rows = []
        for item in Item:
            tick = found.get((item.value, subject_of(item, officer_key)))
            if item is Item.ROUTINE_READ and officer is None:
                tick = None
            rows.append(
                ChecklistRow(
                    item=item,
                    ticker=WHO_TICKS[item],
                    done=tick is not None,
                    by_name=tick.ticked_by_name if tick else None,
                    at=tick.ticked_at if tick else None,
                    note=tick.note if tick else None,
                )
            )
        return ChecklistView(
            account_id=account.id,
            platform=account.platform,
            account_name=account.name,
            account_url=account.url,
            officer_name=officer.name if officer else None,
            manager_name=manager.name if manager else None,
            rows=rows,
        )

    def tick(
        self,
        session: Session,
        account_id: int,
        item: Item,
        actor: Actor,
        note: str | None,
        now: datetime,
        *,
        exception: bool = False,
    ) -> ChecklistView:
        """An attestation by the person the routine gives the item to; the first one stands."""
        account = get_account(session, account_id)
        if account is None or account.closed_at is not None:
            raise NoAccountInChannel()
        officer = get_person(session, account.officer_person_id)
        manager = get_person(session, account.manager_person_id)
        if not may_tick(
            item, is_officer=is_person(officer, actor), is_manager=is_person(manager, actor)
        ):
            raise MayNotTick(
                who=WHO_TICKS[item].value,
                officer=officer.name if officer else "",
                manager=manager.name if manager else "",
            )
        cleaned = (note or "").strip()[:MAX_NOTE] or None
        if exception and cleaned is None:
            raise ExceptionNoteMissing()
        added = add_tick(
            session,
            account_id=account_id,
            item=item.value,
            subject=subject_of(item, officer.teams_user_id if officer else None),
            by_id=actor.id,
            by_name=actor.name,
            at=now,
            note=cleaned if exception else None,
        )
        if added is not None:
            audit.record(
                session,
                at=now,
                actor=actor,
                action="checklist_ticked",
                account=account.name,
                item=item.value,
                exception=cleaned if exception else None,
            )
            session.commit()
        return self.checklist(session, account)

    def appoint(
        self,
        session: Session,
        *,
        accounts: list[Account],
        role: Role,
        person: Actor,
        actor: Actor,
        now: datetime,
    ) -> tuple[list[Account], bool]:
        """Section 3: the manager appoints the officer (or hands over the manager role) of the
        accounts named; the replaced officer loses the right to decide. Returns the accounts
        and whether the strategist could be told."""
        if not accounts:
            raise NoAccountInChannel()
        for account in accounts:
            manager = get_person(session, account.manager_person_id)
            ensure_may_appoint(
                manager=manager.name if manager else None, is_manager=is_person(manager, actor)
            )
        holder = remember_person(session, person, now)
        told = True
        for account in accounts:
            previous = get_person(
                session,
                account.officer_person_id if role is Role.OFFICER else account.manager_person_id,
            )
            if previous is not None and previous.id == holder.id:
                continue
            if role is Role.OFFICER:
                account.officer_person_id = holder.id
                account.officer_left_at = None
            else:
                account.manager_person_id = holder.id
            session.add(account)
            audit.record(
                session,
                at=now,
                actor=actor,
                action=f"{role.value}_assigned",
                account=account.name,
                person=holder.name,
                person_id=holder.teams_user_id,
                previous=previous.name if previous else None,
            )
            told &= self._tell_strategist(
                session,
                account,
                f"{role.value}_changed",
                actor,
                now,
                person=holder.name,
                previous=previous.name if previous else None,
            )
        session.commit()
        return accounts, told

    def close(
        self, session: Session, account: Account, actor: Actor, now: datetime
    ) -> tuple[DutyTask, bool]:
        """Section 3 and 5: the manager reports the account closed. A final archive task opens;
        the account is closed when it is done, and its records stay."""
        manager = get_person(session, account.manager_person_id)
        ensure_may_appoint(
            manager=manager.name if manager else None, is_manager=is_person(manager, actor)
        )
        if account.closing_at is not None:
            raise AccountClosing(at=account.closing_at)
        assert account.id is not None
        account.closing_at = now
        task = DutyTask(
            kind=Duty.FINAL_ARCHIVE.value,
            account_id=account.id,
            period=now.date().isoformat(),
            opened_at=now,
        )
        session.add(account)
        session.add(task)
        session.flush()
        audit.record(session, at=now, actor=actor, action="account_closing", account=account.name)
        told = self._tell_strategist(session, account, "closing", actor, now)
        officer = get_person(session, account.officer_person_id)
        self._notifier.duty_opened(session, task_view(task, account), officer, now)
        session.commit()
        return task, told

    def closed(self, session: Session, task: DutyTask, actor: Actor, now: datetime) -> None:
        """The final archiving is done: the account is closed (in the task's transaction)."""
        account = get_account(session, task.account_id)
        assert account is not None
        account.closed_at = now
        session.add(account)
        audit.record(session, at=now, actor=actor, action="account_closed", account=account.name)
        self._tell_strategist(session, account, "closed", actor, now, reference=task.reference)

    def set_strategist_channel(
        self, session: Session, channel_id: str, actor: Actor, now: datetime
    ) -> int:
        """From now on the strategist is told here; accounts whose registration could not be
        told before are told now. Returns how many."""
        bot_state.set_value(session, bot_state.STRATEGIST_CONVERSATION, channel_id)
        bot_state.set_value(session, bot_state.STRATEGIST_PERSON, actor.id)
        audit.record(
            session, at=now, actor=actor, action="strategist_channel_set", channel=channel_id
        )
        told = 0
        for account in registered_without(session, Item.STRATEGIST_INFORMED.value):
            self._tell_strategist(session, account, "registered", actor, now)
            self._tick_informed(session, account, now)
            told += 1
        session.commit()
        return told

    def officer_gone(
        self,
        session: Session,
        account: Account,
        officer: Person,
        now: datetime,
        source: str = "directory",
    ) -> None:
        """Section 3: the officer has left (the directory or the team says so). The account is
        without officer until the manager appoints one; manager and strategist are told."""
        unassign_officer(session, account, officer, source, now)
        manager = get_person(session, account.manager_person_id)
        self._notifier.officer_gone(session, account, officer, manager, now)
        self._tell_strategist(session, account, "officer_gone", SYSTEM, now, person=officer.name)

    def _tell_strategist(
        self,
        session: Session,
        account: Account,
        kind: str,
        actor: Actor,
        now: datetime,
        **details: Any,
    ) -> bool:
        channel = bot_state.get_value(session, bot_state.STRATEGIST_CONVERSATION)
        if channel is None:
            log.info("no strategist channel; %s of %s not told", kind, account.name)
            return False
        if kind == "registered":
            details = {**details, **self._registration_details(session, account)}
        notice = AccountNotice(
            kind=kind,
            platform=account.platform,
            account_name=account.name,
            url=account.url,
            by_name=actor.name,
            details=details,
        )
        self._notifier.strategist_notice(session, channel, notice, now)
        return True

    def _registration_details(self, session: Session, account: Account) -> dict[str, Any]:
        officer = get_person(session, account.officer_person_id)
        manager = get_person(session, account.manager_person_id)
        return {
            "unit": account.unit or "–",
            "purpose": account.purpose or "–",
            "target_group": account.target_group or "–",
            "officer": _contact_of(officer),
            "manager": _contact_of(manager),
            "contact": account.contact or self.municipality.phone,
        }

    def _tick_informed(self, session: Session, account: Account, now: datetime) -> None:
        assert account.id is not None
        add_tick(
            session,
            account_id=account.id,
            item=Item.STRATEGIST_INFORMED.value,
            subject="",
            by_id=SYSTEM.id,
            by_name=SYSTEM.name,
            at=now,
        )


def _contact_of(person: Person | None) -> str:
    if person is None:
        return "–"
    return f"{person.name} ({person.email})" if person.email else person.name
