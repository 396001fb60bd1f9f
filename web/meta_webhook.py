"""Meta Webhooks for Facebook Pages and Instagram: `GET /webhooks/meta` answers the
verification handshake; `POST /webhooks/meta` refuses a bad or missing X-Hub-Signature-256
with 401 before reading the body as anything, stores the body, and answers once it is
committed. The comments in it are worked on afterwards (services.inbound).

A body past MAX_BODY_BYTES is refused with 413 without being read to the end. A signed body
that is not JSON, or nests too deep, is still stored and answered 200: it is Meta's, and
refusing it would only make Meta send it again. The processor reads it with the same limits
(platforms.meta_webhook.read_events) and marks it unreadable, with why."""

from aiohttp import web

from platforms.meta_webhook import SIGNATURE_HEADER, handshake, signature_valid
from services.inbound import InboundQueue
from storage.db import StorageBusy
from web.busy import busy
from web.json_answer import json_answer
from web.json_input import JsonInputError, read_body

SOURCE = "meta"
MAX_BODY_BYTES = 1024 * 1024


def meta_webhook_routes(
    inbound: InboundQueue, app_secret: str, verify_token: str
) -> list[web.RouteDef]:
    async def verify(request: web.Request) -> web.Response:
        challenge = handshake(dict(request.query), verify_token)
        if challenge is None:
            return web.Response(status=403, text="fel verify_token")
        return web.Response(text=challenge)

    async def receive(request: web.Request) -> web.Response:
        try:
            body = await read_body(request, MAX_BODY_BYTES)
        except JsonInputError as error:
            return json_answer({"error": error.message()}, status=error.status)
        if not signature_valid(app_secret, body, request.headers.get(SIGNATURE_HEADER)):
            return json_answer({"error": "ogiltig eller saknad signatur"}, status=401)
        try:
            body.decode()
        except UnicodeDecodeError:
            return json_answer({"error": "kroppen är inte UTF-8"}, status=400)
        try:
            await inbound.store(SOURCE, body)
        except StorageBusy:
            return busy()
        return web.Response(text="EVENT_RECEIVED")

    return [web.get("/webhooks/meta", verify), web.post("/webhooks/meta", receive)]
