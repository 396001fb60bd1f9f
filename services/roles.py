"""Section 3: an account's responsible officer (tjänsteperson) and manager (chef)."""

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from storage import audit
from storage.audit import SYSTEM
from storage.models import Account, Conversation, Person


class Role(StrEnum):
    OFFICER = "officer"
    MANAGER = "manager"


def officer_left(
    session: Session,
    teams_user_id: str,
    team_id: str | None,
    now: datetime,
    gone: Callable[[Session, Account, Person, datetime], None],
) -> list[Account]:
    """Section 3: an officer who leaves the team no longer holds its accounts; `gone` takes
    each account from them (and tells its manager and the strategist at once)."""
    if team_id is None:
        return []
    left = session.exec(select(Person).where(Person.teams_user_id == teams_user_id)).first()
    if left is None:
        return []
    channels_in_team = select(Conversation.conversation_id).where(Conversation.team_id == team_id)
    accounts = list(
        session.exec(
            select(Account).where(
                Account.officer_person_id == left.id,
                col(Account.channel_conversation_id).in_(channels_in_team),
            )
        )
    )
    for account in accounts:
        gone(session, account, left, now)
    session.commit()
    return accounts


def unassign_officer(
    session: Session, account: Account, officer: Person, source: str, now: datetime
) -> None:
    """The account is without officer until the manager appoints one; `source` says how the
    bot learnt that the officer left (the team, or the directory)."""
    account.officer_person_id = None
    account.officer_left_at = now
    session.add(account)
    audit.record(
        session,
        at=now,
        actor=SYSTEM,
        action="officer_left",
        account=account.name,
        person=officer.name,
        person_id=officer.teams_user_id,
        source=source,
    )
