"""The Bot Connector v3 REST calls the bot makes: send, reply, update, and file download."""

import json
from typing import Any
from urllib.parse import quote, urlparse

import aiohttp

from outbox.tokens import TokenSource, TokenUnavailable

_TRANSIENT_STATUSES = {401, 408, 409, 412, 425, 429, 500, 502, 503, 504}


class ConnectorError(Exception):
    def __init__(
        self,
        message: str,
        *,
        transient: bool,
        retry_after: float | None = None,
        status: int | None = None,
    ):
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after
        self.status = status


class BotConnector:
    def __init__(self, http: aiohttp.ClientSession, tokens: TokenSource) -> None:
        self._http = http
        self._tokens = tokens

    async def send(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> str:
        return await self._call("POST", _activities(service_url, conversation_id), activity)

    async def reply(
        self, service_url: str, conversation_id: str, reply_to_id: str, activity: dict[str, Any]
    ) -> str:
        url = f"{_activities(service_url, conversation_id)}/{quote(reply_to_id, safe='')}"
        return await self._call("POST", url, {**activity, "replyToId": reply_to_id})

    async def update(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> str:
        url = f"{_activities(service_url, conversation_id)}/{quote(activity_id, safe='')}"
        return await self._call("PUT", url, {**activity, "id": activity_id})

    async def download(self, url: str, service_url: str, limit: int) -> bytes:
        """Fetch a file a user attached. The bot's token goes only to the Bot Connector's own
        host (inline images); Teams file links are pre-authorised and get no token."""
        if urlparse(url).scheme not in ("https", "http"):
            raise ConnectorError("not an http(s) link", transient=False)
        headers = {}
        if urlparse(url).netloc == urlparse(service_url).netloc:
            headers = await self._headers()
        try:
            async with self._http.get(url, headers=headers) as response:
                if response.status >= 400:
                    raise ConnectorError(f"download answered {response.status}", transient=False)
                data = await response.content.read(limit + 1)
        except aiohttp.ClientError as error:
            raise ConnectorError(f"download failed: {error}", transient=True) from error
        if len(data) > limit:
            raise ConnectorError("file too large", transient=False)
        return data

    async def _call(self, method: str, url: str, body: dict[str, Any]) -> str:
        headers = await self._headers()
        try:
            async with self._http.request(method, url, json=body, headers=headers) as response:
                if response.status < 300:
                    return _activity_id(await response.read())
                text = (await response.text())[:300]
                if response.status == 401:
                    self._tokens.forget()
                raise ConnectorError(
                    f"{method} answered {response.status}: {text}",
                    transient=response.status in _TRANSIENT_STATUSES,
                    retry_after=_retry_after(response.headers.get("Retry-After")),
                    status=response.status,
                )
        except aiohttp.ClientError as error:
            raise ConnectorError(f"{method} failed: {error}", transient=True) from error

    async def _headers(self) -> dict[str, str]:
        try:
            token = await self._tokens.token()
        except TokenUnavailable as error:
            raise ConnectorError(f"no token: {error}", transient=True) from error
        return {"Authorization": f"Bearer {token}"} if token else {}


def _activities(service_url: str, conversation_id: str) -> str:
    return (
        f"{service_url.rstrip('/')}/v3/conversations/{quote(conversation_id, safe='')}/activities"
    )


def _activity_id(raw: bytes) -> str:
    try:
        answer = json.loads(raw) if raw.strip() else {}
    except ValueError:
        return ""
    return str(answer.get("id", "")) if isinstance(answer, dict) else ""


def _retry_after(value: str | None) -> float | None:
    try:
        return max(float(value), 0.0) if value else None
    except ValueError:
        return None
