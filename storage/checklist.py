"""Routine 2.1: the attested checklist items of each account."""

from datetime import datetime

from sqlmodel import Session, col, select

from storage.accounts import ACTIVE
from storage.models import Account, ChecklistTick


def ticks(session: Session, account_id: int) -> list[ChecklistTick]:
    return list(session.exec(select(ChecklistTick).where(ChecklistTick.account_id == account_id)))


def add_tick(
    session: Session,
    *,
    account_id: int,
    item: str,
    subject: str,
    by_id: str,
    by_name: str,
    at: datetime,
    note: str | None = None,
) -> ChecklistTick | None:
    """The new tick, or None when the item was already ticked (the first attestation stands)."""
    existing = session.exec(
        select(ChecklistTick).where(
            ChecklistTick.account_id == account_id,
            ChecklistTick.item == item,
            ChecklistTick.subject == subject,
        )
    ).first()
    if existing is not None:
        return None
    tick = ChecklistTick(
        account_id=account_id,
        item=item,
        subject=subject,
        ticked_by_id=by_id,
        ticked_by_name=by_name,
        ticked_at=at,
        note=note,
    )
    session.add(tick)
    session.flush()
    return tick


def registered_without(session: Session, item: str) -> list[Account]:
    """Open accounts registered through the dialog (they have a unit) lacking `item`."""
    having = select(ChecklistTick.account_id).where(ChecklistTick.item == item)
    return list(
        session.exec(
            select(Account).where(
                ACTIVE, col(Account.unit).is_not(None), col(Account.id).not_in(having)
            )
        )
    )
