"""Benchmark: Modbot against a bare botbuilder echo bot, both on loopback with a fake connector.

Measures (a) flags accepted per second through POST /api/flags, (b) cards per second the
outbox delivers (pacing off), (c) p50/p99 of a card decision invoke with 1 and 8 moderators at
once, (d) peak RSS; and the same loads against the echo bot; and (e) Meta webhook events
per second answered and per second stored and screened (2 % of them flagged), with the p50/p99
time to answer one. Run from the checkout:
`.venv/bin/python bench/bench.py [--flags 3000] [--webhooks 10000] [--only-webhooks]`.
"""

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import free_port  # noqa: E402
from tests.fakes.bot_connector import FakeBotConnector  # noqa: E402
from tests.teams import ANNA, Channel, Person, flag  # noqa: E402

API_KEY = "bench-api-key-0123456789abcdef"


async def _wait_http(url: str) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(200):
            try:
                async with http.get(url) as response:
                    if response.status < 500:
                        return
            except aiohttp.ClientError:
                await asyncio.sleep(0.05)
    raise RuntimeError(f"{url} did not start")


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(args, env={**os.environ, **env}, cwd=ROOT, stderr=subprocess.DEVNULL)


def _peak_rss_mb(process: subprocess.Popen[bytes]) -> float:
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _rate(count: int, concurrency: int, one: Callable[[int], Awaitable[None]]) -> float:
    queue = iter(range(count))

    async def worker() -> None:
        for index in queue:
            await one(index)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return count / (time.perf_counter() - started)


async def _latencies(
    total: int, concurrency: int, one: Callable[[int], Awaitable[None]]
) -> tuple[float, float]:
    samples: list[float] = []
    queue = iter(range(total))

    async def worker() -> None:
        for index in queue:
            started = time.perf_counter()
            await one(index)
            samples.append((time.perf_counter() - started) * 1000)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


async def _post(http: aiohttp.ClientSession, url: str, body: Any, **headers: str) -> Any:
    async with http.post(
        url, data=json.dumps(body), headers={"Content-Type": "application/json", **headers}
    ) as response:
        if response.status >= 300 and response.status != 201:
            raise RuntimeError(f"{url} answered {response.status}: {await response.text()}")
        text = await response.text()
        return json.loads(text) if text else None


async def bench_modbot(fake: FakeBotConnector, flags: int) -> dict[str, float]:
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="modbot-bench-"))
    env = {
        "MODBOT_DEVELOPMENT": "true",
        "MODBOT_PORT": str(port),
        "MODBOT_DATABASE_URL": f"sqlite:///{work / 'modbot.db'}",
        "MODBOT_EVIDENCE_DIR": str(work / "evidence"),
        "MODBOT_API_KEY": API_KEY,
        "MODBOT_OUTBOX_PACING": "false",
        "MODBOT_LOG_LEVEL": "WARNING",
    }
    bot = _start([sys.executable, "-m", "bot.cli", "serve"], env)
    base = f"http://127.0.0.1:{port}"
    results: dict[str, float] = {}
    try:
        await _wait_http(base + "/healthz")
        channel = Channel(service_url=fake.url)
        async with aiohttp.ClientSession() as http:
            await _post(
                http,
                base + "/api/messages",
                channel.message(
                    ANNA, 'koppla facebook "Hjo kommun" https://facebook.com/hjokommun'
                ),
            )
            recent = (datetime.now(UTC) - timedelta(hours=1)).isoformat()

            async def one_flag(index: int) -> None:
                await _post(
                    http,
                    base + "/api/flags",
                    flag(comment_id=f"c{index}", created_at=recent),
                    **{"X-Api-Key": API_KEY},
                )

            results["flags_per_s"] = await _rate(flags, 16, one_flag)
            started = time.perf_counter()
            await fake.wait_for(lambda: len(fake.cards()) >= flags, timeout=600)
            results["cards_end_to_end_per_s"] = flags / (time.perf_counter() - started)

            def invoke(person: Person, case_id: int) -> dict[str, Any]:
                return channel.invoke(person, "keep", {"case": case_id}, card_id=f"c{case_id}")

            async def decide(index: int, offset: int) -> None:
                answer = await _post(http, base + "/api/messages", invoke(ANNA, offset + index + 1))
                assert answer["type"] == "application/vnd.microsoft.card.adaptive", answer

            single = min(flags // 2, 500)
            results["decide_p50_1"], results["decide_p99_1"] = await _latencies(
                single, 1, lambda i: decide(i, 0)
            )
            results["decide_p50_8"], results["decide_p99_8"] = await _latencies(
                flags - single, 8, lambda i: decide(i, single)
            )
        results["rss_mb"] = _peak_rss_mb(bot)
    finally:
        bot.terminate()
        bot.wait()
    results["outbox_cards_per_s"] = await _outbox_drain(fake, env, work, base, flags)
    return results


async def _outbox_drain(
    fake: FakeBotConnector, env: dict[str, str], work: Path, base: str, count: int
) -> float:
    """Queue `count` cards while the bot is down, start it, time the drain to the connector."""
    from sqlmodel import Session

    from bot.cards.elements import attachment, card, heading
    from storage import outbox
    from storage.db import make_engine

    engine = make_engine(env["MODBOT_DATABASE_URL"])
    now = datetime.now(UTC)
    with Session(engine) as session:
        for index in range(count):
            outbox.enqueue(
                session,
                conversation_id=f"19:channel-{index % 10}@thread.tacv2",
                service_url=fake.url,
                operation="send",
                activity={
                    "type": "message",
                    "attachments": [attachment(card([heading(f"Kort {index}")], []))],
                },
                now=now,
            )
        session.commit()
    engine.dispose()
    before = len(fake.calls)
    bot = _start([sys.executable, "-m", "bot.cli", "serve"], env)
    try:
        await _wait_http(base + "/healthz")
        started = time.perf_counter()
        await fake.wait_for(lambda: len(fake.calls) - before >= count, timeout=600)
        return count / (time.perf_counter() - started)
    finally:
        bot.terminate()
        bot.wait()


async def bench_webhooks(fake: FakeBotConnector, events: int) -> dict[str, float]:
    import hashlib
    import hmac
    import sqlite3

    secret = "bench-meta-secret"
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="modbot-bench-webhooks-"))
    env = {
        "MODBOT_DEVELOPMENT": "true",
        "MODBOT_PORT": str(port),
        "MODBOT_DATABASE_URL": f"sqlite:///{work / 'modbot.db'}",
        "MODBOT_EVIDENCE_DIR": str(work / "evidence"),
        "MODBOT_OUTBOX_PACING": "false",
        "MODBOT_LOG_LEVEL": "WARNING",
        "MODBOT_META_APP_SECRET": secret,
        "MODBOT_BENCH_PAGE_TOKEN": "bench-token",
    }
    bot = _start([sys.executable, "-m", "bot.cli", "serve"], env)
    base = f"http://127.0.0.1:{port}"
    channel = Channel(service_url=fake.url)
    now = int(time.time())
    bodies = []
    for index in range(events):
        text = "Ring 070-123 45 67" if index % 50 == 0 else f"Tack för infon, nummer {index}!"
        value = {
            "from": {"id": f"fb-{index % 997}", "name": "Besökare"},
            "post_id": "42_1",
            "comment_id": f"42_1_{index}",
            "item": "comment",
            "verb": "add",
            "created_time": now,
            "message": text,
        }
        entry = {"id": "42", "time": now, "changes": [{"field": "feed", "value": value}]}
        bodies.append(json.dumps({"object": "page", "entry": [entry]}).encode())
    results: dict[str, float] = {}
    try:
        await _wait_http(base + "/healthz")
        async with aiohttp.ClientSession() as http:
            for command in (
                'koppla facebook "Hjo kommun" https://facebook.com/hjokommun',
                'anslut facebook "Hjo kommun" 42 env:MODBOT_BENCH_PAGE_TOKEN',
            ):
                await _post(http, base + "/api/messages", channel.message(ANNA, command))

            async def deliver(index: int) -> None:
                body = bodies[index]
                signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
                headers = {
                    "Content-Type": "application/json",
                    "X-Hub-Signature-256": f"sha256={signature}",
                }
                async with http.post(base + "/webhooks/meta", data=body, headers=headers) as r:
                    if r.status != 200:
                        raise RuntimeError(f"webhook answered {r.status}")

            started = time.perf_counter()
            results["webhook_p50"], results["webhook_p99"] = await _latencies(events, 16, deliver)
            results["webhooks_answered_per_s"] = events / (time.perf_counter() - started)
            database = sqlite3.connect(work / "modbot.db")
            while True:
                done = database.execute(
                    "SELECT COUNT(*) FROM inbound_event WHERE processed_at IS NOT NULL"
                ).fetchone()[0]
                if done >= events:
                    break
                await asyncio.sleep(0.02)
            results["webhooks_screened_per_s"] = events / (time.perf_counter() - started)
            database.close()
    finally:
        bot.terminate()
        bot.wait()
    return results


async def bench_echo(fake: FakeBotConnector, turns: int) -> dict[str, float]:
    port = free_port()
    echo = _start([sys.executable, str(ROOT / "bench" / "echo_bot.py")], {"ECHO_PORT": str(port)})
    url = f"http://127.0.0.1:{port}/api/messages"
    results: dict[str, float] = {}
    try:
        await _wait_http(url)
        channel = Channel(service_url=fake.url)
        async with aiohttp.ClientSession() as http:

            async def message(index: int) -> None:
                await _post(http, url, channel.message(ANNA, f"hej {index}"))

            results["turns_per_s"] = await _rate(turns, 16, message)

            async def invoke(_: int) -> None:
                await _post(http, url, channel.invoke(ANNA, "keep", {"case": 1}))

            single = min(turns // 2, 500)
            results["invoke_p50_1"], results["invoke_p99_1"] = await _latencies(single, 1, invoke)
            results["invoke_p50_8"], results["invoke_p99_8"] = await _latencies(
                turns - single, 8, invoke
            )
        results["rss_mb"] = _peak_rss_mb(echo)
    finally:
        echo.terminate()
        echo.wait()
    return results


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flags", type=int, default=3000)
    parser.add_argument("--webhooks", type=int, default=10000)
    parser.add_argument("--only-webhooks", action="store_true", help="measure (e) alone")
    options = parser.parse_args()
    fake = FakeBotConnector()
    runner = web.AppRunner(fake.app(), access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    fake.url = f"http://127.0.0.1:{port}"
    hooks = await bench_webhooks(fake, options.webhooks)
    if not options.only_webhooks:
        ours = await bench_modbot(fake, options.flags)
        floor = await bench_echo(fake, options.flags)
        _print_flags(ours, floor)
    await runner.cleanup()
    print(f"\nMeta webhooks, {options.webhooks} events, 16 senders (e):")
    print(f"  answered /s {hooks['webhooks_answered_per_s']:9.1f}")
    print(f"  stored and screened /s {hooks['webhooks_screened_per_s']:9.1f}")
    print(f"  answer p50 / p99 ms {hooks['webhook_p50']:6.1f} / {hooks['webhook_p99']:6.1f}")


def _print_flags(ours: dict[str, float], floor: dict[str, float]) -> None:
    rows = [
        ("flags accepted /s (a) vs echo turns /s", ours["flags_per_s"], floor["turns_per_s"]),
        (
            "outbox cards delivered /s (b) vs echo turns /s",
            ours["outbox_cards_per_s"],
            floor["turns_per_s"],
        ),
        (
            "cards posted /s end to end (flag→screenshot→card)",
            ours["cards_end_to_end_per_s"],
            floor["turns_per_s"],
        ),
        ("decision p50 ms, 1 moderator (c)", ours["decide_p50_1"], floor["invoke_p50_1"]),
        ("decision p99 ms, 1 moderator (c)", ours["decide_p99_1"], floor["invoke_p99_1"]),
        ("decision p50 ms, 8 moderators (c)", ours["decide_p50_8"], floor["invoke_p50_8"]),
        ("decision p99 ms, 8 moderators (c)", ours["decide_p99_8"], floor["invoke_p99_8"]),
        ("peak RSS MB (d)", ours["rss_mb"], floor["rss_mb"]),
    ]
    print(f"{'measure':55} {'modbot':>9} {'echo':>9} {'ratio':>7}")
    for name, mine, theirs in rows:
        print(f"{name:55} {mine:9.1f} {theirs:9.1f} {mine / theirs:7.2f}")


if __name__ == "__main__":
    asyncio.run(main())
