"""The field checks of a flag (services.intake.parse_flag) and of a Meta notification
(platforms.meta_webhook.read_events): what a case must not hold is refused, field by field,
in Swedish; the comment's text and its author's name are kept exactly, whatever they hold."""

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from platforms.events import MalformedEvent
from platforms.meta_webhook import read_events
from services.intake import FlagIn, FlagRejected, parse_flag
from tests.e2e.platform_helpers import NOW, PAGE, feed
from tests.teams import flag

RECEIVED = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _refused(**overrides: Any) -> dict[str, str]:
    with pytest.raises(FlagRejected) as rejected:
        parse_flag(flag(**overrides))
    return rejected.value.fields


@pytest.mark.parametrize(
    ("overrides", "field", "says"),
    [
        ({"text": ""}, "text", "får inte vara tom"),
        ({"text": " \n\t\u2029 "}, "text", "bara blanksteg"),
        ({"text": "\u200b\ufeff"}, "text", "bara blanksteg"),
        ({"text": 42}, "text", "ska vara text"),
        ({"text": "x\ud800"}, "text", "surrogat"),
        ({"comment_id": "10159\x00_1"}, "comment_id", "styrtecken"),
        ({"comment_id": "10159\n1"}, "comment_id", "styrtecken"),
        ({"comment_id": "10159\u20281"}, "comment_id", "styrtecken"),
        ({"comment_id": "\u200b\u200c"}, "comment_id", "osynliga"),
        ({"comment_id": 10159}, "comment_id", "ska vara text"),
        ({"post_id": "\x7f"}, "post_id", "styrtecken"),
        ({"account": "Hjo\x1bkommun"}, "account", "styrtecken"),
        ({"author": {"id": "fb\x00", "name": "Sven"}}, "author.id", "styrtecken"),
        ({"author": {"id": "\ufeff", "name": "Sven"}}, "author.id", "osynliga"),
        ({"author": {"id": "fb-1", "name": "  "}}, "author.name", "får inte vara tom"),
        ({"author": {"id": "fb-1", "name": None}}, "author.name", "ska vara text"),
        ({"author": "Sven"}, "author", "ska vara ett objekt"),
        ({"permalink": "https://facebook.com/\x00"}, "permalink", "styrtecken"),
        ({"flagged_by": "Anna\r\nModerator"}, "flagged_by", "styrtecken"),
        ({"created_at": 1764057600}, "created_at", "inte ett tal"),
        ({"created_at": 1764057600.5}, "created_at", "inte ett tal"),
        ({"created_at": True}, "created_at", "inte ett tal"),
        ({"created_at": "1764057600"}, "created_at", "ISO 8601"),
        ({"created_at": "2026-11-25"}, "created_at", "ISO 8601"),
        ({"created_at": "2026-11-25T08:00:00"}, "created_at", "tidszon"),
        ({"created_at": "2026-02-30T08:00:00Z"}, "created_at", "ISO 8601"),
        ({"created_at": "0001-01-01T00:00:00+01:00"}, "created_at", "rimlig"),
        ({"created_at": "9999-12-31T23:59:59-23:59"}, "created_at", "rimlig"),
        ({"created_at": "1970-01-01T00:00:00Z"}, "created_at", "rimlig"),
        ({"created_at": [2026]}, "created_at", "ISO 8601"),
    ],
)
def test_what_a_case_must_not_hold_is_refused_per_field(
    overrides: dict[str, Any], field: str, says: str
) -> None:
    fields = _refused(**overrides)
    assert list(fields) == [field]
    assert says in fields[field]


def test_every_wrong_field_is_named_at_once() -> None:
    fields = _refused(text=" ", comment_id="\x00", created_at=0, author={"id": "", "name": ""})
    assert set(fields) == {"text", "comment_id", "created_at", "author.id", "author.name"}


def test_the_text_and_the_name_are_kept_exactly_whatever_unicode_they_hold() -> None:
    text = " Hej\u2029då\r\n\u0085\u202e🙂 "
    name = "\tSven\u2029\rSvensson\u200b"
    parsed = parse_flag(flag(text=text, author={"id": " fb-1 ", "name": name}))
    assert parsed.text == text
    assert parsed.author.name == name
    assert parsed.author.id == "fb-1"


def test_the_record_itself_refuses_bad_ids_but_allows_an_empty_text() -> None:
    """FlagIn is also made from platform events (an image with no text is a comment)."""
    body = flag(text="", author={"id": "fb-1", "name": " "})
    assert FlagIn.model_validate(body).text == ""
    with pytest.raises(ValueError):
        FlagIn.model_validate({**body, "comment_id": "a\x00"})


def _events(payload: Any) -> list[Any]:
    return read_events(json.dumps(payload).encode(), RECEIVED)


def _value(payload: dict[str, Any]) -> dict[str, Any]:
    value: dict[str, Any] = payload["entry"][0]["changes"][0]["value"]
    return value


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("comment_id", {"id": 1}),
        ("comment_id", ["1_2"]),
        ("comment_id", "1_2\x00"),
        ("comment_id", "\u200b"),
        ("comment_id", "x" * 201),
        ("post_id", 1.5),
        ("parent_id", "1\n2"),
        ("message", {"text": "hej"}),
        ("message", 42),
        ("from", {"id": {"a": 1}, "name": "Sven"}),
        ("from", {"id": "fb-1", "name": ["Sven"]}),
    ],
)
def test_a_meta_change_with_a_field_meta_never_sends_is_unreadable(field: str, value: Any) -> None:
    payload = feed(f"{PAGE}_1_1", "Hej")
    _value(payload)[field] = value
    with pytest.raises(MalformedEvent):
        _events(payload)


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b'{"object": "page", "entry": ' + b"[" * 1000 + b"]" * 1000 + b"}",
        b'{"object": "page", "entry": [], "x": "\\ud800"}',
        b'{"object": "page", "entry": [], "x": 1e999}',
        b'{"object": "page", "entry": [], "x": NaN}',
    ],
)
def test_a_body_past_the_limits_is_unreadable_not_an_error(body: bytes) -> None:
    with pytest.raises(MalformedEvent):
        read_events(body, RECEIVED)


@pytest.mark.parametrize(
    ("created_time", "expected"),
    [
        (NOW - 600, datetime.fromtimestamp(NOW - 600, UTC)),
        (10**20, RECEIVED),
        (-(10**20), RECEIVED),
        (0, RECEIVED),
        (NOW + 7 * 86_400, RECEIVED),
        ("2026-11-25T08:00:00+0000", RECEIVED),
        (True, RECEIVED),
    ],
)
def test_an_absurd_created_time_gives_way_to_the_time_received(
    created_time: Any, expected: datetime
) -> None:
    payload = feed(f"{PAGE}_1_1", "Hej")
    _value(payload)["created_time"] = created_time
    [event] = _events(payload)
    assert event.created_at == expected


def test_a_meta_author_name_and_text_are_kept_exactly_and_ids_may_be_numbers() -> None:
    payload = feed(f"{PAGE}_1_1", " Hej\u2029\r\n", author=("fb-1", "Sven\u2029\rSvensson"))
    _value(payload)["comment_id"] = 1234567
    _value(payload)["permalink_url"] = "javascript:alert(1)"
    [event] = _events(payload)
    assert (event.text, event.author_name) == (" Hej\u2029\r\n", "Sven\u2029\rSvensson")
    assert event.comment_id == "1234567"
    assert event.permalink == "https://www.facebook.com/1234567"
