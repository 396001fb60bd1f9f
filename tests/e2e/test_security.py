"""With an app id configured, /api/messages takes only Bot Framework tokens."""

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.app import create_app
from bot.settings import unknown_variables
from tests.conftest import API_KEY, MovingClock, RunningBot, free_port, make_settings, start_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA, Channel, flag


@pytest.fixture
async def secured(tmp_path: Path, clock: MovingClock) -> AsyncIterator[str]:
    port = free_port()
    settings = make_settings(
        tmp_path,
        port,
        app_id="00000000-0000-0000-0000-000000000001",
        app_password="not-a-real-password",
        link_secret="s" * 40,
        public_url="https://modbot.example.se",
    )
    runner = await start_bot(settings, clock)
    yield f"http://127.0.0.1:{port}/api/messages"
    await runner.cleanup()


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic abc"])
async def test_requests_without_a_valid_token_are_refused(
    secured: str, connector: FakeBotConnector, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    activity = Channel(service_url=connector.url).message(ANNA, "hjälp")
    async with (
        aiohttp.ClientSession() as http,
        http.post(secured, json=activity, headers=headers) as response,
    ):
        assert response.status == 401
    assert not connector.calls


def test_unsafe_settings_are_refused_outside_development(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, 1, app_id="x", app_password="p", api_key="short")
    assert any("MODBOT_API_KEY" in problem for problem in settings.unsafe_to_serve())
    with pytest.raises(ValueError, match="MODBOT_API_KEY"):
        create_app(settings)


def test_development_mode_is_a_choice_not_a_missing_app_id(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, 1, development=False)
    assert any("MODBOT_APP_ID is required" in problem for problem in settings.unsafe_to_serve())
    with pytest.raises(ValueError, match="MODBOT_APP_ID"):
        create_app(settings)


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"host": "0.0.0.0"}, "MODBOT_HOST=0.0.0.0"),
        ({"public_url": "https://modbot.hjo.se"}, "https://"),
        ({"app_id": "00000000-0000-0000-0000-000000000001"}, "MODBOT_APP_ID"),
    ],
)
def test_development_mode_is_refused_where_a_network_could_reach_it(
    tmp_path: Path, overrides: dict[str, str], named: str
) -> None:
    settings = make_settings(tmp_path, 1, development=True, **overrides)
    assert any(named in problem for problem in settings.unsafe_to_serve())


def test_a_misspelt_setting_is_reported_with_the_closest_name() -> None:
    found = unknown_variables({"MODBOT_APPID": "x", "MODBOT_PORT": "3978", "PATH": "/bin"})
    assert found == ["MODBOT_APPID är ingen inställning (menade du MODBOT_APP_ID?)"]


async def test_signatures_and_keys_never_reach_the_access_log(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="aiohttp.access")
    await bot.link_hjo()
    await bot.flagged_card(flag())
    url = next(a["url"] for a in bot.connector.cards()[0]["actions"] if a["title"] == "Visa bevis")
    async with bot.http.get(url, headers={"Referer": url}) as response:
        assert response.status == 200
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "aiohttp.access")
    assert "/evidence/" in logged
    assert "sig=" not in logged and "exp=" not in logged and API_KEY not in logged
