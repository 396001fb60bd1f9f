"""Meta Webhooks (Graph API): the verification handshake, the X-Hub-Signature-256 check, and
Page `feed` and Instagram `comments` changes read into CommentEvents."""

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from platforms.events import CommentEvent, MalformedEvent, Verb, json_object
from routine.platforms import Platform

SIGNATURE_HEADER = "X-Hub-Signature-256"
_VERBS = {"add": Verb.ADD, "edited": Verb.EDIT, "edit": Verb.EDIT, "remove": Verb.REMOVE}
_POST_ITEMS = frozenset({"status", "post", "photo", "video", "share"})


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
    """Every comment or post change in one notification; other fields are ignored."""
    try:
        payload = json.loads(body)
    except ValueError as error:
        raise MalformedEvent("not JSON") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("entry"), list):
        raise MalformedEvent("no entry list")
    platform = {"page": Platform.FACEBOOK, "instagram": Platform.INSTAGRAM}.get(
        str(payload.get("object"))
    )
    if platform is None:
        raise MalformedEvent(f"object {payload.get('object')!r} is not page or instagram")
    return list(_events(platform, payload["entry"], received_at))


def _events(
    platform: Platform, entries: list[Any], received_at: datetime
) -> Iterator[CommentEvent]:
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("changes"), list):
            raise MalformedEvent("entry without changes")
        account = str(entry.get("id", ""))
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
    verb = _VERBS.get(str(value.get("verb")))
    if verb is None or (item != "comment" and item not in _POST_ITEMS):
        return None
    author = json_object(value.get("from"))
    comment_id = value.get("comment_id") if item == "comment" else value.get("post_id")
    if not comment_id:
        raise MalformedEvent("feed change without comment_id/post_id")
    return CommentEvent(
        platform=Platform.FACEBOOK.value,
        platform_account_id=page,
        comment_id=str(comment_id),
        verb=verb,
        kind="comment" if item == "comment" else "post",
        post_id=_text(value.get("post_id")),
        parent_id=_text(value.get("parent_id")),
        author_id=str(author.get("id") or "okänd"),
        author_name=str(author.get("name") or author.get("id") or "okänd"),
        text=str(value.get("message") or ""),
        created_at=_moment(value.get("created_time"), received_at),
        has_image=bool(value.get("photo") or value.get("photos")),
        permalink=_text(value.get("permalink_url")) or f"https://www.facebook.com/{comment_id}",
        raw=raw,
    )


def _instagram(
    account: str, value: dict[str, Any], raw: bytes, received_at: datetime
) -> CommentEvent:
    author = json_object(value.get("from"))
    media = json_object(value.get("media"))
    if not value.get("id"):
        raise MalformedEvent("comment without id")
    return CommentEvent(
        platform=Platform.INSTAGRAM.value,
        platform_account_id=account,
        comment_id=str(value["id"]),
        verb=Verb.ADD,
        kind="comment",
        post_id=_text(media.get("id")),
        parent_id=_text(value.get("parent_id")),
        author_id=str(author.get("id") or "okänd"),
        author_name=str(author.get("username") or author.get("id") or "okänd"),
        text=str(value.get("text") or ""),
        created_at=received_at,
        has_image=False,
        permalink=None,
        raw=raw,
    )


def _text(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _moment(value: object, fallback: datetime) -> datetime:
    """Meta sends created_time as Unix seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    return fallback
