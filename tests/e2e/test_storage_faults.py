"""An evidence disk that is full or read-only fails cleanly (issue "Edge", item 5): flags are
refused with a 503 in JSON and Retry-After, no case is kept without its evidence, no temporary
file is left, the account's channel hears it once, and once the disk takes files again the
same flags become cases and every card goes out, the postponed screenshots' too.

The evidence folder is a real tiny filesystem (tests.small_disk), filled up or remounted
read-only while the bot runs on loopback; nothing in the bot is patched to fail. The only
setting changed is how soon the screenshot worker tries again after a refused picture."""

import asyncio
import hashlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from services import capture
from tests.conftest import MovingClock, RunningBot, free_port, make_settings, running_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.small_disk import SmallDisk, small_disk
from tests.teams import flag

TOLD = "kan inte spara bevis"
"""From the channel notice (texts: evidence_unwritable)."""
RETRY_SECONDS = 0.3


@pytest.fixture
async def disk(tmp_path: Path) -> AsyncIterator[SmallDisk]:
    with small_disk(tmp_path / "evidence") as mounted:
        yield mounted


@pytest.fixture
async def bot_on_disk(
    tmp_path: Path,
    disk: SmallDisk,
    connector: FakeBotConnector,
    clock: MovingClock,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[RunningBot]:
    monkeypatch.setattr(capture, "STORAGE_RETRY_SECONDS", RETRY_SECONDS)
    settings = make_settings(tmp_path, free_port(), evidence_dir=disk.mountpoint)
    async with running_bot(settings, connector, clock) as started:
        yield started


def _query(bot: RunningBot, sql: str) -> list[tuple[Any, ...]]:
    path = bot.settings.database_url.removeprefix("sqlite:///")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return list(connection.execute(sql))
    finally:
        connection.close()


def _evidence(bot: RunningBot) -> dict[int, dict[str, tuple[str, str]]]:
    """Per case: kind -> (file name, SHA-256)."""
    stored: dict[int, dict[str, tuple[str, str]]] = {
        case_id: {} for (case_id,) in _query(bot, "SELECT id FROM flagged_case")
    }
    for case_id, kind, name, sha256 in _query(
        bot, "SELECT case_id, kind, file_name, sha256 FROM evidence"
    ):
        stored[case_id][kind] = (name, sha256)
    return stored


def _assert_clean(bot: RunningBot, disk: SmallDisk, kinds: dict[int, set[str]]) -> None:
    """The cases are exactly these, with exactly these kinds of evidence; every row's file is
    on the disk with its hash, and nothing else is: no temporary file, no file without a row."""
    stored = _evidence(bot)
    assert {case_id: set(files) for case_id, files in stored.items()} == kinds
    rows = {name for files in stored.values() for name, _ in files.values()}
    for name, sha256 in (pair for files in stored.values() for pair in files.values()):
        assert hashlib.sha256((disk.mountpoint / name).read_bytes()).hexdigest() == sha256
    on_disk = disk.files()
    hidden = [name for name in on_disk if any(part.startswith(".") for part in Path(name).parts)]
    assert not hidden, hidden
    assert {name for name in on_disk if (disk.mountpoint / name).is_file()} == rows


def _told(bot: RunningBot) -> tuple[int, int]:
    """How often the notice was queued (outbox) and how often Teams got it."""
    activities = _query(bot, "SELECT activity FROM outbox_message")
    queued = sum(TOLD in activity for (activity,) in activities)
    delivered = [
        call
        for call in bot.connector.sent
        if TOLD in str(call.body.get("text", ""))
        and call.conversation_id.startswith(bot.channel.channel_id)
    ]
    return queued, len(delivered)


def _parked(bot: RunningBot) -> list[tuple[Any, ...]]:
    return _query(bot, "SELECT kind, ref, attempts, parked_at FROM parked_work")


async def _refused(bot: RunningBot, body: dict[str, Any]) -> None:
    async with bot.http.post(
        bot.url + "/api/flags",
        json=body,
        headers={"X-Api-Key": bot.settings.api_key.get_secret_value()},
    ) as response:
        assert response.status == 503, await response.text()
        assert response.content_type == "application/json"
        assert response.headers.get("Retry-After", "").isdigit(), response.headers
        assert int(response.headers["Retry-After"]) > 0
        answer = await response.json()
    assert "bevisen kan inte sparas" in answer["error"], answer


async def _cards_for(bot: RunningBot, case_ids: list[int], timeout: float = 15.0) -> None:
    titles = {f"Flaggad kommentar #{case_id}" for case_id in case_ids}

    def posted() -> bool:
        shown = {str(card["body"][0].get("text", "")) for card in bot.connector.cards()}
        return titles <= shown

    await bot.connector.wait_for(posted, timeout=timeout)


async def test_a_full_evidence_disk_refuses_flags_cleanly_and_recovers(
    bot_on_disk: RunningBot, disk: SmallDisk
) -> None:
    bot = bot_on_disk
    await bot.link_hjo()
    before, _ = await bot.flagged_card(flag(comment_id="before-the-fault"))
    _assert_clean(bot, disk, {before: {"raw_json", "screenshot"}})

    # Room for the received JSON (one page) but not for the screenshot: the case is stored,
    # its picture is refused, and the card waits for it instead of going out without it.
    disk.fill(leave_pages=1)
    status, answer = await bot.flag(flag(comment_id="picture-refused"))
    assert status == 201, answer
    waiting = answer["case_id"]
    await bot.connector.wait_for(lambda: _told(bot)[1] >= 1)

    # Now the disk is full: nothing more is taken in.
    refused = [flag(comment_id=f"during-the-fault-{n}") for n in range(4)]
    await asyncio.gather(*(_refused(bot, body) for body in refused[:3]))
    await _refused(bot, refused[3])
    await _refused(bot, refused[0])
    await asyncio.sleep(10 * RETRY_SECONDS)  # the worker tries the picture again meanwhile

    _assert_clean(bot, disk, {before: {"raw_json", "screenshot"}, waiting: {"raw_json"}})
    assert _told(bot) == (1, 1), "the channel is told once, not per flag or per retry"
    assert _parked(bot) == [], "a full disk is no reason to park the picture"
    titles = [str(card["body"][0].get("text", "")) for card in bot.connector.cards()]
    assert f"Flaggad kommentar #{waiting}" not in titles

    # Space again: the same flags become cases, and every card goes out.
    disk.free()
    accepted = []
    for body in refused:
        status, answer = await bot.flag(body)
        assert status == 201, answer
        accepted.append(answer["case_id"])
    await _cards_for(bot, [waiting, *accepted])
    everything = {"raw_json", "screenshot"}
    _assert_clean(bot, disk, {case_id: everything for case_id in [before, waiting, *accepted]})
    assert _told(bot) == (1, 1)
    assert _parked(bot) == []


async def test_a_read_only_evidence_disk_refuses_flags_cleanly_and_recovers(
    bot_on_disk: RunningBot, disk: SmallDisk
) -> None:
    bot = bot_on_disk
    await bot.link_hjo()
    before, _ = await bot.flagged_card(flag(comment_id="before-read-only"))

    disk.read_only()
    refused = [flag(comment_id=f"read-only-{n}") for n in range(3)]
    for body in refused:
        await _refused(bot, body)
    await bot.connector.wait_for(lambda: _told(bot)[1] >= 1)
    await asyncio.sleep(0.5)
    assert _told(bot) == (1, 1)
    assert [case_id for (case_id,) in _query(bot, "SELECT id FROM flagged_case")] == [before]

    disk.read_only(False)
    _assert_clean(bot, disk, {before: {"raw_json", "screenshot"}})
    accepted = []
    for body in refused:
        status, answer = await bot.flag(body)
        assert status == 201, answer
        accepted.append(answer["case_id"])
    await _cards_for(bot, accepted)
    everything = {"raw_json", "screenshot"}
    _assert_clean(bot, disk, {case_id: everything for case_id in [before, *accepted]})
    assert _told(bot) == (1, 1)
