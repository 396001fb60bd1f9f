"""Section 3: the public list (förteckning) of the municipality's accounts, with who is
responsible, how to reach them and which unit runs the account. Closed accounts are left
out; so is anything private: the contact shown is what the unit gave for the list, or else
the contact centre."""

from dataclasses import dataclass

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from routine.municipality import Municipality
from storage.accounts import ACTIVE
from storage.models import Account, Person
from texts import t


@dataclass(frozen=True)
class ListedAccount:
    platform: str
    account: str
    url: str
    unit: str
    officer: str
    contact: str


def public_list(session: Session, municipality: Municipality) -> list[ListedAccount]:
    """An account whose officer has left shows the vacancy and whom to ask meanwhile (its
    manager, or the contact centre), never a blank cell."""
    officers = aliased(Person)
    managers = aliased(Person)
    rows = session.exec(
        select(Account, officers, managers)
        .join(officers, col(Account.officer_person_id) == officers.id, isouter=True)
        .join(managers, col(Account.manager_person_id) == managers.id, isouter=True)
        .where(ACTIVE)
        .order_by(col(Account.platform), col(Account.name))
    )
    return [
        ListedAccount(
            platform=account.platform,
            account=account.name,
            url=account.url,
            unit=account.unit or "",
            officer=(
                officer.name
                if officer
                else t(
                    "sv", "public_list_vacant", ask=manager.name if manager else municipality.phone
                )
            ),
            contact=account.contact or municipality.phone,
        )
        for account, officer, manager in rows
    ]
