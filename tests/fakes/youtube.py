"""A fake YouTube Data API v3 on 127.0.0.1, speaking the documented JSON:
`GET commentThreads` (part=snippet, allThreadsRelatedToChannelId, order=time, maxResults,
pageToken; newest first, `nextPageToken` while more remain) and
`POST comments/setModerationStatus` (204 No Content). It counts quota as YouTube does
(1 unit per list, 50 per moderation call), answers `quotaExceeded` once the day's units are
spent, records every call, and fails on demand."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import web

PREFIX = "/youtube/v3"


@dataclass
class FakeYouTube:
    token: str
    quota: int = 10_000
    threads: list[dict[str, Any]] = field(default_factory=list)
    """Newest first, as `order=time` returns them."""
    lists: list[dict[str, str]] = field(default_factory=list)
    moderation: list[tuple[str, str, str | None]] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)
    url: str = ""

    @property
    def base_url(self) -> str:
        return f"{self.url}{PREFIX}"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get(f"{PREFIX}/commentThreads", self._list)
        app.router.add_post(f"{PREFIX}/comments/setModerationStatus", self._moderate)
        return app

    def add_comment(
        self,
        comment_id: str,
        *,
        channel: str,
        text: str,
        author: str,
        author_channel: str = "UCviewer000000000000000",
        published: datetime | None = None,
        video: str = "dQw4w9WgXcQ",
    ) -> None:
        at = (published or datetime(2026, 11, 25, 8, 0)).strftime("%Y-%m-%dT%H:%M:%SZ")
        comment = {
            "kind": "youtube#comment",
            "etag": f"etag-{comment_id}",
            "id": comment_id,
            "snippet": {
                "channelId": channel,
                "videoId": video,
                "textDisplay": text,
                "textOriginal": text,
                "authorDisplayName": author,
                "authorProfileImageUrl": "https://yt3.ggpht.com/a/default-user",
                "authorChannelUrl": f"http://www.youtube.com/channel/{author_channel}",
                "authorChannelId": {"value": author_channel},
                "canRate": True,
                "viewerRating": "none",
                "likeCount": 0,
                "publishedAt": at,
                "updatedAt": at,
            },
        }
        thread = {
            "kind": "youtube#commentThread",
            "etag": f"etag-thread-{comment_id}",
            "id": comment_id,
            "snippet": {
                "channelId": channel,
                "videoId": video,
                "topLevelComment": comment,
                "canReply": True,
                "totalReplyCount": 0,
                "isPublic": True,
            },
        }
        self.threads.insert(0, thread)

    async def _list(self, request: web.Request) -> web.Response:
        self.lists.append(dict(request.query))
        refused = self._refuse(request, cost=1)
        if refused is not None:
            return refused
        channel = request.query.get("allThreadsRelatedToChannelId")
        if request.query.get("part") != "snippet" or not channel:
            return _error(400, "missingRequiredParameter", "No filter selected.")
        size = min(int(request.query.get("maxResults", "20")), 100)
        mine = [t for t in self.threads if t["snippet"]["channelId"] == channel]
        start = int(request.query.get("pageToken", "0") or "0")
        page = mine[start : start + size]
        body: dict[str, Any] = {
            "kind": "youtube#commentThreadListResponse",
            "etag": "list-etag",
            "pageInfo": {"totalResults": len(page), "resultsPerPage": size},
            "items": page,
        }
        if start + size < len(mine):
            body["nextPageToken"] = str(start + size)
        return web.json_response(body)

    async def _moderate(self, request: web.Request) -> web.Response:
        comment_id = request.query.get("id", "")
        status = request.query.get("moderationStatus", "")
        self.moderation.append((comment_id, status, request.headers.get("Authorization")))
        refused = self._refuse(request, cost=50)
        if refused is not None:
            return refused
        known = {t["id"] for t in self.threads}
        if comment_id not in known:
            return _error(404, "commentNotFound", "The comment could not be found.")
        if status == "rejected":
            self.threads = [t for t in self.threads if t["id"] != comment_id]
        return web.Response(status=204)

    def _refuse(self, request: web.Request, cost: int) -> web.Response | None:
        if self.failures:
            return _error(self.failures.pop(0), "backendError", "Backend Error")
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return _error(401, "authError", "Invalid Credentials")
        if self.quota < cost:
            return _error(
                403,
                "quotaExceeded",
                "The request cannot be completed because you have exceeded your quota.",
            )
        self.quota -= cost
        return None


def _error(status: int, reason: str, message: str) -> web.Response:
    domain = "youtube.quota" if reason == "quotaExceeded" else "global"
    body = {
        "error": {
            "code": status,
            "message": message,
            "errors": [{"message": message, "domain": domain, "reason": reason}],
        }
    }
    return web.json_response(body, status=status)
