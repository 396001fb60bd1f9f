"""Flag intake: one flagged comment in, one case out, evidence captured at once.

The raw JSON as received is saved and hashed in the same transaction that creates the case,
so the comment is on record before anyone can edit or delete it on the platform.

`FlagIn` is what a case may hold, whoever makes it: ids without control characters, lone
surrogates or only invisible characters, and a sane moment. `FlagBody` is the stricter
`POST /api/flags` body read by `parse_flag`: also a text and an author name that are not
blank, and `created_at` as ISO 8601 text, never a number. The text and the author's name are
kept as given, byte for byte, whatever Unicode they hold.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from sqlmodel import Session

from routine.categories import parse_category
from routine.decisions import Actor
from routine.platforms import parse_platform
from routine.screening import Verdict, WordList, screen
from services.evidence import RAW_JSON, EvidenceFiles
from storage import audit, cases
from storage.accounts import find_account
from storage.models import FlaggedCase
from storage.record_digest import new_evidence, new_row

MAX_TEXT_CHARS = 20_000
CLOCK_SKEW = timedelta(minutes=5)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
"""A comment's moment outside these is a mistake (or a probe), not a comment."""

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d")


def id_problem(value: str) -> str | None:
    """Why `value` cannot be an id on record, or None: a control character (NUL, a line
    break, U+2028/2029), a lone surrogate, or nothing but blanks and invisible characters."""
    if _SURROGATE.search(value):
        return "lone_surrogate"
    if _CONTROL.search(value):
        return "control_character"
    if value and _invisible(value):
        return "only_invisible"
    return None


def _invisible(value: str) -> bool:
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in value)


def _clean_id(value: str) -> str:
    problem = id_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _not_blank(value: str) -> str:
    if not value or _invisible(value):
        raise ValueError("blank")
    return value


Short = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_clean_id)]
OptionalId = Annotated[str, Field(max_length=200), AfterValidator(_clean_id)] | None
Exact = StringConstraints(strip_whitespace=False)
"""Not stripped: the comment and its author's name are kept exactly as the platform has them."""
Name = Annotated[str, Exact, Field(min_length=1, max_length=200)]
Text = Annotated[str, Exact, Field(max_length=MAX_TEXT_CHARS)]


class AuthorIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    id: Short
    name: Name


class FlagIn(BaseModel):
    """A flagged comment as a case may hold it (the screening of platform events makes these
    too); `FlagBody` is the documented body of `POST /api/flags` (see README)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    platform: Short
    account: Short
    comment_id: Short
    post_id: OptionalId = None
    permalink: Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(_clean_id)]
    author: AuthorIn
    text: Text
    created_at: AwareDatetime
    category: Annotated[str, Field(max_length=30)] | None = None
    reason: Annotated[str, Field(max_length=1000)] | None = None
    flagged_by: OptionalId = None

    @field_validator("platform")
    @classmethod
    def _known_platform(cls, value: str) -> str:
        platform = parse_platform(value)
        if platform is None:
            raise ValueError("unknown_platform")
        return platform.value

    @field_validator("permalink")
    @classmethod
    def _http_link(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("not_a_link")
        return value

    @field_validator("created_at")
    @classmethod
    def _sane_moment(cls, value: datetime) -> datetime:
        try:
            in_utc = value.astimezone(UTC)
        except (OverflowError, ValueError):
            raise ValueError("absurd_moment") from None
        if not EARLIEST <= in_utc < LATEST:
            raise ValueError("absurd_moment")
        return value

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        category = parse_category(value)
        if category is None:
            raise ValueError("unknown_category")
        return category.value


class AuthorBody(AuthorIn):
    name: Annotated[Name, AfterValidator(_not_blank)]


class FlagBody(FlagIn):
    """The documented body of `POST /api/flags` (see README)."""

    author: AuthorBody
    text: Annotated[Text, AfterValidator(_not_blank)]

    @field_validator("created_at", mode="before")
    @classmethod
    def _iso_text(cls, value: Any) -> Any:
        """Pydantic would read 1764057600 or "1764057600" as Unix time; the body says ISO."""
        if isinstance(value, bool | int | float):
            raise ValueError("moment_not_text")
        if isinstance(value, str) and not _ISO_MOMENT.match(value.strip()):
            raise ValueError("datetime_format")
        return value


def _screened_category(verdict: Verdict) -> str | None:
    return verdict.suggested_category.value if verdict.suggested_category else None


class FlagRejected(Exception):
    """The flag cannot become a case; `fields` says why, one Swedish sentence per field."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("flag rejected")
        self.fields = fields


@dataclass(frozen=True)
class IntakeResult:
    case_id: int
    created: bool


_MESSAGES = {
    "missing": "saknas",
    "string_too_short": "får inte vara tom",
    "string_too_long": "är för lång (högst {max_length} tecken)",
    "string_type": "ska vara text",
    "model_type": "ska vara ett objekt",
    "model_attributes_type": "ska vara ett objekt",
    "timezone_aware": "ska ha tidszon, t.ex. 2026-11-25T14:32:00+01:00",
    "unknown_platform": "okänd plattform; välj facebook, instagram eller youtube",
    "not_a_link": "ska vara en länk som börjar med https://",
    "unknown_category": "okänd kategori; se README för listan",
    "control_character": "får inte innehålla styrtecken (t.ex. NUL, radbrytning eller U+2028)",
    "only_invisible": "får inte bestå av bara blanksteg eller osynliga tecken",
    "string_unicode": "innehåller ett ensamt surrogattecken (U+D800–U+DFFF), som inte är Unicode",
    "lone_surrogate": "innehåller ett ensamt surrogattecken (U+D800–U+DFFF), som inte är Unicode",
    "blank": "får inte vara tom eller bara blanksteg",
    "moment_not_text": (
        "ska vara en tidpunkt som text i ISO 8601, t.ex. 2026-11-25T14:32:00+01:00, inte ett tal"
    ),
    "absurd_moment": "är ingen rimlig tidpunkt (ska ligga mellan år 2000 och 2100)",
}


def parse_flag(payload: Any) -> FlagIn:
    """The body of `POST /api/flags` checked field by field; `FlagRejected` names each field
    that is wrong."""
    if not isinstance(payload, dict):
        raise FlagRejected({"body": "ska vara ett JSON-objekt"})
    try:
        return FlagBody.model_validate(payload)
    except ValidationError as error:
        raise FlagRejected(_field_messages(error)) from None


def _field_messages(error: ValidationError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"]) or "body"
        kind = problem["type"]
        if kind == "value_error":
            kind = str(problem.get("ctx", {}).get("error", ""))
        if kind.startswith("datetime"):
            fields.setdefault(name, "ska vara en tidpunkt i ISO 8601, t.ex. 2026-11-25T14:32:00Z")
            continue
        template = _MESSAGES.get(kind, "har fel format")
        fields.setdefault(name, template.format(**problem.get("ctx", {})))
    return fields


def accept_flag(
    session: Session,
    files: EvidenceFiles,
    flag: FlagIn,
    raw_body: bytes,
    now: datetime,
    word_lists: Sequence[WordList] = (),
) -> IntakeResult:
    """Store one flag in the caller's transaction (see services.intake_queue for the commit).
    A flag that gives no category or reason gets the section-6 screening's."""
    if flag.created_at > now + CLOCK_SKEW:
        raise FlagRejected({"created_at": "ligger i framtiden"})
    account = find_account(session, flag.platform, flag.account)
    if account is None:
        raise FlagRejected(
            {"account": "inget sådant konto är kopplat till en kanal; koppla det först"}
        )
    account_id, account_name = account
    existing = cases.find_case_id(session, account_id, flag.comment_id)
    if existing is not None:
        return IntakeResult(existing, created=False)
    category, reason = flag.category, flag.reason
    if category is None or reason is None:
        verdict = screen(flag.text, word_lists)
        category = category or _screened_category(verdict)
        reason = reason or verdict.reason or None
    case_id = cases.add_case(
        session,
        account_id=account_id,
        platform_comment_id=flag.comment_id,
        post_id=flag.post_id,
        permalink=flag.permalink,
        author_id=flag.author.id,
        author_name=flag.author.name,
        text=flag.text,
        comment_created_at=flag.created_at,
        received_at=now,
        suggested_category=category,
        reason=reason,
        flagged_by=flag.flagged_by,
    )
    flagger = Actor(id=f"flag:{flag.flagged_by or 'api'}", name=flag.flagged_by or "API")
    saved = files.save(
        session,
        case_id=case_id,
        kind=RAW_JSON,
        name="flagga.json",
        content_type="application/json",
        data=raw_body,
        added_by_name=flagger.name,
        now=now,
    )
    audit.record(
        session,
        at=now,
        actor=flagger,
        action="case_opened",
        case_id=case_id,
        rows=[new_row(FlaggedCase, case_id), new_evidence(case_id, saved.file_name, saved.sha256)],
        platform=flag.platform,
        account=account_name,
        comment_id=flag.comment_id,
    )
    return IntakeResult(case_id, created=True)
