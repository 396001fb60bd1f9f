"""Routine 2 and 2.1: a manager registers a new account with `nytt konto`, one question at a
time through /api/messages; bad answers are asked again with the reason, `avbryt` cancels,
and a restart in the middle loses nothing."""

import aiohttp
from sqlmodel import select

from storage.db import Database, make_engine
from storage.models import Account
from tests.conftest import RunningBot, start_bot
from tests.e2e.registry_helpers import (
    ANSWERS_BEFORE_PEOPLE,
    MARIA,
    STINA,
    ask,
    posted_in,
    register,
    strategist_channel,
)
from tests.schemas import assert_valid_card
from tests.teams import ANNA, BERTIL


def _accounts(bot: RunningBot) -> list[Account]:
    database = Database(make_engine(bot.settings.database_url))
    with database.session() as session:
        accounts = list(session.exec(select(Account)))
    database.engine.dispose()
    return accounts


async def test_a_manager_registers_an_account_and_the_strategist_is_told(bot: RunningBot) -> None:
    strategist = strategist_channel(bot)
    assert "0 registrering" in await ask(bot, STINA, "strateg här", channel=strategist)
    intro = await ask(bot, MARIA, "nytt konto")
    assert "avbryt" in intro and "1/9" in intro
    assert "2/9" in await ask(bot, MARIA, "facebook")
    question = ""
    for answer in ANSWERS_BEFORE_PEOPLE[1:]:
        question = await ask(bot, MARIA, answer)
    assert "7/9" in question
    manager_question = await ask(bot, MARIA, "", mentions=(ANNA,))
    assert "8/9" in manager_question and "Microsoft Graph" in manager_question
    assert "9/9" in await ask(bot, MARIA, "", mentions=(MARIA,))
    confirm = await ask(bot, MARIA, "bibliotek@hjo.se")
    assert "Stämmer det här?" in confirm
    assert "Hjo Bibliotek" in confirm and "Anna Moderator" in confirm and "Maria Chef" in confirm
    done = await ask(bot, MARIA, "ja")
    assert "är registrerat" in done
    assert "strategen har inte fått veta" not in done

    [account] = _accounts(bot)
    assert (account.platform, account.name, account.unit) == (
        "facebook",
        "Hjo Bibliotek",
        "Kultur och fritid, biblioteket",
    )
    assert account.channel_conversation_id == bot.channel.channel_id
    await bot.connector.wait_for(lambda: posted_in(bot, strategist.channel_id))
    notice = posted_in(bot, strategist.channel_id)[-1]["text"]
    for fact in (
        "Hjo Bibliotek",
        "https://www.facebook.com/hjobibliotek",
        "Tipsa om evenemang",
        "Kommuninvånare i alla åldrar",
        "Anna Moderator",
        "Maria Chef",
        "bibliotek@hjo.se",
    ):
        assert fact in notice
    await bot.connector.wait_for(
        lambda: any(c.get("attachments") for c in posted_in(bot, bot.channel.channel_id))
    )
    card = next(
        c["attachments"][0]["content"]
        for c in posted_in(bot, bot.channel.channel_id)
        if c.get("attachments")
    )
    assert_valid_card(card)
    shown = str(card)
    assert "Checklista nytt konto" in shown
    assert "7 punkt(er) återstår" in shown  # the strategist item is ticked by the bot
    listed = await ask(bot, BERTIL, "konton")
    assert "checklistan: 7 punkt(er) kvar" in listed


async def test_bad_answers_are_asked_again_with_the_reason(bot: RunningBot) -> None:
    await ask(bot, MARIA, "nytt konto")
    again = await ask(bot, MARIA, "myspace")
    assert "ingen plattform jag känner till" in again and "1/9" in again
    await ask(bot, MARIA, "instagram")
    await ask(bot, MARIA, "Hjo Turism")
    wrong_site = await ask(bot, MARIA, "https://www.facebook.com/hjoturism")
    assert "går inte till Instagram" in wrong_site and "3/9" in wrong_site
    not_a_link = await ask(bot, MARIA, "ingen länk här")
    assert "ingen giltig länk" in not_a_link
    assert "4/9" in await ask(bot, MARIA, "instagram.com/hjoturism")
    await ask(bot, MARIA, "Turistbyrån")
    assert "mellan 3 och 1000 tecken" in await ask(bot, MARIA, "x")
    await ask(bot, MARIA, "Locka besökare")
    await ask(bot, MARIA, "Turister")
    assert "exakt en person" in await ask(bot, MARIA, "Anna")
    await ask(bot, MARIA, "", mentions=(ANNA,))
    assert "annan person än ansvarig" in await ask(bot, MARIA, "", mentions=(ANNA,))
    await ask(bot, MARIA, "", mentions=(MARIA,))
    assert "e-postadress eller ett telefonnummer" in await ask(bot, MARIA, "ring oss")
    confirm = await ask(bot, MARIA, "-")
    assert "Kontakt i förteckningen: 0503-350 00" in confirm
    assert "instagram.com/hjoturism" in confirm
    assert "behöver ett `ja`" in await ask(bot, MARIA, "kanske")
    assert "är registrerat" in await ask(bot, MARIA, "ja")


async def test_cancel_saves_nothing(bot: RunningBot) -> None:
    await ask(bot, MARIA, "nytt konto")
    await ask(bot, MARIA, "youtube")
    assert "Inget konto har sparats" in await ask(bot, MARIA, "avbryt")
    assert _accounts(bot) == []
    assert "känner jag inte igen" in await ask(bot, MARIA, "Hjo kanalen")


async def test_the_dialog_resumes_after_a_restart(bot: RunningBot) -> None:
    await ask(bot, MARIA, "nytt konto")
    await ask(bot, MARIA, "facebook")
    await ask(bot, MARIA, "Hjo Bibliotek")
    await bot.runner.cleanup()
    bot.runner = await start_bot(bot.settings, bot.clock)
    async with aiohttp.ClientSession() as http:
        bot.http = http
        assert "4/9" in await ask(bot, MARIA, "https://www.facebook.com/hjobibliotek")
        resumed = await ask(bot, MARIA, "nytt konto")
        assert "fortsätter där du var" in resumed and "4/9" in resumed
        for answer in ANSWERS_BEFORE_PEOPLE[3:]:
            await ask(bot, MARIA, answer)
        await ask(bot, MARIA, "", mentions=(ANNA,))
        await ask(bot, MARIA, "", mentions=(MARIA,))
        await ask(bot, MARIA, "-")
        assert "är registrerat" in await ask(bot, MARIA, "ja")
    assert [a.name for a in _accounts(bot)] == ["Hjo Bibliotek"]


async def test_without_a_strategist_channel_the_registration_says_so_and_tells_later(
    bot: RunningBot,
) -> None:
    done = await register(bot, MARIA, ANNA)
    assert "strategen har inte fått veta" in done
    strategist = strategist_channel(bot)
    assert "1 registrering" in await ask(bot, STINA, "strateg här", channel=strategist)
    notices = [body["text"] for body in posted_in(bot, strategist.channel_id)]
    assert any("Nytt konto i sociala medier" in text for text in notices)


async def test_a_second_account_with_the_same_name_is_refused(bot: RunningBot) -> None:
    await register(bot, MARIA, ANNA)
    await ask(bot, MARIA, "nytt konto")
    await ask(bot, MARIA, "facebook")
    refused = await ask(bot, MARIA, "hjo  bibliotek")
    assert "finns redan ett konto som heter" in refused and "2/9" in refused


async def test_a_command_during_a_registration_is_not_taken_as_an_answer(
    bot: RunningBot,
) -> None:
    await ask(bot, MARIA, "nytt konto")
    asked = await ask(bot, MARIA, "instagram")
    assert "2/9" in asked
    said = await ask(bot, MARIA, "väntande")
    assert "registrering" in said and "avbryt" in said and "2/9" in said
    assert "3/9" in await ask(bot, MARIA, "Hjo kommun på Instagram")
    link_question = await ask(bot, MARIA, "hjälp")
    assert "https://www.instagram.com/" in link_question and "facebook" not in link_question
    assert "4/9" in await ask(bot, MARIA, "https://www.instagram.com/hjokommun")
    assert "5/9" in await ask(bot, MARIA, "Hjälp och stöd")
