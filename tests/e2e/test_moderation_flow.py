"""A moderator links a channel, gets a flagged comment as a card, and decides on it."""

import asyncio
from datetime import timedelta
from pathlib import Path

import aiohttp

from tests.conftest import MovingClock, RunningBot, free_port, make_settings, start_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA, BERTIL, KARIN, Channel, Person, flag


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
    answer = await bot.invoke(
        ANNA, "keep", {"case": case_id, "category": "fortal", "note": "ok"}, card_id
    )
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


async def test_remove_saves_evidence_before_deleting(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    answer = await bot.invoke(ANNA, "remove", {"case": case_id, "category": "fortal"}, card_id)
    shown = str(answer["value"])
    assert "SM-2026-0001" in shown
    assert "Borttagen på plattformen" in shown
    assert "3 filer sparade" not in shown and "2 filer sparade" in shown
    confirmed = await bot.invoke(ANNA, "confirm_removed", {"case": case_id}, card_id)
    assert "Borttagen på plattformen 2026-11-25" in str(confirmed["value"])
    assert "SENT" not in str(confirmed["value"])


async def test_diarium_numbers_follow_each_other_without_gaps(bot: RunningBot) -> None:
    await bot.link_hjo()
    numbers = []
    for _ in range(3):
        case_id, card_id = await bot.flagged_card(flag())
        await bot.invoke(ANNA, "keep", {"case": case_id}, card_id)
        case_id, card_id = await bot.flagged_card(flag())
        answer = await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
        numbers.append(next(f["value"] for f in _facts(answer) if f["title"] == "Diarienummer"))
    assert numbers == ["SM-2026-0001", "SM-2026-0002", "SM-2026-0003"]


async def test_removal_confirmed_after_48_hours_is_marked_late(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag(created_at="2026-11-25T08:00:00+01:00"))
    await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
    bot.clock.advance(timedelta(hours=50))
    confirmed = await bot.invoke(ANNA, "confirm_removed", {"case": case_id}, card_id)
    assert "SENT: borttagen efter 48-timmarsgränsen" in str(confirmed["value"])


async def test_synpunkt_is_handed_over_to_kanslienheten(bot: RunningBot) -> None:
    kansli = Channel(
        service_url=bot.connector.url, channel_id="19:kansli@thread.tacv2", name="Kansli"
    )
    assert "kanslienheten" in await bot.say(KARIN, "kansli här", kansli)
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag(text="Varför finns ingen återvinning i Gate?"))
    before = len(bot.connector.sent)
    answer = await bot.invoke(ANNA, "synpunkt", {"case": case_id, "note": "Till SBF"}, card_id)
    assert "Synpunkt – lämnad till kanslienheten av Anna Moderator" in str(answer["value"])
    await bot.connector.wait_for(lambda: len(bot.connector.sent) > before)
    handed = bot.connector.sent[before]
    assert handed.conversation_id == kansli.channel_id
    assert "Synpunkten" in str(handed.body["attachments"][0]["content"])


async def test_synpunkt_without_a_kansli_channel_is_refused_and_not_recorded(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    answer = await bot.invoke(ANNA, "synpunkt", {"case": case_id}, card_id)
    assert answer["type"] == "application/vnd.microsoft.activity.message"
    assert "kansli här" in answer["value"]
    kept = await bot.invoke(ANNA, "keep", {"case": case_id}, card_id)
    assert "Behålls" in str(kept["value"])


async def test_the_same_comment_flagged_twice_gives_one_case_and_one_card(bot: RunningBot) -> None:
    await bot.link_hjo()
    body = flag()
    case_id, _ = await bot.flagged_card(body)
    status, answer = await bot.flag(body)
    assert status == 200
    assert answer == {"case_id": case_id, "created": False}
    await asyncio.sleep(0.3)
    assert len([c for c in bot.connector.sent if c.body.get("attachments")]) == 1


async def test_pending_lists_open_cases_with_time_left(bot: RunningBot) -> None:
    await bot.link_hjo()
    await bot.flagged_card(flag(author={"id": "1", "name": "Olle"}))
    reply = await bot.say(ANNA, "väntande")
    assert "Olle" in reply
    assert "kvar" in reply


async def test_unknown_command_gets_a_short_swedish_help(bot: RunningBot) -> None:
    reply = await bot.say(ANNA, "gör något konstigt")
    assert "känner jag inte igen" in reply
    assert "hjälp" in reply


async def test_help_and_accounts_answer_in_english_for_an_english_client(bot: RunningBot) -> None:
    english = Channel(service_url=bot.connector.url, locale="en-US")
    await bot.link_hjo()
    reply = await bot.say(ANNA, "accounts", english)
    assert "Linked accounts" in reply and "Hjo kommun" in reply


async def test_only_the_linked_channel_may_decide(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    other = Channel(service_url=bot.connector.url, channel_id="19:annan@thread.tacv2")
    status, answer = await bot.activity(
        other.invoke(BERTIL, "keep", {"case": case_id}, card_id=card_id)
    )
    assert status == 200
    assert "Bara medlemmar" in answer["value"]


async def test_eight_moderators_at_once_make_exactly_one_decision(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    people = [Person(f"29:m{i}", f"Moderator {i}", f"aad-{i}") for i in range(8)]
    answers = await asyncio.gather(
        *(bot.invoke(p, "remove", {"case": case_id}, card_id) for p in people)
    )
    deciders = {str(a["value"]).split("beslutat av ")[1].split(" ")[1] for a in answers}
    assert len(deciders) == 1
    assert sum("redan avgjort" in str(a["value"]) for a in answers) == 7
    assert all("SM-2026-0001" in str(a["value"]) for a in answers)


def _facts(answer: dict) -> list[dict]:
    return [
        fact
        for element in answer["value"]["body"]
        if element["type"] == "FactSet"
        for fact in element["facts"]
    ]


async def test_kanslienheten_can_be_set_by_configuration(
    tmp_path: Path, connector: FakeBotConnector, clock: MovingClock
) -> None:
    settings = make_settings(
        tmp_path,
        free_port(),
        kansli_conversation_id="19:kansli-konfig@thread.tacv2",
        kansli_service_url=connector.url,
    )
    runner = await start_bot(settings, clock)
    async with aiohttp.ClientSession() as http:
        bot = RunningBot(
            f"http://127.0.0.1:{settings.port}",
            http,
            connector,
            Channel(service_url=connector.url),
            clock,
            settings,
            runner,
        )
        await bot.link_hjo()
        case_id, card_id = await bot.flagged_card(flag())
        await bot.invoke(ANNA, "synpunkt", {"case": case_id}, card_id)
        await connector.wait_for(
            lambda: any(
                c.conversation_id == "19:kansli-konfig@thread.tacv2" for c in connector.sent
            )
        )
    await runner.cleanup()


async def test_a_flag_without_category_gets_the_screenings_suggestion_and_reason(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    await bot.flagged_card(flag(text="Du är en idiot!", category=None, reason=None))
    facts = {
        fact["title"]: fact["value"]
        for element in bot.connector.cards()[-1]["body"]
        if element["type"] == "FactSet"
        for fact in element["facts"]
    }
    assert facts["Föreslagen kategori"] == "Förtal, personangrepp eller förolämpning"
    assert facts["Skäl"] == 'innehåller "idiot" (fortal.txt)'
