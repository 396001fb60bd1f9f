"""Every JSON answer the bot gives: å, ä and ö as they are, not `\\u00e5`, so that a person
reading an error body (or a log of it) reads Swedish."""

import json
from functools import partial
from typing import Any

from aiohttp import web

_dumps = partial(json.dumps, ensure_ascii=False)


def json_answer(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.json_response(body, status=status, headers=headers, dumps=_dumps)
