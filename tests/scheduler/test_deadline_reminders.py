"""The 48-hour limit reaches people: 24 h and 6 h reminders, then the manager, each once."""

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import SCHEDULER
from scheduler.jobs import DEADLINE_REMINDERS
from tests.conftest import RunningBot, free_port, make_settings, start_bot
from tests.teams import ANNA, BERTIL, KARIN, flag, personal_message

FRIDAY_EVENING = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)  # 19:00 in Stockholm
DEADLINE = FRIDAY_EVENING + timedelta(hours=48)


async def _set_up(bot: RunningBot) -> int:
    bot.clock.set(FRIDAY_EVENING + timedelta(minutes=30))
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.say(BERTIL, "chef", mentions=(KARIN,))
    case_id, _ = await bot.flagged_card(flag(created_at=FRIDAY_EVENING.isoformat()))
    return case_id


async def _run(bot: RunningBot, at: datetime) -> int:
    """The job at `at`, with the bot's clock there too, as when the scheduler runs it."""
    bot.clock.set(at)
    return await bot.runner.app[SCHEDULER].run_now(DEADLINE_REMINDERS, at)


async def test_a_case_flagged_on_friday_evening_is_reminded_over_the_weekend(
    bot: RunningBot,
) -> None:
    case_id = await _set_up(bot)
    assert await _run(bot, FRIDAY_EVENING + timedelta(hours=1)) == 0
    before = len(bot.connector.sent)
    assert await _run(bot, DEADLINE - timedelta(hours=23, minutes=30)) == 1
    await bot.connector.wait_for(lambda: len(bot.connector.sent) > before)
    reminder = bot.connector.sent[before]
    assert reminder.conversation_id == bot.channel.channel_id
    assert reminder.body["text"].startswith("<at>Anna Moderator</at>: 23 h 30 min kvar")
    assert f"ärende #{case_id}" in reminder.body["text"]
    assert "senast 2026-11-29 19:00" in reminder.body["text"]
    assert reminder.body["entities"][0]["mentioned"]["id"] == ANNA.id
    assert await _run(bot, DEADLINE - timedelta(hours=23)) == 0
    assert await _run(bot, DEADLINE - timedelta(hours=5)) == 1


async def test_a_case_found_late_gets_only_the_latest_reminder(bot: RunningBot) -> None:
    await _set_up(bot)
    assert await _run(bot, DEADLINE - timedelta(hours=2)) == 1
    assert await _run(bot, DEADLINE - timedelta(hours=1)) == 0


async def test_an_overdue_case_goes_to_the_manager_personally(bot: RunningBot) -> None:
    await _set_up(bot)
    before = len(bot.connector.texts())
    await bot.activity(personal_message(bot.connector.url, KARIN, "hjälp"))
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    before = len(bot.connector.sent)
    assert await _run(bot, DEADLINE + timedelta(minutes=1)) == 1
    await bot.connector.wait_for(lambda: len(bot.connector.sent) > before)
    told = bot.connector.sent[before]
    assert told.conversation_id == f"a:personal-{KARIN.id}"
    assert told.body["text"].startswith("Karin Kansli: ärende #")
    assert "Ansvarig tjänsteperson: Anna Moderator" in told.body["text"]


async def test_without_a_personal_chat_the_manager_is_mentioned_in_the_channel(
    bot: RunningBot,
) -> None:
    await _set_up(bot)
    before = len(bot.connector.sent)
    assert await _run(bot, DEADLINE + timedelta(minutes=1)) == 1
    await bot.connector.wait_for(lambda: len(bot.connector.sent) > before)
    told = bot.connector.sent[before]
    assert told.conversation_id == bot.channel.channel_id
    assert told.body["entities"][0]["mentioned"]["id"] == KARIN.id


async def test_decided_cases_are_not_reminded(bot: RunningBot) -> None:
    case_id = await _set_up(bot)
    card_id = bot.connector.sent[-1].returned_id
    await bot.invoke(ANNA, "keep", {"case": case_id}, card_id)
    assert await _run(bot, DEADLINE - timedelta(hours=5)) == 0


async def test_two_bot_processes_on_one_database_remind_once(
    bot: RunningBot, tmp_path: Path
) -> None:
    await _set_up(bot)
    second = await start_bot(
        make_settings(tmp_path, free_port(), database_url=bot.settings.database_url), bot.clock
    )
    try:
        at = DEADLINE - timedelta(hours=5)
        bot.clock.set(at)
        counts = await asyncio.gather(
            bot.runner.app[SCHEDULER].run_now(DEADLINE_REMINDERS, at),
            second.app[SCHEDULER].run_now(DEADLINE_REMINDERS, at),
        )
        assert sorted(counts) == [0, 1]
    finally:
        await second.cleanup()


async def test_the_limit_is_48_real_hours_across_the_october_night(bot: RunningBot) -> None:
    saturday_evening = datetime(2026, 10, 24, 18, 0, tzinfo=UTC)  # 20:00 summer time
    bot.clock.set(saturday_evening + timedelta(minutes=5))
    await bot.link_hjo()
    await bot.flagged_card(flag(created_at=saturday_evening.isoformat()))
    before = len(bot.connector.texts())
    assert await _run(bot, saturday_evening + timedelta(hours=43)) == 1
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert "senast 2026-10-26 19:00" in bot.connector.texts()[before]  # winter time by then


async def test_the_limit_is_48_real_hours_across_the_march_night(bot: RunningBot) -> None:
    saturday_evening = datetime(2026, 3, 28, 19, 0, tzinfo=UTC)  # 20:00 winter time
    bot.clock.set(saturday_evening + timedelta(minutes=5))
    await bot.link_hjo()
    await bot.flagged_card(flag(created_at=saturday_evening.isoformat()))
    before = len(bot.connector.texts())
    assert await _run(bot, saturday_evening + timedelta(hours=43)) == 1
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert "senast 2026-03-30 21:00" in bot.connector.texts()[before]  # summer time by then
