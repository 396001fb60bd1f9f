"""Section 8.1: authors of comments without a case are pseudonymised after the retention
period; a data-subject request finds everything stored about an author id, and exports it."""

import json
from datetime import timedelta

from bot.app import SCHEDULER
from scheduler.jobs import PERSONAL_DATA
from storage.models import AuditEvent, Comment, FlaggedCase, InboundEvent
from tests.conftest import RunningBot
from tests.e2e.platform_helpers import PAGE, rows
from tests.e2e.records.helpers import month_of_records
from tests.teams import ANNA, KARIN, Channel


async def _export(bot: RunningBot, kansli: Channel, author_id: str) -> tuple[str, dict]:
    reply = await bot.say(KARIN, f"personuppgifter {author_id}", kansli)
    url = reply.split("](", 1)[1].split(")", 1)[0]
    async with bot.http.get(url) as response:
        assert response.status == 200
        return reply, json.loads(await response.read())


async def test_a_data_subject_request_lists_comments_edits_and_cases(bot: RunningBot) -> None:
    await month_of_records(bot)
    kansli = Channel(service_url=bot.connector.url, channel_id="19:kansli@thread.tacv2")
    await bot.say(KARIN, "kansli här", kansli)
    assert "kanslienhetens kanal" in await bot.say(ANNA, "personuppgifter fb-11")

    reply, found = await _export(bot, kansli, "fb-11")
    assert "1 kommentarer och 1 ärenden" in reply
    [case] = found["cases"]
    assert case["diarium_number"] == "SM-2026-0001" and case["evidence_files"]
    assert found["comments"][0]["text"] == "Ring mig på 070-123 45 67, idiot"

    _, found = await _export(bot, kansli, "fb-77")
    [comment] = found["comments"]
    assert comment["earlier_texts"] == ["Vad bra, när stänger den?"]
    assert found["notifications_kept"] == 2
    assert any(e.action == "personal_data_exported" for e in rows(bot, AuditEvent))
    assert not any("fb-77" in e.detail for e in rows(bot, AuditEvent) if "personal" in e.action)


async def test_authors_without_a_case_are_pseudonymised_after_the_retention_period(
    bot: RunningBot,
) -> None:
    await month_of_records(bot)
    scheduler = bot.runner.app[SCHEDULER]
    await scheduler.run_now(PERSONAL_DATA, bot.clock())
    assert {c.author_name for c in rows(bot, Comment)} >= {"Sven Svensson", "Troll"}

    later = bot.clock() + timedelta(days=181)
    bot.clock.set(later)
    await scheduler.run_now(PERSONAL_DATA, later)
    by_id = {c.platform_comment_id: c for c in rows(bot, Comment)}
    sven = by_id[f"{PAGE}_1_1"]
    assert sven.author_id.startswith("pseudonym-") and sven.author_name == sven.author_id
    assert by_id[f"{PAGE}_1_2"].author_name == "Hjo kommun"
    assert by_id[f"{PAGE}_1_5"].author_name == "Troll"
    assert rows(bot, FlaggedCase)[0].author_name == "Troll"
    assert rows(bot, InboundEvent) == []
    assert not any("Sven Svensson" in c.author_name for c in rows(bot, Comment))

    kansli = Channel(service_url=bot.connector.url, channel_id="19:kansli@thread.tacv2")
    await bot.say(KARIN, "kansli här", kansli)
    _, found = await _export(bot, kansli, "fb-77")
    [comment] = found["comments"]
    assert comment["pseudonymised"] and comment["name_stored"] == sven.author_id
