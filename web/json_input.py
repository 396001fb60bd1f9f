"""Reading a JSON request body with limits, so that no body can make a handler answer 500.

`read_json` reads at most `max_bytes` (413 beyond), then refuses with 400 a body that is not
UTF-8, is nested deeper than `max_depth` (checked on the bytes before parsing, so `[` × 100,000
costs a scan, not a RecursionError), is not JSON, holds NaN, Infinity or a number too large for
a float, or holds a lone surrogate such as "\\ud800" (a string no UTF-8 record can hold).
`read_activity` also checks that the body has the shape of a Bot Framework activity before the
SDK reads it. Every refusal is a `JsonInputError` naming the field and saying why in Swedish or
English (texts: `json_*`)."""

import json
import math
import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from aiohttp import web
from botbuilder.schema import Activity

from services.intake import id_problem
from texts import DEFAULT_LANGUAGE, t
from web.json_answer import json_answer

MAX_DEPTH = 64
"""Nesting no honest body comes near; far below what Python's parser can recurse into."""
MAX_ACTIVITY_BYTES = 1024 * 1024
"""The app's client_max_size: Teams activities are small, cards and file lists included."""

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonInputError(ValueError):
    """A body refused before any handler sees it: `status` is 400 or 413, `field` the path
    of what is wrong ("body" for the whole; `also` more fields wrong the same way), `key` its
    sentence in texts."""

    def __init__(
        self,
        status: int,
        key: str,
        field: str = "body",
        also: tuple[str, ...] = (),
        **params: Any,
    ) -> None:
        super().__init__(f"{field}: {key}")
        self.status = status
        self.key = key
        self.field = field
        self.also = also
        self.params = params

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return t(language, self.key, **self.params)

    def fields(self, language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
        return dict.fromkeys((self.field, *self.also), self.message(language))

    def response(self, error: str, language: str = DEFAULT_LANGUAGE) -> web.Response:
        """`{"error": error, "fields": {field: why}}` with the status."""
        return json_answer(
            {"error": error, "fields": self.fields(language)}, status=self.status
        )


async def read_body(request: web.Request, max_bytes: int) -> bytes:
    """The raw body, or 413 once it passes `max_bytes` (the stream is not read further)."""
    if request.content_length is not None and request.content_length > max_bytes:
        raise _too_large(max_bytes)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_any():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: web.Request, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """The body parsed, within the limits; see `parse_json`."""
    return parse_json(await read_body(request, max_bytes), max_depth)


async def read_json_with_raw(
    request: web.Request, max_bytes: int, max_depth: int = MAX_DEPTH
) -> tuple[Any, bytes]:
    """The body parsed, and the bytes as received (for evidence)."""
    raw = await read_body(request, max_bytes)
    return parse_json(raw, max_depth), raw


def parse_json(raw: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """JSON from UTF-8 bytes, refusing what `read_json` refuses (400) with the field's path."""
    check_depth(raw, max_depth)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonInputError(400, "json_not_utf8") from None
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except (ValueError, RecursionError):
        raise JsonInputError(400, "json_invalid") from None
    if _ESCAPED_SURROGATE.search(raw):
        paths = [path or "body" for path in lone_surrogates(value)]
        if paths:
            raise JsonInputError(400, "json_lone_surrogate", paths[0], tuple(paths[1:]))
    return value


def check_depth(raw: bytes, max_depth: int) -> None:
    """400 if arrays and objects nest deeper than `max_depth` (brackets in strings do not
    count). Made on the bytes, in C: escapes out, then strings, then the running sum of the
    brackets left (UTF-8 never uses an ASCII byte inside a longer character). Where the body
    is not JSON the parser stops earlier than this scan, so the scan never counts less."""
    if raw.count(b"[") + raw.count(b"{") <= max_depth:
        return
    brackets = _STRING.sub(b"", _ESCAPE.sub(b"", raw)).translate(None, _NOT_BRACKETS)
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > max_depth:
        raise JsonInputError(400, "json_too_deep", depth=max_depth)


def lone_surrogates(value: Any, path: str = "") -> Iterator[str]:
    """The paths ("author.name", "entry.0.id") of the strings, keys or values, holding a
    surrogate that is not half of a pair: JSON allows "\\ud800", Unicode text does not. A
    key's path is that of the object holding it."""
    if isinstance(value, str):
        if _SURROGATE.search(value):
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if _SURROGATE.search(key):
                yield path
            yield from lone_surrogates(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from lone_surrogates(item, f"{path}.{index}" if path else str(index))


async def read_activity(request: web.Request, max_bytes: int = MAX_ACTIVITY_BYTES) -> Activity:
    """A Bot Framework activity from the body: JSON within the limits, each field the bot
    reads of the type it expects (400 naming the field otherwise), then read by the SDK."""
    body = await read_json(request, max_bytes)
    if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
        raise JsonInputError(400, "json_not_an_activity")
    _check_shape(body, _ACTIVITY, "")
    try:
        return Activity().deserialize(body)
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError):
        raise JsonInputError(400, "json_wrong_type") from None


class _Id:
    """Shape: text that can be an id on record (services.intake.id_problem)."""


class _RequiredId(_Id):
    """Shape: an id that must be there when the object holding it is (the bot reads a
    conversation, a sender and a recipient by their ids)."""


_TEXTS = (
    "timestamp",
    "localTimestamp",
    "localTimezone",
    "locale",
    "text",
    "textFormat",
    "name",
    "summary",
    "inputHint",
    "speak",
    "action",
    "label",
    "valueType",
    "importance",
    "deliveryMode",
    "callerId",
    "topicName",
    "attachmentLayout",
    "expiration",
)
_ACCOUNT: dict[str, Any] = {"id": _RequiredId, "name": str, "aadObjectId": _Id, "role": str}
_ACTIVITY: dict[str, Any] = {
    **dict.fromkeys(_TEXTS, str),
    **dict.fromkeys(("type", "id", "serviceUrl", "channelId", "replyToId"), _Id),
    "from": _ACCOUNT,
    "recipient": _ACCOUNT,
    "conversation": {
        "id": _RequiredId,
        "name": str,
        "conversationType": str,
        "tenantId": _Id,
        "isGroup": bool,
        "aadObjectId": _Id,
        "role": str,
    },
    "channelData": {
        "tenant": {"id": _Id},
        "channel": {"id": _Id, "name": str},
        "team": {"id": _Id, "name": str, "aadGroupId": _Id},
        "eventType": str,
    },
    "entities": [{"type": str, "text": str, "mentioned": _ACCOUNT}],
    "attachments": [{"contentType": str, "contentUrl": str, "name": str, "thumbnailUrl": str}],
    "membersAdded": [_ACCOUNT],
    "membersRemoved": [_ACCOUNT],
    "historyDisclosed": bool,
}


def _check_shape(value: Any, shape: Any, path: str) -> None:
    """`shape`: a type, `_Id`, a dict of the known keys' shapes (others are free), or a
    one-item list for "a list of these". JSON null stands for a field left out."""
    if value is None:
        if shape is _RequiredId:
            raise JsonInputError(400, "json_missing", path)
        return
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            raise JsonInputError(400, "json_wrong_type", path or "body")
        for key, inner in shape.items():
            _check_shape(value.get(key), inner, f"{path}.{key}" if path else key)
    elif isinstance(shape, list):
        if not isinstance(value, list):
            raise JsonInputError(400, "json_wrong_type", path)
        for index, item in enumerate(value):
            _check_shape(item, shape[0], f"{path}.{index}")
    elif shape is bool:
        if not isinstance(value, bool):
            raise JsonInputError(400, "json_wrong_type", path)
    elif shape in (_Id, _RequiredId):
        if not isinstance(value, str):
            raise JsonInputError(400, "json_wrong_type", path)
        if id_problem(value) is not None:
            raise JsonInputError(400, "json_bad_id", path)
    elif not isinstance(value, shape):
        raise JsonInputError(400, "json_wrong_type", path)


def _too_large(max_bytes: int) -> JsonInputError:
    return JsonInputError(413, "json_too_large", kilobytes=max_bytes // 1024)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is too large")
    return number
