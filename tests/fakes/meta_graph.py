"""A fake Meta Graph API on 127.0.0.1: `DELETE /{version}/{comment-id}` answers
`{"success": true}` for a comment it holds and the documented error object otherwise
(code 100 for an unknown object, 190 for a bad token), records every call with its
Authorization header, and fails on demand: queued error answers, or `down`, when every
connection is dropped without an answer; or slowly (`delay_seconds`)."""

import asyncio
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

VERSION = "v24.0"


@dataclass
class FakeMetaGraph:
    token: str
    comments: set[str] = field(default_factory=set)
    calls: list[tuple[str, str, str | None]] = field(default_factory=list)
    failures: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    """Answers to give before the real one."""
    down: bool = False
    delay_seconds: float = 0.0
    """How long the platform thinks before it answers (a slow Graph API)."""
    url: str = ""

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_delete(f"/{VERSION}/{{object_id}}", self._delete)
        return app

    @property
    def base_url(self) -> str:
        return f"{self.url}/{VERSION}"

    def fail_next(self, status: int, message: str, code: int = 2) -> None:
        self.failures.append((status, _error(message, "OAuthException", code)))

    async def _delete(self, request: web.Request) -> web.Response:
        object_id = request.match_info["object_id"]
        self.calls.append(("DELETE", object_id, request.headers.get("Authorization")))
        await asyncio.sleep(self.delay_seconds)
        if self.down:
            assert request.transport is not None
            request.transport.close()
            raise web.HTTPServiceUnavailable()
        if self.failures:
            status, body = self.failures.pop(0)
            return web.json_response(body, status=status)
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return web.json_response(
                _error("Invalid OAuth access token.", "OAuthException", 190), status=400
            )
        if object_id not in self.comments:
            message = (
                f"Unsupported delete request. Object with ID '{object_id}' does not exist, "
                "cannot be loaded due to missing permissions, or does not support this operation"
            )
            return web.json_response(_error(message, "GraphMethodException", 100), status=400)
        self.comments.discard(object_id)
        return web.json_response({"success": True})


def _error(message: str, kind: str, code: int) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": code, "fbtrace_id": "AbCdEf123"}}
