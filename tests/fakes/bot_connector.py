"""A fake Bot Connector: a real HTTP server on 127.0.0.1 speaking the v3 REST routes the bot
uses, recording every call, and failing on demand (429 with Retry-After, 500)."""

import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Call:
    method: str
    conversation_id: str
    activity_id: str | None
    body: dict[str, Any]
    authorization: str | None
    returned_id: str = ""


@dataclass
class FakeBotConnector:
    calls: list[Call] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    failures: list[tuple[int, str | None]] = field(default_factory=list)
    url: str = ""
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    def fail_next(self, status: int, times: int = 1, retry_after: str | None = None) -> None:
        self.failures.extend([(status, retry_after)] * times)

    @property
    def sent(self) -> list[Call]:
        return [call for call in self.calls if call.method == "POST"]

    @property
    def updates(self) -> list[Call]:
        return [call for call in self.calls if call.method == "PUT"]

    def cards(self) -> list[dict[str, Any]]:
        return [
            attachment["content"]
            for call in self.calls
            for attachment in call.body.get("attachments", [])
        ]

    def texts(self) -> list[str]:
        return [call.body["text"] for call in self.calls if call.body.get("text")]

    async def wait_for(self, condition: Any, timeout: float = 10.0) -> None:
        async def until() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: bool(condition()))

        await asyncio.wait_for(until(), timeout)

    def app(self) -> web.Application:
        app = web.Application()
        base = "/v3/conversations/{conversation}/activities"
        app.router.add_post(base, self._send)
        app.router.add_post(base + "/{activity}", self._send)
        app.router.add_put(base + "/{activity}", self._update)
        app.router.add_get("/files/{name}", self._file)
        return app

    async def _send(self, request: web.Request) -> web.Response:
        return await self._record(request, "POST")

    async def _update(self, request: web.Request) -> web.Response:
        return await self._record(request, "PUT")

    async def _record(self, request: web.Request, method: str) -> web.Response:
        if self.failures:
            status, retry_after = self.failures.pop(0)
            async with self._changed:
                self._changed.notify_all()
            headers = {"Retry-After": retry_after} if retry_after else {}
            return web.json_response(
                {"error": {"code": "Throttled"}}, status=status, headers=headers
            )
        body = await request.json()
        activity_id = request.match_info.get("activity")
        call = Call(
            method=method,
            conversation_id=request.match_info["conversation"],
            activity_id=activity_id,
            body=body,
            authorization=request.headers.get("Authorization"),
        )
        call.returned_id = activity_id or "" if method == "PUT" else f"activity-{next(self._ids)}"
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        return web.json_response({"id": call.returned_id})

    async def _file(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in self.files:
            raise web.HTTPNotFound()
        return web.Response(body=self.files[name], content_type="image/png")
