"""Nothing is lost: the outbox retries 429 and 5xx, and survives a restart."""

import asyncio
import time
from pathlib import Path

import aiohttp

from tests.conftest import MovingClock, RunningBot, free_port, make_settings, serving, start_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA, Channel, flag


async def test_a_429_is_retried_after_retry_after(bot: RunningBot) -> None:
    await bot.link_hjo()
    bot.connector.fail_next(429, retry_after="1")
    started = time.monotonic()
    status, _ = await bot.flag(flag())
    assert status == 201
    await bot.connector.wait_for(lambda: bot.connector.cards())
    assert time.monotonic() - started >= 0.9
    assert len(bot.connector.cards()) == 1


async def test_a_500_is_retried_with_back_off(bot: RunningBot) -> None:
    await bot.link_hjo()
    bot.connector.fail_next(500, times=3)
    status, _ = await bot.flag(flag())
    assert status == 201
    await bot.connector.wait_for(lambda: bot.connector.cards())
    assert len(bot.connector.cards()) == 1
    assert not bot.connector.failures


async def test_an_unsent_card_survives_a_restart(
    tmp_path: Path, connector: FakeBotConnector, clock: MovingClock
) -> None:
    settings = make_settings(tmp_path, free_port())
    channel = Channel(service_url=connector.url)
    runner = await start_bot(settings, clock)
    url = f"http://127.0.0.1:{settings.port}"
    async with aiohttp.ClientSession() as http:
        bot = RunningBot(url, http, connector, channel, clock, settings, runner)
        await bot.link_hjo()
        connector.fail_next(503, times=10_000)
        status, _ = await bot.flag(flag())
        assert status == 201
        await connector.wait_for(lambda: len(connector.failures) < 10_000)
        await runner.cleanup()
        connector.failures.clear()
        assert not connector.cards()
        runner = await start_bot(settings, clock)
        await connector.wait_for(lambda: connector.cards())
        assert len(connector.cards()) == 1
        await runner.cleanup()


async def test_replies_keep_their_order_in_a_conversation(bot: RunningBot) -> None:
    for text in ("hjälp", "konton", "väntande"):
        await bot.activity(bot.channel.message(ANNA, text))
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) >= 3)
    texts = bot.connector.texts()
    assert "Kommandon" in texts[0]
    assert "Inga konton" in texts[1]
    assert "Inga öppna ärenden" in texts[2]


async def test_cases_and_decisions_survive_a_restart(
    tmp_path: Path, connector: FakeBotConnector, clock: MovingClock
) -> None:
    settings = make_settings(tmp_path, free_port())
    channel = Channel(service_url=connector.url)
    url = f"http://127.0.0.1:{settings.port}"
    async with aiohttp.ClientSession() as http:
        runner = await start_bot(settings, clock)
        bot = RunningBot(url, http, connector, channel, clock, settings, runner)
        await bot.link_hjo()
        kept, card = await bot.flagged_card(flag(author={"id": "1", "name": "Kvar Kvist"}))
        await bot.invoke(ANNA, "keep", {"case": kept}, card)
        await bot.flagged_card(flag(author={"id": "2", "name": "Öppen Östlund"}))
        await runner.cleanup()
        bot.runner = await start_bot(settings, clock)
        pending = await bot.say(ANNA, "väntande")
        assert "Öppen Östlund" in pending and "Kvar Kvist" not in pending
        again = await bot.invoke(ANNA, "remove", {"case": kept}, card)
        assert "redan avgjort av Anna Moderator" in str(again["value"])
        await bot.runner.cleanup()


async def test_two_bot_processes_on_one_database_send_each_message_once(
    bot: RunningBot, tmp_path: Path
) -> None:
    second = await start_bot(
        make_settings(tmp_path, free_port(), database_url=bot.settings.database_url), bot.clock
    )
    try:
        await bot.link_hjo()
        bot.connector.fail_next(503, times=5)
        for number in range(20):
            status, _ = await bot.flag(flag(comment_id=f"twin-{number}"))
            assert status == 201
        await bot.connector.wait_for(lambda: len(bot.connector.cards()) >= 20)
        await asyncio.sleep(2.5)
        titles = [card["body"][0]["text"] for card in bot.connector.cards()]
        assert len(titles) == 20
        assert titles == sorted(titles, key=lambda title: int(title.split("#")[1]))
    finally:
        await second.cleanup()


async def test_a_queued_card_follows_its_channel_to_a_new_service_url(bot: RunningBot) -> None:
    await bot.link_hjo()
    bot.connector.fail_next(503, times=10_000)
    status, _ = await bot.flag(flag())
    assert status == 201
    await bot.connector.wait_for(lambda: len(bot.connector.failures) < 10_000)
    moved = FakeBotConnector()
    async with serving(moved.app()) as url:
        moved.url = url
        channel = Channel(service_url=url)
        await bot.activity(channel.message(ANNA, "hjälp"))
        await moved.wait_for(lambda: moved.cards(), timeout=15)
    assert not bot.connector.cards()
