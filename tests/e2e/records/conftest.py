"""A bot with Hjo kommun's Facebook page linked and connected."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import MovingClock, RunningBot, free_port, make_settings, running_bot
from tests.e2e.platform_helpers import PAGE, SECRET
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA


@pytest.fixture
async def bot(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[RunningBot]:
    monkeypatch.setenv("MODBOT_TOKEN_HJO", "EAAG-secret-page-token")
    settings = make_settings(tmp_path, free_port(), meta_app_secret=SECRET)
    async with running_bot(settings, connector, clock) as started:
        await started.link_hjo()
        await started.say(ANNA, f'anslut facebook "Hjo kommun" {PAGE} env:MODBOT_TOKEN_HJO')
        yield started
