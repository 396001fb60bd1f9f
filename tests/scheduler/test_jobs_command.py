"""`modbot jobs` lists the jobs the bot stored in its database, with their next run."""

from pathlib import Path

import pytest

from bot.cli import main
from scheduler.jobs import DEADLINE_REMINDERS
from tests.conftest import RunningBot


async def test_jobs_lists_the_stored_jobs_with_their_next_run(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_DATABASE_URL", bot.settings.database_url)
    assert main(["jobs"]) == 0
    shown = capsys.readouterr().out
    assert DEADLINE_REMINDERS in shown
    assert "nästa körning 20" in shown


def test_jobs_on_a_new_database_says_there_are_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'ny.db'}")
    assert main(["jobs"]) == 0
    assert "Inga schemalagda jobb" in capsys.readouterr().out
