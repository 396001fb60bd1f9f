"""Reading what the bot stored from platform events, as a test waits for it."""

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from pytest import MonkeyPatch
from sqlmodel import col, func, select

from storage.db import Database, make_engine
from storage.models import InboundEvent
from tests.conftest import MovingClock, RunningBot, free_port, make_settings, running_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA

SECRET = "meta-app-secret-for-tests"
PAGE = "111222333"
IG = "17841400000000001"
NOW = 1795597200  # 2026-11-25 09:00 UTC, the tests' clock


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def feed(
    comment_id: str,
    message: str,
    *,
    verb: str = "add",
    author: tuple[str, str] = ("fb-77", "Sven Svensson"),
    item: str = "comment",
    page: str = PAGE,
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "from": {"id": author[0], "name": author[1]},
        "post_id": f"{page}_1",
        "item": item,
        "verb": verb,
        "created_time": NOW - 600,
        "message": message,
    }
    if item == "comment":
        value.update({"comment_id": comment_id, "parent_id": f"{page}_1"})
    else:
        value["post_id"] = comment_id
    return {
        "object": "page",
        "entry": [{"id": page, "time": NOW, "changes": [{"field": "feed", "value": value}]}],
    }


async def deliver(bot: RunningBot, payload: Any, signature: str | None = "sign") -> int:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    if signature == "sign":
        headers["X-Hub-Signature-256"] = sign(body)
    elif signature is not None:
        headers["X-Hub-Signature-256"] = signature
    async with bot.http.post(bot.url + "/webhooks/meta", data=body, headers=headers) as response:
        await response.read()
        return response.status


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


@asynccontextmanager
async def meta_connected_bot(
    tmp_path: Path, connector: FakeBotConnector, clock: MovingClock, monkeypatch: MonkeyPatch
) -> AsyncIterator[RunningBot]:
    """Hjo kommun's Facebook page and Instagram account linked and connected to Meta."""
    monkeypatch.setenv("MODBOT_TOKEN_HJO", "EAAG-secret-page-token")
    monkeypatch.setenv("MODBOT_TOKEN_IG", "IGQ-secret-token")
    settings = make_settings(
        tmp_path, free_port(), meta_app_secret=SECRET, meta_verify_token="hjo-verify"
    )
    async with running_bot(settings, connector, clock) as started:
        await started.link_hjo()
        reply = await started.say(ANNA, f'anslut facebook "Hjo kommun" {PAGE} env:MODBOT_TOKEN_HJO')
        assert "är anslutet" in reply and "EAAG" not in reply
        await started.say(ANNA, 'koppla instagram "hjokommun" https://www.instagram.com/hjokommun')
        await started.say(ANNA, f'anslut instagram "hjokommun" {IG} env:MODBOT_TOKEN_IG')
        yield started
