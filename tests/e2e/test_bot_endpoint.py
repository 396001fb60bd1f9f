"""/api/messages: bad activities and bad card presses get clear answers, never a 500."""

from tests.conftest import RunningBot
from tests.teams import ANNA, flag


async def test_malformed_activity_json_is_refused(bot: RunningBot) -> None:
    status, _ = await bot.post("/api/messages", b"{oops")
    assert status == 400


async def test_a_body_without_activity_type_is_refused(bot: RunningBot) -> None:
    status, _ = await bot.post("/api/messages", {"text": "hej"})
    assert status == 400


async def test_an_unknown_verb_gets_a_message_not_an_error(bot: RunningBot) -> None:
    answer = await bot.invoke(ANNA, "explode", {"case": 1}, "card-1")
    assert answer["type"] == "application/vnd.microsoft.activity.message"
    assert "känns inte igen" in answer["value"]


async def test_a_case_that_does_not_exist_gets_a_message(bot: RunningBot) -> None:
    await bot.link_hjo()
    answer = await bot.invoke(ANNA, "keep", {"case": 9999}, "card-1")
    assert answer["value"] == "Ärendet finns inte."


async def test_a_press_without_case_id_gets_a_message(bot: RunningBot) -> None:
    answer = await bot.invoke(ANNA, "keep", {"case": "abc"}, "card-1")
    assert "känns inte igen" in answer["value"]


async def test_confirming_removal_of_a_kept_case_is_refused(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    await bot.invoke(ANNA, "keep", {"case": case_id}, card_id)
    answer = await bot.invoke(ANNA, "confirm_removed", {"case": case_id}, card_id)
    assert answer["value"] == "Ärendet väntar inte på borttagning."


async def test_link_outside_a_channel_is_explained(bot: RunningBot) -> None:
    activity = bot.channel.message(ANNA, 'koppla facebook "Hjo" https://facebook.com/hjo')
    activity["conversation"] = {"id": "a:personal-chat", "conversationType": "personal"}
    activity["channelData"] = {"tenant": {"id": "t"}}
    before = len(bot.connector.texts())
    status, _ = await bot.activity(activity)
    assert status in (200, 201)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert "bara i en kanal" in bot.connector.texts()[before]


async def test_a_bad_link_command_explains_itself(bot: RunningBot) -> None:
    assert "Skriv så här" in await bot.say(ANNA, "koppla facebook")
    assert "Okänd plattform" in await bot.say(ANNA, 'koppla myspace "Hjo" https://x.se')
    assert "ser inte ut som en länk" in await bot.say(ANNA, 'koppla facebook "Hjo" hjo.se')
