"""Teams retries an activity it got no answer to within 15 s: the retry (same conversation
and activity id) gets the first answer and causes nothing a second time, also after a
restart of the bot."""

import asyncio

from tests.conftest import RunningBot, start_bot
from tests.teams import ANNA, BERTIL, flag


async def test_a_retried_command_is_answered_once(bot: RunningBot) -> None:
    message = bot.channel.message(ANNA, "hjälp")
    first, again = await asyncio.gather(bot.activity(message), bot.activity(message))
    assert first[0] in (200, 201) and again[0] in (200, 201)
    await bot.connector.wait_for(lambda: bot.connector.texts())
    await bot.activity(bot.channel.message(ANNA, "konton"))
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) >= 2)
    assert sum("Kommandon" in text for text in bot.connector.texts()) == 1


async def test_a_retried_card_press_gets_the_first_answer_and_decides_once(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    press = bot.channel.invoke(ANNA, "keep", {"case": case_id}, card_id=card_id)
    (status, first), (again_status, again) = await asyncio.gather(
        bot.activity(press), bot.activity(press)
    )
    assert status == again_status == 200
    assert first == again
    assert "redan avgjort" not in str(first)
    other = bot.channel.invoke(BERTIL, "remove", {"case": case_id}, card_id=card_id)
    _, later = await bot.activity(other)
    assert "redan avgjort av Anna Moderator" in str(later)


async def test_a_retry_after_a_restart_is_answered_from_the_record(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    press = bot.channel.invoke(ANNA, "keep", {"case": case_id}, card_id=card_id)
    _, first = await bot.activity(press)
    await bot.connector.wait_for(lambda: bot.connector.updates)
    await bot.runner.cleanup()
    bot.runner = await start_bot(bot.settings, bot.clock)
    updates_before = len(bot.connector.updates)
    _, again = await bot.activity(press)
    assert again == first
    await asyncio.sleep(0.5)
    assert len(bot.connector.updates) == updates_before
