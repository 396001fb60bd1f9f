"""`modbot koppla` links an account to a channel as `koppla` in Teams does, and remembers the
channel, so that the README's flag reaches a card there without going through Teams first."""

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.cli import main
from storage.db import make_engine
from tests.conftest import MovingClock, free_port, make_settings, running_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import flag

CHANNEL = "19:moderatorer-cli@thread.tacv2"


async def test_koppla_links_an_account_so_a_flag_is_accepted(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    linked = [
        "koppla",
        "facebook",
        "Hjo kommun",
        "https://facebook.com/hjokommun",
        "--kanal",
        CHANNEL,
        "--service-url",
        connector.url,
    ]
    assert main(linked) == 0
    assert f"Facebook Hjo kommun är nu kopplat till kanalen {CHANNEL}" in capsys.readouterr().out
    async with running_bot(make_settings(tmp_path, free_port()), connector, clock) as bot:
        case_id, card_id = await bot.flagged_card(flag())
    [card] = [call for call in connector.sent if call.returned_id == card_id]
    assert card.conversation_id == CHANNEL
    assert case_id == 1
    engine = make_engine(f"sqlite:///{tmp_path / 'modbot.db'}")
    with engine.connect() as connection:
        actor, detail = connection.execute(
            text("SELECT actor_id, detail FROM audit_event WHERE action = 'account_linked'")
        ).one()
    engine.dispose()
    assert actor.startswith("cli:") and json.loads(detail)["channel"] == CHANNEL


def test_koppla_refuses_a_channel_the_bot_cannot_write_to(
    cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["koppla", "facebook", "Hjo kommun", "https://facebook.com/hjokommun"]
    assert main([*arguments, "--kanal", CHANNEL]) == 2
    err = capsys.readouterr().err
    assert CHANNEL in err and "--service-url" in err
    assert main([*arguments, "--kanal", CHANNEL, "--service-url", "inte en länk"]) == 2
    assert "--service-url inte en länk" in capsys.readouterr().err
    engine = make_engine(f"sqlite:///{cli_environment}")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM account")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM conversation")).scalar() == 0
    engine.dispose()


def test_koppla_refuses_as_teams_does(capsys: pytest.CaptureFixture[str]) -> None:
    channel = ["--kanal", CHANNEL, "--service-url", "https://smba.trafficmanager.net/emea/"]
    assert main(["koppla", "myspace", "Hjo kommun", "https://myspace.com/hjo", *channel]) == 2
    assert "Okänd plattform myspace" in capsys.readouterr().err
    assert main(["koppla", "facebook", "Hjo kommun", "facebook.com/hjo", *channel]) == 2
    assert "facebook.com/hjo ser inte ut som en länk" in capsys.readouterr().err


def test_koppla_again_moves_the_account_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    service = ["--service-url", "https://smba.trafficmanager.net/emea/"]
    arguments = ["koppla", "facebook", "Hjo kommun", "https://facebook.com/hjokommun"]
    assert main([*arguments, "--kanal", CHANNEL, *service]) == 0
    assert main([*arguments, "--kanal", "19:annan@thread.tacv2", *service]) == 0
    assert f"(tidigare {CHANNEL})" in capsys.readouterr().out
