"""The one owner of the AsyncIOScheduler, started and stopped with the aiohttp app.

Jobs are kept in the bot's own database (apscheduler's SQLAlchemy job store), under fixed ids,
so a restart keeps their next run times and `modbot jobs` can list them. The store holds only
a job's id: the function it runs is attached when the bot starts, which keeps the stored jobs
free of pickled application objects.
"""

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

TIMEZONE = "Europe/Stockholm"
JOB_TABLE = "apscheduler_jobs"

Job = Callable[[datetime], Awaitable[int]]
"""A job at a moment; it returns how many messages it queued."""


@dataclass(frozen=True)
class Schedule:
    id: str
    trigger: BaseTrigger
    run: Job


_attached: dict[str, Callable[[], Awaitable[int]]] = {}


async def run_attached(job_id: str) -> None:
    """What the job store calls: the function attached to `job_id` in this process."""
    job = _attached.get(job_id)
    if job is None:
        log.warning("job %s has no function in this process; skipped", job_id)
        return
    await job()


def job_store(engine: Engine) -> SQLAlchemyJobStore:
    return SQLAlchemyJobStore(engine=engine, tablename=JOB_TABLE)


class ModbotScheduler:
    def __init__(
        self, engine: Engine, clock: Callable[[], datetime], schedules: list[Schedule]
    ) -> None:
        self._clock = clock
        self._schedules = {schedule.id: schedule for schedule in schedules}
        self.scheduler = AsyncIOScheduler(
            timezone=TIMEZONE,
            jobstores={"default": job_store(engine)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )

    def start(self) -> None:
        self.scheduler.start()
        for schedule in self._schedules.values():
            _attached[schedule.id] = self._bound(schedule)
            self.scheduler.add_job(
                run_attached,
                schedule.trigger,
                args=[schedule.id],
                id=schedule.id,
                name=schedule.id,
                replace_existing=True,
            )
        for job in self.scheduler.get_jobs():
            if job.id not in self._schedules:
                job.remove()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        for job_id in self._schedules:
            _attached.pop(job_id, None)

    async def run_now(self, job_id: str, now: datetime) -> int:
        """Run one job at a chosen moment, as the clock would (tests, and catching up)."""
        return await self._schedules[job_id].run(now)

    def _bound(self, schedule: Schedule) -> Callable[[], Awaitable[int]]:
        async def run() -> int:
            return await schedule.run(self._clock())

        return run


def list_jobs(scheduler: BaseScheduler) -> list[tuple[str, datetime | None]]:
    return [(job.id, job.next_run_time) for job in scheduler.get_jobs()]
