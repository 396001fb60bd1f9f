"""The engine and sessions.

SQLite runs in WAL mode and every writing transaction begins IMMEDIATE: writers queue on the
lock instead of failing half-way, which is what makes "first decision wins" and the gap-free
diarium series hold even with two bot processes on one database file. Reading sessions begin
deferred and take no lock at all, so a writer elsewhere never holds them up. A writer waits
at most BUSY_SECONDS for the lock and then fails with StorageBusy, which the edge answers
with 503 and Retry-After.
"""

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, create_engine

log = logging.getLogger(__name__)
T = TypeVar("T")
UNSYNCED = "files_not_on_disk_yet"
_CREATED = "files_created"
"""session.info: the files this transaction made, removed if it does not commit."""
_WATCHED = "files_watched"
AfterCommit = Callable[[set[str]], None]
Listener = tuple[asyncio.AbstractEventLoop | None, AfterCommit]
QUEUED = "queued_on_commit"
BUSY_SECONDS = 5


class StorageBusy(Exception):
    """The database stayed locked by another writer for longer than BUSY_SECONDS."""


def make_engine(url: str, *, writing: bool = True) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    if writing:
        _queue_writers(engine)
    begin = "BEGIN IMMEDIATE" if writing else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


def _queue_writers(engine: Engine) -> None:
    """The threads of one process queue for SQLite's write lock on a Python lock, in turn,
    instead of in SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and made
    eight moderators' presses wait hundreds of milliseconds. Other processes still meet the
    busy handler; the wait is bounded by BUSY_SECONDS either way."""
    writer = threading.Lock()
    held = "holds_writer_lock"

    @event.listens_for(engine, "begin")
    def _take(connection: Any) -> None:
        """The wait for this lock and for SQLite's share one deadline of BUSY_SECONDS."""
        started = time.monotonic()
        if not writer.acquire(timeout=BUSY_SECONDS):
            raise StorageBusy()
        connection.info[held] = True
        left = max(BUSY_SECONDS - (time.monotonic() - started), 0.05)
        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(left * 1000)}")

    def _give_back(connection: Any) -> None:
        if connection.info.pop(held, False):
            writer.release()

    def _give_back_unused(_dbapi_connection: Any, record: Any) -> None:
        """The backstop: a connection back in the pool never keeps the lock, even when its
        transaction ended in an error that skipped the rollback."""
        if record.info.pop(held, False):
            writer.release()

    event.listen(engine, "commit", _give_back)
    event.listen(engine, "rollback", _give_back)
    event.listen(engine, "checkin", _give_back_unused)


def call_on_loop(loop: asyncio.AbstractEventLoop | None, callback: Any, *args: Any) -> None:
    """Run `callback` on `loop`: at once when already there, otherwise handed over safely
    (commits happen in worker threads, the workers they wake live on the event loop)."""
    try:
        here = asyncio.get_running_loop()
    except RuntimeError:
        here = None
    if loop is None or here is loop:
        callback(*args)
    elif not loop.is_closed():
        loop.call_soon_threadsafe(callback, *args)


def is_busy(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and "locked" in str(error.orig).lower()


class Database:
    """Hands out sessions, and wakes the senders once the transaction that queued something
    for them has committed (never before: an uncommitted message must not be sent)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reading_engine = (
            make_engine(str(engine.url), writing=False)
            if engine.dialect.name == "sqlite"
            else engine
        )
        self._after_commit: dict[str, list[Listener]] = {}
        self._sessions = sessionmaker(engine, class_=Session, expire_on_commit=False)
        self._readers = sessionmaker(self._reading_engine, class_=Session, expire_on_commit=False)
        event.listen(self._sessions, "after_commit", self._notify)
        event.listen(self._sessions, "before_commit", _sync_files)
        self._background = ThreadPoolExecutor(max_workers=2, thread_name_prefix="background")

    def on_commit(self, topic: str, callback: AfterCommit) -> None:
        """`callback` runs on the event loop it was registered from, whichever thread
        committed."""
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        self._after_commit.setdefault(topic, []).append((loop, callback))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A writing session; a lock held elsewhere beyond BUSY_SECONDS raises StorageBusy."""
        with self._sessions() as session:
            try:
                yield session
            except OperationalError as error:
                if is_busy(error):
                    raise StorageBusy() from error
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session that only reads: it takes no lock, so no writer holds it up."""
        with self._readers() as session:
            yield session

    async def in_background(self, work: Callable[..., T], *args: Any) -> T:
        """Run `work` in a worker thread of the background workers' own: the outbox, the
        screenshots and the platform events never queue a person's turn or a flag behind
        theirs in the default executor."""
        return await asyncio.get_running_loop().run_in_executor(self._background, work, *args)

    def dispose(self) -> None:
        self._background.shutdown(wait=False, cancel_futures=True)
        self.engine.dispose()
        self._reading_engine.dispose()

    def _notify(self, session: Session) -> None:
        queued: dict[str, set[str]] = session.info.pop(QUEUED, {})
        for topic, values in queued.items():
            for loop, callback in self._after_commit.get(topic, []):
                call_on_loop(loop, callback, values)


def file_written(session: Session, created: Path | None = None) -> None:
    """A file this transaction's rows point at was written without its own flush to disk:
    one flush of everything before the commit makes a row never outlive its file. `created`,
    a file the transaction made, is removed again if the transaction does not commit."""
    session.info[UNSYNCED] = True
    if created is not None:
        _remove_on_rollback(session, created)


def _remove_on_rollback(session: Session, path: Path) -> None:
    """The file is kept once the transaction commits, and removed if it ends otherwise.
    (Writers queue on the database's write lock, so nobody else can have come to rely on a
    file this transaction made before it ends.)"""
    if not session.info.get(_WATCHED):
        session.info[_WATCHED] = True
        event.listen(session, "after_commit", _keep_created)
        event.listen(session, "after_transaction_end", _discard_uncommitted)
    session.info.setdefault(_CREATED, []).append(path)


def _keep_created(session: Session) -> None:
    if not session.in_nested_transaction():
        session.info.pop(_CREATED, None)


def _discard_uncommitted(session: Session, transaction: Any) -> None:
    if transaction.parent is not None:
        return
    for path in session.info.pop(_CREATED, []):
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            log.error("could not remove %s, written for a transaction that failed: %s", path, error)


def _sync_files(session: Session) -> None:
    if session.info.pop(UNSYNCED, False):
        os.sync()


def queued_on_commit(session: Session, topic: str, value: str) -> None:
    """Note that `value` was queued for `topic` in this session's transaction."""
    session.info.setdefault(QUEUED, {}).setdefault(topic, set()).add(value)
