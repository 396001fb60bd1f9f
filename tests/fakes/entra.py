"""A fake Microsoft Entra ID token endpoint: HTTPS on 127.0.0.1 (certificate from trustme),
answering OpenID discovery and the client-credentials grant as documented, and recording
what it was asked."""

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class FakeEntra:
    url: str = ""
    grants: list[dict[str, Any]] = field(default_factory=list)
    token: str = "fake-bot-token"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", self._discovery)
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        return app

    async def _discovery(self, request: web.Request) -> web.Response:
        base = f"{self.url}/{request.match_info['tenant']}"
        return web.json_response(
            {
                "issuer": f"{base}/v2.0",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
            }
        )

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.grants.append({"tenant": request.match_info["tenant"], **form})
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3599, "access_token": self.token}
        )
