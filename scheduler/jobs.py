"""The jobs: plain async functions of a moment, so tests call them at fixed times."""

import logging
from dataclasses import dataclass
from datetime import datetime

from apscheduler.triggers.interval import IntervalTrigger

from scheduler.runner import Schedule
from services.duties import HalfYearDuties
from services.monitoring import Monitoring
from services.notifier import Notifier
from services.reminders import send_deadline_reminders
from services.upkeep import Upkeep
from services.views import CaseViews
from storage.db import Database

log = logging.getLogger(__name__)

DEADLINE_REMINDERS = "deadline-reminders"
MONITORING = "vardag-monitoring"
UPKEEP = "account-upkeep"
HALF_YEAR = "half-year-duties"


@dataclass(frozen=True)
class JobContext:
    database: Database
    views: CaseViews
    notifier: Notifier
    monitoring: Monitoring
    upkeep: Upkeep
    duties: HalfYearDuties


async def deadline_reminders(context: JobContext, now: datetime) -> int:
    with context.database.session() as session:
        sent = send_deadline_reminders(session, context.views, context.notifier, now)
    if sent:
        log.info("%d deadline reminders queued", sent)
    return sent


async def monitoring(context: JobContext, now: datetime) -> int:
    """Section 3's vardag duty: the digest, the officer's reminder, the manager's report.
    Each runs every minute and sends only what is due and not yet sent, so a restart in the
    middle of the day catches up once and never sends yesterday's digest late."""
    with context.database.session() as session:
        sent = context.monitoring.send_digests(session, now)
        sent += context.monitoring.remind_unattested(session, now)
        sent += context.monitoring.report_missed(session, now)
    if sent:
        log.info("%d monitoring messages queued", sent)
    return sent


async def account_upkeep(context: JobContext, now: datetime) -> int:
    """Section 3: weekly updates nudged, officerless accounts reported, on vardag mornings."""
    with context.database.session() as session:
        sent = context.upkeep.send_nudges(session, now)
        sent += context.upkeep.report_missing_officers(session, now)
    if sent:
        log.info("%d upkeep messages queued", sent)
    return sent


async def half_year_duties(context: JobContext, now: datetime) -> int:
    """Sections 4 and 5: archive and culling tasks opened, reminded weekly, escalated."""
    with context.database.session() as session:
        sent = context.duties.open_tasks(session, now)
        sent += context.duties.remind(session, now)
    if sent:
        log.info("%d half-year task messages queued", sent)
    return sent


def schedules(context: JobContext) -> list[Schedule]:
    async def deadlines(now: datetime) -> int:
        return await deadline_reminders(context, now)

    async def vardag_monitoring(now: datetime) -> int:
        return await monitoring(context, now)

    async def upkeep(now: datetime) -> int:
        return await account_upkeep(context, now)

    async def duties(now: datetime) -> int:
        return await half_year_duties(context, now)

    return [
        Schedule(DEADLINE_REMINDERS, IntervalTrigger(minutes=1), deadlines),
        Schedule(MONITORING, IntervalTrigger(minutes=1), vardag_monitoring),
        Schedule(UPKEEP, IntervalTrigger(minutes=1), upkeep),
        Schedule(HALF_YEAR, IntervalTrigger(minutes=5), duties),
    ]
