"""`POST /api/flags`: one flagged comment in, a case out (see README for the body)."""

import hmac
import json
import logging

from aiohttp import web

from services.intake import FlagRejected, parse_flag
from services.intake_queue import IntakeQueue
from storage.db import StorageBusy
from web.busy import busy

log = logging.getLogger(__name__)

API_KEY_HEADER = "X-Api-Key"
MAX_BODY_BYTES = 256 * 1024


def flag_routes(intake: IntakeQueue, api_key: str) -> list[web.RouteDef]:
    expected = api_key.encode()

    async def post_flag(request: web.Request) -> web.Response:
        if expected and not hmac.compare_digest(
            request.headers.get(API_KEY_HEADER, "").encode(), expected
        ):
            return _error(401, {"api_key": f"saknas eller är fel (huvudet {API_KEY_HEADER})"})
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return _error(413, {"body": f"för stor (högst {MAX_BODY_BYTES // 1024} kB)"})
        raw = await request.content.read(MAX_BODY_BYTES + 1)
        if len(raw) > MAX_BODY_BYTES:
            return _error(413, {"body": f"för stor (högst {MAX_BODY_BYTES // 1024} kB)"})
        try:
            payload = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return _error(400, {"body": "är inte giltig JSON"})
        try:
            result = await intake.submit((parse_flag(payload), raw))
        except FlagRejected as rejected:
            return _error(400, rejected.fields)
        except StorageBusy:
            return busy()
        return web.json_response(
            {"case_id": result.case_id, "created": result.created},
            status=201 if result.created else 200,
        )

    return [web.post("/api/flags", post_flag)]


def _error(status: int, fields: dict[str, str]) -> web.Response:
    return web.json_response({"error": "ogiltig flagga", "fields": fields}, status=status)
