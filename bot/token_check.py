"""The Bot Framework token check on /api/messages, done here instead of in botbuilder.

botbuilder 4.17 fetches its OpenID keys with a blocking `requests.get` without a timeout on
the event loop (a hanging key server froze every route), cannot be pointed at another key
server, and answers 500 to tokens it cannot place. Here the keys are fetched with aiohttp
under a timeout and cached, and a bad token (401) is told apart from keys that cannot be had
now (503). The rules are those for a token from the Bot Connector service to a bot.
"""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import jwt

log = logging.getLogger(__name__)

ISSUER = "https://api.botframework.com"
ALGORITHM = "RS256"
SERVICE_URL_CLAIM = "serviceurl"
CLOCK_LEEWAY_SECONDS = 300
FETCH_TIMEOUT_SECONDS = 5.0
KEYS_RETRY_AFTER_SECONDS = 10
"""Retry-After on the 503 when the keys could not be fetched."""
KEYS_TTL = timedelta(hours=24)
"""Microsoft rotates the keys with notice; a day-old set is still good."""
MIN_FETCH_INTERVAL = timedelta(minutes=1)
"""A flood of tokens with made-up key ids must not become a flood of fetches."""
_NEVER = datetime.min.replace(tzinfo=UTC)


class BadToken(PermissionError):
    """The request's token is missing or does not hold: 401."""


class KeysUnavailable(Exception):
    """The signing keys could not be fetched, so the token can be neither accepted nor
    refused: 503, the channel tries again."""


@dataclass(frozen=True)
class SigningKey:
    key: jwt.PyJWK
    endorsements: frozenset[str]
    """The channels this key may sign for (e.g. "msteams")."""


class SigningKeys:
    """The key set from the OpenID metadata, fetched once at a time and shared by the
    requests waiting for it; refreshed when a day old or when a token names an unknown key,
    at most once a minute. A failed refresh keeps the keys already known."""

    def __init__(
        self, http: aiohttp.ClientSession, metadata_url: str, clock: Callable[[], datetime]
    ) -> None:
        self._http = http
        self._metadata_url = metadata_url
        self._clock = clock
        self._keys: dict[str, SigningKey] | None = None
        self._fetched_at = _NEVER
        self._attempted_at = _NEVER
        self._failed = False
        self._fetching: asyncio.Task[None] | None = None

    async def get(self, kid: str) -> SigningKey | None:
        """The key, or None when the key set is known not to hold it."""
        if self._fetching is None and self._due(kid):
            self._fetching = asyncio.create_task(self._fetch())
            self._fetching.add_done_callback(self._fetched)
        if self._fetching is not None and (self._keys is None or kid not in self._keys):
            await asyncio.shield(self._fetching)
        if self._keys is not None and kid in self._keys:
            return self._keys[kid]
        if self._failed:
            raise KeysUnavailable(self._metadata_url)
        return None

    def _due(self, kid: str) -> bool:
        if self._keys is None:
            return True
        now = self._clock()
        if now - self._attempted_at < MIN_FETCH_INTERVAL:
            return False
        return kid not in self._keys or now - self._fetched_at >= KEYS_TTL

    def _fetched(self, _task: asyncio.Task[None]) -> None:
        self._fetching = None

    async def _fetch(self) -> None:
        self._attempted_at = self._clock()
        try:
            async with asyncio.timeout(FETCH_TIMEOUT_SECONDS):
                metadata = await self._json(self._metadata_url)
                jwks_uri = metadata.get("jwks_uri") if isinstance(metadata, dict) else None
                if not isinstance(jwks_uri, str):
                    raise ValueError("no jwks_uri in the OpenID metadata")
                keys = _signing_keys(await self._json(jwks_uri))
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            self._failed = True
            log.warning("Signing keys not fetched from %s: %r", self._metadata_url, error)
            return
        self._keys, self._fetched_at, self._failed = keys, self._clock(), False

    async def _json(self, url: str) -> Any:
        async with self._http.get(url) as response:
            response.raise_for_status()
            return await response.json(content_type=None)


def _signing_keys(jwks: Any) -> dict[str, SigningKey]:
    """The usable RSA keys of a JWKS; an entry that is not one is skipped, not fatal."""
    entries = jwks.get("keys") if isinstance(jwks, dict) else None
    if not isinstance(entries, list):
        raise ValueError("no keys in the JWKS")
    keys = {}
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("kid"), str):
            continue
        try:
            key = jwt.PyJWK(entry, algorithm=ALGORITHM)
        except jwt.PyJWTError:
            continue
        endorsements = entry.get("endorsements")
        channels = endorsements if isinstance(endorsements, list) else []
        keys[entry["kid"]] = SigningKey(key, frozenset(c for c in channels if isinstance(c, str)))
    return keys


class TokenCheck:
    """Whether an Authorization header carries a Bot Connector token for this bot and for
    this activity's channel and service URL."""

    def __init__(self, app_id: str, keys: SigningKeys, clock: Callable[[], datetime]) -> None:
        self._app_id = app_id
        self._keys = keys
        self._clock = clock

    async def claims(self, authorization: str, channel_id: str, service_url: str) -> dict[str, Any]:
        """The token's claims; BadToken or KeysUnavailable otherwise. The header is judged
        before any key is looked up, so a token that cannot be RS256 costs no fetch."""
        scheme, _, token = authorization.partition(" ")
        if scheme != "Bearer" or not token:
            raise BadToken("no Bearer token")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise BadToken("malformed token") from error
        if header.get("alg") != ALGORITHM or not isinstance(header.get("kid"), str):
            raise BadToken("not an RS256 token with a key id")
        key = await self._keys.get(header["kid"])
        if key is None:
            raise BadToken("unknown signing key")
        if channel_id not in key.endorsements:
            raise BadToken(f"signing key not endorsed for channel {channel_id!r}")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key.key,
                algorithms=[ALGORITHM],
                audience=self._app_id,
                issuer=ISSUER,
                options={
                    "require": ["exp", "iss", "aud"],
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                },
            )
        except jwt.PyJWTError as error:
            raise BadToken(f"token refused: {error}") from error
        self._check_lifetime(claims)
        if claims.get(SERVICE_URL_CLAIM) != service_url:
            raise BadToken("serviceurl claim differs from the activity's serviceUrl")
        return claims

    def _check_lifetime(self, claims: dict[str, Any]) -> None:
        """Against the app's clock rather than PyJWT's, as every other time in the bot."""
        now = self._clock().timestamp()
        expires, not_before = claims["exp"], claims.get("nbf", now)
        for value in (expires, not_before):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BadToken("exp and nbf must be numbers")
        if now > expires + CLOCK_LEEWAY_SECONDS:
            raise BadToken("token expired")
        if now < not_before - CLOCK_LEEWAY_SECONDS:
            raise BadToken("token not yet valid")
