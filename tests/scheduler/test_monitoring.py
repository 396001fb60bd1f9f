"""Section 3: every vardag a digest, an attestation, and reminders when nobody attests."""

from datetime import UTC, datetime, timedelta

from bot.app import SCHEDULER
from scheduler.jobs import MONITORING
from tests.conftest import RunningBot, start_bot
from tests.schemas import assert_valid_card
from tests.teams import ANNA, BERTIL, KARIN, flag

TUESDAY_0759 = datetime(2026, 12, 1, 6, 59, tzinfo=UTC)  # 07:59 in Stockholm


async def _run(bot: RunningBot, at: datetime) -> int:
    bot.clock.set(at)
    return await bot.runner.app[SCHEDULER].run_now(MONITORING, at)


async def _linked(bot: RunningBot, at: datetime | None = None) -> None:
    """Link the account (at `at`, so earlier vardagar are not its to report)."""
    if at is not None:
        bot.clock.set(at)
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.say(BERTIL, "chef", mentions=(KARIN,))


def _digests(bot: RunningBot) -> list[dict]:
    return [c for c in bot.connector.cards() if c["body"][0]["text"].startswith("Bevakning")]


async def test_the_digest_goes_to_the_channel_once_from_eight_on_a_vardag(
    bot: RunningBot,
) -> None:
    await _linked(bot, TUESDAY_0759 - timedelta(hours=1))
    assert await _run(bot, TUESDAY_0759) == 0
    assert await _run(bot, TUESDAY_0759 + timedelta(minutes=1)) == 1
    assert await _run(bot, TUESDAY_0759 + timedelta(minutes=5)) == 0
    await bot.connector.wait_for(lambda: _digests(bot))
    digest = _digests(bot)[0]
    assert_valid_card(digest)
    assert digest["body"][0]["text"] == "Bevakning 2026-12-01"
    assert digest["actions"][0]["title"] == "Bevakat idag"


async def test_the_digest_lists_open_cases_oldest_first(bot: RunningBot) -> None:
    await _linked(bot)
    await bot.flagged_card(
        flag(author={"id": "2", "name": "Nyare"}, created_at="2026-11-25T09:30:00+01:00")
    )
    await bot.flagged_card(
        flag(author={"id": "1", "name": "Äldre"}, created_at="2026-11-25T08:00:00+01:00")
    )
    await _run(bot, datetime(2026, 11, 26, 7, 0, tzinfo=UTC))
    await bot.connector.wait_for(lambda: _digests(bot))
    lines = [b["text"] for b in _digests(bot)[0]["body"] if "#" in b.get("text", "")]
    assert "Äldre" in lines[0] and "Nyare" in lines[1]


async def test_a_bot_down_at_eight_sends_todays_digest_when_back_and_never_yesterdays(
    bot: RunningBot,
) -> None:
    await _linked(bot)
    wednesday_1030 = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    assert await _run(bot, wednesday_1030) == 2  # Wednesday's digest; Tuesday reported missed
    await bot.connector.wait_for(lambda: _digests(bot))
    assert [d["body"][0]["text"] for d in _digests(bot)] == ["Bevakning 2026-12-02"]


async def test_no_digest_on_julafton(bot: RunningBot) -> None:
    await _linked(bot)
    assert await _run(bot, datetime(2026, 12, 24, 9, 0, tzinfo=UTC)) == 0


async def test_bevakat_idag_records_who_attested_and_the_first_press_counts(
    bot: RunningBot,
) -> None:
    await _linked(bot, TUESDAY_0759 - timedelta(hours=1))
    await _run(bot, TUESDAY_0759 + timedelta(hours=1))
    await bot.connector.wait_for(lambda: _digests(bot))
    digest_id = next(c.returned_id for c in bot.connector.sent if c.body.get("attachments"))
    answer = await bot.invoke(ANNA, "attest_monitoring", {"day": "2026-12-01"}, digest_id)
    assert_valid_card(answer["value"])
    assert "Bevakat av Anna Moderator 2026-12-01 08:59" in str(answer["value"])
    assert [a["title"] for a in answer["value"]["actions"]] == ["Publicerat idag"]
    again = await bot.invoke(BERTIL, "attest_monitoring", {"day": "2026-12-01"}, digest_id)
    assert "Bevakat av Anna Moderator" in str(again["value"])
    await bot.connector.wait_for(
        lambda: any("bekräftade" in text for text in bot.connector.texts())
    )


async def test_only_todays_monitoring_can_be_attested(bot: RunningBot) -> None:
    await _linked(bot, TUESDAY_0759 - timedelta(hours=1))
    bot.clock.set(TUESDAY_0759 + timedelta(hours=2))
    answer = await bot.invoke(ANNA, "attest_monitoring", {"day": "2026-11-30"}, "digest")
    assert answer["value"] == "Det går bara att bekräfta dagens bevakning."


async def test_no_attestation_by_one_o_clock_reminds_the_officer_once(bot: RunningBot) -> None:
    await _linked(bot, TUESDAY_0759 - timedelta(hours=1))
    await _run(bot, TUESDAY_0759 + timedelta(minutes=1))
    before = len(bot.connector.texts())
    assert await _run(bot, datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) == 1
    assert await _run(bot, datetime(2026, 12, 1, 12, 30, tzinfo=UTC)) == 0
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    reminder = bot.connector.texts()[before]
    assert reminder.startswith("<at>Anna Moderator</at>: ingen har bekräftat dagens bevakning")


async def test_an_attested_day_needs_no_reminder(bot: RunningBot) -> None:
    await _linked(bot, TUESDAY_0759 - timedelta(hours=1))
    bot.clock.set(TUESDAY_0759 + timedelta(hours=1))
    await bot.invoke(ANNA, "attest_monitoring", {"day": "2026-12-01"}, "digest")
    assert await _run(bot, datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) == 1  # only the digest


async def test_a_friday_without_attestation_reaches_the_manager_on_monday_morning(
    bot: RunningBot,
) -> None:
    await _linked(bot)
    monday_0800 = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    before = len(bot.connector.texts())
    assert await _run(bot, monday_0800) == 2  # Monday's digest and Friday's report
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    report = bot.connector.texts()[before]
    assert report.startswith(
        "<at>Karin Kansli</at>: bevakningen av Hjo kommun bekräftades inte 2026-11-27"
    )
    assert "Ansvarig tjänsteperson: Anna Moderator" in report


async def test_the_digest_follows_summer_time_after_the_march_night(bot: RunningBot) -> None:
    await _linked(bot)
    assert await _run(bot, datetime(2026, 3, 30, 5, 59, tzinfo=UTC)) == 0
    assert await _run(bot, datetime(2026, 3, 30, 6, 0, tzinfo=UTC)) >= 1


async def test_no_digest_on_trettondagen_or_midsommarafton(bot: RunningBot) -> None:
    await _linked(bot, datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
    assert await _run(bot, datetime(2026, 6, 19, 9, 0, tzinfo=UTC)) == 0
    assert await _run(bot, datetime(2027, 1, 6, 9, 0, tzinfo=UTC)) == 0


async def test_the_digest_follows_winter_time_after_the_october_night(bot: RunningBot) -> None:
    await _linked(bot, datetime(2026, 10, 25, 12, 0, tzinfo=UTC))
    assert await _run(bot, datetime(2026, 10, 26, 6, 59, tzinfo=UTC)) == 0
    assert await _run(bot, datetime(2026, 10, 26, 7, 0, tzinfo=UTC)) == 1


async def test_a_restart_in_the_middle_of_the_day_sends_nothing_twice(
    bot: RunningBot,
) -> None:
    await _linked(bot, TUESDAY_0759 - timedelta(hours=1))
    assert await _run(bot, TUESDAY_0759 + timedelta(minutes=1)) == 1
    await bot.runner.cleanup()
    bot.runner = await start_bot(bot.settings, bot.clock)
    assert await _run(bot, datetime(2026, 12, 1, 9, 0, tzinfo=UTC)) == 0
    assert await _run(bot, datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) == 1  # the 13:00 reminder
