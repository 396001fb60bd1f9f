"""YouTube has no webhooks: the polling job reads each connected channel's new comment
threads page by page, keeps every comment, screens the external ones, stays within its share
of the quota, and goes on where it stopped."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.app import SCHEDULER
from scheduler.jobs import YOUTUBE_POLL
from storage.models import Comment, FlaggedCase
from tests.conftest import MovingClock, RunningBot, free_port, make_settings, running_bot
from tests.e2e.conftest import YOUTUBE_TOKEN
from tests.e2e.platform_helpers import processed, rows
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.youtube import FakeYouTube
from tests.teams import ANNA

CHANNEL = "UCabcdefghijklmnopqrstuv"
MORNING = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
async def bot(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    youtube: FakeYouTube,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> AsyncIterator[RunningBot]:
    monkeypatch.setenv("MODBOT_YOUTUBE_TOKEN", YOUTUBE_TOKEN)
    settings = make_settings(
        tmp_path,
        free_port(),
        youtube_api_url=youtube.base_url,
        youtube_units_per_day=getattr(request, "param", 5000),
    )
    async with running_bot(settings, connector, clock) as running:
        await running.say(ANNA, 'koppla youtube "Hjo kommun" https://www.youtube.com/@hjokommun')
        await running.say(ANNA, f'anslut youtube "Hjo kommun" {CHANNEL} env:MODBOT_YOUTUBE_TOKEN')
        yield running


def add_comments(youtube: FakeYouTube, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        youtube.add_comment(
            f"Ugw-{n}",
            channel=CHANNEL,
            text=f"Fin film nummer {n}",
            author=f"Tittare {n}",
            published=datetime(2026, 11, 20, 8, 0) + timedelta(minutes=n),
        )


async def poll(bot: RunningBot, at: datetime = MORNING) -> int:
    bot.clock.set(at)
    return await bot.runner.app[SCHEDULER].run_now(YOUTUBE_POLL, at)


async def test_new_comment_threads_are_read_page_by_page_and_screened(
    bot: RunningBot, youtube: FakeYouTube
) -> None:
    add_comments(youtube, 249)
    youtube.add_comment(
        "Ugw-bad", channel=CHANNEL, text="Ring mig på 070-123 45 67, idiot", author="Troll"
    )
    assert await poll(bot) == 3
    assert [q.get("pageToken") for q in youtube.lists] == [None, "100", "200"]
    assert all(q["allThreadsRelatedToChannelId"] == CHANNEL for q in youtube.lists)
    await processed(bot, 3)
    comments = rows(bot, Comment)
    assert len(comments) == 250
    assert {c.origin for c in comments} == {"extern"}
    [case] = rows(bot, FlaggedCase)
    assert case.platform_comment_id == "Ugw-bad"
    assert "telefonnummer" in (case.reason or "")
    assert case.permalink.endswith("&lc=Ugw-bad")


async def test_the_next_run_reads_only_what_is_new(bot: RunningBot, youtube: FakeYouTube) -> None:
    add_comments(youtube, 150)
    assert await poll(bot) == 2
    add_comments(youtube, 3, start=150)
    youtube.lists.clear()
    assert await poll(bot, MORNING + timedelta(minutes=5)) == 1
    assert [q.get("pageToken") for q in youtube.lists] == [None]
    await processed(bot, 3)
    assert len(rows(bot, Comment)) == 153


@pytest.mark.parametrize("bot", [2], indirect=True)
async def test_polling_stops_at_its_quota_share_and_resumes_where_it_stopped(
    bot: RunningBot, youtube: FakeYouTube
) -> None:
    add_comments(youtube, 250)
    assert await poll(bot) == 2
    assert await poll(bot, MORNING + timedelta(hours=1)) == 0
    assert len(youtube.lists) == 2
    next_quota_day = MORNING + timedelta(days=1)
    assert await poll(bot, next_quota_day) == 1
    assert youtube.lists[-1].get("pageToken") == "200"
    await processed(bot, 3)
    assert len(rows(bot, Comment)) == 250


async def test_quota_exceeded_at_youtube_spends_the_rest_of_the_day(
    bot: RunningBot, youtube: FakeYouTube
) -> None:
    add_comments(youtube, 5)
    youtube.quota = 0
    assert await poll(bot) == 0
    youtube.quota = 100
    assert await poll(bot, MORNING + timedelta(hours=2)) == 0
    assert len(youtube.lists) == 1
    assert await poll(bot, MORNING + timedelta(days=1)) == 1


async def test_a_failing_page_keeps_the_cursor_and_loses_nothing(
    bot: RunningBot, youtube: FakeYouTube
) -> None:
    add_comments(youtube, 150)
    youtube.failures.append(503)
    assert await poll(bot) == 0
    assert await poll(bot, MORNING + timedelta(minutes=5)) == 2
    await processed(bot, 2)
    assert len(rows(bot, Comment)) == 150
