"""Facebook and Instagram comments arrive by themselves through Meta Webhooks: signed bodies
only, stored before they are answered, every comment kept with its origin, edits and deletion,
external ones screened against section 6."""

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.models import Account, Comment, CommentVersion, FlaggedCase, InboundEvent
from tests.conftest import MovingClock, RunningBot
from tests.e2e.platform_helpers import (
    IG,
    NOW,
    PAGE,
    deliver,
    feed,
    meta_connected_bot,
    processed,
    rows,
    sign,
)
from tests.fakes.bot_connector import FakeBotConnector


@pytest.fixture
async def bot(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[RunningBot]:
    async with meta_connected_bot(tmp_path, connector, clock, monkeypatch) as started:
        yield started


async def test_the_handshake_echoes_the_challenge_only_for_our_token(bot: RunningBot) -> None:
    query = "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
    async with bot.http.get(f"{bot.url}/webhooks/meta?{query}hjo-verify") as response:
        assert response.status == 200 and await response.text() == "1158201444"
    async with bot.http.get(f"{bot.url}/webhooks/meta?{query}wrong") as response:
        assert response.status == 403


async def test_a_missing_or_wrong_signature_is_refused_and_nothing_is_stored(
    bot: RunningBot,
) -> None:
    payload = feed("1_2", "Hej")
    assert await deliver(bot, payload, signature=None) == 401
    assert await deliver(bot, payload, signature=sign(b"something else")) == 401
    assert await deliver(bot, payload, signature=sign(json.dumps(payload).encode(), "other")) == 401
    assert await deliver(bot, b"not even json", signature="sha256=zz") == 401
    assert rows(bot, InboundEvent) == []
    assert await deliver(bot, payload) == 200
    assert len(rows(bot, InboundEvent)) == 1


async def test_an_offensive_comment_becomes_a_case_with_the_rules_reason(bot: RunningBot) -> None:
    before = len(bot.connector.sent)
    assert await deliver(bot, feed(f"{PAGE}_1_900", "Ring mig på 070-123 45 67, idiot")) == 200
    await bot.connector.wait_for(lambda: len(bot.connector.sent) > before)
    [case] = rows(bot, FlaggedCase)
    assert case.platform_comment_id == f"{PAGE}_1_900"
    assert case.flagged_by == "Modbot (granskning)"
    assert "telefonnummer" in (case.reason or "")
    card = json.dumps(bot.connector.sent[before].body, ensure_ascii=False)
    assert "telefonnummer" in card


async def test_an_author_name_with_a_paragraph_separator_stops_no_card(bot: RunningBot) -> None:
    poison = feed(f"{PAGE}_1_901", "Du är en idiot", author=("fb-2029", "Sven\u2029\rSvensson"))
    assert await deliver(bot, poison) == 200
    assert await deliver(bot, feed(f"{PAGE}_1_902", "Vilken idiot du är")) == 200
    await bot.connector.wait_for(lambda: len(bot.connector.cards()) >= 2, timeout=20)
    titles = [card["body"][0]["text"] for card in bot.connector.cards()]
    cases = rows(bot, FlaggedCase)
    assert sorted(titles) == sorted(f"Flaggad kommentar #{case.id}" for case in cases)
    assert any(case.author_name == "Sven\u2029\rSvensson" for case in cases)


async def test_every_comment_is_kept_with_its_origin_edits_and_deletion(bot: RunningBot) -> None:
    events = [
        feed(f"{PAGE}_1_1", "Vilken fin bild på hamnen!"),
        feed(f"{PAGE}_1_2", "Tack! Välkommen till Hjo.", author=(PAGE, "Hjo kommun")),
        feed(f"{PAGE}_1_1", "Vilken fin bild på hamnen! Redigerad", verb="edited"),
        feed(f"{PAGE}_1_3", "Hej då", author=("fb-78", "Berit")),
        feed(f"{PAGE}_1_3", "", verb="remove", author=("fb-78", "Berit")),
    ]
    for event in events:
        assert await deliver(bot, event) == 200
    await processed(bot, len(events))
    comments = {c.platform_comment_id: c for c in rows(bot, Comment)}
    assert comments[f"{PAGE}_1_1"].origin == "extern"
    assert comments[f"{PAGE}_1_1"].text.endswith("Redigerad")
    assert comments[f"{PAGE}_1_2"].origin == "kommunen"
    assert comments[f"{PAGE}_1_3"].deleted_by_author_at is not None
    [version] = rows(bot, CommentVersion)
    assert version.text == "Vilken fin bild på hamnen!"


async def test_an_edited_flagged_comment_keeps_both_versions_and_the_case_the_original(
    bot: RunningBot,
) -> None:
    assert await deliver(bot, feed(f"{PAGE}_1_5", "Mitt personnummer är 19121212-1212")) == 200
    assert await deliver(bot, feed(f"{PAGE}_1_5", "Oj, tog bort det", verb="edited")) == 200
    await processed(bot, 2)
    [case] = rows(bot, FlaggedCase)
    assert "19121212-1212" in case.text
    [comment] = rows(bot, Comment)
    assert comment.text == "Oj, tog bort det"
    assert [v.text for v in rows(bot, CommentVersion)] == [case.text]


async def test_a_post_by_the_municipality_counts_as_publishing(bot: RunningBot) -> None:
    post = feed(f"{PAGE}_42", "Nu öppnar badplatsen!", author=(PAGE, "Hjo kommun"), item="status")
    assert await deliver(bot, post) == 200
    await processed(bot, 1)
    account = next(a for a in rows(bot, Account) if a.platform == "facebook")
    assert account.last_published_at is not None
    assert rows(bot, FlaggedCase) == []


async def test_replays_unknown_pages_and_malformed_bodies_lose_nothing_and_duplicate_nothing(
    bot: RunningBot,
) -> None:
    offensive = feed(f"{PAGE}_1_7", "Köp billiga solglasögon på https://spam.example")
    assert await deliver(bot, offensive) == 200
    assert await deliver(bot, offensive) == 200
    assert await deliver(bot, feed("999_1_1", "Hej", page="999")) == 200
    assert await deliver(bot, b"{not json") == 200
    assert await deliver(bot, {"object": "page", "entry": "nope"}) == 200
    instagram = {
        "object": "instagram",
        "entry": [
            {
                "id": IG,
                "time": NOW,
                "changes": [
                    {
                        "field": "comments",
                        "value": {
                            "from": {"id": "ig-5", "username": "turist"},
                            "media": {"id": "ig-media-1", "media_product_type": "FEED"},
                            "id": "ig-comment-1",
                            "text": "Varför har ni inte lagat bryggan? Den är trasig.",
                        },
                    }
                ],
            }
        ],
    }
    assert await deliver(bot, instagram) == 200
    await processed(bot, 6)
    events = rows(bot, InboundEvent)
    assert len(events) == 6
    outcomes = [e.outcome or "" for e in events]
    assert "1 for accounts not connected" in outcomes[2]
    assert outcomes[3].startswith("unreadable") and outcomes[4].startswith("unreadable")
    cases = rows(bot, FlaggedCase)
    assert sorted(c.platform_comment_id for c in cases) == [f"{PAGE}_1_7", "ig-comment-1"]
    assert "möjlig synpunkt" in next(
        c.reason for c in cases if c.platform_comment_id == "ig-comment-1"
    )
    assert len(rows(bot, Comment)) == 2


async def test_a_burst_of_ten_thousand_events_is_stored_once_each(bot: RunningBot) -> None:
    total = 10_000
    bodies = [
        json.dumps(feed(f"{PAGE}_1_{10_000 + n}", f"Tack för informationen nr {n}")).encode()
        for n in range(total)
    ]
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)
    statuses: list[int] = []

    async def client() -> None:
        while not queue.empty():
            body = queue.get_nowait()
            headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
            async with bot.http.post(bot.url + "/webhooks/meta", data=body, headers=headers) as r:
                statuses.append(r.status)

    await asyncio.gather(*(client() for _ in range(50)))
    assert statuses == [200] * total
    await processed(bot, total, timeout=120)
    comments = rows(bot, Comment)
    assert len(comments) == total
    assert len({c.platform_comment_id for c in comments}) == total
