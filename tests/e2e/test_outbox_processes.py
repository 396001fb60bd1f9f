"""Two real `modbot serve` processes on one database, and one killed in the middle of a send:
every card reaches Teams once, in case order, and a dead process's lane is taken over fast.

Each bot here is its own operating-system process (`python -m bot.cli serve`, as the
`modbot` script runs it) with its own MODBOT_PORT, sharing the SQLite file and the evidence
folder; Teams is a fake Bot Connector, a real HTTP server on 127.0.0.1.
"""

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from tests.conftest import API_KEY, free_port, serving
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA, Channel, flag

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Flaggad kommentar #"
STARTUP_SECONDS = 30.0
WAVE = 25


# --- fake Bot Connectors -------------------------------------------------------------------


@dataclass
class SlowConnector(FakeBotConnector):
    """Takes `delay` seconds over every call, as the real service does, and counts the calls
    still being answered (a late duplicate is then seen before the test ends)."""

    delay: float = 0.03
    in_flight: int = 0

    async def _record(self, request: web.Request, method: str) -> web.Response:
        self.in_flight += 1
        try:
            await asyncio.sleep(self.delay)
            return await super()._record(request, method)
        finally:
            self.in_flight -= 1


@dataclass
class HangingConnector(FakeBotConnector):
    """Accepts the `hang_on`-th card (it is in Teams) but never answers it until released:
    the worst moment for the sender to die."""

    hang_on: int = 0
    card_posts: int = 0
    hanging: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def _record(self, request: web.Request, method: str) -> web.Response:
        is_card = method == "POST" and bool((await request.json()).get("attachments"))
        if is_card:
            self.card_posts += 1
        response = await super()._record(request, method)
        if is_card and self.card_posts == self.hang_on:
            self.hanging.set()
            await self.release.wait()
        return response


def card_titles(connector: FakeBotConnector) -> list[str]:
    """Titles of the cards POSTed to Teams, in arrival order."""
    return [
        attachment["content"]["body"][0]["text"]
        for call in connector.sent
        for attachment in call.body.get("attachments", [])
    ]


def case_number(title: str) -> int:
    assert title.startswith(TITLE), title
    return int(title[len(TITLE) :])


@asynccontextmanager
async def running(fake: FakeBotConnector) -> AsyncIterator[FakeBotConnector]:
    async with serving(fake.app()) as url:
        fake.url = url
        yield fake


# --- bot processes -------------------------------------------------------------------------


def bot_environment(tmp_path: Path, port: int, **extra: str) -> dict[str, str]:
    """This machine's environment without any MODBOT_* of its own, and the test's settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MODBOT_")}
    env.update(
        {
            "MODBOT_DEVELOPMENT": "true",
            "MODBOT_PORT": str(port),
            "MODBOT_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "MODBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'modbot.db'}",
            "MODBOT_EVIDENCE_DIR": str(tmp_path / "evidence"),
            "MODBOT_API_KEY": API_KEY,
            "MODBOT_OUTBOX_RETRY_BASE_SECONDS": "0.05",
            "MODBOT_LOG_LEVEL": "WARNING",
            **extra,
        }
    )
    return env


class BotProcess:
    """`modbot serve` in its own process group, so that killing it also kills its screenshot
    renderer; its output goes to a log file shown when it fails to start."""

    def __init__(self, tmp_path: Path, name: str, **settings: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = tmp_path / f"bot-{name}.log"
        log = self.log_path.open("ab")
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "serve"],
                cwd=ROOT,
                env=bot_environment(tmp_path, self.port, **settings),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        finally:
            log.close()

    def log_tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]

    async def healthy(self, http: aiohttp.ClientSession) -> float:
        """Waits until /healthz answers 200; returns that moment (time.monotonic)."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"modbot serve exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                async with http.get(
                    self.url + "/healthz", timeout=aiohttp.ClientTimeout(total=1)
                ) as response:
                    if response.status == 200:
                        return time.monotonic()
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.02)
        raise AssertionError(f"modbot serve never answered /healthz:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL to the whole group (the bot and its renderer), before reaping the bot so
        that the group id cannot have been reused."""
        if self.process.returncode is None:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@contextmanager
def bot_processes(processes: list[BotProcess]) -> Iterator[list[BotProcess]]:
    try:
        yield processes
    finally:
        for process in processes:
            process.kill()


async def post_json(
    http: aiohttp.ClientSession, url: str, body: Any, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    async with http.post(
        url,
        data=json.dumps(body),
        headers={"Content-Type": "application/json", **(headers or {})},
    ) as response:
        text = await response.text()
        try:
            return response.status, json.loads(text) if text else None
        except ValueError:
            return response.status, text


async def link_hjo(http: aiohttp.ClientSession, bot_url: str, connector: FakeBotConnector) -> None:
    """A moderator links the Facebook page to the channel; flags are accepted after that."""
    before = len(connector.texts())
    message = Channel(service_url=connector.url).message(
        ANNA, 'koppla facebook "Hjo kommun" https://facebook.com/hjokommun'
    )
    status, answer = await post_json(http, bot_url + "/api/messages", message)
    assert status in (200, 201), answer
    await connector.wait_for(
        lambda: any("kopplat" in text for text in connector.texts()[before:]), timeout=15
    )


def recent_flag(number: int) -> dict[str, Any]:
    written = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()
    return flag(
        comment_id=f"process-{number}",
        author={"id": f"fb-{number}", "name": f"Skribent {number}"},
        created_at=written,
    )


async def post_flag(http: aiohttp.ClientSession, bot_url: str, number: int) -> int:
    status, answer = await post_json(
        http, bot_url + "/api/flags", recent_flag(number), {"X-Api-Key": API_KEY}
    )
    assert status == 201, (status, answer)
    return int(answer["case_id"])


def database_counts(tmp_path: Path) -> dict[str, int]:
    """Read-only look at the shared database (WAL: this takes no lock a bot waits on)."""
    connection = sqlite3.connect(f"file:{tmp_path / 'modbot.db'}?mode=ro", uri=True, timeout=5)
    try:
        queries = {
            "cases": "SELECT COUNT(*) FROM flagged_case",
            "cards": "SELECT COUNT(*) FROM card",
            "unsent": "SELECT COUNT(*) FROM outbox_message WHERE status != 'sent'",
            "card_sends": "SELECT COUNT(*) FROM outbox_message WHERE operation = 'send' "
            "AND card_id IS NOT NULL",
        }
        return {name: connection.execute(sql).fetchone()[0] for name, sql in queries.items()}
    finally:
        connection.close()


async def until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.05)


# --- the tests -----------------------------------------------------------------------------


async def test_two_processes_send_three_hundred_cards_once_each(tmp_path: Path) -> None:
    count = 300
    async with running(SlowConnector(delay=0.03)) as connector, aiohttp.ClientSession() as http:
        assert isinstance(connector, SlowConnector)
        bots = [BotProcess(tmp_path, name, MODBOT_OUTBOX_PACING="false") for name in ("a", "b")]
        with bot_processes(bots):
            for bot in bots:
                await bot.healthy(http)
            await link_hjo(http, bots[0].url, connector)

            senders = asyncio.Semaphore(8)

            async def one(number: int) -> int:
                async with senders:
                    return await post_flag(http, bots[number % 2].url, number)

            # Half in one burst: a queue forms and one process holds the lane while the other
            # keeps queueing cards it may not send. Then waves the senders catch up with, so
            # the lane is left and taken again, by either process.
            case_ids: list[int] = []
            for first, last in [(0, count // 2)] + [
                (start, start + WAVE) for start in range(count // 2, count, WAVE)
            ]:
                case_ids += await asyncio.gather(*(one(n) for n in range(first, last)))
                posted = len(case_ids)
                await connector.wait_for(
                    lambda posted=posted: len(card_titles(connector)) >= posted, timeout=30
                )
            assert len(set(case_ids)) == count

            # Nothing more can go out once every outbox message is marked sent and no call
            # to the fake is still under way: a duplicate would have arrived by then.
            await until(
                lambda: database_counts(tmp_path)["unsent"] == 0 and connector.in_flight == 0,
                timeout=15,
                what="an empty outbox",
            )
            counts = database_counts(tmp_path)

        titles = card_titles(connector)
        repeated = {title: n for title, n in Counter(titles).items() if n > 1}
        assert not repeated, f"cards sent more than once: {repeated}"
        assert len(titles) == count
        assert set(titles) == {f"{TITLE}{case_id}" for case_id in case_ids}
        numbers = [case_number(title) for title in titles]
        out_of_order = [(a, b) for a, b in zip(numbers, numbers[1:], strict=False) if b < a]
        assert not out_of_order, f"cards out of case order at {out_of_order[:10]}"
        assert not connector.updates
        assert counts == {"cases": count, "cards": count, "unsent": 0, "card_sends": count}


async def test_after_a_sigkill_mid_send_only_the_message_in_flight_may_repeat_and_the_next_card_comes_within_five_seconds(  # noqa: E501
    tmp_path: Path,
) -> None:
    count = 8
    hang_on = 4
    async with (
        running(HangingConnector(hang_on=hang_on)) as connector,
        aiohttp.ClientSession() as http,
    ):
        assert isinstance(connector, HangingConnector)
        first = BotProcess(tmp_path, "first")
        with bot_processes([first]):
            try:
                await first.healthy(http)
                await link_hjo(http, first.url, connector)
                case_ids = [await post_flag(http, first.url, number) for number in range(count)]
                await asyncio.wait_for(connector.hanging.wait(), timeout=30)
                first.kill()
                killed_at = time.monotonic()
            finally:
                connector.release.set()
        in_flight = card_titles(connector)[hang_on - 1]
        before_restart = len(card_titles(connector))
        assert before_restart == hang_on, card_titles(connector)

        second = BotProcess(tmp_path, "second")
        with bot_processes([second]):
            answering = await second.healthy(http)
            await connector.wait_for(
                lambda: len(card_titles(connector)) > before_restart, timeout=20
            )
            first_card_after = time.monotonic() - answering
            await connector.wait_for(
                lambda: (
                    {f"{TITLE}{case_id}" for case_id in case_ids} <= set(card_titles(connector))
                ),
                timeout=20,
            )
            await until(
                lambda: database_counts(tmp_path)["unsent"] == 0,
                timeout=10,
                what="an empty outbox",
            )

        titles = card_titles(connector)
        print(
            f"first card after the restart: {first_card_after:.2f} s after /healthz, "
            f"{first_card_after + answering - killed_at:.2f} s after the SIGKILL; the card in "
            f"flight went out {Counter(titles)[in_flight]} times"
        )
        assert set(titles) == {f"{TITLE}{case_id}" for case_id in case_ids}
        repeated = {title: n for title, n in Counter(titles).items() if n > 1}
        assert set(repeated) <= {in_flight}, f"repeated besides the in-flight card: {repeated}"
        assert all(n <= 2 for n in repeated.values()), repeated
        numbers = [case_number(title) for title in dict.fromkeys(titles)]
        assert numbers == sorted(numbers), titles
        assert first_card_after < 5.0, (
            f"the first card after the restart came {first_card_after:.2f} s after /healthz"
        )
