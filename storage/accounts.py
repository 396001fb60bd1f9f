"""Accounts and the channel each one is moderated in."""

from datetime import datetime

from sqlmodel import Session, col, or_, select

from storage.models import Account

ACTIVE = col(Account.closed_at).is_(None)
"""Closed accounts keep their records but are no longer moderated, reminded or listed."""


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def find_account(session: Session, platform: str, name_or_url: str) -> tuple[int, str] | None:
    """Id and name of the account a flag names, by its name as linked or by its URL."""
    wanted = name_or_url.strip()
    row = session.exec(
        select(Account.id, Account.name).where(
            Account.platform == platform,
            ACTIVE,
            or_(Account.name_key == name_key(wanted), Account.url == wanted.rstrip("/")),
        )
    ).first()
    return (row[0], row[1]) if row and row[0] is not None else None


def link_account(
    session: Session,
    *,
    platform: str,
    name: str,
    url: str,
    channel_conversation_id: str,
    linked_by_name: str,
    now: datetime,
) -> tuple[Account, str | None]:
    """Link or re-link; returns the account and the channel it was linked to before, if any."""
    account = session.exec(
        select(Account).where(Account.platform == platform, Account.name_key == name_key(name))
    ).first()
    previous = account.channel_conversation_id if account else None
    if account is None:
        account = Account(
            platform=platform,
            name=name,
            name_key=name_key(name),
            url=url,
            channel_conversation_id=channel_conversation_id,
            linked_at=now,
            linked_by_name=linked_by_name,
        )
    else:
        account.url = url
        account.channel_conversation_id = channel_conversation_id
        account.linked_at = now
        account.linked_by_name = linked_by_name
    session.add(account)
    session.flush()
    return account, previous


def list_accounts(session: Session) -> list[Account]:
    return list(
        session.exec(
            select(Account).where(ACTIVE).order_by(col(Account.platform), col(Account.name))
        )
    )


def accounts_in_channel(session: Session, channel_conversation_id: str | None) -> list[Account]:
    return list(
        session.exec(
            select(Account)
            .where(Account.channel_conversation_id == channel_conversation_id, ACTIVE)
            .order_by(col(Account.name))
        )
    )


def get_account(session: Session, account_id: int) -> Account | None:
    return session.get(Account, account_id)
