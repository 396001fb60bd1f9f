"""A fake Microsoft Graph v1.0: a real HTTP server on 127.0.0.1 answering `GET /users/{id}`
and `GET /users/{id}/manager` with the documented JSON (404 with Request_ResourceNotFound when
there is none), recording each call with its Authorization header, and failing on demand."""

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class FakeGraph:
    url: str = ""
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    managers: dict[str, str] = field(default_factory=dict)
    calls: list[tuple[str, str | None]] = field(default_factory=list)
    down: bool = False

    def add_user(
        self, aad_id: str, name: str, mail: str, *, enabled: bool = True, manager: str | None = None
    ) -> None:
        self.users[aad_id] = {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
            "id": aad_id,
            "displayName": name,
            "mail": mail,
            "userPrincipalName": mail,
            "accountEnabled": enabled,
        }
        if manager:
            self.managers[aad_id] = manager

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/v1.0/users/{id}", self._user)
        app.router.add_get("/v1.0/users/{id}/manager", self._manager)
        return app

    async def _user(self, request: web.Request) -> web.Response:
        return self._answer(request, request.match_info["id"])

    async def _manager(self, request: web.Request) -> web.Response:
        return self._answer(request, self.managers.get(request.match_info["id"], ""))

    def _answer(self, request: web.Request, aad_id: str) -> web.Response:
        self.calls.append((request.path_qs, request.headers.get("Authorization")))
        if self.down:
            return web.json_response(
                {"error": {"code": "serviceNotAvailable", "message": "try later"}}, status=503
            )
        user = self.users.get(aad_id)
        if user is None:
            return web.json_response(
                {"error": {"code": "Request_ResourceNotFound", "message": "not found"}},
                status=404,
            )
        wanted = request.query.get("$select")
        if wanted:
            fields = set(wanted.split(",")) | {"@odata.context"}
            user = {key: value for key, value in user.items() if key in fields}
        return web.json_response(user)
