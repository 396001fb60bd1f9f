"""What every command needs: the settings (a bad one named by its variable), the database,
who is acting, and the time."""

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.settings import Settings
from routine.decisions import Actor
from storage.db import Database, make_engine
from storage.migrations import migrate
from texts import t

ENV_PREFIX = "MODBOT_"

Handler = Callable[[Settings, argparse.Namespace], int]


def load_settings() -> Settings | None:
    """The settings from the environment; None after printing each problem, by variable."""
    try:
        return Settings()
    except ValidationError as error:
        for problem in setting_problems(error):
            fail(problem)
        return None


def setting_problems(error: ValidationError) -> list[str]:
    """`MODBOT_PORT: Input should be a valid integer, …` for a field; a check across several
    settings (no field of its own) already names its variables in its message."""
    problems = []
    for problem in error.errors(include_url=False):
        message = problem["msg"].removeprefix("Value error, ")
        location = problem["loc"]
        if location:
            message = f"{ENV_PREFIX}{str(location[0]).upper()}: {message}"
        problems.append(message)
    return problems


def fail(message: str) -> None:
    print(f"modbot: {message}", file=sys.stderr)


def missing_database(settings: Settings) -> Path | None:
    """The SQLite file the settings name when it does not exist (a command that only reads
    would otherwise create an empty one and report on that)."""
    try:
        url = make_url(settings.database_url)
    except ArgumentError:
        return None
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return None
    path = Path(url.database)
    return None if path.exists() else path


def open_database(settings: Settings, *, must_exist: bool) -> Database | None:
    """The migrated database; None, after saying so, when it must exist and does not."""
    if must_exist:
        missing = missing_database(settings)
        if missing is not None:
            fail(t(settings.language, "cli_no_database", path=missing, url=settings.database_url))
            return None
    database = Database(make_engine(settings.database_url))
    migrate(database.engine)
    return database


def now() -> datetime:
    return datetime.now(UTC)


def cli_actor() -> Actor:
    """Whoever runs the command, recorded as in Teams but marked as the command line."""
    return Actor(id=f"cli:{getpass.getuser()}", name=getpass.getuser())
