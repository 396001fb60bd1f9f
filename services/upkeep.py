"""Section 3: accounts kept updated and never without a responsible officer."""

from datetime import datetime, time

from sqlmodel import Session, col, select

from routine.decisions import Actor
from routine.errors import NoAccountInChannel
from routine.monitoring import due_today
from routine.upkeep import Nudge, missing_officer_reported, nudges_due
from services.notifier import Notifier
from storage import audit
from storage.accounts import ACTIVE, accounts_in_channel
from storage.models import Account
from storage.people import get_person
from storage.reminders import claim

NO_OFFICER = "no_officer"


def record_published(
    session: Session, channel_conversation_id: str | None, actor: Actor, now: datetime
) -> list[Account]:
    """`publicerat`: the accounts moderated in this channel were updated now."""
    accounts = accounts_in_channel(session, channel_conversation_id)
    if not accounts:
        raise NoAccountInChannel()
    for account in accounts:
        account.last_published_at = now
        session.add(account)
        audit.record(session, at=now, actor=actor, action="published", account=account.name)
    session.commit()
    return accounts


class Upkeep:
    def __init__(self, notifier: Notifier, digest_time: time) -> None:
        self._notifier = notifier
        self._digest_time = digest_time

    def send_nudges(self, session: Session, now: datetime) -> int:
        """On vardag mornings: the officer once per silent stretch, the manager once a week."""
        if due_today(now, self._digest_time) is None:
            return 0
        sent = 0
        for account in session.exec(select(Account).where(ACTIVE)):
            since = account.last_published_at or account.linked_at
            for nudge, stretch in nudges_due(since, now):
                if not claim(session, nudge.value, f"account:{account.id}", stretch, now):
                    continue
                officer = get_person(session, account.officer_person_id)
                manager = get_person(session, account.manager_person_id)
                holder = officer if nudge is Nudge.OFFICER else manager
                self._notifier.update_nudge(session, account, nudge, holder, officer, since, now)
                sent += 1
        session.commit()
        return sent

    def report_missing_officers(self, session: Session, now: datetime) -> int:
        """Every vardag until fixed, the manager hears of an account nobody is responsible for."""
        day = due_today(now, self._digest_time)
        if day is None:
            return 0
        sent = 0
        accounts = session.exec(
            select(Account).where(ACTIVE, col(Account.officer_person_id).is_(None))
        )
        for account in accounts:
            if not missing_officer_reported(account.linked_at, now):
                continue
            if claim(session, NO_OFFICER, f"account:{account.id}", day.isoformat(), now):
                manager = get_person(session, account.manager_person_id)
                self._notifier.officer_missing(session, account, manager, now)
                sent += 1
        session.commit()
        return sent
