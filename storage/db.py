"""The engine and sessions.

SQLite runs in WAL mode and every transaction begins IMMEDIATE: writers queue on the lock
instead of failing half-way, which is what makes "first decision wins" and the gap-free
diarium series hold even with two bot processes on one database file.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, create_engine

AfterCommit = Callable[[set[str]], None]


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class Database:
    """Hands out sessions and tells the outbox which conversations got new messages once
    the transaction that queued them has committed (never before: an uncommitted message
    must not be sent)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._after_commit: list[AfterCommit] = []
        self._sessions = sessionmaker(engine, class_=Session, expire_on_commit=False)
        event.listen(self._sessions, "after_commit", self._notify)

    def on_outbox_commit(self, callback: AfterCommit) -> None:
        self._after_commit.append(callback)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def _notify(self, session: Session) -> None:
        queued: set[str] = session.info.pop("outbox_conversations", set())
        if queued:
            for callback in self._after_commit:
                callback(queued)
