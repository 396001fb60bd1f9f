"""Section 3: the public list (förteckning) of the municipality's accounts, with who is
responsible, how to reach them and which unit runs the account. Closed accounts are left
out; so is anything private: the contact shown is what the unit gave for the list, or else
the contact centre."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from routine.municipality import Municipality
from storage.accounts import ACTIVE
from storage.models import Account, Person


@dataclass(frozen=True)
class ListedAccount:
    platform: str
    account: str
    url: str
    unit: str
    officer: str
    contact: str


def public_list(session: Session, municipality: Municipality) -> list[ListedAccount]:
    rows = session.exec(
        select(Account, Person)
        .join(Person, col(Account.officer_person_id) == col(Person.id), isouter=True)
        .where(ACTIVE)
        .order_by(col(Account.platform), col(Account.name))
    )
    return [
        ListedAccount(
            platform=account.platform,
            account=account.name,
            url=account.url,
            unit=account.unit or "",
            officer=officer.name if officer else "",
            contact=account.contact or municipality.phone,
        )
        for account, officer in rows
    ]
