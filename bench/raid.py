"""Benchmark: a raid on one post. N cards (default 500) are queued at once to ONE channel and
drained by the real Outbox against a fake Bot Connector (a real HTTP server on 127.0.0.1) that
enforces Teams' limits as Teams does: per conversation 7 messages per 1 s, 8 per 2 s, 60 per
30 s and 1,800 per hour, per tenant 50 per second, as sliding windows over the arrival times of
the messages it accepted, answering 429 with Retry-After to a request that would break one.

Halfway through (once N/2 cards were delivered) a moderator's decision queues an update of a
card already delivered and a reply in its thread, and another, quiet channel gets one message;
the bench measures how long each waited from enqueue to delivery.

In real time the raid is slow by design: at 60 per 30 s, 500 cards take about 250 s. The bench
therefore runs on a faster clock: `--scale 0.02` (the default) turns the windows into 0.02 s,
0.04 s, 0.6 s and 72 s (tenant: 0.02 s) for both the outbox (`scaled(...)`) and the fake, so a
raid drains in seconds. Times are also shown divided by the scale ("Teams s"): what the same
raid would take against Teams. That scaling back also multiplies fixed costs that do not shrink
with the clock (database round trips, HTTP on loopback), so the Teams figures of short waits are
upper bounds. The pacer's slack per window is at most 2.5 % of the window, so it scales too.

Run from the checkout: `.venv/bin/python bench/raid.py [--cards 500] [--scale 0.02]
[--no-pacing]`. `--no-pacing` runs Outbox(pacing=False) for comparison: only 429s slow it down.
"""

import argparse
import asyncio
import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import func
from sqlmodel import col, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.cards.elements import attachment, card, heading, line  # noqa: E402
from outbox.connector import BotConnector  # noqa: E402
from outbox.pacing import PER_CONVERSATION, PER_TENANT, Pacer, Window, scaled  # noqa: E402
from outbox.tokens import NoToken  # noqa: E402
from outbox.worker import Outbox  # noqa: E402
from storage import outbox as queue  # noqa: E402
from storage.db import Database, make_engine  # noqa: E402
from storage.migrations import migrate  # noqa: E402
from storage.models import Account, Card, FlaggedCase, OutboxMessage  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.fakes.paced_connector import Arrival, PacedBotConnector, busiest  # noqa: E402

RAID = "19:raid-on-one-post@thread.tacv2"
QUIET = "19:quiet-channel@thread.tacv2"


def _now() -> datetime:
    return datetime.now(UTC)


def _card(text: str) -> dict[str, Any]:
    return {"type": "message", "attachments": [attachment(card([heading(text)], []))]}


def _seed(database: Database, service_url: str, count: int) -> list[int]:
    """An account moderated in the raided channel, and one flagged case and card per comment."""
    now = _now()
    with database.session() as session:
        account = Account(
            platform="facebook",
            name="Hjo kommun",
            name_key="hjo kommun",
            url="https://facebook.com/hjokommun",
            channel_conversation_id=RAID,
            linked_at=now,
            linked_by_name="Bench",
        )
        session.add(account)
        session.flush()
        assert account.id is not None
        cases = [
            FlaggedCase(
                account_id=account.id,
                platform_comment_id=f"raid-{index}",
                permalink=f"https://facebook.com/hjokommun/posts/1?comment_id={index}",
                author_id=f"troll-{index % 37}",
                author_name="Troll",
                text=f"Kommentar {index}",
                comment_created_at=now,
                received_at=now,
            )
            for index in range(count)
        ]
        session.add_all(cases)
        session.flush()
        cards = [
            Card(
                case_id=case.id or 0,
                role="moderation",
                conversation_id=RAID,
                service_url=service_url,
            )
            for case in cases
        ]
        session.add_all(cards)
        session.commit()
        return [item.id or 0 for item in cards]


def _enqueue_raid(database: Database, service_url: str, card_ids: list[int]) -> None:
    """The whole raid in one transaction: every card is queued at once."""
    now = _now()
    with database.session() as session:
        for index, card_id in enumerate(card_ids):
            queue.enqueue(
                session,
                conversation_id=RAID,
                service_url=service_url,
                operation="send",
                activity=_card(f"Flaggad kommentar {index}"),
                now=now,
                card_id=card_id,
            )
        session.commit()


def _decide(database: Database, service_url: str, card_id: int) -> str:
    """A moderator decides on a delivered card: its update, and a reply in its thread."""
    now = _now()
    with database.session() as session:
        delivered = session.get(Card, card_id)
        assert delivered is not None and delivered.activity_id, "the card was not delivered"
        queue.enqueue(
            session,
            conversation_id=RAID,
            service_url=service_url,
            operation="update",
            activity={
                "type": "message",
                "attachments": [attachment(card([heading("Beslut: behålls")], []))],
            },
            now=now,
            card_id=card_id,
        )
        queue.enqueue(
            session,
            conversation_id=RAID,
            service_url=service_url,
            operation="reply",
            activity={"type": "message", "text": "Anna beslutade: behålls."},
            now=now,
            reply_to_id=delivered.activity_id,
        )
        session.commit()
        return delivered.activity_id


def _quiet(database: Database, service_url: str) -> None:
    with database.session() as session:
        queue.enqueue(
            session,
            conversation_id=QUIET,
            service_url=service_url,
            operation="send",
            activity={
                "type": "message",
                "attachments": [attachment(card([line("En enda flaggning här")], []))],
            },
            now=_now(),
        )
        session.commit()


def _failed(database: Database) -> int:
    with database.reading() as session:
        return int(
            session.exec(
                select(func.count()).where(col(OutboxMessage.status) == queue.FAILED)
            ).one()
        )


@dataclass
class Moments:
    raid_queued: float = 0.0
    decided: float = 0.0
    quiet_queued: float = 0.0


def _is_raid_card(arrival: Arrival) -> bool:
    return arrival.conversation_id == RAID and arrival.method == "POST" and not arrival.activity_id


def _first(arrivals: list[Arrival], test: Callable[[Arrival], bool]) -> Arrival | None:
    return next((arrival for arrival in arrivals if test(arrival)), None)


async def _until(fake: PacedBotConnector, condition: Callable[[], bool], timeout: float) -> bool:
    try:
        await fake.wait_for(condition, timeout=timeout)
    except TimeoutError:
        return False
    return True


async def raid(cards: int, scale: float, pacing: bool, timeout: float) -> dict[str, Any]:
    conversation_limits = scaled(PER_CONVERSATION, scale)
    tenant_limits = scaled(PER_TENANT, scale)
    fake = PacedBotConnector(conversation_limits=conversation_limits, tenant_limits=tenant_limits)
    runner = web.AppRunner(fake.app(), access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    fake.url = f"http://127.0.0.1:{port}"
    moments = Moments()
    update_target = ""
    with tempfile.TemporaryDirectory(prefix="modbot-raid-") as work:
        engine = make_engine(f"sqlite:///{Path(work) / 'modbot.db'}")
        migrate(engine)
        database = Database(engine)
        card_ids = await asyncio.to_thread(_seed, database, fake.url, cards)

        def raid_delivered() -> int:
            return sum(1 for arrival in fake.accepted if _is_raid_card(arrival))

        async with aiohttp.ClientSession() as http:
            outbox = Outbox(
                database,
                BotConnector(http, NoToken()),
                _now,
                pacing=pacing,
                retry_base_seconds=scale,
                conversation_limits=conversation_limits,
                tenant_limits=tenant_limits,
            )
            outbox.start()
            try:
                moments.raid_queued = time.monotonic()
                await asyncio.to_thread(_enqueue_raid, database, fake.url, card_ids)
                halfway = await _until(fake, lambda: raid_delivered() >= cards // 2, timeout)
                if halfway:
                    moments.decided = time.monotonic()
                    update_target = await asyncio.to_thread(
                        _decide, database, fake.url, card_ids[0]
                    )
                    moments.quiet_queued = time.monotonic()
                    await asyncio.to_thread(_quiet, database, fake.url)
                left = timeout - (time.monotonic() - moments.raid_queued)
                await _until(
                    fake,
                    lambda: raid_delivered() >= cards and len(fake.accepted) >= cards + 3,
                    max(left, 0.1),
                )
            finally:
                await outbox.stop()
        failed = _failed(database)
        database.dispose()
    await runner.cleanup()
    return _figures(fake, moments, update_target, cards, scale, pacing, failed)


def _figures(
    fake: PacedBotConnector,
    moments: Moments,
    update_target: str,
    cards: int,
    scale: float,
    pacing: bool,
    failed: int,
) -> dict[str, Any]:
    accepted = fake.accepted
    raid_cards = [arrival for arrival in accepted if _is_raid_card(arrival)]
    update = _first(accepted, lambda a: a.method == "PUT" and a.activity_id == update_target != "")
    reply = _first(accepted, lambda a: a.method == "POST" and a.activity_id == update_target != "")
    quiet = _first(accepted, lambda a: a.conversation_id == QUIET)

    def waited(arrival: Arrival | None, since: float) -> float | None:
        return None if arrival is None else arrival.at - since

    def teams(seconds: float | None) -> float | None:
        return None if seconds is None else seconds / scale

    drained = raid_cards[-1].at - moments.raid_queued if len(raid_cards) >= cards else None
    update_wait = waited(update, moments.decided)
    reply_wait = waited(reply, moments.decided)
    quiet_wait = waited(quiet, moments.quiet_queued)
    ahead = (
        sum(1 for arrival in raid_cards if moments.decided < arrival.at < update.at)
        if update is not None
        else None
    )
    busiest_windows: dict[str, dict[str, int]] = {}
    conversations = {arrival.conversation_id for arrival in accepted}
    for real, fast in zip(PER_CONVERSATION, scaled(PER_CONVERSATION, scale), strict=True):
        most = max(
            (
                busiest([a.at for a in accepted if a.conversation_id == conversation], fast.seconds)
                for conversation in conversations
            ),
            default=0,
        )
        busiest_windows[_label(real)] = {"most": most, "limit": real.count}
    for real, fast in zip(PER_TENANT, scaled(PER_TENANT, scale), strict=True):
        most = busiest([a.at for a in accepted], fast.seconds)
        busiest_windows[_label(real) + " (tenant)"] = {"most": most, "limit": real.count}
    throttled_by: dict[str, int] = {}
    for arrival in fake.throttled:
        throttled_by[arrival.limit] = throttled_by.get(arrival.limit, 0) + 1
    return {
        "bench": "raid",
        "cards": cards,
        "scale": scale,
        "pacing": pacing,
        "throttled_429": len(fake.throttled),
        "throttled_by": throttled_by,
        "delivered": len(raid_cards),
        "failed_parked": failed,
        "drain_s": _round(drained),
        "drain_teams_s": _round(teams(drained)),
        "fastest_legal_teams_s": _round(_fastest_legal(cards)),
        "update_wait_s": _round(update_wait),
        "update_wait_teams_s": _round(teams(update_wait)),
        "reply_wait_s": _round(reply_wait),
        "reply_wait_teams_s": _round(teams(reply_wait)),
        "raid_cards_sent_before_update": ahead,
        "other_channel_wait_s": _round(quiet_wait),
        "other_channel_wait_teams_s": _round(teams(quiet_wait)),
        "busiest_window": busiest_windows,
    }


def _fastest_legal(cards: int) -> float:
    """Teams time from the first to the last of `cards` sent as fast as its limits allow."""
    pacer, now = Pacer(PER_CONVERSATION), 0.0
    for _ in range(cards):
        now += pacer.wait_time(now)
        pacer.sent(now)
    return now


def _label(window: Window) -> str:
    seconds = "1 h" if window.seconds == 3600 else f"{window.seconds:g} s"
    return f"{window.count} per {seconds}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _print(figures: dict[str, Any]) -> None:
    def cell(value: Any, digits: int = 3) -> str:
        if value is None:
            return "-"
        return f"{value:.{digits}f}" if isinstance(value, float) else str(value)

    cards = figures["cards"]
    pacing = "on" if figures["pacing"] else "OFF"
    print(
        f"Raid: {cards} cards queued at once to one channel, scale {figures['scale']:g} "
        f"(1 s of Teams time = {figures['scale']:g} s), pacing {pacing}"
    )
    rows = [
        ("429s answered (goal 0)", figures["throttled_429"], None, "0"),
        (
            "raid cards delivered / parked",
            f"{figures['delivered']} / {figures['failed_parked']}",
            None,
            f"{cards} / 0",
        ),
        (
            f"drain all {cards} cards, s",
            figures["drain_s"],
            figures["drain_teams_s"],
            f">= {figures['fastest_legal_teams_s']:.0f} Teams s (fastest legal)",
        ),
        (
            "decision's card update waited, s",
            figures["update_wait_s"],
            figures["update_wait_teams_s"],
            "next slot",
        ),
        (
            "decision's reply waited, s",
            figures["reply_wait_s"],
            figures["reply_wait_teams_s"],
            "next slot",
        ),
        ("raid cards sent before the update", figures["raid_cards_sent_before_update"], None, "0"),
        (
            "other channel's message waited, s",
            figures["other_channel_wait_s"],
            figures["other_channel_wait_teams_s"],
            "~0",
        ),
    ]
    for name, limits in figures["busiest_window"].items():
        rows.append(
            (f"most in any window of {name}", limits["most"], None, f"<= {limits['limit']}")
        )
    print(f"{'measure':42} {'bench':>12} {'Teams s':>10}   goal")
    for name, value, scaled_back, goal in rows:
        print(f"{name:42} {cell(value):>12} {cell(scaled_back, 1):>10}   {goal}")
    if figures["throttled_by"]:
        by = ", ".join(f"{name}: {count}" for name, count in figures["throttled_by"].items())
        print(f"429s by window: {by}")
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--cards", type=int, default=500, help="cards in the raid")
    parser.add_argument(
        "--scale", type=float, default=0.02, help="seconds of bench time per second of Teams time"
    )
    parser.add_argument(
        "--no-pacing", dest="pacing", action="store_false", help="Outbox(pacing=False)"
    )
    parser.add_argument("--timeout", type=float, default=50.0, help="give up after, seconds")
    options = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    figures = asyncio.run(raid(options.cards, options.scale, options.pacing, options.timeout))
    _print(figures)


if __name__ == "__main__":
    main()
