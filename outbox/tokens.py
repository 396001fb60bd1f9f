"""The bot's tokens from Microsoft Entra ID through msal's client-credentials flow: one for the
Bot Connector, one for Microsoft Graph (the directory), each cached until shortly before expiry."""

import asyncio
import time
from typing import Any, Protocol

import msal

BOT_CONNECTOR_SCOPE = "https://api.botframework.com/.default"
GRAPH_SCOPE = "https://graph.microsoft.com/.default"
_REFRESH_MARGIN_SECONDS = 300


class TokenUnavailable(Exception):
    """No token could be had now; sending is retried later."""


class TokenSource(Protocol):
    async def token(self) -> str | None: ...

    def forget(self) -> None: ...


class NoToken:
    """Local development: the Agents Playground and the emulator take unauthenticated calls."""

    async def token(self) -> str | None:
        return None

    def forget(self) -> None:
        return None


PUBLIC_CLOUD = "https://login.microsoftonline.com"


class MsalTokenSource:
    def __init__(
        self,
        app_id: str,
        password: str,
        tenant_id: str | None,
        authority_host: str = PUBLIC_CLOUD,
        scope: str = BOT_CONNECTOR_SCOPE,
    ) -> None:
        self._app_id = app_id
        self._scope = scope
        self._password = password
        self._authority_host = authority_host.rstrip("/")
        self._authority = f"{self._authority_host}/{tenant_id or 'botframework.com'}"
        self._client: msal.ConfidentialClientApplication | None = None
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str | None:
        async with self._lock:
            if self._token and time.monotonic() < self._expires_at:
                return self._token
            result = await asyncio.to_thread(self._acquire)
            if "access_token" not in result:
                raise TokenUnavailable(str(result.get("error", "no token")))
            self._token = str(result["access_token"])
            lifetime = float(result.get("expires_in", 3600))
            self._expires_at = time.monotonic() + max(lifetime - _REFRESH_MARGIN_SECONDS, 60)
            return self._token

    def forget(self) -> None:
        self._token = None

    def _acquire(self) -> dict[str, Any]:
        if self._client is None:
            known = self._authority_host == PUBLIC_CLOUD
            self._client = msal.ConfidentialClientApplication(
                self._app_id,
                client_credential=self._password,
                authority=self._authority,
                validate_authority=known,
                instance_discovery=None if known else False,
            )
        return self._client.acquire_token_for_client(scopes=[self._scope])
