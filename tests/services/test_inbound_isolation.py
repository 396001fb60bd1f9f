"""A platform event that cannot be worked on is tried again a few times and then parked, with
kanslienheten told; the events after it are worked on all along."""

from datetime import datetime, timedelta
from typing import Any

from sqlmodel import select

from platforms.events import CommentEvent
from services.inbound import RETRIES, EventProcessor
from services.parking import ParkedNotices
from storage import bot_state, parked
from storage.models import InboundEvent
from tests.services.world import NOW, World


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


class Told:
    def __init__(self) -> None:
        self.sentences: list[tuple[str, str, dict[str, Any]]] = []

    def work_parked(
        self, session: object, conversation_id: str, key: str, now: datetime, **params: Any
    ) -> None:
        self.sentences.append((conversation_id, key, params))


def _reader(body: bytes, now: datetime) -> list[CommentEvent]:
    if b"poison" in body:
        raise KeyError("an answer the reader never expected")
    return []


async def _quiet() -> None:
    return None


def test_a_failing_event_is_parked_after_its_retries_and_the_rest_go_on(world: World) -> None:
    clock, told = Clock(), Told()
    with world.database.session() as session:
        bot_state.set_value(session, bot_state.KANSLI_CONVERSATION, "19:kansli")
        for body in ("first", "poison", "last"):
            session.add(InboundEvent(source="meta", body=body, received_at=NOW))
        session.commit()
    processor = EventProcessor(
        world.database,
        world.files,
        clock,
        {"meta": _reader},
        [],
        lambda: None,
        _quiet,
        ParkedNotices(told),  # type: ignore[arg-type]
    )
    processor.process_batch()
    for _ in range(RETRIES.attempts - 1):
        clock.now += timedelta(hours=1)
        assert processor.process_batch() == 1
    with world.database.reading() as session:
        events = {e.body: e for e in session.exec(select(InboundEvent))}
        assert events["first"].processed_at and events["last"].processed_at
        assert (events["poison"].outcome or "").startswith("parked")
        assert [item.kind for item in parked.parked_items(session)] == [parked.INBOUND]
    assert [(where, key) for where, key, _ in told.sentences] == [("19:kansli", "parked_event")]
    assert processor.process_batch() == 0
