"""The screenshot half of the evidence, rendered right after the flag is stored.

Rendering takes several milliseconds of CPU, so it runs in a worker process beside intake
instead of inside it: a flag is accepted as fast as it can be stored, the event loop stays free
for moderators' clicks, and the card is posted once the screenshot exists. A case whose
screenshot is missing after a restart is picked up again.
"""

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from multiprocessing import get_context

from sqlalchemy import exists
from sqlmodel import Session, col, select

from services.evidence import SCREENSHOT, EvidenceFiles
from services.notifier import Notifier
from services.screenshot import CommentSnapshot, render_png
from services.views import CaseViews
from storage import audit, cases
from storage.accounts import get_account
from storage.audit import SYSTEM
from storage.db import Database
from storage.evidence import evidence_kinds
from storage.models import Evidence, FlaggedCase

log = logging.getLogger(__name__)
STORE_TOGETHER = 10


def cases_without_screenshot(session: Session, limit: int = 100) -> list[int]:
    has_screenshot = exists().where(
        col(Evidence.case_id) == FlaggedCase.id, col(Evidence.kind) == SCREENSHOT
    )
    query = select(FlaggedCase.id).where(~has_screenshot).order_by(col(FlaggedCase.id))
    return [case_id for case_id in session.exec(query.limit(limit)) if case_id is not None]


def snapshot_of(session: Session, case_id: int) -> CommentSnapshot | None:
    case = cases.get_case(session, case_id)
    if case is None:
        return None
    account = get_account(session, case.account_id)
    assert account is not None
    return CommentSnapshot(
        platform=account.platform,
        account=account.name,
        permalink=case.permalink,
        post_id=case.post_id,
        author_name=case.author_name,
        author_id=case.author_id,
        created_at=case.comment_created_at,
        captured_at=case.received_at,
        text=case.text,
    )


def store_screenshot(
    session: Session,
    files: EvidenceFiles,
    views: CaseViews,
    notifier: Notifier,
    case_id: int,
    png: bytes,
    now: datetime,
) -> None:
    """Store once, in the caller's transaction: with two bot processes both may render, only
    the first one stores."""
    if SCREENSHOT in evidence_kinds(session, case_id):
        return
    files.save(
        session,
        case_id=case_id,
        kind=SCREENSHOT,
        name="skarmdump.png",
        content_type="image/png",
        data=png,
        added_by_name=SYSTEM.name,
        now=now,
    )
    audit.record(session, at=now, actor=SYSTEM, action="screenshot_saved", case_id=case_id)
    session.flush()
    notifier.case_ready(session, views.get(session, case_id, now), now)


def _yield_to_requests() -> None:
    """The renderer is background work: intake and moderators' clicks come first."""
    os.nice(10)


class ScreenshotWorker:
    """Renders screenshots for new cases, one at a time, off the event loop."""

    def __init__(
        self,
        database: Database,
        files: EvidenceFiles,
        views: CaseViews,
        notifier: Notifier,
        clock: Callable[[], datetime],
        quiet: Callable[[], Awaitable[None]],
    ) -> None:
        self._database = database
        self._quiet = quiet
        self._files = files
        self._views = views
        self._notifier = notifier
        self._clock = clock
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._renderer: ProcessPoolExecutor | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._renderer = ProcessPoolExecutor(
            max_workers=1, mp_context=get_context("spawn"), initializer=_yield_to_requests
        )
        self._task = asyncio.create_task(self._run(), name="screenshots")
        self._wake.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        if self._renderer is not None:
            self._renderer.shutdown(wait=True, cancel_futures=True)

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                while await self._capture_some():
                    pass
            except Exception:
                log.exception("screenshot capture failed; retrying in 5 s")
                await asyncio.sleep(5)
                self._wake.set()

    async def _capture_some(self) -> bool:
        with self._database.session() as session:
            waiting = cases_without_screenshot(session)
            snapshots = [(case_id, snapshot_of(session, case_id)) for case_id in waiting]
        ready = [(case_id, snapshot) for case_id, snapshot in snapshots if snapshot is not None]
        loop = asyncio.get_running_loop()
        for start in range(0, len(ready), STORE_TOGETHER):
            chunk = ready[start : start + STORE_TOGETHER]
            pictures = await asyncio.gather(
                *(loop.run_in_executor(self._renderer, render_png, shot) for _, shot in chunk)
            )
            await self._quiet()
            with self._database.session() as session:
                now = self._clock()
                for (case_id, _), png in zip(chunk, pictures, strict=True):
                    store_screenshot(
                        session, self._files, self._views, self._notifier, case_id, png, now
                    )
                session.commit()
        return bool(waiting)
