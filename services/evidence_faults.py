"""When the evidence folder refuses files (its disk full or read-only), the moderators hear it
once: each account whose evidence could not be saved is told in its channel, not once per
flag, until a screenshot is saved again and the fault is over.

Whether an account was told is kept in the database (bot_state), so two bot processes and
a restart tell it once too. The notice goes out through the outbox, which is in the database
and not on the evidence disk, so it still works while the disk is full.
"""

import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col

from services.notifier import Notifier
from storage.db import Database
from storage.models import Account, BotState

log = logging.getLogger(__name__)

TOLD = "evidence_unwritable_told:"
"""bot_state key prefix; the rest is the account's id, the value when it was told."""


def tell_once(session: Session, notifier: Notifier, account_id: int, now: datetime) -> bool:
    """In the caller's transaction: tell the account's channel, unless it was told already
    during this fault. True when it was told now."""
    key = f"{TOLD}{account_id}"
    if session.get(BotState, key) is not None:
        return False
    account = session.get(Account, account_id)
    if account is None:
        return False
    session.add(BotState(key=key, value=now.isoformat()))
    session.flush()
    notifier.evidence_unwritable(session, account, now)
    log.warning("told the channel of %s that evidence cannot be saved", account.name)
    return True


def tell_in_own_transaction(
    database: Database,
    notifier: Notifier,
    accounts: Callable[[Session], Iterable[int]],
    now: datetime,
) -> None:
    """After the transaction that could not save its evidence has rolled back: tell the
    `accounts` (read in this transaction) in one of its own. A failure here is only logged:
    the caller's answer (503, retry later) stands either way."""
    try:
        with database.session() as session:
            for account_id in sorted(set(accounts(session))):
                tell_once(session, notifier, account_id, now)
            session.commit()
    except Exception:
        log.exception("could not tell the channels that evidence cannot be saved")


def fault_over(session: Session) -> None:
    """Evidence is being saved again: the next fault is told anew."""
    session.execute(delete(BotState).where(col(BotState.key).startswith(TOLD)))
