"""Section 3: weekly updates, and an officer for every account."""

from datetime import UTC, datetime

from bot.app import SCHEDULER
from scheduler.jobs import UPKEEP
from tests.conftest import RunningBot
from tests.teams import ANNA, BERTIL, KARIN


async def _run(bot: RunningBot, at: datetime) -> int:
    bot.clock.set(at)
    return await bot.runner.app[SCHEDULER].run_now(UPKEEP, at)


def _morning(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 7, 30, tzinfo=UTC)  # 08:30 in Stockholm


async def _staffed(bot: RunningBot) -> None:
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.say(BERTIL, "chef", mentions=(KARIN,))


async def test_publicerat_records_that_the_accounts_were_updated(bot: RunningBot) -> None:
    await _staffed(bot)
    assert "Noterat: Hjo kommun uppdaterades 2026-11-25" in await bot.say(ANNA, "publicerat")


async def test_a_silent_week_nudges_the_officer_and_two_weeks_the_manager(
    bot: RunningBot,
) -> None:
    await _staffed(bot)
    assert await _run(bot, _morning(12, 2)) == 0
    before = len(bot.connector.texts())
    assert await _run(bot, _morning(12, 3)) == 1
    assert await _run(bot, _morning(12, 4)) == 0
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert bot.connector.texts()[before].startswith("<at>Anna Moderator</at>: Hjo kommun har inte")
    before = len(bot.connector.texts())
    assert await _run(bot, _morning(12, 10)) == 1
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert bot.connector.texts()[before].startswith("<at>Karin Kansli</at>: Hjo kommun har inte")


async def test_publishing_starts_a_new_week(bot: RunningBot) -> None:
    await _staffed(bot)
    bot.clock.set(_morning(12, 1))
    await bot.say(ANNA, "publicerat")
    assert await _run(bot, _morning(12, 3)) == 0
    assert await _run(bot, _morning(12, 9)) == 1


async def test_an_account_without_officer_is_reported_every_vardag_until_fixed(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    await bot.say(BERTIL, "chef", mentions=(KARIN,))
    assert await _run(bot, _morning(11, 26)) == 1
    assert await _run(bot, _morning(11, 26)) == 0
    assert await _run(bot, datetime(2026, 11, 28, 9, 0, tzinfo=UTC)) == 0  # Saturday
    assert await _run(bot, _morning(11, 30)) == 1
    await bot.say(KARIN, "byt ansvarig", mentions=(ANNA,))
    assert await _run(bot, _morning(12, 1)) == 0


async def test_the_digest_button_records_a_publication_too(bot: RunningBot) -> None:
    await _staffed(bot)
    bot.clock.set(_morning(12, 1))
    answer = await bot.invoke(ANNA, "record_published", {}, "digest")
    assert answer["value"] == "Noterat: Hjo kommun uppdaterades 2026-12-01 08:30."
    assert await _run(bot, _morning(12, 3)) == 0


async def test_the_manager_hears_every_week_until_the_account_is_updated(
    bot: RunningBot,
) -> None:
    await _staffed(bot)
    assert await _run(bot, _morning(12, 3)) == 1
    assert await _run(bot, _morning(12, 10)) == 1
    assert await _run(bot, _morning(12, 11)) == 0
    assert await _run(bot, _morning(12, 17)) == 1
    assert await _run(bot, _morning(12, 28)) == 1
    bot.clock.set(_morning(12, 29))
    await bot.say(ANNA, "publicerat")
    assert await _run(bot, datetime(2026, 12, 30, 7, 30, tzinfo=UTC)) == 0


async def test_a_new_account_gets_an_hour_before_its_missing_officer_is_reported(
    bot: RunningBot,
) -> None:
    bot.clock.set(datetime(2026, 11, 26, 8, 0, tzinfo=UTC))
    await bot.link_hjo()
    assert await _run(bot, datetime(2026, 11, 26, 8, 1, tzinfo=UTC)) == 0
    assert await _run(bot, datetime(2026, 11, 26, 9, 5, tzinfo=UTC)) == 1


async def test_a_reminder_without_an_officer_reads_as_a_sentence(bot: RunningBot) -> None:
    await bot.link_hjo()
    await bot.say(BERTIL, "chef", mentions=(KARIN,))
    before = len(bot.connector.texts())
    assert await _run(bot, _morning(12, 3)) == 2
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) >= before + 2)
    told = [t for t in bot.connector.texts()[before:] if "har inte uppdaterats" in t]
    assert told[0].startswith("Ingen ansvarig tjänsteperson är utsedd")
    assert "så det här går till alla i kanalen: Hjo kommun har inte uppdaterats" in told[0]
