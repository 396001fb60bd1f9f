"""`verify`, `utdrag`, `bevispaket`, `arkivpaket` and `parked` read an existing database: on a
missing one they refuse instead of making an empty one and reporting on that; a missing
account is named, with no word of "this channel"."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from routine.decisions import Actor
from services.linking import link_channel
from storage.db import Database, make_engine
from storage.migrations import migrate


def test_verify_refuses_a_database_that_does_not_exist(
    cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify"]) == 2
    captured = capsys.readouterr()
    assert "Allt stämmer" not in captured.out
    assert f"Databasen {cli_environment} finns inte" in captured.err
    assert "MODBOT_DATABASE_URL" in captured.err
    assert not cli_environment.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["utdrag", "Hjo kommun", "2026-11-01", "2026-11-30"],
        ["bevispaket", "SM-2026-0001"],
        ["arkivpaket", "Hjo kommun"],
        ["parked"],
    ],
)
def test_reading_commands_refuse_a_database_that_does_not_exist(
    command: list[str], cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(command) == 2
    assert "finns inte" in capsys.readouterr().err
    assert not cli_environment.exists()


def test_verify_on_an_empty_database_finds_it_as_recorded(
    cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(cli_environment).dispose()
    assert main(["verify"]) == 0
    assert "Allt stämmer: 0 händelser" in capsys.readouterr().out


def _database(path: Path) -> Database:
    database = Database(make_engine(f"sqlite:///{path}"))
    migrate(database.engine)
    return database


def _link(path: Path, platform: str, name: str) -> None:
    database = _database(path)
    with database.session() as session:
        link_channel(
            session,
            platform=platform,
            name=name,
            url=f"https://{platform}.com/hjokommun",
            channel_conversation_id=f"19:{platform}@thread.tacv2",
            actor=Actor(id="29:anna", name="Anna"),
            now=datetime(2026, 11, 1, tzinfo=UTC),
        )
    database.dispose()


@pytest.mark.parametrize(
    "command",
    [["utdrag", "Gate kommun", "2026-11-01", "2026-11-30"], ["arkivpaket", "Gate kommun"]],
)
def test_an_unknown_account_is_named_not_a_channel(
    command: list[str], cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _link(cli_environment, "facebook", "Hjo kommun")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert 'Det finns inget kopplat konto som heter "Gate kommun"' in err
    assert "kanal" not in err


def test_a_name_on_several_platforms_asks_for_the_platform(
    cli_environment: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _link(cli_environment, "facebook", "Hjo kommun")
    _link(cli_environment, "instagram", "Hjo kommun")
    assert main(["utdrag", "Hjo kommun", "2026-11-01", "2026-11-30"]) == 2
    err = capsys.readouterr().err
    assert "facebook, instagram" in err and "--plattform" in err
    assert "kanal" not in err
    assert (
        main(["utdrag", "Hjo kommun", "2026-11-01", "2026-11-30", "--plattform", "facebook"]) == 0
    )
    assert capsys.readouterr().out.splitlines()[0].endswith(".pdf")
