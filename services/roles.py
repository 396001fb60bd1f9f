"""Section 3: an account's responsible officer (tjänsteperson) and manager (chef)."""

from datetime import datetime
from enum import StrEnum

from sqlmodel import Session

from routine.decisions import Actor
from routine.errors import NoAccountInChannel
from storage import audit
from storage.accounts import accounts_in_channel
from storage.models import Account
from storage.people import remember_person


class Role(StrEnum):
    OFFICER = "officer"
    MANAGER = "manager"


def assign_role(
    session: Session,
    *,
    channel_conversation_id: str,
    role: Role,
    person: Actor,
    actor: Actor,
    now: datetime,
) -> list[Account]:
    """Give `person` the role for every account moderated in this channel."""
    accounts = accounts_in_channel(session, channel_conversation_id)
    if not accounts:
        raise NoAccountInChannel()
    holder = remember_person(session, person, now)
    for account in accounts:
        if role is Role.OFFICER:
            account.officer_person_id = holder.id
        else:
            account.manager_person_id = holder.id
        session.add(account)
        audit.record(
            session,
            at=now,
            actor=actor,
            action=f"{role.value}_assigned",
            account=account.name,
            person=person.name,
            person_id=person.id,
        )
    session.commit()
    return accounts
