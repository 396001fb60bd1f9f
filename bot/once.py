"""A Teams activity is handled once: Teams retries what it got no answer to within 15 s, and
the retry (same conversation and activity id) gets the first answer, with no second effect,
also from another process or after a restart."""

import asyncio
import json
import logging
from datetime import timedelta
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.card_actions import message_response
from bot.runtime import Runtime
from storage import handled_activities
from storage.db import StorageBusy
from texts import t

log = logging.getLogger(__name__)

ABANDONED_AFTER = timedelta(seconds=30)
"""A first delivery unanswered for this long died with its process: the retry handles it."""
WAIT_FOR_FIRST_SECONDS = 10.0

Key = tuple[str, str]


def key_of(activity: Activity) -> Key | None:
    if not activity.id or activity.conversation is None or not activity.conversation.id:
        return None
    return activity.conversation.id, activity.id


async def take_on(runtime: Runtime, key: Key) -> bool:
    """True when this delivery is the one to handle the activity."""

    def claim() -> bool:
        with runtime.database.session() as session:
            earlier = handled_activities.take_on(session, *key, runtime.clock(), ABANDONED_AFTER)
            session.commit()
        return earlier is None

    return await asyncio.to_thread(claim)


class Answers:
    """Keeps each first answer for its retries. The turn does not wait for that write: Teams
    gets its answer at once, the record follows a moment later (a retry arriving meanwhile
    waits for it), and `flush` lets none get lost at shutdown."""

    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime
        self._pending: set[asyncio.Future[None]] = set()

    def record(self, key: Key, turn_context: TurnContext) -> None:
        response = turn_context.turn_state.get(TurnContext._INVOKE_RESPONSE_KEY)  # noqa: SLF001
        answer: InvokeResponse | None = response.value if response is not None else None
        status = int((answer.status if answer is not None else None) or 200)
        body = answer.body if answer is not None else None
        stored = asyncio.ensure_future(asyncio.to_thread(self._store, key, status, body))
        self._pending.add(stored)
        stored.add_done_callback(self._stored)

    async def flush(self) -> None:
        await asyncio.gather(*self._pending, return_exceptions=True)

    def _store(self, key: Key, status: int, body: Any) -> None:
        with self._runtime.database.session() as session:
            handled_activities.answered(session, *key, status, body)
            session.commit()

    def _stored(self, stored: "asyncio.Future[None]") -> None:
        self._pending.discard(stored)
        if not stored.cancelled() and stored.exception() is not None:
            log.error("the answer to an activity was not kept", exc_info=stored.exception())


async def forget(runtime: Runtime, key: Key) -> None:
    """Give the activity back after a failed turn, so that Teams' retry handles it. Should
    the database stay locked, the claim lapses after ABANDONED_AFTER instead."""

    def drop() -> None:
        with runtime.database.session() as session:
            handled_activities.give_up(session, *key)
            session.commit()

    try:
        await asyncio.to_thread(drop)
    except StorageBusy:
        log.warning("activity %s stays claimed until it lapses (database locked)", key)


async def answer_again(
    runtime: Runtime, key: Key, turn_context: TurnContext, language: str
) -> None:
    """The retry of a card press gets the first press's answer; a retried message gets
    nothing more (its reply is on its way through the outbox)."""
    if turn_context.activity.type != ActivityTypes.invoke:
        return
    earlier = await _first_answer(runtime, key)
    answer = (
        InvokeResponse(status=earlier[0], body=earlier[1])
        if earlier is not None
        else message_response(t(language, "still_handling"))
    )
    await turn_context.send_activity(Activity(type=ActivityTypes.invoke_response, value=answer))


async def _first_answer(runtime: Runtime, key: Key) -> tuple[int, Any] | None:
    def read() -> tuple[int, Any] | None:
        with runtime.database.reading() as session:
            record = handled_activities.get_answer(session, *key)
        if record is None or record.status is None:
            return None
        return record.status, json.loads(record.body) if record.body else None

    waited = 0.0
    while waited < WAIT_FOR_FIRST_SECONDS:
        answer = await asyncio.to_thread(read)
        if answer is not None:
            return answer
        await asyncio.sleep(0.1)
        waited += 0.1
    return None
