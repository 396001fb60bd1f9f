"""Schema changes apply to a database made by an earlier release, and run only once."""

from pathlib import Path

from sqlalchemy import inspect, text

from storage.db import make_engine
from storage.migrations import STEPS, migrate


def test_a_version_1_database_gets_people_and_roles(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine)
    version_1_columns = (
        "id, platform, name, name_key, url, channel_conversation_id, linked_at, linked_by_name"
    )
    with engine.begin() as connection:
        connection.execute(
            text(f"CREATE TABLE account_v1 AS SELECT {version_1_columns} FROM account")
        )
        connection.execute(text("DROP TABLE account"))
        connection.execute(text("ALTER TABLE account_v1 RENAME TO account"))
        connection.execute(text("DROP TABLE person"))
        connection.execute(text("DELETE FROM schema_version WHERE version > 1"))
    assert migrate(engine) == len(STEPS)
    columns = {column["name"] for column in inspect(engine).get_columns("account")}
    assert {"officer_person_id", "manager_person_id"} <= columns
    assert "person" in inspect(engine).get_table_names()


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert migrate(engine) == migrate(engine) == len(STEPS)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT COUNT(*) FROM schema_version")).scalar()
    assert rows == len(STEPS)
