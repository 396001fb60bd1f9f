"""The jobs: plain async functions of a moment, so tests call them at fixed times."""

import logging
from dataclasses import dataclass
from datetime import datetime

from apscheduler.triggers.interval import IntervalTrigger

from scheduler.runner import Schedule
from services.notifier import Notifier
from services.reminders import send_deadline_reminders
from services.views import CaseViews
from storage.db import Database

log = logging.getLogger(__name__)

DEADLINE_REMINDERS = "deadline-reminders"


@dataclass(frozen=True)
class JobContext:
    database: Database
    views: CaseViews
    notifier: Notifier


async def deadline_reminders(context: JobContext, now: datetime) -> int:
    with context.database.session() as session:
        sent = send_deadline_reminders(session, context.views, context.notifier, now)
    if sent:
        log.info("%d deadline reminders queued", sent)
    return sent


def schedules(context: JobContext) -> list[Schedule]:
    async def deadlines(now: datetime) -> int:
        return await deadline_reminders(context, now)

    return [Schedule(DEADLINE_REMINDERS, IntervalTrigger(minutes=1), deadlines)]
