"""Removing a comment on its platform: Graph API `DELETE /{comment-id}` for Facebook and
Instagram, YouTube Data API `comments.setModerationStatus` with `rejected` (the only way a
channel owner can take down someone else's comment).

The platform's own words come back either way: a success is recorded as the platform answered
it, and a refusal carries the platform's message so the moderator sees why on the card."""

import json
from dataclasses import dataclass

import aiohttp

META_GRAPH = "https://graph.facebook.com/v24.0"
YOUTUBE_V3 = "https://www.googleapis.com/youtube/v3"

CALL_TIMEOUT_SECONDS = 8.0
"""A card press waits for the platform; Teams gives an invoke about fifteen seconds."""


@dataclass(frozen=True)
class PlatformAnswer:
    status: int
    body: str
    """What the platform said, kept verbatim (at most 2,000 characters) for the record."""


class PlatformRefused(Exception):
    """The platform answered but did not remove the comment."""

    def __init__(self, answer: PlatformAnswer, message: str) -> None:
        super().__init__(message)
        self.answer = answer
        self.message = message


class PlatformUnreachable(Exception):
    """No answer at all: nothing is known to have been removed."""


@dataclass(frozen=True)
class PlatformUrls:
    meta_graph: str = META_GRAPH
    youtube: str = YOUTUBE_V3


class PlatformRemover:
    def __init__(self, http: aiohttp.ClientSession, urls: PlatformUrls) -> None:
        self._http = http
        self._urls = urls

    async def remove(self, platform: str, comment_id: str, token: str) -> PlatformAnswer:
        headers = {"Authorization": f"Bearer {token}"}
        if platform == "youtube":
            method, url = "POST", f"{self._urls.youtube.rstrip('/')}/comments/setModerationStatus"
            params = {"id": comment_id, "moderationStatus": "rejected"}
        else:
            method, url = "DELETE", f"{self._urls.meta_graph.rstrip('/')}/{comment_id}"
            params = {}
        try:
            async with self._http.request(
                method,
                url,
                params=params,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=CALL_TIMEOUT_SECONDS),
            ) as response:
                answer = PlatformAnswer(response.status, (await response.text())[:2000])
        except (TimeoutError, aiohttp.ClientError) as error:
            raise PlatformUnreachable(type(error).__name__) from None
        if not _removed(platform, answer):
            raise PlatformRefused(answer, _message(answer))
        return answer


def _removed(platform: str, answer: PlatformAnswer) -> bool:
    if platform == "youtube":
        return answer.status == 204
    return answer.status == 200 and _json(answer.body).get("success") is True


def _message(answer: PlatformAnswer) -> str:
    """Both Graph and Google APIs put the reason in `error.message`."""
    error = _json(answer.body).get("error")
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return f"HTTP {answer.status}: {error['message'][:300]}"
    return f"HTTP {answer.status}"


def _json(body: str) -> dict[str, object]:
    try:
        value = json.loads(body)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
