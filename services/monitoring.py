"""Section 3: every vardag the accounts are monitored, and someone says so."""

from datetime import date, datetime, time

from sqlmodel import Session, col, select

from routine.deadlines import local
from routine.decisions import Actor
from routine.errors import AlreadyAttested, NoAccountInChannel, NotToday
from routine.monitoring import due_today, previous_vardag
from services.notifier import Notifier
from services.views import CaseViews, DigestView
from storage import audit, cases
from storage.accounts import ACTIVE, accounts_in_channel
from storage.models import Account, MonitoringAttestation
from storage.people import get_person
from storage.reminders import claim

DIGEST = "monitoring_digest"
UNATTESTED = "monitoring_unattested"
MISSED = "monitoring_missed"


class Monitoring:
    def __init__(
        self, views: CaseViews, notifier: Notifier, digest_time: time, reminder_time: time
    ) -> None:
        self._views = views
        self._notifier = notifier
        self._digest_time = digest_time
        self._reminder_time = reminder_time

    def send_digests(self, session: Session, now: datetime) -> int:
        """Once per channel and vardag, from the digest time on: a bot that was down at 08:00
        sends it when it is back that day, and never sends yesterday's."""
        day = due_today(now, self._digest_time)
        if day is None:
            return 0
        sent = 0
        for channel_id in _channels(session):
            if claim(session, DIGEST, f"channel:{channel_id}", day.isoformat(), now):
                self._notifier.monitoring_digest(
                    session, self.digest(session, channel_id, day, now), now
                )
                sent += 1
        session.commit()
        return sent

    def digest(self, session: Session, channel_id: str, day: date, now: datetime) -> DigestView:
        accounts = accounts_in_channel(session, channel_id)
        attestation = _attestation(session, [a.id for a in accounts if a.id], day)
        return DigestView(
            channel_id=channel_id,
            day=day,
            account_names=[account.name for account in accounts],
            cases=[
                self._views.build(session, case, account, decision, now)
                for case, account, decision in cases.cases_with_decisions(session, channel_id)
            ],
            attested_by=attestation.attested_by_name if attestation else None,
            attested_at=attestation.attested_at if attestation else None,
        )

    def attest(
        self, session: Session, channel_id: str | None, day: date, actor: Actor, now: datetime
    ) -> DigestView:
        accounts = accounts_in_channel(session, channel_id)
        if not accounts or channel_id is None:
            raise NoAccountInChannel()
        if day != local(now).date():
            raise NotToday()
        earlier = _attestation(session, [a.id for a in accounts if a.id], day)
        if earlier is not None:
            raise AlreadyAttested(name=earlier.attested_by_name, at=earlier.attested_at)
        for account in accounts:
            assert account.id is not None
            session.add(
                MonitoringAttestation(
                    account_id=account.id,
                    day=day.isoformat(),
                    attested_by_id=actor.id,
                    attested_by_name=actor.name,
                    attested_at=now,
                )
            )
            audit.record(
                session,
                at=now,
                actor=actor,
                action="monitoring_attested",
                account=account.name,
                day=day.isoformat(),
            )
        session.flush()
        digest = self.digest(session, channel_id, day, now)
        session.commit()
        return digest

    def remind_unattested(self, session: Session, now: datetime) -> int:
        """No attestation by the reminder time: the officer is reminded, once that day."""
        day = due_today(now, self._reminder_time)
        if day is None:
            return 0
        sent = 0
        for account in _unattested(session, day):
            if claim(session, UNATTESTED, f"account:{account.id}", day.isoformat(), now):
                officer = get_person(session, account.officer_person_id)
                self._notifier.monitoring_missing(session, account, officer, day, now)
                sent += 1
        session.commit()
        return sent

    def report_missed(self, session: Session, now: datetime) -> int:
        """A vardag that ended without an attestation reaches the manager the next vardag."""
        today = due_today(now, self._digest_time)
        if today is None:
            return 0
        day = previous_vardag(today)
        sent = 0
        for account in _unattested(session, day):
            if local(account.linked_at).date() > day:
                continue
            if claim(session, MISSED, f"account:{account.id}", day.isoformat(), now):
                officer = get_person(session, account.officer_person_id)
                manager = get_person(session, account.manager_person_id)
                self._notifier.monitoring_missed(session, account, officer, manager, day, now)
                sent += 1
        session.commit()
        return sent


def _channels(session: Session) -> list[str]:
    """Every channel that moderates at least one account."""
    return list(session.exec(select(Account.channel_conversation_id).distinct()))


def _attestation(
    session: Session, account_ids: list[int], day: date
) -> MonitoringAttestation | None:
    return session.exec(
        select(MonitoringAttestation).where(
            col(MonitoringAttestation.account_id).in_(account_ids),
            MonitoringAttestation.day == day.isoformat(),
        )
    ).first()


def _unattested(session: Session, day: date) -> list[Account]:
    attested = select(MonitoringAttestation.account_id).where(
        MonitoringAttestation.day == day.isoformat()
    )
    return list(session.exec(select(Account).where(ACTIVE, col(Account.id).not_in(attested))))
