"""Fuzzed bodies against the real app on 127.0.0.1: no body makes an endpoint answer 5xx, and
the database is consistent afterwards.

A small seeded mutator (random.Random, no hypothesis) takes valid bodies (a flag, Teams
activities, Meta notifications) and drops fields, changes their types, puts control
characters, lone surrogates, zero-width and huge strings into them, nests them deep (up to
`[` × 100,000), truncates and flips their bytes, or sends random bytes. Every run sends the
same bodies; a failure names the seed and the body's number."""

import asyncio
import copy
import json
import random
import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import col, select

from services.evidence import RAW_JSON, EvidenceFiles
from services.integrity import verify
from storage.models import Evidence, FlaggedCase, HandledActivity, InboundEvent
from tests.conftest import (
    API_KEY,
    MovingClock,
    RunningBot,
)
from tests.e2e.platform_helpers import (
    IG,
    NOW,
    PAGE,
    database,
    feed,
    meta_connected_bot,
    sign,
)
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA, BOT, flag, personal_message

SEED = 20261125
BODIES = 2000
IN_FLIGHT = 4
"""A few requests at a time, like a busy client; the machine running the suite has 2 cores."""

DEEP = "@@deep:{}@@"
"""Stands in for a nested value until the body is serialised (json.dumps cannot nest deep)."""
_DEEP = re.compile('"@@deep:([0-9]+)@@"')
CHARACTERS = [
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\x85",
    "\n",
    "\t",
    "\r",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u200d",
    "\u202e",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\U0001f600",
    "\uffff",
    '"',
    "\\",
    "å",
    " ",
]
REPLACEMENTS: list[Any] = [
    None,
    0,
    -1,
    2**64,
    10**400,
    1.5,
    1e308,
    True,
    False,
    "",
    " ",
    "\u200b",
    "\u200b\u200c\ufeff",
    "\x00",
    "\ud800",
    "x",
    [],
    {},
    [1, "a", None],
    {"a": {"b": []}},
    "1764057600",
    1764057600,
    "2026-11-25T08:00:00",
    "2026-11-25",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-23:59",
    "2026-02-30T08:00:00Z",
    "https://example.invalid/\x00",
]
HUGE = [201, 1_001, 20_001, 300_000]
"""300,000 × å is past every limit once escaped (6 bytes each), × x only the flags' 256 kB."""
DEPTHS = [3, 17, 40, 70, 1_000, 100_000]


class Mutator:
    """Bodies made from valid ones by a seeded random generator: the same seed, the same
    bodies. `keep` lists top-level fields whose text is never changed character by character
    (serviceUrl: the bot would send its answer to wherever a mutant points)."""

    def __init__(self, seed: int, keep: frozenset[str] = frozenset()) -> None:
        self.random = random.Random(seed)
        self.keep = {(name,) for name in keep}

    def body(self, valid: Any) -> bytes:
        rng = self.random
        kind = rng.random()
        if kind < 0.04:
            return rng.randbytes(rng.randrange(0, 300))
        value = copy.deepcopy(valid)
        for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
            value = self._mutate(value)
        raw = _serialise(value, ascii_only=rng.random() < 0.5)
        if kind < 0.12:
            return raw[: rng.randrange(0, len(raw) + 1)]
        if kind < 0.18:
            return _flipped(raw, rng)
        if kind < 0.20:
            return rng.choice([b"\xef\xbb\xbf", b"   ", b"\xff"]) + raw
        return raw

    def _mutate(self, value: Any) -> Any:
        rng = self.random
        paths = list(_paths(value))
        if not paths or rng.random() < 0.03:
            return rng.choice([[value], "text", 1, None, [], DEEP.format(rng.choice(DEPTHS))])
        path = rng.choice(paths)
        parent = _at(value, path[:-1])
        key = path[-1]
        current = parent[key]
        action = rng.random()
        if action < 0.2 and isinstance(parent, dict):
            del parent[key]
        elif action < 0.45:
            parent[key] = copy.deepcopy(rng.choice(REPLACEMENTS))
        elif action < 0.7 and isinstance(current, str) and path not in self.keep:
            position = rng.randrange(0, len(current) + 1)
            inserted = "".join(rng.choice(CHARACTERS) for _ in range(rng.randrange(1, 4)))
            parent[key] = current[:position] + inserted + current[position:]
        elif action < 0.78:
            parent[key] = rng.choice("xå\u2029") * rng.choice(HUGE)
        elif action < 0.86:
            parent[key] = DEEP.format(rng.choice(DEPTHS))
        elif action < 0.93 and isinstance(current, dict):
            current[rng.choice(["extra", "\x00", "\u200b", "id", ""])] = rng.choice(REPLACEMENTS)
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(current))
        else:
            parent[key] = [current]
        return value


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if not isinstance(value, dict | list):
        return
    for key, item in value.items() if isinstance(value, dict) else enumerate(value):
        yield (*prefix, key)
        if isinstance(item, dict | list):
            yield from _paths(item, (*prefix, key))


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


def _serialise(value: Any, ascii_only: bool) -> bytes:
    """JSON with each deep marker replaced by that many nested arrays; a lone surrogate is
    sent escaped ("\\ud800") or, without ensure_ascii, as the bytes UTF-8 forbids."""
    raw = _DEEP.sub(
        lambda match: "[" * int(match[1]) + "]" * int(match[1]),
        json.dumps(value, ensure_ascii=ascii_only),
    )
    return raw.encode("utf-8", "surrogatepass")


def _flipped(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randrange(1, 6)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


async def fuzz(
    bot: RunningBot,
    path: str,
    bodies: list[bytes],
    headers: Callable[[bytes], dict[str, str]],
    expected_5xx: Callable[[bytes, int], bool] = lambda _body, _status: False,
) -> Counter[int]:
    """Posts every body (a few at a time over one session); the statuses counted. A 5xx
    fails at once, naming the body, unless `expected_5xx` says it is the protocol's answer."""
    statuses: Counter[int] = Counter()
    queue = iter(enumerate(bodies))

    async def worker() -> None:
        for number, body in queue:
            async with bot.http.post(
                bot.url + path,
                data=body,
                headers={"Content-Type": "application/json", **headers(body)},
            ) as response:
                answer = await response.read()
            assert response.status < 500 or expected_5xx(body, response.status), (
                f"seed {SEED}, body {number} to {path} answered {response.status} "
                f"{answer[:300]!r}; body starts {body[:300]!r}"
            )
            statuses[response.status] += 1

    await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
    return statuses


@pytest.fixture
async def bot(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[RunningBot]:
    async with meta_connected_bot(tmp_path, connector, clock, monkeypatch) as started:
        yield started


async def test_the_probe_that_found_it_gets_400_on_flags_and_is_kept_unreadable_from_meta(
    bot: RunningBot,
) -> None:
    deep = b"[" * 100_000
    status, answer = await bot.post("/api/flags", deep, {"X-Api-Key": API_KEY})
    assert status == 400
    assert answer == {
        "error": "ogiltig flagga",
        "fields": {"body": "är för djupt nästlad (högst 16 nivåer)"},
    }
    status, answer = await bot.flag(flag(text="x\ud800", author={"id": "a", "name": "\udc00"}))
    lone = "innehåller ett ensamt surrogattecken (U+D800–U+DFFF), som inte är Unicode"
    assert (status, answer["fields"]) == (400, {"text": lone, "author.name": lone})
    async with bot.http.post(
        bot.url + "/webhooks/meta",
        data=deep,
        headers={"X-Hub-Signature-256": sign(deep), "Content-Type": "application/json"},
    ) as response:
        assert response.status == 200
    await _until(bot, _all_events_worked_on, "the deep body worked on")
    [event] = _rows(bot, InboundEvent)
    assert event.outcome is not None and event.outcome.startswith("unreadable"), event.outcome


async def test_fuzzed_flags_never_get_a_5xx_and_every_case_has_its_evidence(
    bot: RunningBot,
) -> None:
    mutator = Mutator(SEED)
    bodies = [
        mutator.body(
            flag(
                comment_id=f"fuzz-{number}",
                text=random.Random(number).choice(
                    ["Du är en idiot!", "Hej\u2029då \U0001f600", "Åsa\r\nÖberg\u202e", " x "]
                ),
            )
        )
        for number in range(BODIES)
    ]
    started = time.monotonic()
    statuses = await fuzz(bot, "/api/flags", bodies, lambda _: {"X-Api-Key": API_KEY})
    print(f"/api/flags: {dict(sorted(statuses.items()))} in {time.monotonic() - started:.1f} s")
    assert sum(statuses.values()) == BODIES
    assert set(statuses) <= {200, 201, 400, 413}
    assert statuses[201] >= 100 and statuses[400] >= 500 and statuses[413] >= 10
    _assert_consistent(bot)


async def test_fuzzed_activities_never_get_a_5xx(bot: RunningBot) -> None:
    """Development mode (no token check), so every body reaches the reader: bot.app's
    `messages` reads it with web.json_input.read_activity."""
    channel = bot.channel
    valid = [
        channel.message(ANNA, "hjälp"),
        channel.message(ANNA, "konton"),
        channel.message(ANNA, "väntande", mention=False),
        channel.invoke(ANNA, "keep", {"case": 999_999}, card_id="card-fuzz"),
        personal_message(channel.service_url, ANNA, "hjälp"),
        {
            **channel.message(ANNA, ""),
            "type": "conversationUpdate",
            "membersAdded": [BOT],
        },
    ]
    status, answer = await bot.post("/api/messages", b"[" * 100_000)
    assert (status, answer["fields"]) == (400, {"body": "är för djupt nästlad (högst 64 nivåer)"})
    mutator = Mutator(SEED + 1, keep=frozenset({"serviceUrl"}))
    bodies = []
    for number in range(BODIES):
        activity = copy.deepcopy(valid[number % len(valid)])
        activity["id"] = f"fuzz-{number}"
        bodies.append(mutator.body(activity))
    started = time.monotonic()
    statuses = await fuzz(bot, "/api/messages", bodies, lambda _: {}, _unknown_invoke)
    print(f"/api/messages: {dict(sorted(statuses.items()))} in {time.monotonic() - started:.1f} s")
    assert sum(statuses.values()) == BODIES
    assert set(statuses) <= {200, 201, 400, 413, 501}
    assert statuses[400] >= 500 and statuses[200] + statuses[201] >= 100
    await _until(bot, _all_activities_answered, "every activity taken on is answered")
    _assert_consistent(bot)


async def test_fuzzed_meta_notifications_are_stored_and_all_worked_on(bot: RunningBot) -> None:
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
                            "from": {"id": "ig-5", "username": "kalle"},
                            "media": {"id": "m-1", "media_product_type": "FEED"},
                            "id": "ig-c-1",
                            "text": "Du är en idiot",
                        },
                    }
                ],
            }
        ],
    }
    valid = [
        feed(f"{PAGE}_1_1", "Du är en idiot"),
        feed(f"{PAGE}_1_2", "Vilken fin bild!", verb="edited"),
        feed(f"{PAGE}_1_3", "", verb="remove"),
        feed(f"{PAGE}_42", "Nu öppnar badplatsen!", author=(PAGE, "Hjo kommun"), item="status"),
        feed("999_1_1", "Idiot", page="999"),
        instagram,
    ]
    mutator = Mutator(SEED + 2)
    bodies = []
    for number in range(BODIES):
        notification = copy.deepcopy(valid[number % len(valid)])
        value = notification["entry"][0]["changes"][0]["value"]
        for field in ("comment_id", "id"):
            if field in value:
                value[field] = f"{value[field]}_{number}"
        bodies.append(mutator.body(notification))
    started = time.monotonic()
    statuses = await fuzz(
        bot, "/webhooks/meta", bodies, lambda body: {"X-Hub-Signature-256": sign(body)}
    )
    print(f"/webhooks/meta: {dict(sorted(statuses.items()))} in {time.monotonic() - started:.1f} s")
    assert sum(statuses.values()) == BODIES
    assert set(statuses) <= {200, 400, 413}
    assert statuses[200] >= BODIES * 0.8
    await _until(bot, _all_events_worked_on, "every stored event worked on", timeout=60)
    outcomes = Counter(
        (event.outcome or "").split(" ", 1)[0].split(":")[0] for event in _rows(bot, InboundEvent)
    )
    print(f"/webhooks/meta outcomes: {dict(outcomes)}")
    assert "parked" not in outcomes, outcomes
    assert outcomes["unreadable"] >= 100
    assert len(_rows(bot, FlaggedCase)) >= 50
    _assert_consistent(bot)


def _unknown_invoke(body: bytes, status: int) -> bool:
    """501 is the Bot Framework's answer to an invoke the bot does not handle (any name but
    adaptiveCard/action): the SDK's protocol, not a failure."""
    activity = json.loads(body)
    return (
        status == 501
        and activity["type"] == "invoke"
        and activity.get("name") != "adaptiveCard/action"
    )


def _assert_consistent(bot: RunningBot) -> None:
    """Every case has its raw JSON and its case_opened event; the audit chain and every
    evidence file are intact; no case or comment holds a bad id, text or moment."""
    db = database(bot)
    try:
        with db.session() as session:
            cases = list(session.exec(select(FlaggedCase)))
            raw = set(session.exec(select(Evidence.case_id).where(Evidence.kind == RAW_JSON)))
            assert [case.id for case in cases if case.id not in raw] == []
            opened = {
                row[0]
                for row in session.connection().execute(
                    text("SELECT case_id FROM audit_event WHERE action = 'case_opened'")
                )
            }
            assert [case.id for case in cases if case.id not in opened] == []
            for case in cases:
                for value in (case.platform_comment_id, case.author_id, case.post_id or "x"):
                    assert value.strip() and not any(
                        ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in value
                    ), case
                assert case.permalink.startswith(("https://", "http://")), case
                assert 2000 <= case.comment_created_at.year < 2100, case
                if case.flagged_by != "Modbot (granskning)":
                    assert case.text.strip(), case
            report = verify(session, EvidenceFiles(bot.settings.evidence_dir))
            assert report.findings == [], report.findings
    finally:
        db.engine.dispose()


def _all_activities_answered(bot: RunningBot) -> bool:
    return all(row.status is not None for row in _rows(bot, HandledActivity))


def _all_events_worked_on(bot: RunningBot) -> bool:
    return all(event.processed_at is not None for event in _rows(bot, InboundEvent))


async def _until(
    bot: RunningBot, done: Callable[[RunningBot], bool], what: str, timeout: float = 30
) -> None:
    deadline = time.monotonic() + timeout
    while not done(bot):
        assert time.monotonic() < deadline, f"not in {timeout} s: {what}"
        await asyncio.sleep(0.1)


def _rows(bot: RunningBot, model: Any) -> list[Any]:
    db = database(bot)
    try:
        with db.session() as session:
            return list(session.exec(select(model).order_by(*_order(model))))
    finally:
        db.engine.dispose()


def _order(model: Any) -> list[Any]:
    return [col(model.id)] if hasattr(model, "id") else []
