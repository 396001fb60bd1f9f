"""Section 6: *Ta bort* on a connected account removes the comment on the platform, after the
evidence is on record, and keeps what the platform answered. A refusal or an unreachable
platform leaves the case open with the reason on the card, and the press can be repeated."""

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from storage.models import AuditEvent, Decision
from tests.conftest import MovingClock, RunningBot, free_port, make_settings, running_bot
from tests.e2e.conftest import PAGE_TOKEN, YOUTUBE_TOKEN
from tests.e2e.platform_helpers import rows
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.meta_graph import FakeMetaGraph
from tests.fakes.youtube import FakeYouTube
from tests.teams import ANNA, flag

CHANNEL = "UCabcdefghijklmnopqrstuv"


@pytest.fixture
async def bot(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    meta_graph: FakeMetaGraph,
    youtube: FakeYouTube,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[RunningBot]:
    monkeypatch.setenv("MODBOT_TOKEN_HJO", PAGE_TOKEN)
    token_file = tmp_path / "youtube-token"
    token_file.write_text(YOUTUBE_TOKEN + "\n")
    settings = make_settings(
        tmp_path,
        free_port(),
        meta_graph_url=meta_graph.base_url,
        youtube_api_url=youtube.base_url,
    )
    async with running_bot(settings, connector, clock) as started:
        await started.link_hjo()
        await started.say(ANNA, 'anslut facebook "Hjo kommun" 10159 env:MODBOT_TOKEN_HJO')
        await started.say(ANNA, 'koppla youtube "Hjo kommun" https://www.youtube.com/@hjokommun')
        await started.say(ANNA, f'anslut youtube "Hjo kommun" {CHANNEL} file:{token_file}')
        yield started


def records(bot: RunningBot) -> tuple[Decision, list[str]]:
    [decision] = rows(bot, Decision)
    return decision, [event.action for event in rows(bot, AuditEvent)]


def shown(answer: dict[str, Any]) -> str:
    return str(answer["value"])


async def test_remove_deletes_the_comment_on_facebook_after_the_evidence_is_saved(
    bot: RunningBot, meta_graph: FakeMetaGraph
) -> None:
    body = flag()
    meta_graph.comments.add(body["comment_id"])
    case_id, card_id = await bot.flagged_card(body)
    answer = await bot.invoke(ANNA, "remove", {"case": case_id, "category": "fortal"}, card_id)
    assert meta_graph.calls == [("DELETE", body["comment_id"], f"Bearer {PAGE_TOKEN}")]
    assert body["comment_id"] not in meta_graph.comments
    assert "Borttagen på Facebook 2026-11-25" in shown(answer)
    assert "SM-2026-0001" in shown(answer)
    decision, actions = records(bot)
    assert decision.removed_on_platform_at is not None
    assert decision.platform_answer == '{"success": true}'
    assert actions.index("screenshot_saved") < actions.index("decided_remove")
    assert actions[-1] == "removed_on_platform"
    assert PAGE_TOKEN not in str(bot.connector.sent)


async def test_a_slow_platform_does_not_hold_the_teams_turn_and_the_card_follows(
    bot: RunningBot, meta_graph: FakeMetaGraph
) -> None:
    body = flag()
    meta_graph.comments.add(body["comment_id"])
    meta_graph.delay_seconds = 3.0
    case_id, card_id = await bot.flagged_card(body)
    answer = await bot.invoke(ANNA, "remove", {"case": case_id, "category": "fortal"}, card_id)
    assert "Tar bort kommentaren på plattformen" in shown(answer)
    assert "SM-2026-0001" in shown(answer)
    await bot.connector.wait_for(
        lambda: any("Borttagen på Facebook" in str(u.body) for u in bot.connector.updates)
    )
    decision, actions = records(bot)
    assert decision.removed_on_platform_at is not None
    assert actions[-1] == "removed_on_platform"


async def test_a_refusal_keeps_the_case_open_with_the_reason_and_a_retry_removes_it(
    bot: RunningBot, meta_graph: FakeMetaGraph
) -> None:
    body = flag()
    meta_graph.comments.add(body["comment_id"])
    meta_graph.fail_next(400, "(#200) Permissions error", code=200)
    case_id, card_id = await bot.flagged_card(body)
    refused = await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
    assert "Facebook tog inte bort kommentaren" in shown(refused)
    assert "(#200) Permissions error" in shown(refused)
    assert "remove_on_platform" in shown(refused)
    decision, actions = records(bot)
    assert decision.removed_on_platform_at is None
    assert actions[-1] == "platform_removal_failed"
    retried = await bot.invoke(ANNA, "remove_on_platform", {"case": case_id}, card_id)
    assert "Borttagen på Facebook" in shown(retried)
    assert "tog inte bort" not in shown(retried)
    assert len(meta_graph.calls) == 2


async def test_an_unreachable_platform_marks_nothing_removed(
    bot: RunningBot, meta_graph: FakeMetaGraph
) -> None:
    body = flag()
    meta_graph.comments.add(body["comment_id"])
    meta_graph.down = True
    case_id, card_id = await bot.flagged_card(body)
    answer = await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
    meta_graph.down = False
    assert "Facebook gick inte att nå" in shown(answer)
    assert "Inget är borttaget" in shown(answer)
    decision, _ = records(bot)
    assert decision.removed_on_platform_at is None
    assert decision.platform_error_kind == "unreachable"
    assert body["comment_id"] in meta_graph.comments


async def test_a_comment_already_gone_is_not_marked_removed_by_the_bot(
    bot: RunningBot, meta_graph: FakeMetaGraph
) -> None:
    case_id, card_id = await bot.flagged_card(flag())
    answer = await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
    assert "does not exist" in shown(answer)
    confirmed = await bot.invoke(ANNA, "confirm_removed", {"case": case_id}, card_id)
    assert "Borttagen på plattformen" in shown(confirmed)
    decision, _ = records(bot)
    assert decision.platform_answer is None and decision.removal_confirmed_by_name


async def test_remove_rejects_the_comment_on_youtube(bot: RunningBot, youtube: FakeYouTube) -> None:
    youtube.add_comment("Ugw-comment-1", channel=CHANNEL, text="Idiot", author="Troll")
    body = flag(
        platform="youtube",
        comment_id="Ugw-comment-1",
        permalink="https://www.youtube.com/watch?v=abc&lc=Ugw-comment-1",
    )
    case_id, card_id = await bot.flagged_card(body)
    answer = await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
    assert "Borttagen på YouTube" in shown(answer)
    assert youtube.moderation == [("Ugw-comment-1", "rejected", f"Bearer {YOUTUBE_TOKEN}")]


async def test_an_account_that_is_not_connected_is_removed_by_hand(
    bot: RunningBot, meta_graph: FakeMetaGraph
) -> None:
    await bot.say(ANNA, 'koppla instagram "hjokommun" https://www.instagram.com/hjokommun')
    case_id, card_id = await bot.flagged_card(flag(platform="instagram", account="hjokommun"))
    answer = await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
    assert "Ta bort kommentaren på Instagram och tryck sedan" in shown(answer)
    assert "remove_on_platform" not in shown(answer)
    assert meta_graph.calls == []


async def test_a_removal_on_the_platform_after_48_hours_is_marked_late(
    bot: RunningBot, meta_graph: FakeMetaGraph
) -> None:
    body = flag(created_at="2026-11-25T08:00:00+01:00")
    meta_graph.comments.add(body["comment_id"])
    case_id, card_id = await bot.flagged_card(body)
    bot.clock.advance(timedelta(hours=50))
    answer = await bot.invoke(ANNA, "remove", {"case": case_id}, card_id)
    assert "Borttagen på Facebook" in shown(answer)
    assert "SENT: borttagen efter 48-timmarsgränsen" in shown(answer)
