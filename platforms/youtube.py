"""YouTube has no webhooks: the bot asks for a channel's comment threads, newest first
(Data API v3 `commentThreads.list`, `allThreadsRelatedToChannelId`, `order=time`), page by
page with `pageToken`. Each list call costs one quota unit; the answer is kept as YouTube gave
it and read into comment events by `read_threads`."""

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from platforms.events import CommentEvent, MalformedEvent, Verb, json_object
from routine.platforms import Platform

SOURCE = "youtube"
PAGE_SIZE = 100
LIST_COST = 1
CALL_TIMEOUT_SECONDS = 15.0


QUOTA_ZONE = ZoneInfo("America/Los_Angeles")
"""YouTube's daily quota turns at midnight Pacific time."""


def quota_day(now: datetime) -> date:
    return now.astimezone(QUOTA_ZONE).date()


class QuotaExceeded(Exception):
    """YouTube refused with `quotaExceeded`: nothing more until the quota day turns."""


class ListFailed(Exception):
    """No page this time (refused or unreachable); the cursor stays where it was."""


@dataclass(frozen=True)
class Page:
    body: bytes
    events: list[CommentEvent]
    next_page_token: str | None


class YouTubeComments:
    def __init__(self, http: aiohttp.ClientSession, base_url: str) -> None:
        self._http = http
        self._url = f"{base_url.rstrip('/')}/commentThreads"

    async def page(
        self, channel_id: str, token: str, page_token: str | None, now: datetime
    ) -> Page:
        params = {
            "part": "snippet",
            "allThreadsRelatedToChannelId": channel_id,
            "order": "time",
            "maxResults": str(PAGE_SIZE),
            "textFormat": "plainText",
        }
        if page_token:
            params["pageToken"] = page_token
        try:
            async with self._http.get(
                self._url,
                params=params,
                headers={"Authorization": f"Bearer {token}"},
                timeout=aiohttp.ClientTimeout(total=CALL_TIMEOUT_SECONDS),
            ) as response:
                body = await response.read()
                status = response.status
        except (TimeoutError, aiohttp.ClientError) as error:
            raise ListFailed(type(error).__name__) from None
        if status != 200:
            reasons = _reasons(body)
            if "quotaExceeded" in reasons or "dailyLimitExceeded" in reasons:
                raise QuotaExceeded()
            raise ListFailed(f"HTTP {status} {','.join(reasons)}".strip())
        try:
            events = read_threads(body, now)
            next_token = json.loads(body).get("nextPageToken")
        except (MalformedEvent, ValueError, AttributeError) as error:
            raise ListFailed(f"unreadable answer: {error}") from None
        return Page(body, events, str(next_token) if next_token else None)


def read_threads(body: bytes, received_at: datetime) -> list[CommentEvent]:
    """The top-level comment of each thread in one `commentThreadListResponse`."""
    try:
        payload = json.loads(body)
    except ValueError as error:
        raise MalformedEvent("not JSON") from error
    items = payload.get("items") if isinstance(payload, dict) else None
    if not isinstance(items, list):
        raise MalformedEvent("no items list")
    return [_event(item, received_at) for item in items]


def _event(thread: Any, received_at: datetime) -> CommentEvent:
    snippet = json_object(thread.get("snippet") if isinstance(thread, dict) else None)
    comment = json_object(snippet.get("topLevelComment"))
    details = json_object(comment.get("snippet"))
    if not details or not comment.get("id"):
        raise MalformedEvent("thread without topLevelComment")
    author = details.get("authorChannelId")
    author_id = author.get("value") if isinstance(author, dict) else None
    video = details.get("videoId") or snippet.get("videoId")
    comment_id = str(comment["id"])
    return CommentEvent(
        platform=Platform.YOUTUBE.value,
        platform_account_id=str(snippet.get("channelId") or details.get("channelId") or ""),
        comment_id=comment_id,
        verb=Verb.ADD,
        kind="comment",
        post_id=str(video) if video else None,
        parent_id=None,
        author_id=str(author_id or "okänd"),
        author_name=str(details.get("authorDisplayName") or "okänd"),
        text=str(details.get("textOriginal") or details.get("textDisplay") or ""),
        created_at=_moment(details.get("publishedAt"), received_at),
        has_image=False,
        permalink=(
            f"https://www.youtube.com/watch?v={video}&lc={comment_id}"
            if video
            else f"https://www.youtube.com/channel/{snippet.get('channelId')}"
        ),
        raw=json.dumps(thread, ensure_ascii=False).encode(),
    )


def _moment(value: object, fallback: datetime) -> datetime:
    if not isinstance(value, str):
        return fallback
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return fallback
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _reasons(body: bytes) -> list[str]:
    try:
        errors = json.loads(body)["error"]["errors"]
        return [str(e.get("reason")) for e in errors if isinstance(e, dict)]
    except (ValueError, KeyError, TypeError):
        return []
