"""Commands that make documents answer at once and post their result when it is ready.

An evidence, printout or archive package takes seconds, at a busy year a minute, while Teams
retries a turn it got no answer to within 15 s. So the turn only records the job and says
that the bot is working on it; a worker thread makes the document, and the result (with its
link) is a reply through the outbox. Jobs are kept in the database and held by one process at
a time: a restart, or another process, finishes what a dead one started.
"""

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from botbuilder.schema import Activity
from sqlmodel import Session

from bot.runtime import Runtime
from bot.turns import Turn, command_text, read_turn
from routine.errors import RoutineError
from storage import command_jobs
from storage.command_jobs import Key
from texts import t

log = logging.getLogger(__name__)

HOLD = timedelta(seconds=10)
SWEEP_SECONDS = 5.0

RunCommand = Callable[[Turn, str], str]
T = TypeVar("T")


class CommandJobs:
    def __init__(self, runtime: Runtime, run: RunCommand, language: str) -> None:
        self._runtime = runtime
        self._run = run
        self._language = language
        self._owner = uuid.uuid4().hex
        self._wake = asyncio.Event()
        self._running: set[asyncio.Task[None]] = set()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._sweep(), name="command-jobs")

    async def stop(self) -> None:
        tasks = [*self._running, *([self._task] if self._task else [])]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.to_thread(
            self._in_session,
            lambda session, now: command_jobs.release_jobs(session, self._owner, now),
        )

    async def accept(self, activity: Activity, turn: Turn) -> None:
        """Record the job and queue the "working on it" reply, in one transaction."""
        key = (turn.conversation_id, activity.id or uuid.uuid4().hex)
        raw: dict[str, Any] = activity.serialize()

        def record() -> None:
            runtime = self._runtime
            with runtime.database.session() as session:
                now = runtime.clock()
                command_jobs.add_job(session, key, raw, now)
                _reply(runtime, session, activity, turn, t(turn.language, "working_on_it"))
                session.commit()

        await asyncio.to_thread(record)
        self._wake.set()

    async def _sweep(self) -> None:
        while True:
            try:
                taken = await asyncio.to_thread(
                    self._in_session,
                    lambda session, now: command_jobs.take_jobs(session, self._owner, now, HOLD),
                )
                for key, raw in taken:
                    task = asyncio.create_task(self._work(key, raw), name=f"job:{key[1][:20]}")
                    self._running.add(task)
                    task.add_done_callback(self._running.discard)
                if self._running:
                    await asyncio.to_thread(
                        self._in_session,
                        lambda session, now: command_jobs.renew_jobs(
                            session, self._owner, now, HOLD
                        ),
                    )
            except Exception:
                log.exception("command jobs: sweep failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), SWEEP_SECONDS / 2)
            self._wake.clear()

    async def _work(self, key: Key, raw: dict[str, Any]) -> None:
        activity = Activity().deserialize(raw)
        turn = read_turn(activity, self._language)
        try:
            text = await asyncio.to_thread(self._run, turn, command_text(activity))
        except RoutineError as refusal:
            text = t(turn.language, refusal.key, **refusal.params)
        except Exception:
            log.exception("command job %s failed", key)
            text = t(turn.language, "error_generic")

        def finish() -> None:
            runtime = self._runtime
            with runtime.database.session() as session:
                _reply(runtime, session, activity, turn, text)
                command_jobs.finish_job(session, key, runtime.clock())
                session.commit()

        await asyncio.to_thread(finish)

    def _in_session(self, step: Callable[[Session, datetime], T]) -> T:
        with self._runtime.database.session() as session:
            result = step(session, self._runtime.clock())
            session.commit()
        return result


def _reply(runtime: Runtime, session: Session, activity: Activity, turn: Turn, text: str) -> None:
    runtime.notifier.reply(
        session,
        conversation_id=turn.conversation_id,
        service_url=turn.home.service_url,
        reply_to_id=activity.id,
        text=text,
        now=runtime.clock(),
    )
