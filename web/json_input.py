"""Reading a JSON request body with limits, so that no body can make a handler answer 500.

`read_json` reads at most `max_bytes` (413 beyond), then refuses with 400 a body that is not
UTF-8, is nested deeper than `max_depth` (checked on the bytes before parsing, so `[` × 100,000
costs a scan, not a RecursionError), is not JSON, holds NaN, Infinity or a number too large for
a float, or holds a lone surrogate such as "\\ud800" (a string no UTF-8 record can hold).
Every refusal is a `JsonInputError` naming the field and saying why in Swedish or
English (texts: `json_*`)."""

import json
import math
import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from aiohttp import web

from texts import DEFAULT_LANGUAGE, t
from web.json_answer import json_answer

MAX_DEPTH = 64
"""Nesting no honest body comes near; far below what Python's parser can recurse into."""

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


def _too_large(max_bytes: int) -> JsonInputError:
    return JsonInputError(413, "json_too_large", kilobytes=max_bytes // 1024)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is too large")
    return number
