"""Flagged cases, their single decision, and the diarium series."""

from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, cast, exists, insert, literal, or_, update
from sqlmodel import Session, col, select

from storage.models import (
    Account,
    Decision,
    DiariumCounter,
    FlaggedCase,
    SentReminder,
    table,
)


def find_case_id(session: Session, account_id: int, platform_comment_id: str) -> int | None:
    return session.exec(
        select(FlaggedCase.id).where(
            FlaggedCase.account_id == account_id,
            FlaggedCase.platform_comment_id == platform_comment_id,
        )
    ).first()


def add_case(session: Session, **values: Any) -> int:
    """A plain INSERT: intake is the hot path, and nothing reads the case back as an object."""
    result = session.connection().execute(
        insert(table(FlaggedCase)),
        values,
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def get_case(session: Session, case_id: int) -> FlaggedCase | None:
    return session.get(FlaggedCase, case_id)


def get_decision(session: Session, case_id: int) -> Decision | None:
    return session.exec(select(Decision).where(Decision.case_id == case_id)).first()


def cases_with_decisions(
    session: Session,
    channel_conversation_id: str | None = None,
    written_before: datetime | None = None,
    unless_reminded: str | None = None,
) -> list[tuple[FlaggedCase, Account, Decision | None]]:
    """Cases not yet finished: undecided, or decided "remove" but not yet removed on the
    platform. Oldest comment first, since that is the one closest to the 48-hour limit.
    `written_before` and `unless_reminded` (a reminder kind) narrow it for the reminder job."""
    query = (
        select(FlaggedCase, Account, Decision)
        .join(Account, col(Account.id) == FlaggedCase.account_id)
        .outerjoin(Decision, col(Decision.case_id) == FlaggedCase.id)
        .where(
            or_(
                col(Decision.id).is_(None),
                and_(
                    col(Decision.kind) == "remove", col(Decision.removed_on_platform_at).is_(None)
                ),
            )
        )
        .order_by(col(FlaggedCase.comment_created_at))
    )
    if channel_conversation_id is not None:
        query = query.where(Account.channel_conversation_id == channel_conversation_id)
    if written_before is not None:
        query = query.where(col(FlaggedCase.comment_created_at) <= written_before)
    if unless_reminded is not None:
        subject = literal("case:") + cast(FlaggedCase.id, String)
        query = query.where(
            ~exists().where(
                col(SentReminder.kind) == unless_reminded, col(SentReminder.subject) == subject
            )
        )
    return list(session.exec(query))


def next_diarium_sequence(session: Session, prefix: str, year: int) -> int:
    """Take the next number in the caller's transaction: if the decision is rolled back, so is
    the number, which keeps the series free of gaps."""
    counter = session.get(DiariumCounter, (prefix, year))
    if counter is None:
        session.add(DiariumCounter(prefix=prefix, year=year, last=1))
        session.flush()
        return 1
    session.execute(
        update(DiariumCounter)
        .where(col(DiariumCounter.prefix) == prefix, col(DiariumCounter.year) == year)
        .values(last=DiariumCounter.last + 1)
    )
    session.refresh(counter)
    return counter.last
