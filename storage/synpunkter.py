"""Departments that answer synpunkter, and the synpunkter themselves."""

from sqlmodel import Session, col, select

from storage.accounts import name_key
from storage.models import Account, Department, FlaggedCase, Synpunkt


def list_departments(session: Session) -> list[Department]:
    return list(session.exec(select(Department).order_by(col(Department.name))))


def get_department(session: Session, department_id: int | None) -> Department | None:
    return session.get(Department, department_id) if department_id is not None else None


def department_named(session: Session, name: str) -> Department | None:
    return session.exec(select(Department).where(Department.name_key == name_key(name))).first()


def synpunkt_for_case(session: Session, case_id: int) -> Synpunkt | None:
    return session.exec(select(Synpunkt).where(Synpunkt.case_id == case_id)).first()


def unregistered(session: Session) -> list[tuple[Synpunkt, FlaggedCase, Account]]:
    """Oldest hand-over first: the one waiting longest is registered first."""
    return list(
        session.exec(
            select(Synpunkt, FlaggedCase, Account)
            .join(FlaggedCase, col(FlaggedCase.id) == Synpunkt.case_id)
            .join(Account, col(Account.id) == FlaggedCase.account_id)
            .where(col(Synpunkt.registered_at).is_(None))
            .order_by(col(Synpunkt.handed_over_at))
        )
    )
