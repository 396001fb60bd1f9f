"""With an app id configured, /api/messages takes only Bot Framework tokens."""

from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.app import create_app
from tests.conftest import MovingClock, free_port, make_settings, start_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA, Channel


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
