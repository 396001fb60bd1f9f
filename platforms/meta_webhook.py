"""Meta Webhooks (Graph API): the verification handshake, the X-Hub-Signature-256 check, and
Page `feed` and Instagram `comments` changes read into CommentEvents."""

import hashlib
import hmac
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from platforms.events import CommentEvent, MalformedEvent, Verb, json_object
from routine.platforms import Platform
from web.json_input import JsonInputError, parse_json

SIGNATURE_HEADER = "X-Hub-Signature-256"
_VERBS = {"add": Verb.ADD, "edited": Verb.EDIT, "edit": Verb.EDIT, "remove": Verb.REMOVE}
_POST_ITEMS = frozenset({"status", "post", "photo", "video", "share"})
MAX_DEPTH = 32
"""object, entry, changes, value, from/media: a handful of levels; the rest is a probe."""
MAX_ID_CHARS = 200
MAX_LINK_CHARS = 1000
EARLIEST = datetime(2004, 1, 1, tzinfo=UTC)
UNKNOWN = "okänd"
_BAD_ID = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def signature_valid(app_secret: str, body: bytes, header: str | None) -> bool:
    """HMAC-SHA256 of the raw body with the app secret, compared in constant time."""
    if not app_secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


def handshake(query: dict[str, str], verify_token: str) -> str | None:
    """The challenge to echo when Meta verifies the endpoint, or None to refuse."""
    if (
        verify_token
        and query.get("hub.mode") == "subscribe"
        and hmac.compare_digest(query.get("hub.verify_token", ""), verify_token)
    ):
        return query.get("hub.challenge", "")
    return None


def read_events(body: bytes, received_at: datetime) -> list[CommentEvent]:
    """Every comment or post change in one notification; other fields are ignored. A body
    that is not JSON within the limits, or a change whose ids, text or author are not what
    Meta sends (an id with a control character, a text that is an object), is unreadable as
    a whole: it stays on record, marked with why, and nothing of it is half recorded."""
    try:
        payload = parse_json(body, MAX_DEPTH)
    except JsonInputError as error:
        raise MalformedEvent(f"not readable JSON ({error})") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("entry"), list):
        raise MalformedEvent("no entry list")
    platform = {"page": Platform.FACEBOOK, "instagram": Platform.INSTAGRAM}.get(
        str(payload.get("object"))
    )
    if platform is None:
        raise MalformedEvent(f"object {str(payload.get('object'))[:50]!r} is not page or instagram")
    return list(_events(platform, payload["entry"], received_at))


def _events(
    platform: Platform, entries: list[Any], received_at: datetime
) -> Iterator[CommentEvent]:
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("changes"), list):
            raise MalformedEvent("entry without changes")
        account = _optional_id(entry.get("id"), "entry id") or ""
        for change in entry["changes"]:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                raise MalformedEvent("change without value")
            raw = json.dumps({"object": platform.value, "id": account, **change}).encode()
            if platform is Platform.FACEBOOK and change.get("field") == "feed":
                event = _facebook(account, value, raw, received_at)
            elif platform is Platform.INSTAGRAM and change.get("field") == "comments":
                event = _instagram(account, value, raw, received_at)
            else:
                event = None
            if event is not None:
                yield event


def _facebook(
    page: str, value: dict[str, Any], raw: bytes, received_at: datetime
) -> CommentEvent | None:
    item = value.get("item")
    verb = _VERBS.get(value["verb"]) if isinstance(value.get("verb"), str) else None
    if verb is None or not isinstance(item, str) or (item != "comment" and item not in _POST_ITEMS):
        return None
    author = _author(value.get("from"), "name")
    comment_id = _optional_id(
        value.get("comment_id") if item == "comment" else value.get("post_id"), "comment_id"
    )
    if not comment_id:
        raise MalformedEvent("feed change without comment_id/post_id")
    return CommentEvent(
        platform=Platform.FACEBOOK.value,
        platform_account_id=page,
        comment_id=comment_id,
        verb=verb,
        kind="comment" if item == "comment" else "post",
        post_id=_optional_id(value.get("post_id"), "post_id"),
        parent_id=_optional_id(value.get("parent_id"), "parent_id"),
        author_id=author[0],
        author_name=author[1],
        text=_message(value.get("message"), "message"),
        created_at=_moment(value.get("created_time"), received_at),
        has_image=bool(value.get("photo") or value.get("photos")),
        permalink=_link(value.get("permalink_url")) or f"https://www.facebook.com/{comment_id}",
        raw=raw,
    )


def _instagram(
    account: str, value: dict[str, Any], raw: bytes, received_at: datetime
) -> CommentEvent:
    author = _author(value.get("from"), "username")
    media = json_object(value.get("media"))
    comment_id = _optional_id(value.get("id"), "id")
    if not comment_id:
        raise MalformedEvent("comment without id")
    return CommentEvent(
        platform=Platform.INSTAGRAM.value,
        platform_account_id=account,
        comment_id=comment_id,
        verb=Verb.ADD,
        kind="comment",
        post_id=_optional_id(media.get("id"), "media id"),
        parent_id=_optional_id(value.get("parent_id"), "parent_id"),
        author_id=author[0],
        author_name=author[1],
        text=_message(value.get("text"), "text"),
        created_at=received_at,
        has_image=False,
        permalink=None,
        raw=raw,
    )


def _optional_id(value: object, what: str) -> str | None:
    """An id as Meta sends it (text or a whole number), or None when left out; anything else
    (an object, a control character, 201 characters) makes the body unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise MalformedEvent(f"{what} is not text")
    if len(value) > MAX_ID_CHARS or _BAD_ID.search(value) or _invisible(value):
        raise MalformedEvent(f"{what} is not an id")
    return value


def _invisible(value: str) -> bool:
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in value)


def _author(value: object, name_field: str) -> tuple[str, str]:
    """(id, name); Meta leaves `from` out for some people, so "okänd" stands in."""
    author = json_object(value)
    author_id = _optional_id(author.get("id"), "from.id") or UNKNOWN
    name = author.get(name_field)
    if name is not None and not isinstance(name, str):
        raise MalformedEvent(f"from.{name_field} is not text")
    return author_id, name or author_id


def _message(value: object, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MalformedEvent(f"{what} is not text")
    return value


def _link(value: object) -> str | None:
    """A permalink only when it is one; otherwise the comment's own address is used."""
    if (
        isinstance(value, str)
        and value.startswith(("https://", "http://"))
        and len(value) <= MAX_LINK_CHARS
        and not _BAD_ID.search(value)
    ):
        return value
    return None


def _moment(value: object, fallback: datetime) -> datetime:
    """Meta sends created_time as Unix seconds; a moment before Facebook or after tomorrow
    (or no number at all) is not believed, and the time received stands in."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            moment = datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            return fallback
        if EARLIEST <= moment <= fallback + timedelta(days=1):
            return moment
    return fallback
