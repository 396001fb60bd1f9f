"""Section 4 and 6 for YouTube: a job asks each connected channel for its new comment threads.

Each page is stored as it came (the same store-first path as Meta's webhooks, so the event
processor records and screens it), then the cursor moves. The cursor is kept per account:
the newest comment time already read, and, while a run is paging back towards it, the page
token to go on from, so a stop for quota or an error resumes where it was instead of
starting over. Quota is counted per YouTube quota day against a configurable share of the
project's daily units; a `quotaExceeded` answer spends the rest of the day."""

import json
import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlmodel import Session, select

from platforms.token_source import TokenSourceError, read_token
from platforms.youtube import (
    LIST_COST,
    SOURCE,
    ListFailed,
    QuotaExceeded,
    YouTubeComments,
    quota_day,
)
from routine.platforms import Platform
from services.inbound import InboundQueue
from storage import bot_state
from storage.accounts import ACTIVE
from storage.db import Database
from storage.models import Account

log = logging.getLogger(__name__)

QUOTA_KEY = "youtube-quota"
MAX_PAGES_PER_RUN = 20


@dataclass
class Cursor:
    seen_until: str | None = None
    """ISO time of the newest comment read in a finished run; older ones are known."""
    newest: str | None = None
    """The newest comment time seen by the run under way."""
    page_token: str | None = None
    """Where the run under way goes on; None when no run is under way."""


@dataclass(frozen=True)
class _Channel:
    account_id: int
    channel_id: str
    token_source: str


class YouTubePoller:
    def __init__(
        self,
        database: Database,
        comments: YouTubeComments,
        inbound: InboundQueue,
        units_per_day: int,
    ) -> None:
        self._database = database
        self._comments = comments
        self._inbound = inbound
        self._units_per_day = units_per_day

    async def poll(self, now: datetime) -> int:
        """Pages stored in this run, across every connected channel."""
        with self._database.session() as session:
            channels = _connected_channels(session)
        stored = 0
        for channel in channels:
            try:
                stored += await self._poll_channel(channel, now)
            except QuotaExceeded:
                log.warning("YouTube quota spent for %s", quota_day(now))
                self._spend_rest_of_day(now)
                break
        return stored

    async def _poll_channel(self, channel: _Channel, now: datetime) -> int:
        try:
            token = read_token(channel.token_source)
        except TokenSourceError as problem:
            log.warning("YouTube account %d: %s", channel.account_id, problem)
            return 0
        cursor = self._cursor(channel.account_id)
        stored = 0
        while stored < MAX_PAGES_PER_RUN and self._take_units(now, LIST_COST):
            try:
                page = await self._comments.page(channel.channel_id, token, cursor.page_token, now)
            except ListFailed as problem:
                log.warning("YouTube account %d: %s", channel.account_id, problem)
                return stored
            await self._inbound.store(SOURCE, page.body)
            stored += 1
            times = [event.created_at.astimezone(UTC).isoformat() for event in page.events]
            cursor.newest = max([*times, cursor.newest or ""]) or None
            reached_known = cursor.seen_until is not None and any(
                moment <= cursor.seen_until for moment in times
            )
            if reached_known or page.next_page_token is None:
                cursor = Cursor(seen_until=cursor.newest or cursor.seen_until)
                self._save(channel.account_id, cursor)
                return stored
            cursor.page_token = page.next_page_token
            self._save(channel.account_id, cursor)
        return stored

    def _cursor(self, account_id: int) -> Cursor:
        with self._database.session() as session:
            value = bot_state.get_value(session, _cursor_key(account_id))
        return Cursor(**json.loads(value)) if value else Cursor()

    def _save(self, account_id: int, cursor: Cursor) -> None:
        with self._database.session() as session:
            bot_state.set_value(session, _cursor_key(account_id), json.dumps(asdict(cursor)))
            session.commit()

    def _take_units(self, now: datetime, units: int) -> bool:
        day = quota_day(now).isoformat()
        with self._database.session() as session:
            used = _units_used(session, day)
            if used + units > self._units_per_day:
                return False
            bot_state.set_value(session, QUOTA_KEY, f"{day} {used + units}")
            session.commit()
        return True

    def _spend_rest_of_day(self, now: datetime) -> None:
        with self._database.session() as session:
            day = quota_day(now).isoformat()
            bot_state.set_value(session, QUOTA_KEY, f"{day} {self._units_per_day}")
            session.commit()


def _units_used(session: Session, day: str) -> int:
    value = bot_state.get_value(session, QUOTA_KEY)
    if not value or not value.startswith(day + " "):
        return 0
    return int(value.split(" ", 1)[1])


def _connected_channels(session: Session) -> list[_Channel]:
    accounts = session.exec(
        select(Account).where(Account.platform == Platform.YOUTUBE.value, ACTIVE)
    )
    return [
        _Channel(account.id, account.platform_id, account.token_source)
        for account in accounts
        if account.id is not None and account.platform_id and account.token_source
    ]


def _cursor_key(account_id: int) -> str:
    return f"youtube-cursor:{account_id}"
