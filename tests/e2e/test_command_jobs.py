"""Every Teams turn is answered at once: a command that makes a document says that the bot is
working on it, and the document's link follows as a reply when it is ready. A retry of the
same message never starts a second job, and a job a dead process left is finished."""

import json
from datetime import timedelta

from sqlalchemy import text

from storage.db import make_engine
from tests.conftest import WORKING, RunningBot, start_bot
from tests.teams import ANNA

PRINTOUT = 'utdrag "Hjo kommun" 2026-11-01 2026-11-30'


async def test_a_document_command_is_answered_at_once_and_its_link_follows(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    before = len(bot.connector.texts())
    status, _ = await bot.activity(bot.channel.message(ANNA, PRINTOUT))
    assert status in (200, 201)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) >= before + 2)
    working, result = bot.connector.texts()[before : before + 2]
    assert working.startswith(WORKING)
    assert "/printouts/" in result or "http" in result


async def test_a_retried_document_command_starts_one_job(bot: RunningBot) -> None:
    await bot.link_hjo()
    before = len(bot.connector.texts())
    message = bot.channel.message(ANNA, PRINTOUT)
    for _ in range(3):
        await bot.activity(message)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) >= before + 2)
    await bot.say(ANNA, "hjälp")
    texts = bot.connector.texts()[before:]
    assert sum(t.startswith(WORKING) for t in texts) == 1
    assert len([t for t in texts if "http" in t and not t.startswith(WORKING)]) == 1


async def test_a_job_left_by_a_dead_process_is_finished_after_a_restart(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    await bot.runner.cleanup()
    message = bot.channel.message(ANNA, PRINTOUT)
    engine = make_engine(bot.settings.database_url)
    long_ago = (bot.clock() - timedelta(minutes=5)).isoformat(timespec="microseconds")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO command_job (conversation_id, activity_id, activity, started_at, "
                "owner, held_until) VALUES (:c, :a, :body, :at, 'dead-process', :at)"
            ),
            {
                "c": message["conversation"]["id"],
                "a": message["id"],
                "body": json.dumps(message),
                "at": long_ago,
            },
        )
    engine.dispose()
    before = len(bot.connector.texts())
    bot.runner = await start_bot(bot.settings, bot.clock)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before, timeout=15)
    assert "http" in bot.connector.texts()[before]
