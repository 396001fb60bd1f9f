"""Fixtures: the real app on 127.0.0.1, a fake Bot Connector server, and a moving clock."""

import asyncio
import json
import socket
import ssl
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import trustme
from aiohttp import web
from sqlalchemy import text

from bot.app import create_app
from bot.settings import Settings
from storage.db import make_engine
from tests.fakes.bot_connector import Call, FakeBotConnector
from tests.fakes.entra import FakeEntra
from tests.teams import ANNA, Channel, Person
from web.access_log import PathOnlyAccessLogger

API_KEY = "test-api-key-0123456789abcdef"
WORKING = "Arbetar på det"
"""How a document command's first answer begins; `say` waits for the result after it."""
START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


class MovingClock:
    """Real time passing from a chosen start, and able to jump ahead."""

    def __init__(self, start: datetime = START) -> None:
        self._start = start
        self._t0 = time.monotonic()
        self._shift = timedelta(0)

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._t0) + self._shift

    def advance(self, delta: timedelta) -> None:
        self._shift += delta

    def set(self, moment: datetime) -> None:
        self._shift += moment - self()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    """A fake remote API as a real HTTP server on 127.0.0.1; yields its base URL."""
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@pytest.fixture
async def connector() -> AsyncIterator[FakeBotConnector]:
    fake = FakeBotConnector()
    async with serving(fake.app()) as url:
        fake.url = url
        yield fake


@dataclass
class RunningBot:
    """The bot as a user reaches it: over HTTP on loopback."""

    url: str
    http: aiohttp.ClientSession
    connector: FakeBotConnector
    channel: Channel
    clock: MovingClock
    settings: Settings
    runner: web.AppRunner

    async def post(
        self, path: str, body: Any, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        data = body if isinstance(body, bytes | str) else json.dumps(body)
        async with self.http.post(
            self.url + path,
            data=data,
            headers={"Content-Type": "application/json", **(headers or {})},
        ) as response:
            text = await response.text()
            try:
                return response.status, json.loads(text) if text else None
            except ValueError:
                return response.status, text

    async def get(self, path: str) -> tuple[int, Any]:
        async with self.http.get(self.url + path) as response:
            text = await response.text()
            try:
                return response.status, json.loads(text)
            except ValueError:
                return response.status, text

    async def activity(self, activity: dict[str, Any]) -> tuple[int, Any]:
        return await self.post("/api/messages", activity)

    async def flag(self, body: dict[str, Any], key: str = API_KEY) -> tuple[int, Any]:
        return await self.post("/api/flags", body, {"X-Api-Key": key})

    async def say(
        self,
        person: Person,
        text: str,
        channel: Channel | None = None,
        mentions: tuple[Person, ...] = (),
    ) -> str:
        """Send a command and wait for the bot's reply in the thread."""
        before = len(self.connector.texts())
        message = (channel or self.channel).message(person, text, mentions=mentions)
        status, _ = await self.activity(message)
        assert status in (200, 201)

        def answers() -> list[str]:
            return [t for t in self.connector.texts()[before:] if not t.startswith(WORKING)]

        await self.connector.wait_for(answers)
        return answers()[0]

    async def link_hjo(self) -> None:
        reply = await self.say(ANNA, 'koppla facebook "Hjo kommun" https://facebook.com/hjokommun')
        assert "kopplat" in reply

    async def flagged_card(self, body: dict[str, Any]) -> tuple[int, str]:
        """Flag a comment and wait for its card; returns the case id and the card's activity id."""
        before = len(self.connector.sent)
        status, answer = await self.flag(body)
        assert status == 201, answer
        title = f"#{answer['case_id']}"

        def cards() -> list[Call]:
            return [
                call
                for call in self.connector.sent[before:]
                if call.body.get("attachments")
                and str(call.body["attachments"][0]["content"]["body"][0].get("text", "")).endswith(
                    title
                )
            ]

        await self.connector.wait_for(cards)
        call = cards()[0]
        await self.card_delivered(call.returned_id)
        return answer["case_id"], call.returned_id

    async def card_delivered(self, activity_id: str) -> None:
        """Wait until the bot has recorded the Bot Connector's answer to a card (a moment
        after the POST), as a moderator replying in its thread always finds it."""
        engine = make_engine(self.settings.database_url)
        query = text("SELECT 1 FROM card WHERE activity_id = :id")
        try:
            for _ in range(200):
                with engine.connect() as connection:
                    if connection.execute(query, {"id": activity_id}).first():
                        return
                await asyncio.sleep(0.02)
        finally:
            engine.dispose()
        raise AssertionError(f"card {activity_id} never recorded as delivered")

    async def invoke(
        self, person: Person, verb: str, data: dict[str, Any], card_id: str
    ) -> dict[str, Any]:
        status, body = await self.activity(self.channel.invoke(person, verb, data, card_id=card_id))
        assert status == 200, body
        return body


def make_settings(tmp_path: Path, port: int, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "port": port,
        "public_url": f"http://127.0.0.1:{port}",
        "database_url": f"sqlite:///{tmp_path / 'modbot.db'}",
        "evidence_dir": tmp_path / "evidence",
        "api_key": API_KEY,
        "outbox_retry_base_seconds": 0.05,
        "development": "app_id" not in overrides,
    }
    values.update(overrides)
    return Settings(**values)


async def start_bot(settings: Settings, clock: Callable[[], datetime]) -> web.AppRunner:
    runner = web.AppRunner(create_app(settings, clock), access_log_class=PathOnlyAccessLogger)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", settings.port).start()
    return runner


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock()


@asynccontextmanager
async def running_bot(
    settings: Settings, connector: FakeBotConnector, clock: MovingClock
) -> AsyncIterator[RunningBot]:
    """The bot started with these settings, stopped afterwards (the runner it has then: a
    test may restart it)."""
    async with aiohttp.ClientSession() as http:
        started = RunningBot(
            url=f"http://127.0.0.1:{settings.port}",
            http=http,
            connector=connector,
            channel=Channel(service_url=connector.url),
            clock=clock,
            settings=settings,
            runner=await start_bot(settings, clock),
        )
        try:
            yield started
        finally:
            await started.runner.cleanup()


@pytest.fixture
async def bot(
    tmp_path: Path, connector: FakeBotConnector, clock: MovingClock
) -> AsyncIterator[RunningBot]:
    async with running_bot(make_settings(tmp_path, free_port()), connector, clock) as started:
        yield started


@pytest.fixture
async def entra(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[FakeEntra]:
    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    bundle = tmp_path_factory.mktemp("ca") / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    fake = FakeEntra()
    runner = web.AppRunner(fake.app())
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port, ssl_context=context).start()
    fake.url = f"https://127.0.0.1:{port}"
    yield fake
    await runner.cleanup()
