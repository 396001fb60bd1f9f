"""Reading what the bot stored from platform events, as a test waits for it."""

import asyncio
import time
from typing import Any

from sqlmodel import col, func, select

from storage.db import Database, make_engine
from storage.models import InboundEvent
from tests.conftest import RunningBot


def database(bot: RunningBot) -> Database:
    return Database(make_engine(bot.settings.database_url))


async def processed(bot: RunningBot, count: int, timeout: float = 30.0) -> None:
    """Until `count` stored events are worked on."""
    db = database(bot)
    deadline = time.monotonic() + timeout
    try:
        while True:
            with db.session() as session:
                done = session.exec(
                    select(func.count()).where(col(InboundEvent.processed_at).is_not(None))
                ).one()
            if done >= count:
                return
            assert time.monotonic() < deadline, f"{done} of {count} processed"
            await asyncio.sleep(0.05)
    finally:
        db.engine.dispose()


def rows(bot: RunningBot, model: Any) -> list[Any]:
    db = database(bot)
    with db.session() as session:
        found = list(session.exec(select(model)))
    db.engine.dispose()
    return found
