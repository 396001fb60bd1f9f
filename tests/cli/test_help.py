"""`modbot <command> --help` tells that command's own arguments and an example; usage errors
exit 2 with the command's usage on stderr; `modbot` alone still serves."""

import argparse
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import Settings

COMMANDS = [
    "serve",
    "jobs",
    "package",
    "screen",
    "verify",
    "utdrag",
    "bevispaket",
    "arkivpaket",
    "parked",
    "koppla",
    "demo",
    "settings",
]
DOCUMENTED = [
    "serve",
    "demo",
    "koppla",
    "package",
    "settings",
    "screen",
    "verify",
    "utdrag",
    "bevispaket",
    "arkivpaket",
    "jobs",
    "parked",
]


def test_each_command_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    helps = {}
    for command in COMMANDS:
        assert main([command, "--help"]) == 0
        helps[command] = capsys.readouterr().out
        assert helps[command].startswith(f"usage: modbot {command} "), helps[command]
        assert "example" in helps[command]
        assert f"modbot {command}" in helps[command].split("example", 1)[1]
    assert len(set(helps.values())) == len(COMMANDS)
    assert "--kanal" in helps["koppla"] and "--service-url" in helps["koppla"]
    assert "--startsida" in helps["arkivpaket"] and "--plattform" in helps["arkivpaket"]
    assert "--out" in helps["package"] and "--image" in helps["screen"]
    assert "--kanal" not in helps["utdrag"]


def test_the_global_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    shown = capsys.readouterr().out
    assert all(f"\n    {command}" in shown for command in COMMANDS), shown


def test_parked_retry_has_its_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parked", "retry", "--help"]) == 0
    assert "usage: modbot parked retry [-h] nr" in capsys.readouterr().out


def test_screen_without_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen"]) == 2
    assert main(["screen", "  "]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("usage: modbot screen") == 2


def test_an_archive_period_needs_both_dates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["arkivpaket", "Hjo kommun", "2026-06-01"]) == 2
    assert "usage: modbot arkivpaket" in capsys.readouterr().err


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["servera"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_modbot_alone_still_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[Settings] = []

    def serve(settings: Settings, _arguments: argparse.Namespace) -> int:
        served.append(settings)
        return 0

    monkeypatch.setattr("bot.cli.entry.serve", serve)
    assert main([]) == 0
    assert len(served) == 1


def test_docs_cli_md_has_every_command_with_an_example() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    sections = docs.split("\n## ")[1:]
    assert [section.split("\n", 1)[0] for section in sections] == [
        f"`modbot {command}`" for command in DOCUMENTED
    ]
    for section in sections:
        assert "Example" in section, section.split("\n", 1)[0]
    assert sorted(DOCUMENTED) == sorted(COMMANDS)
