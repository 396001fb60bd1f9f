"""A comment or post as the platforms report it, in the bot's terms."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Verb(StrEnum):
    ADD = "add"
    EDIT = "edit"
    REMOVE = "remove"


@dataclass(frozen=True)
class CommentEvent:
    platform: str
    platform_account_id: str
    """The page, Instagram account or channel the comment is on."""
    comment_id: str
    verb: Verb
    kind: str
    """`comment`, or `post` for a post on the account's own feed."""
    post_id: str | None
    parent_id: str | None
    author_id: str
    author_name: str
    text: str
    created_at: datetime
    has_image: bool
    permalink: str | None
    raw: bytes
    """This change alone, as JSON: the evidence of what the platform said."""


class MalformedEvent(ValueError):
    """The platform's body is not something the bot can read; it is kept, marked with why."""


def json_object(value: object) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else: platforms leave fields out."""
    return value if isinstance(value, dict) else {}
