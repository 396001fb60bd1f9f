"""Sections 4 and 5: the half-year archive and culling tasks, from opening to done."""

from datetime import UTC, datetime

from bot.app import SCHEDULER
from scheduler.jobs import HALF_YEAR
from tests.conftest import RunningBot
from tests.schemas import assert_valid_card
from tests.teams import ANNA, BERTIL, KARIN, Channel, Person, personal_message


async def _run(bot: RunningBot, at: datetime) -> int:
    bot.clock.set(at)
    return await bot.runner.app[SCHEDULER].run_now(HALF_YEAR, at)


def _morning(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 7, 30, tzinfo=UTC)  # 08:30 in Stockholm


async def _staffed(bot: RunningBot, officer_chats: bool = False) -> None:
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.say(BERTIL, "chef", mentions=(KARIN,))
    if officer_chats:
        before = len(bot.connector.texts())
        await bot.activity(personal_message(bot.connector.url, ANNA, "hjälp"))
        await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)


def _task_cards(bot: RunningBot) -> list[tuple[str, dict]]:
    return [
        (call.returned_id, attachment["content"])
        for call in bot.connector.sent
        for attachment in call.body.get("attachments", [])
        if attachment["content"]["body"][0]["text"].startswith("Halvårs")
    ]


async def test_archiving_opens_on_the_first_of_december_with_a_card_to_the_officer(
    bot: RunningBot,
) -> None:
    await _staffed(bot, officer_chats=True)
    assert await _run(bot, datetime(2026, 11, 30, 12, 0, tzinfo=UTC)) == 0
    assert await _run(bot, _morning(2026, 12, 1)) == 1
    assert await _run(bot, _morning(2026, 12, 2)) == 0
    await bot.connector.wait_for(lambda: _task_cards(bot))
    call = next(c for c in bot.connector.sent if c.body.get("attachments"))
    assert call.conversation_id == f"a:personal-{ANNA.id}"
    _, card = _task_cards(bot)[0]
    assert_valid_card(card)
    assert card["body"][0]["text"] == "Halvårsarkivering av Hjo kommun"
    assert "PDF" in card["body"][2]["text"] and "kommunarkivet" in card["body"][2]["text"]
    assert await _run(bot, _morning(2026, 12, 15)) == 2  # culling opens; archiving reminded


async def test_arkiverat_needs_a_reference_and_records_who_and_when(bot: RunningBot) -> None:
    await _staffed(bot)
    await _run(bot, _morning(2026, 12, 1))
    await bot.connector.wait_for(lambda: _task_cards(bot))
    card_id, card = _task_cards(bot)[0]
    task = card["actions"][0]["data"]["task"]
    refused = await bot.invoke(ANNA, "duty_done", {"task": task, "reference": " "}, card_id)
    assert "Skriv referensen" in refused["value"]
    done = await bot.invoke(ANNA, "duty_done", {"task": task, "reference": "KS 2026/123"}, card_id)
    assert_valid_card(done["value"])
    assert "Klart: Anna Moderator 2026-12-01 08:30, referens KS 2026/123" in str(done["value"])
    again = await bot.invoke(BERTIL, "duty_done", {"task": task, "reference": "x"}, card_id)
    assert "Klart: Anna Moderator" in str(again["value"])


async def test_only_the_channel_officer_or_manager_can_tick_a_task(bot: RunningBot) -> None:
    await _staffed(bot)
    await _run(bot, _morning(2026, 12, 1))
    await bot.connector.wait_for(lambda: _task_cards(bot))
    card_id, card = _task_cards(bot)[0]
    stranger = Channel(service_url=bot.connector.url, channel_id="19:annan@thread.tacv2")
    outsider = Person("29:olle", "Olle Utomstående", "aad-olle")
    status, answer = await bot.activity(
        stranger.invoke(
            outsider,
            "duty_done",
            {"task": card["actions"][0]["data"]["task"], "reference": "x"},
            card_id=card_id,
        )
    )
    assert status == 200
    assert "Bara kontots kanal" in answer["value"]


async def test_open_tasks_are_reminded_weekly_and_the_manager_told_after_30_days(
    bot: RunningBot,
) -> None:
    await _staffed(bot)
    assert await _run(bot, _morning(2026, 12, 1)) == 1
    assert await _run(bot, _morning(2026, 12, 7)) == 0
    assert await _run(bot, _morning(2026, 12, 8)) == 1
    assert await _run(bot, _morning(2026, 12, 9)) == 0
    before = len(bot.connector.texts())
    assert await _run(bot, _morning(2026, 12, 15)) == 2  # archive reminder + culling opens
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert bot.connector.texts()[before].startswith(
        "<at>Anna Moderator</at>: Halvårsarkivering av Hjo kommun är inte klar"
    )
    assert await _run(bot, datetime(2026, 12, 31, 9, 0, tzinfo=UTC)) == 0  # nyårsafton
    reached = await _run(bot, _morning(2027, 1, 4))
    assert reached == 3  # archive weekly + archive to the manager + culling weekly
    told = "<at>Karin Kansli</at>: Halvårsarkivering av Hjo kommun har varit öppen i 30 dagar"
    await bot.connector.wait_for(lambda: any(t.startswith(told) for t in bot.connector.texts()))


async def test_an_account_linked_after_the_date_waits_for_the_next_period(
    bot: RunningBot,
) -> None:
    bot.clock.set(_morning(2026, 12, 2))
    await _staffed(bot)
    assert await _run(bot, _morning(2026, 12, 3)) == 0
