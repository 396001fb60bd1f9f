"""Outside development the bot signs its Bot Connector calls with a token from Entra ID
(msal's client-credentials flow), fetched once and reused."""

import aiohttp

from outbox.connector import BotConnector
from outbox.tokens import BOT_CONNECTOR_SCOPE, MsalTokenSource
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.entra import FakeEntra


async def test_connector_calls_carry_the_bots_token_fetched_once(
    entra: FakeEntra, connector: FakeBotConnector
) -> None:
    tokens = MsalTokenSource("bot-app-id", "bot-secret", "hjo-tenant", entra.url)
    async with aiohttp.ClientSession() as http:
        client = BotConnector(http, tokens)
        for number in range(3):
            await client.send(
                connector.url, "19:kanal@thread.tacv2", {"type": "message", "text": f"{number}"}
            )
    assert [call.authorization for call in connector.calls] == ["Bearer fake-bot-token"] * 3
    assert len(entra.grants) == 1
    grant = entra.grants[0]
    assert grant["tenant"] == "hjo-tenant"
    assert grant["grant_type"] == "client_credentials"
    assert grant["client_id"] == "bot-app-id"
    assert grant["scope"].split() == [BOT_CONNECTOR_SCOPE]
