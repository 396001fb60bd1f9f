"""The SDK floor: a bare botbuilder echo bot on CloudAdapter, as in Microsoft's samples.

It echoes each message through the turn's ConnectorClient and answers each invoke with a
fixed body, so the benchmark can compare Modbot's figures with what the SDK alone costs.
"""

import os

from aiohttp import web
from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity


class _Config:
    APP_ID = ""
    APP_PASSWORD = ""


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(f"Echo: {turn_context.activity.text}")

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        return InvokeResponse(status=200, body={"statusCode": 200, "type": "x", "value": "ok"})


def main() -> None:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(_Config()))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        activity = Activity().deserialize(await request.json())
        answer = await adapter.process_activity(
            request.headers.get("Authorization", ""), activity, bot.on_turn
        )
        if answer is None:
            return web.Response(status=201)
        return web.json_response(answer.body, status=answer.status)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    web.run_app(app, host="127.0.0.1", port=int(os.environ["ECHO_PORT"]), print=None)


if __name__ == "__main__":
    main()
