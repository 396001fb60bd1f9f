"""Section 4: every comment and post the platforms report is kept, in order, with its origin
(extern / kommunen), its earlier texts and its deletion by the author. External comments are
screened against section 6 as they arrive; what the rules flag becomes a case, with this
change's JSON as its raw evidence. The municipality's own posts count as publishing."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from platforms.events import CommentEvent, Verb
from routine.screening import WordList, screen
from services.evidence import EvidenceFiles
from services.intake import MAX_TEXT_CHARS, AuthorIn, FlagIn, accept_flag
from storage import cases, comments
from storage.models import Account

EXTERNAL = "extern"
OWN = "kommunen"
SCREENING = "Modbot (granskning)"


@dataclass(frozen=True)
class Recorded:
    known_account: bool
    new_case: bool


def record_event(
    session: Session,
    files: EvidenceFiles,
    event: CommentEvent,
    word_lists: Sequence[WordList],
    now: datetime,
) -> Recorded:
    """Apply one change in the caller's transaction. Replays change nothing: a comment is
    unique per account, and an edit is kept only when the text really changed."""
    account = comments.connected_account(session, event.platform, event.platform_account_id)
    if account is None or account.id is None:
        return Recorded(known_account=False, new_case=False)
    stored = comments.find_comment(session, account.id, event.comment_id)
    if event.verb is Verb.REMOVE:
        if stored is not None and stored.deleted_by_author_at is None:
            comments.mark_deleted_by_author(session, stored.id, now)
        return Recorded(known_account=True, new_case=False)
    origin = OWN if event.author_id == account.platform_id else EXTERNAL
    if stored is None:
        comments.add_comment(
            session,
            account_id=account.id,
            platform_comment_id=event.comment_id,
            kind=event.kind,
            post_id=event.post_id,
            parent_id=event.parent_id,
            origin=origin,
            author_id=event.author_id[:200],
            author_name=event.author_name[:200],
            text=event.text,
            has_image=event.has_image,
            permalink=event.permalink,
            created_at=event.created_at,
            received_at=now,
        )
    elif stored.text != event.text:
        comments.replace_text(session, stored.id, stored.text, event.text, now)
    else:
        return Recorded(known_account=True, new_case=False)
    if origin == OWN:
        if event.kind == "post" and (
            account.last_published_at is None or account.last_published_at < event.created_at
        ):
            account.last_published_at = event.created_at
            session.add(account)
        return Recorded(known_account=True, new_case=False)
    return Recorded(
        known_account=True,
        new_case=_flag_if_screened(session, files, account, event, word_lists, now),
    )


def _flag_if_screened(
    session: Session,
    files: EvidenceFiles,
    account: Account,
    event: CommentEvent,
    word_lists: Sequence[WordList],
    now: datetime,
) -> bool:
    assert account.id is not None
    verdict = screen(event.text, word_lists, event.has_image)
    if not verdict.flagged or cases.find_case_id(session, account.id, event.comment_id):
        return False
    flag = FlagIn(
        platform=event.platform,
        account=account.name,
        comment_id=event.comment_id,
        post_id=event.post_id,
        permalink=event.permalink or account.url,
        author=AuthorIn(
            id=event.author_id[:200] or "okänd", name=event.author_name[:200] or "okänd"
        ),
        text=event.text[:MAX_TEXT_CHARS],
        created_at=min(event.created_at, now),
        category=verdict.suggested_category.value if verdict.suggested_category else None,
        reason=verdict.reason[:1000] or None,
        flagged_by=SCREENING,
    )
    return accept_flag(session, files, flag, event.raw, now, word_lists).created
