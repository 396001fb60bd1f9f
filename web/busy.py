"""The answer when the database stays locked: nothing was stored, try again shortly."""

import json
from functools import partial

from aiohttp import web

RETRY_AFTER_SECONDS = 5


def busy() -> web.Response:
    return web.json_response(
        {"error": "databasen är upptagen; inget sparades, försök igen om en stund"},
        status=503,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        dumps=partial(json.dumps, ensure_ascii=False),
    )
