"""web.json_input: JSON bodies within limits, every refusal a 400 or 413 naming its field."""

from typing import Any

import pytest

from web.json_input import JsonInputError, check_depth, parse_json


def _refusal(raw: bytes, max_depth: int = 64) -> JsonInputError:
    with pytest.raises(JsonInputError) as refused:
        parse_json(raw, max_depth)
    return refused.value


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"a": [1, {"b": "\\ud83d\\ude00"}]}', {"a": [1, {"b": "\U0001f600"}]}),
        (b'"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["', "[" * 68),
        (b'["\\\\", "\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]', None),
        ('{"namn": "Åsa\u2029Öberg\u0085"}'.encode(), {"namn": "Åsa\u2029Öberg\u0085"}),
        (b"[" * 64 + b"]" * 64, None),
    ],
)
def test_what_is_json_within_the_limits_is_read(raw: bytes, expected: Any) -> None:
    value = parse_json(raw)
    if expected is not None:
        assert value == expected


@pytest.mark.parametrize(
    ("raw", "field", "key"),
    [
        (b"[" * 100_000, "body", "json_too_deep"),
        (b'{"a": ' + b"[" * 65 + b"]" * 65 + b"}", "body", "json_too_deep"),
        (b'{"a": ' + b"{" * 100_000, "body", "json_too_deep"),
        (b"{not json", "body", "json_invalid"),
        (b"", "body", "json_invalid"),
        (b"NaN", "body", "json_invalid"),
        (b'{"a": Infinity}', "body", "json_invalid"),
        (b'{"a": 1e999}', "body", "json_invalid"),
        (b"1" * 5000, "body", "json_invalid"),
        (b'{"a": "\xff"}', "body", "json_not_utf8"),
        (b'\xef\xbb\xbf{"a": 1}', "body", "json_invalid"),
        (b'{"a": "\xed\xa0\x80"}', "body", "json_not_utf8"),
        (b'{"text": "x\\ud800y"}', "text", "json_lone_surrogate"),
        (b'{"author": {"name": "\\udfff"}}', "author.name", "json_lone_surrogate"),
        (b'{"entry": [{"id": 1}, {"id": "\\ud83d"}]}', "entry.1.id", "json_lone_surrogate"),
        (b'{"\\ud800": 1}', "body", "json_lone_surrogate"),
    ],
)
def test_what_is_not_is_refused_with_400_and_the_field(raw: bytes, field: str, key: str) -> None:
    refusal = _refusal(raw)
    assert (refusal.status, refusal.field, refusal.key) == (400, field, key)
    assert refusal.message("sv") and refusal.message("en") != refusal.message("sv")


def test_brackets_in_strings_do_not_count_and_escapes_are_followed() -> None:
    check_depth(b'["\\"[[[[[[", "\\\\"]', 2)
    with pytest.raises(JsonInputError):
        check_depth(b'["\\\\", [[]]]', 2)


def test_the_messages_are_swedish_by_default() -> None:
    assert _refusal(b"[" * 100).fields() == {"body": "är för djupt nästlad (högst 64 nivåer)"}
    assert _refusal(b"[" * 100).fields("en") == {"body": "is nested too deeply (at most 64 levels)"}
