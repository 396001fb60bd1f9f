"""`POST /api/flags`: one flagged comment in, a case out (see README for the body).

The body is read with limits (web.json_input: 413 past MAX_BODY_BYTES, 400 for what is not
JSON or nests deeper than MAX_DEPTH) and then checked field by field (services.intake), so
every refusal is a 400 naming its fields, never a 500. Storage that cannot take the flag just
now is a 503 with Retry-After and nothing stored: a locked database, or an evidence disk
that is full or read-only (services.evidence.EvidenceUnwritable)."""

import hmac
import logging

from aiohttp import web

from services.evidence import EvidenceUnwritable
from services.intake import FlagRejected, parse_flag
from services.intake_queue import IntakeQueue
from storage.db import StorageBusy
from web.busy import busy, evidence_unwritable
from web.json_answer import json_answer
from web.json_input import JsonInputError, read_json_with_raw

log = logging.getLogger(__name__)

API_KEY_HEADER = "X-Api-Key"
MAX_BODY_BYTES = 256 * 1024
MAX_DEPTH = 16
"""The body is two levels deep; anything much deeper is not a flag."""
ERROR = "ogiltig flagga"


def flag_routes(intake: IntakeQueue, api_key: str) -> list[web.RouteDef]:
    expected = api_key.encode()

    async def post_flag(request: web.Request) -> web.Response:
        if expected and not hmac.compare_digest(
            request.headers.get(API_KEY_HEADER, "").encode(), expected
        ):
            return _error(401, {"api_key": f"saknas eller är fel (huvudet {API_KEY_HEADER})"})
        try:
            payload, raw = await read_json_with_raw(request, MAX_BODY_BYTES, MAX_DEPTH)
        except JsonInputError as error:
            return error.response(ERROR)
        try:
            result = await intake.submit((parse_flag(payload), raw))
        except FlagRejected as rejected:
            return _error(400, rejected.fields)
        except StorageBusy:
            return busy()
        except EvidenceUnwritable:
            return evidence_unwritable()
        return json_answer(
            {"case_id": result.case_id, "created": result.created},
            status=201 if result.created else 200,
        )

    return [web.post("/api/flags", post_flag)]


def _error(status: int, fields: dict[str, str]) -> web.Response:
    return json_answer({"error": ERROR, "fields": fields}, status=status)
