"""`modbot demo` prepares the Agents Playground's General channel with a demo account and
prints what to do next: its `curl` flags a comment whose card is posted to that channel."""

import shlex
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import text

from bot.cli import main
from bot.cli.linking import PLAYGROUND_CHANNEL, PLAYGROUND_SERVICE_URL
from storage.db import make_engine
from tests.conftest import API_KEY, MovingClock, free_port, make_settings, running_bot
from tests.fakes.bot_connector import FakeBotConnector


def _rows(database: Path, query: str) -> list[tuple]:
    engine = make_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(query))]
    engine.dispose()
    return rows


def _curl(out: str) -> list[str]:
    start = out.index("curl -s ")
    command = out[start : out.index("\n\n", start)]
    return shlex.split(command.replace("\\\n", " "))  # a shell joins continued lines


def test_demo_can_be_run_twice(cli_environment: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    first = capsys.readouterr().out
    assert main(["demo"]) == 0
    second = capsys.readouterr().out
    assert _rows(
        cli_environment, "SELECT platform, name, channel_conversation_id, closed_at FROM account"
    ) == [("facebook", "Demo kommun", PLAYGROUND_CHANNEL, None)]
    assert _rows(
        cli_environment, "SELECT conversation_id, service_url, kind FROM conversation"
    ) == [(PLAYGROUND_CHANNEL, PLAYGROUND_SERVICE_URL, "channel")]
    linked = "SELECT count(*) FROM audit_event WHERE action = 'account_linked'"
    assert _rows(cli_environment, linked) == [(1,)]
    for out in (first, second):
        assert "agentsplayground -e http://127.0.0.1:3978/api/messages" in out
        assert "Flaggad kommentar" in out and "General" in out
        curl = _curl(out)
        assert curl[:3] == ["curl", "-s", "http://127.0.0.1:3978/api/flags"]
        assert "X-Api-Key" not in out


def test_demo_keeps_the_service_url_the_bot_has_seen(
    cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--service-url", "http://localhost:61000/_connector"]) == 0
    assert main(["demo"]) == 0
    assert "open http://localhost:61000" in capsys.readouterr().out.replace("öppna", "open")
    assert _rows(cli_environment, "SELECT service_url FROM conversation") == [
        ("http://localhost:61000/_connector",)
    ]


def test_demo_refuses_outside_development(
    monkeypatch: pytest.MonkeyPatch, cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_APP_ID", "00000000-0000-0000-0000-000000000001")
    assert main(["demo"]) == 2
    assert "bara för utveckling" in capsys.readouterr().err
    assert not cli_environment.exists()


async def test_the_demo_curl_puts_a_card_in_the_playground_channel(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    connector: FakeBotConnector,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The Playground is played by the fake Bot Connector; the curl is run as printed."""
    port = free_port()
    monkeypatch.setenv("MODBOT_PORT", str(port))
    monkeypatch.setenv("MODBOT_API_KEY", API_KEY)
    assert main(["demo", "--service-url", connector.url]) == 0
    curl = _curl(capsys.readouterr().out)
    assert curl[3:7] == ["-H", "Content-Type: application/json", "-H", f"X-Api-Key: {API_KEY}"]
    assert curl[7] == "-d"
    settings = make_settings(tmp_path, port)
    async with running_bot(settings, connector, MovingClock(datetime.now(UTC))) as bot:
        async with aiohttp.ClientSession() as http:
            response = await http.post(
                curl[2],
                data=curl[8].encode(),
                headers={"Content-Type": "application/json", "X-Api-Key": API_KEY},
            )
            assert response.status == 201, await response.text()
            assert (await response.json())["created"] is True

        def cards() -> list[str]:
            return [c.conversation_id for c in bot.connector.sent if c.body.get("attachments")]

        await bot.connector.wait_for(cards)
    assert cards() == [PLAYGROUND_CHANNEL]
