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
QUEUED = "queued_on_commit"


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
    """Hands out sessions, and wakes the senders once the transaction that queued something
    for them has committed (never before: an uncommitted message must not be sent)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._after_commit: dict[str, list[AfterCommit]] = {}
        self._sessions = sessionmaker(engine, class_=Session, expire_on_commit=False)
        event.listen(self._sessions, "after_commit", self._notify)

    def on_commit(self, topic: str, callback: AfterCommit) -> None:
        self._after_commit.setdefault(topic, []).append(callback)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def _notify(self, session: Session) -> None:
        queued: dict[str, set[str]] = session.info.pop(QUEUED, {})
        for topic, values in queued.items():
            for callback in self._after_commit.get(topic, []):
                callback(values)


def queued_on_commit(session: Session, topic: str, value: str) -> None:
    """Note that `value` was queued for `topic` in this session's transaction."""
    session.info.setdefault(QUEUED, {}).setdefault(topic, set()).add(value)
