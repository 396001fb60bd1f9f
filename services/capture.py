"""The screenshot half of the evidence, rendered right after the flag is stored.

Rendering takes several milliseconds of CPU, so it runs in a worker process beside intake
instead of inside it: a flag is accepted as fast as it can be stored, the event loop stays free
for moderators' clicks, and the card is posted once the screenshot exists. A case whose
screenshot is missing after a restart is picked up again.

A picture that cannot be stored because the evidence folder refuses it (disk full or
read-only) is a fault of the storage, not of the case: it is not counted towards parking,
the account's channel hears of it once, and the worker tries again after
STORAGE_RETRY_SECONDS, until the picture is stored and the card goes out.
"""

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Collection
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from multiprocessing import get_context

from sqlalchemy import exists
from sqlmodel import Session, col, select

from services.evidence import SCREENSHOT, EvidenceFiles, EvidenceUnwritable
from services.evidence_faults import fault_over, tell_in_own_transaction
from services.notifier import Notifier
from services.parking import RetryPolicy, note_failure
from services.screenshot import CommentSnapshot, render_png
from services.views import CaseViews
from services.wakeup import LOOK_AGAIN_SECONDS, Wakeup
from storage import audit, cases, parked
from storage.accounts import get_account
from storage.audit import SYSTEM
from storage.cards import cards_for_case
from storage.db import Database
from storage.evidence import evidence_kinds
from storage.models import Evidence, FlaggedCase
from storage.record_digest import new_evidence

log = logging.getLogger(__name__)
STORE_TOGETHER = 10
RETRIES = RetryPolicy(attempts=3, base_seconds=2.0, max_seconds=30.0)
"""Three tries within about ten seconds: the card must not wait long for a picture."""
STORAGE_RETRY_SECONDS = 15.0
"""How long the worker waits after the evidence folder refused a picture; new cases do not
wake it sooner (each would only render pictures that cannot be stored)."""


def cases_without_screenshot(
    session: Session, skip: Collection[str] = (), limit: int = 100
) -> list[int]:
    has_screenshot = exists().where(
        col(Evidence.case_id) == FlaggedCase.id, col(Evidence.kind) == SCREENSHOT
    )
    query = select(FlaggedCase.id).where(~has_screenshot)
    if skip:
        query = query.where(col(FlaggedCase.id).not_in([int(ref) for ref in skip]))
    query = query.order_by(col(FlaggedCase.id)).limit(limit)
    return [case_id for case_id in session.exec(query) if case_id is not None]


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
    the first one stores. EvidenceUnwritable (the folder refused the file) leaves the
    transaction as it was."""
    if SCREENSHOT in evidence_kinds(session, case_id):
        return
    saved = files.save(
        session,
        case_id=case_id,
        kind=SCREENSHOT,
        name="skarmdump.png",
        content_type="image/png",
        data=png,
        added_by_name=SYSTEM.name,
        now=now,
    )
    audit.record(
        session,
        at=now,
        actor=SYSTEM,
        action="screenshot_saved",
        case_id=case_id,
        rows=[new_evidence(case_id, saved.file_name, saved.sha256)],
    )
    parked.forget(session, parked.SCREENSHOT, str(case_id))
    session.flush()
    _show(session, views, notifier, case_id, now)


def screenshot_failed(
    session: Session,
    views: CaseViews,
    notifier: Notifier,
    case_id: int,
    error: BaseException,
    now: datetime,
) -> datetime | None:
    """A picture that cannot be made must not keep the case from its moderator: once the
    retries are spent the card goes out saying that the moderator's own screenshot is needed.
    Returns when to try again, or None once parked."""
    failure = note_failure(session, parked.SCREENSHOT, str(case_id), error, now, RETRIES)
    if failure.parked_at is None:
        return failure.next_attempt_at
    audit.record(
        session,
        at=now,
        actor=SYSTEM,
        action="screenshot_failed",
        case_id=case_id,
        error=failure.last_error,
    )
    session.flush()
    _show(session, views, notifier, case_id, now)
    return None


def _show(
    session: Session, views: CaseViews, notifier: Notifier, case_id: int, now: datetime
) -> None:
    """A new case gets its card; a case whose card is out already (posted without a picture,
    then retried by hand) gets the card updated."""
    view = views.get(session, case_id, now)
    if cards_for_case(session, case_id):
        notifier.case_changed(session, view, now)
    else:
        notifier.case_ready(session, view, now)


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
        self._wake = Wakeup()
        self._task: asyncio.Task[None] | None = None
        self._renderer: ProcessPoolExecutor | None = None
        self._held_until = 0.0
        """Event-loop time until which a refused picture holds the worker back."""

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._wake.bind()
        self._renderer = _renderer()
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
            await self._wake.wait(LOOK_AGAIN_SECONDS)
            self._wake.clear()
            try:
                while await self._capture_some():
                    pass
            except Exception:
                log.exception("screenshot capture failed; retrying in 5 s")
                await asyncio.sleep(5)
                self._wake.set()

    async def _capture_some(self) -> bool:
        """Each case on its own: a picture that fails is retried later, the others go on.
        The database work runs in a worker thread, so a locked database never stops the loop.
        A picture the evidence folder refuses stops the round until STORAGE_RETRY_SECONDS."""
        loop = asyncio.get_running_loop()
        if loop.time() < self._held_until:
            return False
        waiting = await self._database.in_background(self._waiting)
        for start in range(0, len(waiting), STORE_TOGETHER):
            chunk = waiting[start : start + STORE_TOGETHER]
            pictures = await self._render(chunk)
            await self._quiet()
            retry_at, refused = await self._database.in_background(self._store, chunk, pictures)
            for moment in retry_at:
                delay = max((moment - self._clock()).total_seconds(), 0.0)
                loop.call_later(delay, self.wake)
            if refused:
                self._held_until = loop.time() + STORAGE_RETRY_SECONDS
                loop.call_later(STORAGE_RETRY_SECONDS, self.wake)
                return False
        return bool(waiting)

    def _waiting(self) -> list[tuple[int, CommentSnapshot]]:
        with self._database.reading() as session:
            skip = parked.held_back(session, parked.SCREENSHOT, self._clock())
            snapshots = [
                (case_id, snapshot_of(session, case_id))
                for case_id in cases_without_screenshot(session, skip)
            ]
        return [(case_id, shot) for case_id, shot in snapshots if shot is not None]

    def _store(
        self, chunk: list[tuple[int, CommentSnapshot]], pictures: list[bytes | BaseException]
    ) -> tuple[list[datetime], bool]:
        """Returns when the failed ones are to be tried again, and whether the evidence folder
        refused a picture. The pictures stored before the refusal are kept; the refused one
        and the rest of the chunk wait for the next round, none of them counted as failed."""
        retry_at: list[datetime] = []
        refused: EvidenceUnwritable | None = None
        with self._database.session() as session:
            now = self._clock()
            stored = False
            for (case_id, _), png in zip(chunk, pictures, strict=True):
                if isinstance(png, bytes):
                    try:
                        store_screenshot(
                            session, self._files, self._views, self._notifier, case_id, png, now
                        )
                    except EvidenceUnwritable as error:
                        refused = error
                        break
                    stored = True
                    continue
                again = screenshot_failed(session, self._views, self._notifier, case_id, png, now)
                if again is not None:
                    retry_at.append(again)
            if stored:
                fault_over(session)
            session.commit()
        if refused is not None:
            case_id = refused.case_id
            log.error("screenshot of case %s cannot be saved: %s", case_id, refused.__cause__)

            def account(session: Session) -> list[int]:
                case = cases.get_case(session, case_id)
                return [case.account_id] if case is not None else []

            tell_in_own_transaction(self._database, self._notifier, account, now)
        return retry_at, refused is not None

    async def _render(
        self, chunk: list[tuple[int, CommentSnapshot]]
    ) -> list[bytes | BaseException]:
        """A renderer process that dies takes its neighbours' pictures with it: the pool is
        made anew and those are rendered one by one, so only the case that kills it fails."""
        loop = asyncio.get_running_loop()
        pictures: list[bytes | BaseException] = list(
            await asyncio.gather(
                *(loop.run_in_executor(self._renderer, render_png, shot) for _, shot in chunk),
                return_exceptions=True,
            )
        )
        broken = [i for i, picture in enumerate(pictures) if isinstance(picture, BrokenProcessPool)]
        if broken:
            self._restart_renderer()
        for index in broken:
            try:
                pictures[index] = await loop.run_in_executor(
                    self._renderer, render_png, chunk[index][1]
                )
            except BrokenProcessPool as error:
                pictures[index] = error
                self._restart_renderer()
            except Exception as error:
                pictures[index] = error
        return pictures

    def _restart_renderer(self) -> None:
        if self._renderer is not None:
            self._renderer.shutdown(wait=False, cancel_futures=True)
        self._renderer = _renderer()


def _renderer() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=1, mp_context=get_context("spawn"), initializer=_yield_to_requests
    )
