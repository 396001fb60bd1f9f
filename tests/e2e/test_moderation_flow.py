"""A moderator links a channel, gets a flagged comment as a card, and decides on it."""

from tests.conftest import RunningBot
from tests.teams import ANNA, BERTIL, flag


async def test_bot_greets_the_channel_it_is_added_to(bot: RunningBot) -> None:
    status, _ = await bot.activity(bot.channel.bot_added(ANNA))
    assert status in (200, 201)
    await bot.connector.wait_for(lambda: bot.connector.texts())
    call = bot.connector.sent[0]
    assert call.conversation_id == bot.channel.channel_id
    assert "koppla" in call.body["text"]


async def test_keep_is_recorded_and_the_card_shows_who_decided(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    answer = await bot.invoke(ANNA, "keep", {"case": case_id, "category": "fortal", "note": "ok"}, card_id)
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    shown = str(answer["value"])
    assert "Behålls – beslutat av Anna Moderator" in shown
    await bot.connector.wait_for(lambda: bot.connector.updates)
    assert bot.connector.updates[0].activity_id == card_id


async def test_a_second_moderator_sees_the_first_decision(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    await bot.invoke(ANNA, "keep", {"case": case_id}, card_id)
    later = await bot.invoke(BERTIL, "remove", {"case": case_id}, card_id)
    shown = str(later["value"])
    assert "redan avgjort av Anna Moderator" in shown
    assert "Diarienummer" not in shown
