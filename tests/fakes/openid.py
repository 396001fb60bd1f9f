"""A fake Bot Framework OpenID server: a real HTTP server on 127.0.0.1 serving the metadata
and a JWKS of RSA keys it generated, signing tokens as the Bot Connector service does, and
failing (500) or hanging on demand. Tokens are put together by hand with `cryptography`, not
with PyJWT, so the check under test shares no code with the tokens it is shown."""

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

METADATA_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"
ISSUER = "https://api.botframework.com"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _uint(value: int) -> str:
    return _b64(value.to_bytes((value.bit_length() + 7) // 8, "big"))


def _new_rsa() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class _Key:
    kid: str
    private: rsa.RSAPrivateKey
    endorsements: list[str]

    def jwk(self) -> dict[str, Any]:
        numbers = self.private.public_key().public_numbers()
        return {
            "kty": "RSA",
            "use": "sig",
            "kid": self.kid,
            "n": _uint(numbers.n),
            "e": _uint(numbers.e),
            "endorsements": self.endorsements,
        }


@dataclass
class FakeOpenId:
    url: str = ""
    keys: list[_Key] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)
    """The paths asked for, in order."""
    failing: bool = False
    hanging: bool = False
    _released: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.add_key()

    @property
    def metadata_url(self) -> str:
        return self.url + METADATA_PATH

    @property
    def metadata_fetches(self) -> int:
        return self.fetched.count(METADATA_PATH)

    def add_key(self, endorsements: tuple[str, ...] = ("msteams", "webchat")) -> str:
        """A new key in the JWKS, as when Microsoft rotates; returns its kid."""
        kid = secrets.token_hex(8)
        self.keys.append(_Key(kid, _new_rsa(), list(endorsements)))
        return kid

    def release(self) -> None:
        """Let hanging requests finish, so the server can stop."""
        self._released.set()

    def claims(
        self, audience: str, service_url: str, now: datetime, **changes: Any
    ) -> dict[str, Any]:
        """A Bot Connector token's claims; `changes` replaces (or with None drops) some."""
        issued = int(now.timestamp())
        values: dict[str, Any] = {
            "serviceurl": service_url,
            "nbf": issued,
            "exp": int((now + timedelta(hours=1)).timestamp()),
            "iss": ISSUER,
            "aud": audience,
        }
        values.update(changes)
        return {name: value for name, value in values.items() if value is not None}

    def sign(self, claims: dict[str, Any], kid: str | None = None) -> str:
        """RS256 with one of the published keys (the first unless named)."""
        key = next(k for k in self.keys if kid is None or k.kid == kid)
        return self._compact({"alg": "RS256", "typ": "JWT", "kid": key.kid}, claims, key.private)

    def forge(self, claims: dict[str, Any]) -> str:
        """RS256 naming the first published key but signed with a key nobody published."""
        return self._compact(
            {"alg": "RS256", "typ": "JWT", "kid": self.keys[0].kid}, claims, _new_rsa()
        )

    def sign_with_kid(self, claims: dict[str, Any], kid: str) -> str:
        """RS256 by the first key, but naming a key id that is not in the JWKS."""
        return self._compact(
            {"alg": "RS256", "typ": "JWT", "kid": kid}, claims, self.keys[0].private
        )

    def unsigned(self, claims: dict[str, Any]) -> str:
        header = {"alg": "none", "typ": "JWT", "kid": self.keys[0].kid}
        return f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}."

    def hs256_with_public_key(self, claims: dict[str, Any]) -> str:
        """The algorithm-confusion attack: HMAC keyed with the published public key."""
        key = self.keys[0]
        header = {"alg": "HS256", "typ": "JWT", "kid": key.kid}
        signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
        secret = key.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{_b64(mac)}"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get(METADATA_PATH, self._metadata)
        app.router.add_get(KEYS_PATH, self._keys)
        return app

    @staticmethod
    def _compact(header: dict[str, Any], claims: dict[str, Any], key: rsa.RSAPrivateKey) -> str:
        signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
        signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{_b64(signature)}"

    async def _answer(self, request: web.Request, body: dict[str, Any]) -> web.Response:
        self.fetched.append(request.path)
        if self.hanging:
            await self._released.wait()
        if self.failing:
            return web.json_response({"error": "unavailable"}, status=500)
        return web.json_response(body)

    async def _metadata(self, request: web.Request) -> web.Response:
        return await self._answer(
            request,
            {
                "issuer": ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": self.url + KEYS_PATH,
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            },
        )

    async def _keys(self, request: web.Request) -> web.Response:
        return await self._answer(request, {"keys": [key.jwk() for key in self.keys]})
