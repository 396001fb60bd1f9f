"""One bad item never stops the others: a failing item is retried with back-off a bounded
number of times, then parked for a person to look at, while the worker goes on.

The workers (screenshots, outbox, platform events, mail) each keep their own queue; what they
share is this ledger and its policy, so `modbot parked` lists everything in one place.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col

from services.notifier import Notifier
from storage import bot_state, mail, outbox, parked
from storage.models import InboundEvent, OutboxMessage, ParkedWork

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int
    """How many failures park the item."""
    base_seconds: float
    max_seconds: float

    def delay(self, failures: int) -> timedelta:
        seconds = min(self.base_seconds * 2 ** max(failures - 1, 0), self.max_seconds)
        return timedelta(seconds=seconds)


PARK_NOW = RetryPolicy(attempts=1, base_seconds=0, max_seconds=0)
"""For a worker that counts its own attempts and only records the item it gives up on."""


def note_failure(
    session: Session,
    kind: str,
    ref: str,
    error: BaseException,
    now: datetime,
    policy: RetryPolicy,
) -> ParkedWork:
    """Count one more failure of the item, in the caller's transaction; the returned row says
    when to try again, or (`parked_at`) that the item now waits for a person."""
    failure = parked.get_failure(session, kind, ref)
    if failure is None:
        failure = ParkedWork(
            kind=kind, ref=ref, last_error="", first_failed_at=now, next_attempt_at=now
        )
    failure.attempts += 1
    failure.last_error = f"{type(error).__name__}: {error}"[:1000]
    failure.next_attempt_at = now + policy.delay(failure.attempts)
    if failure.attempts >= policy.attempts:
        failure.parked_at = now
        log.error("%s %s parked after %d failures: %s", kind, ref, failure.attempts, error)
    else:
        log.warning("%s %s failed (%d): %s", kind, ref, failure.attempts, error)
    session.add(failure)
    return failure


class ParkedNotices:
    """Who hears of parked work: kanslienheten's channel, which sees the synpunkt mail and
    is the one channel every account's work passes through. A message parked on its way to
    that channel itself is only logged (there is no one else to tell)."""

    def __init__(self, notifier: Notifier) -> None:
        self._notifier = notifier

    def outbox(self, session: Session, message: OutboxMessage, failure: ParkedWork) -> None:
        self._tell(
            session,
            message.conversation_id,
            "parked_message",
            failure,
            error=failure.last_error[:200],
        )

    def tell(self, session: Session, key: str, failure: ParkedWork, **params: object) -> None:
        self._tell(session, None, key, failure, **params)

    def _tell(
        self,
        session: Session,
        failed_conversation: str | None,
        key: str,
        failure: ParkedWork,
        **params: object,
    ) -> None:
        kansli = bot_state.get_value(session, bot_state.KANSLI_CONVERSATION)
        if kansli is None or kansli == failed_conversation:
            log.error("parked %s %s: nobody to tell", failure.kind, failure.ref)
            return
        self._notifier.work_parked(
            session,
            kansli,
            key,
            failure.parked_at or failure.next_attempt_at,
            attempts=failure.attempts,
            **params,
        )


def retry_parked(session: Session, parked_id: int) -> ParkedWork | None:
    """`modbot parked retry <nr>`: the item goes back to its worker as if new; the running
    bot picks it up within its next sweep."""
    item = parked.get_by_id(session, parked_id)
    if item is None:
        return None
    if item.kind == parked.OUTBOX:
        outbox.retry(session, int(item.ref))
    elif item.kind == parked.MAIL:
        mail.retry(session, int(item.ref))
    elif item.kind == parked.INBOUND:
        session.execute(
            update(InboundEvent)
            .where(col(InboundEvent.id) == int(item.ref))
            .values(processed_at=None, outcome=None)
        )
    parked.forget(session, item.kind, item.ref)
    return item
