"""Microsoft Graph v1.0, the two calls the bot needs: a user (`GET /users/{id}`) and that
user's manager (`GET /users/{id}/manager`). Application permission User.Read.All."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp

from outbox.tokens import TokenSource, TokenUnavailable

GRAPH_V1 = "https://graph.microsoft.com/v1.0"
_USER_FIELDS = "id,displayName,mail,userPrincipalName,accountEnabled"


class DirectoryUnavailable(Exception):
    """Graph could not answer now (network, throttling, server error, no token)."""


@dataclass(frozen=True)
class DirectoryUser:
    aad_object_id: str
    display_name: str
    email: str | None
    enabled: bool


class GraphDirectory:
    def __init__(self, http: aiohttp.ClientSession, tokens: TokenSource, base_url: str) -> None:
        self._http = http
        self._tokens = tokens
        self._base = base_url.rstrip("/")

    async def user(self, aad_object_id: str) -> DirectoryUser | None:
        """The user, or None when the directory has no such user (deleted)."""
        return await self._get(f"/users/{quote(aad_object_id)}")

    async def manager(self, aad_object_id: str) -> DirectoryUser | None:
        """The user's manager, or None when none is set (Graph answers 404)."""
        return await self._get(f"/users/{quote(aad_object_id)}/manager")

    async def _get(self, path: str) -> DirectoryUser | None:
        try:
            token = await self._tokens.token()
        except TokenUnavailable as error:
            raise DirectoryUnavailable(str(error)) from error
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            async with self._http.get(
                f"{self._base}{path}", params={"$select": _USER_FIELDS}, headers=headers
            ) as response:
                if response.status == 404:
                    return None
                if response.status == 401:
                    self._tokens.forget()
                if response.status != 200:
                    raise DirectoryUnavailable(f"Graph answered {response.status}")
                body = await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise DirectoryUnavailable(str(error) or type(error).__name__) from error
        return _user(body)


def _user(body: Any) -> DirectoryUser:
    if not isinstance(body, dict) or not isinstance(body.get("id"), str):
        raise DirectoryUnavailable("Graph answered without a user id")
    mail = body.get("mail") or body.get("userPrincipalName")
    return DirectoryUser(
        aad_object_id=body["id"],
        display_name=str(body.get("displayName") or body["id"]),
        email=mail if isinstance(mail, str) else None,
        enabled=body.get("accountEnabled") is not False,
    )
