"""Section 3: the channel names each account's responsible officer and manager."""

from tests.conftest import RunningBot
from tests.teams import ANNA, BERTIL, KARIN, Channel, flag


async def test_officer_and_manager_are_named_with_a_mention(bot: RunningBot) -> None:
    await bot.link_hjo()
    assert "Anna Moderator är nu ansvarig" in await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    assert "Karin Kansli är nu chef för Hjo kommun" in await bot.say(
        ANNA, "chef", mentions=(KARIN,)
    )
    listing = await bot.say(ANNA, "konton")
    assert "ansvarig: Anna Moderator, chef: Karin Kansli" in listing


async def test_a_role_without_exactly_one_mention_explains_itself(bot: RunningBot) -> None:
    await bot.link_hjo()
    assert "nämn en person med @" in await bot.say(ANNA, "ansvarig")
    assert "nämn en person med @" in await bot.say(ANNA, "chef", mentions=(ANNA, BERTIL))


async def test_a_role_in_a_channel_without_an_account_is_refused(bot: RunningBot) -> None:
    other = Channel(service_url=bot.connector.url, channel_id="19:tom@thread.tacv2")
    reply = await bot.say(ANNA, "ansvarig", other, mentions=(BERTIL,))
    assert "inget kopplat konto" in reply


async def test_accounts_without_roles_say_so(bot: RunningBot) -> None:
    await bot.link_hjo()
    assert "ansvarig: ingen utsedd, chef: ingen utsedd" in await bot.say(ANNA, "konton")


async def test_an_officer_who_leaves_the_team_no_longer_holds_the_account(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    status, _ = await bot.activity(bot.channel.member_left(ANNA))
    assert status in (200, 201)
    await bot.connector.wait_for(
        lambda: any("Anna Moderator är inte längre" in text for text in bot.connector.texts())
    )
    assert "ansvarig: ingen utsedd" in await bot.say(BERTIL, "konton")


async def test_when_the_officer_leaves_the_manager_decides_not_the_channel(
    bot: RunningBot,
) -> None:
    strategist = Channel(service_url=bot.connector.url, channel_id="19:strateg@thread.tacv2")
    await bot.say(KARIN, "strateg här", strategist)
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.say(BERTIL, "chef", mentions=(KARIN,))
    await bot.activity(bot.channel.member_left(ANNA))
    await bot.connector.wait_for(
        lambda: any(
            call.conversation_id == strategist.channel_id and "Anna Moderator" in str(call.body)
            for call in bot.connector.sent
        )
    )
    case_id, card_id = await bot.flagged_card(flag())
    refused = await bot.invoke(BERTIL, "keep", {"case": case_id}, card_id)
    assert "Bara Karin Kansli (kontots chef)" in str(refused["value"])
    kept = await bot.invoke(KARIN, "keep", {"case": case_id}, card_id)
    assert "Karin Kansli" in str(kept["value"])


async def test_someone_else_leaving_changes_nothing(bot: RunningBot) -> None:
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.activity(bot.channel.member_left(KARIN))
    assert "ansvarig: Anna Moderator" in await bot.say(BERTIL, "konton")


async def test_in_a_channel_with_several_accounts_the_role_names_its_account(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    await bot.say(ANNA, 'koppla instagram "hjokommun" https://www.instagram.com/hjokommun')
    which = await bot.say(BERTIL, "byt ansvarig", mentions=(ANNA,))
    assert '"Hjo kommun"' in which and '"hjokommun"' in which and "vilket" in which
    await bot.say(BERTIL, 'chef "Hjo kommun"', mentions=(KARIN,))
    await bot.say(BERTIL, 'chef "hjokommun"', mentions=(BERTIL,))
    refused = await bot.say(KARIN, 'byt ansvarig "hjokommun"', mentions=(ANNA,))
    assert "Bara Bertil Moderator (kontots chef)" in refused
    done = await bot.say(KARIN, 'byt ansvarig "Hjo kommun"', mentions=(ANNA,))
    assert "Anna Moderator är nu ansvarig tjänsteperson för Hjo kommun" in done
    listing = await bot.say(ANNA, "konton")
    assert "ansvarig: ingen utsedd, chef: Bertil Moderator" in listing


async def test_with_neither_officer_nor_manager_only_the_strategist_decides(
    bot: RunningBot,
) -> None:
    strategist = Channel(service_url=bot.connector.url, channel_id="19:strateg@thread.tacv2")
    await bot.say(KARIN, "strateg här", strategist)
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.activity(bot.channel.member_left(ANNA))
    await bot.connector.wait_for(
        lambda: any("Anna Moderator är inte längre" in text for text in bot.connector.texts())
    )
    case_id, card_id = await bot.flagged_card(flag())
    refused = await bot.invoke(BERTIL, "keep", {"case": case_id}, card_id)
    assert "bara Karin Kansli (kommunikationsstrateg)" in str(refused["value"])
    kept = await bot.invoke(KARIN, "keep", {"case": case_id}, card_id)
    assert "beslutat av Karin Kansli" in str(kept["value"])
