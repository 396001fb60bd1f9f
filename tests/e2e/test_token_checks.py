"""The Bot Framework token check on /api/messages, against a local OpenID server over HTTP:
every bad token is a 401, a key server that fails or hangs is a 503 for that request only,
and a good token runs the turn."""

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.token_check import FETCH_TIMEOUT_SECONDS
from tests.conftest import (
    MovingClock,
    RunningBot,
    free_port,
    make_settings,
    running_bot,
    serving,
)
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.entra import FakeEntra
from tests.fakes.openid import FakeOpenId
from tests.teams import ANNA, flag

APP_ID = "00000000-0000-0000-0000-000000000001"


@dataclass
class Answer:
    status: int
    body: Any
    headers: dict[str, str]
    seconds: float


@pytest.fixture
async def openid() -> AsyncIterator[FakeOpenId]:
    fake = FakeOpenId()
    async with serving(fake.app()) as url:
        fake.url = url
        yield fake
        fake.release()


def _secured_settings(tmp_path: Path, metadata_url: str, entra: FakeEntra) -> Any:
    return make_settings(
        tmp_path,
        free_port(),
        app_id=APP_ID,
        app_password="not-a-real-password",
        link_secret="s" * 40,
        public_url="https://modbot.example.se",
        app_authority_host=entra.url,
        openid_metadata_url=metadata_url,
    )


@pytest.fixture
async def secured(
    tmp_path: Path,
    openid: FakeOpenId,
    entra: FakeEntra,
    connector: FakeBotConnector,
    clock: MovingClock,
) -> AsyncIterator[RunningBot]:
    settings = _secured_settings(tmp_path, openid.metadata_url, entra)
    async with running_bot(settings, connector, clock) as started:
        yield started


async def _send(bot: RunningBot, activity: dict[str, Any], authorization: str | None) -> Answer:
    headers = {"Authorization": authorization} if authorization is not None else {}
    began = time.monotonic()
    async with bot.http.post(bot.url + "/api/messages", json=activity, headers=headers) as response:
        body = await response.json() if response.content_length else None
        return Answer(response.status, body, dict(response.headers), time.monotonic() - began)


def _claims(bot: RunningBot, openid: FakeOpenId, **changes: Any) -> dict[str, Any]:
    return openid.claims(APP_ID, bot.connector.url, bot.clock(), **changes)


def _good(bot: RunningBot, openid: FakeOpenId) -> str:
    return f"Bearer {openid.sign(_claims(bot, openid))}"


async def _turn(bot: RunningBot, text: str, authorization: str | None) -> Answer:
    return await _send(bot, bot.channel.message(ANNA, text), authorization)


Header = Callable[[RunningBot, FakeOpenId], str | None]


def _signed(**changes: Any) -> Header:
    return lambda bot, openid: f"Bearer {openid.sign(_claims(bot, openid, **changes))}"


def _from_now(**seconds: int) -> Header:
    """Signed, with these time claims set this many seconds from the bot's now."""

    def header(bot: RunningBot, openid: FakeOpenId) -> str:
        now = int(bot.clock().timestamp())
        changes = {"nbf": now - 3600} | {name: now + delta for name, delta in seconds.items()}
        return f"Bearer {openid.sign(_claims(bot, openid, **changes))}"

    return header


def _not_endorsed(bot: RunningBot, openid: FakeOpenId) -> str:
    kid = openid.add_key(endorsements=("webchat",))
    return f"Bearer {openid.sign(_claims(bot, openid), kid)}"


MATRIX: list[tuple[str, Header, int]] = [
    ("valid", _good, 201),
    ("expired 4 min ago, within the leeway", _from_now(exp=-240), 201),
    ("valid in 4 min, within the leeway", _from_now(nbf=240), 201),
    ("missing header", lambda bot, openid: None, 401),
    ("empty header", lambda bot, openid: "", 401),
    ("Basic scheme", lambda bot, openid: "Basic YWJjOmRlZg==", 401),
    ("garbage", lambda bot, openid: "Bearer not-a-token", 401),
    ("alg none", lambda bot, openid: f"Bearer {openid.unsigned(_claims(bot, openid))}", 401),
    (
        "HS256 keyed with the public key",
        lambda bot, openid: f"Bearer {openid.hs256_with_public_key(_claims(bot, openid))}",
        401,
    ),
    (
        "unknown kid",
        lambda bot, openid: f"Bearer {openid.sign_with_kid(_claims(bot, openid), 'unknown')}",
        401,
    ),
    ("bad signature", lambda bot, openid: f"Bearer {openid.forge(_claims(bot, openid))}", 401),
    ("wrong audience", _signed(aud="00000000-0000-0000-0000-000000000002"), 401),
    ("wrong issuer", _signed(iss="https://sts.windows.net/evil/"), 401),
    ("serviceUrl mismatch", _signed(serviceurl="https://smba.evil.example/"), 401),
    ("serviceUrl missing", _signed(serviceurl=None), 401),
    ("expired 6 min ago", _from_now(exp=-360), 401),
    ("no exp", _signed(exp=None), 401),
    ("exp not a number", _signed(exp="tomorrow"), 401),
    ("valid only in 10 min", _from_now(nbf=600), 401),
    ("key not endorsed for msteams", _not_endorsed, 401),
]


@pytest.mark.parametrize(
    ("header", "status"), [(h, s) for _, h, s in MATRIX], ids=[name for name, _, _ in MATRIX]
)
async def test_auth_matrix(
    secured: RunningBot, openid: FakeOpenId, header: Header, status: int
) -> None:
    answer = await _turn(secured, "hjälp", header(secured, openid))
    assert answer.status == status, answer.body
    if status == 401:
        assert answer.body == {"error": "ogiltig eller saknad token"}
        assert not secured.connector.calls


async def test_a_valid_token_runs_the_turn_and_the_reply_reaches_the_connector(
    secured: RunningBot, openid: FakeOpenId, entra: FakeEntra
) -> None:
    answer = await _turn(secured, "hjälp", _good(secured, openid))
    assert answer.status == 201
    await secured.connector.wait_for(secured.connector.texts)
    assert secured.connector.sent[0].authorization == f"Bearer {entra.token}"


async def test_keys_are_fetched_once_and_refreshed_at_most_once_a_minute(
    secured: RunningBot, openid: FakeOpenId
) -> None:
    assert (await _turn(secured, "hjälp", _good(secured, openid))).status == 201
    assert (await _turn(secured, "hjälp", _good(secured, openid))).status == 201
    assert openid.metadata_fetches == 1

    rotated = openid.add_key()
    new_key = f"Bearer {openid.sign(_claims(secured, openid), rotated)}"
    assert (await _turn(secured, "hjälp", new_key)).status == 401
    assert openid.metadata_fetches == 1, "an unknown kid within a minute of a fetch fetches not"

    secured.clock.advance(timedelta(seconds=61))
    new_key = f"Bearer {openid.sign(_claims(secured, openid), rotated)}"
    assert (await _turn(secured, "hjälp", new_key)).status == 201
    assert openid.metadata_fetches == 2
    unknown = f"Bearer {openid.sign_with_kid(_claims(secured, openid), 'unknown')}"
    assert (await _turn(secured, "hjälp", unknown)).status == 401
    assert openid.metadata_fetches == 2

    secured.clock.advance(timedelta(hours=25))
    assert (await _turn(secured, "hjälp", _good(secured, openid))).status == 201
    for _ in range(100):
        if openid.metadata_fetches == 3:
            break
        await asyncio.sleep(0.02)
    assert openid.metadata_fetches == 3, "a day-old key set is refreshed"


async def test_a_failing_key_server_answers_503_until_it_is_back(
    secured: RunningBot, openid: FakeOpenId
) -> None:
    openid.failing = True
    answer = await _turn(secured, "hjälp", _good(secured, openid))
    assert answer.status == 503
    assert answer.headers["Retry-After"].isdigit()
    assert "error" in answer.body
    openid.failing = False
    assert (await _turn(secured, "hjälp", _good(secured, openid))).status == 201


async def test_an_unreachable_key_server_answers_503(
    tmp_path: Path, entra: FakeEntra, connector: FakeBotConnector, clock: MovingClock
) -> None:
    settings = _secured_settings(
        tmp_path, f"http://127.0.0.1:{free_port()}/v1/.well-known/openidconfiguration", entra
    )
    openid = FakeOpenId()
    async with running_bot(settings, connector, clock) as bot:
        answer = await _turn(bot, "hjälp", _good(bot, openid))
    assert answer.status == 503
    assert "Retry-After" in answer.headers


async def _healthz_latencies(bot: RunningBot, until: "asyncio.Future[Any]") -> list[float]:
    latencies = []
    while not until.done():
        began = time.monotonic()
        status, _ = await bot.get("/healthz")
        latencies.append(time.monotonic() - began)
        assert status == 200
        await asyncio.sleep(0.05)
    return latencies


async def test_a_hanging_key_server_before_any_keys_holds_only_those_requests(
    secured: RunningBot, openid: FakeOpenId
) -> None:
    openid.hanging = True
    waiting = asyncio.gather(
        _turn(secured, "hjälp", _good(secured, openid)),
        _turn(secured, "hjälp", _good(secured, openid)),
    )
    latencies = await _healthz_latencies(secured, waiting)
    flag_status, _ = await secured.flag(flag(account="Okänt konto"))
    answers = await waiting
    assert [answer.status for answer in answers] == [503, 503]
    assert all(answer.seconds < FETCH_TIMEOUT_SECONDS + 2 for answer in answers)
    assert openid.metadata_fetches == 1, "the waiting requests share one fetch"
    assert len(latencies) > 20 and max(latencies) < 0.5
    assert flag_status == 400
    print(f"/healthz while the key server hangs: {_summary(latencies)}")


async def test_a_hanging_key_server_after_keys_are_known_holds_no_other_turn(
    secured: RunningBot, openid: FakeOpenId
) -> None:
    assert (
        await _turn(
            secured,
            'koppla facebook "Hjo kommun" https://facebook.com/hjokommun',
            _good(secured, openid),
        )
    ).status == 201
    await secured.connector.wait_for(lambda: any("kopplat" in t for t in secured.connector.texts()))
    secured.clock.advance(timedelta(seconds=61))
    openid.hanging = True
    unknown = f"Bearer {openid.sign_with_kid(_claims(secured, openid), 'rotated')}"
    waiting = asyncio.ensure_future(_turn(secured, "hjälp", unknown))
    await asyncio.sleep(0.2)

    before = len(secured.connector.texts())
    other = await _turn(secured, "hjälp", _good(secured, openid))
    flag_status, _ = await secured.flag(flag())
    latencies = await _healthz_latencies(secured, waiting)
    held = await waiting

    assert other.status == 201 and other.seconds < 1
    await secured.connector.wait_for(lambda: len(secured.connector.texts()) > before)
    assert flag_status == 201
    assert held.status == 503 and held.headers["Retry-After"].isdigit()
    assert FETCH_TIMEOUT_SECONDS - 0.5 < held.seconds < FETCH_TIMEOUT_SECONDS + 2
    assert max(latencies) < 0.5
    print(f"/healthz while the key server hangs: {_summary(latencies)}; held {held.seconds:.2f} s")


def _summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    return (
        f"{len(ordered)} requests, median {ordered[len(ordered) // 2] * 1000:.1f} ms, "
        f"max {ordered[-1] * 1000:.1f} ms"
    )


async def test_development_mode_checks_no_token(
    tmp_path: Path, openid: FakeOpenId, connector: FakeBotConnector, clock: MovingClock
) -> None:
    settings = make_settings(tmp_path, free_port(), openid_metadata_url=openid.metadata_url)
    async with running_bot(settings, connector, clock) as bot:
        for authorization in (None, "Bearer not-a-token"):
            assert (await _turn(bot, "hjälp", authorization)).status == 201
        await connector.wait_for(lambda: len(connector.texts()) == 2)
    assert openid.fetched == []
