"""Each CLI test runs `main([...])` with only the MODBOT_* variables it sets: a database and an
evidence folder of its own under tmp_path, nothing from the shell that runs the tests."""

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def cli_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("MODBOT_"):
            monkeypatch.delenv(name)
    database = tmp_path / "modbot.db"
    monkeypatch.setenv("MODBOT_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(tmp_path / "evidence"))
    return database
