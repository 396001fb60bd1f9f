"""Service tests run against a real SQLite database (tests.services.world)."""

from pathlib import Path

import pytest

from tests.services.world import World, make_world


@pytest.fixture
def world(tmp_path: Path) -> World:
    return make_world(tmp_path)
