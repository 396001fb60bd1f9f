"""Schema changes, applied in order at start and recorded in `schema_version`.

A release that changes a table adds a step here; the database is never dropped and rebuilt.
"""

from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)

Step = Callable[[Connection], None]


def _initial_schema(connection: Connection) -> None:
    SQLModel.metadata.create_all(connection)
    if connection.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            connection.execute(
                text(
                    f"CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event "
                    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
                )
            )


STEPS: list[Step] = [_initial_schema]


def migrate(engine: Engine) -> int:
    """Bring the schema up to date; returns the version it is at."""
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        )
        current = connection.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
        version = current or 0
        for number, step in enumerate(STEPS[version:], start=version + 1):
            step(connection)
            connection.execute(text("INSERT INTO schema_version VALUES (:v)"), {"v": number})
            version = number
    return version
