"""The jobs: each is a list of steps, plain functions of a session and a moment, so tests run
them at fixed times. Every step sends only what is due and not yet recorded as sent, so
running a job again, after a restart or in a second process, sends nothing twice."""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlmodel import Session

from scheduler.runner import TIMEZONE, Job, Schedule
from services.directory import PeopleDirectory
from services.duties import HalfYearDuties
from services.monitoring import Monitoring
from services.personal_data import PersonalData
from services.reminders import DeadlineReminders
from services.synpunkter import SynpunktReminders
from services.upkeep import Upkeep
from services.youtube_poll import YouTubePoller
from storage import command_jobs, handled_activities
from storage.db import Database

log = logging.getLogger(__name__)

DEADLINE_REMINDERS = "deadline-reminders"
MONITORING = "vardag-monitoring"
UPKEEP = "account-upkeep"
HALF_YEAR = "half-year-duties"
SYNPUNKTER = "synpunkt-reminders"
DIRECTORY_CHECK = "directory-check"
YOUTUBE_POLL = "youtube-poll"
PERSONAL_DATA = "personal-data-retention"
BOOKKEEPING = "turn-bookkeeping"
BOOKKEEPING_KEPT = timedelta(days=1)

Step = Callable[[Session, datetime], int]


@dataclass(frozen=True)
class JobContext:
    database: Database
    deadlines: DeadlineReminders
    monitoring: Monitoring
    upkeep: Upkeep
    duties: HalfYearDuties
    synpunkter: SynpunktReminders
    personal_data: PersonalData
    directory: PeopleDirectory | None = None
    directory_check_time: time = time(7, 0)
    youtube: YouTubePoller | None = None
    youtube_poll_minutes: int = 5


async def run_steps(database: Database, job_id: str, steps: Sequence[Step], now: datetime) -> int:
    """In a worker thread: a job's database work never stops the event loop."""

    def run() -> int:
        with database.session() as session:
            return sum(step(session, now) for step in steps)

    sent = await database.in_background(run)
    if sent:
        log.info("%s: %d messages queued", job_id, sent)
    return sent


def schedules(context: JobContext) -> list[Schedule]:
    """Sections 3–6 of the routine as jobs; see the README's table for who hears what."""
    steps: dict[str, tuple[int, list[Step]]] = {
        DEADLINE_REMINDERS: (1, [context.deadlines.send]),
        MONITORING: (
            1,
            [
                context.monitoring.send_digests,
                context.monitoring.remind_unattested,
                context.monitoring.report_missed,
            ],
        ),
        UPKEEP: (1, [context.upkeep.send_nudges, context.upkeep.report_missing_officers]),
        HALF_YEAR: (5, [context.duties.open_tasks, context.duties.remind]),
        SYNPUNKTER: (5, [context.synpunkter.send]),
        PERSONAL_DATA: (60, [context.personal_data.pseudonymise]),
        BOOKKEEPING: (60, [forget_old_turns]),
    }
    jobs = [
        Schedule(
            job_id, IntervalTrigger(minutes=minutes), _job(context.database, job_id, job_steps)
        )
        for job_id, (minutes, job_steps) in steps.items()
    ]
    if context.directory is not None:
        at = context.directory_check_time
        trigger = CronTrigger(hour=at.hour, minute=at.minute, timezone=TIMEZONE)
        jobs.append(Schedule(DIRECTORY_CHECK, trigger, context.directory.check_officers))
    if context.youtube is not None:
        every = IntervalTrigger(minutes=context.youtube_poll_minutes)
        jobs.append(Schedule(YOUTUBE_POLL, every, context.youtube.poll))
    return jobs


def forget_old_turns(session: Session, now: datetime) -> int:
    """The records that keep a Teams retry from being handled twice, and finished document
    jobs, are needed for minutes; a day later they go. Queues nothing: returns 0."""
    before = now - BOOKKEEPING_KEPT
    forgotten = handled_activities.forget_before(session, before)
    forgotten += command_jobs.forget_finished_before(session, before)
    session.commit()
    if forgotten:
        log.info("%s: %d handled turns and finished jobs forgotten", BOOKKEEPING, forgotten)
    return 0


def _job(database: Database, job_id: str, steps: list[Step]) -> Job:
    async def run(now: datetime) -> int:
        return await run_steps(database, job_id, steps, now)

    return run
