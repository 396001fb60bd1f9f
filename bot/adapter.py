"""The Bot Framework adapter: token checks on /api/messages, and one connector per service.

Tokens are checked by bot.token_check rather than by botbuilder (see there why); the SDK is
handed the checked claims and runs the turn.

CloudAdapter creates a ConnectorClient for every turn, and msrest spends several
milliseconds building its retry policy each time. The bot sends through the outbox, so the
client is only needed for the SDK's own bookkeeping: one per service URL is enough.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

import aiohttp
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from botframework.connector.skills import BotFrameworkClient

from bot.settings import Settings
from bot.token_check import SigningKeys, TokenCheck


@dataclass(frozen=True)
class _SdkConfiguration:
    """The attribute names ConfigurationBotFrameworkAuthentication reads."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str | None


class _ReusedConnectors(ConnectorFactory):
    def __init__(self, inner: ConnectorFactory, cache: dict[tuple[str, str], ConnectorClient]):
        self._inner = inner
        self._cache = cache

    async def create(self, service_url: str, audience: str) -> ConnectorClient:
        key = (service_url, audience or "")
        client = self._cache.get(key)
        if client is None:
            client = await self._inner.create(service_url, audience)
            self._cache[key] = client
        return client


class _Authentication(BotFrameworkAuthentication):
    """ConfigurationBotFrameworkAuthentication with our own token check (none in development,
    where the SDK's anonymous identity is used), and connector clients reused across turns."""

    def __init__(self, inner: BotFrameworkAuthentication, tokens: TokenCheck | None) -> None:
        self._inner = inner
        self._tokens = tokens
        self._connectors: dict[tuple[str, str], ConnectorClient] = {}
        self._user_token_clients: dict[str, UserTokenClient] = {}

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        if self._tokens is None:
            result = await self._inner.authenticate_request(activity, "")
        else:
            result = await self._checked(activity, auth_header, self._tokens)
        if result.connector_factory is not None:
            result.connector_factory = _ReusedConnectors(result.connector_factory, self._connectors)
        return result

    async def _checked(
        self, activity: Activity, auth_header: str, tokens: TokenCheck
    ) -> AuthenticateRequestResult:
        """What the SDK's own check returns for a channel's token: the claims, the Bot
        Connector as outbound audience, and the public cloud's caller id."""
        claims = await tokens.claims(
            auth_header, activity.channel_id or "", activity.service_url or ""
        )
        identity = ClaimsIdentity(claims, is_authenticated=True)
        result = AuthenticateRequestResult()
        result.claims_identity = identity
        result.audience = self._inner.get_originating_audience()
        result.caller_id = CallerIdConstants.public_azure_channel.value
        result.connector_factory = self._inner.create_connector_factory(identity)
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._inner.create_connector_factory(claims_identity)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        """Also built per turn by CloudAdapter at msrest's price; the bot has one app id, so
        one client per audience claim serves every turn."""
        key = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM) or ""
        client = self._user_token_clients.get(key)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._user_token_clients[key] = client
        return client

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


def make_adapter(
    settings: Settings,
    on_error: Callable[[TurnContext, Exception], Awaitable[None]],
    http: aiohttp.ClientSession,
    clock: Callable[[], datetime],
) -> CloudAdapter:
    configuration = _SdkConfiguration(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password.get_secret_value(),
        APP_TYPE=settings.app_type,
        APP_TENANTID=settings.app_tenant_id or None,
    )
    tokens = (
        None
        if settings.development
        else TokenCheck(
            settings.app_id, SigningKeys(http, settings.openid_metadata_url, clock), clock
        )
    )
    adapter = CloudAdapter(
        _Authentication(ConfigurationBotFrameworkAuthentication(configuration), tokens)
    )
    adapter.on_turn_error = on_error
    return adapter
