"""Which Teams channel moderates which account, and where kanslienheten reads synpunkter."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlparse

from sqlmodel import Session

from routine.decisions import Actor
from routine.errors import BadPlatform, BadUrl
from routine.platforms import parse_platform
from storage import audit, bot_state
from storage.accounts import link_account, list_accounts
from storage.models import Account


@dataclass(frozen=True)
class LinkResult:
    account: Account
    moved_from: str | None


def link_channel(
    session: Session,
    *,
    platform: str,
    name: str,
    url: str,
    channel_conversation_id: str,
    actor: Actor,
    now: datetime,
) -> LinkResult:
    known = parse_platform(platform)
    if known is None:
        raise BadPlatform(platform=platform)
    parsed = urlparse(url)
    if parsed.scheme not in ("https", "http") or not parsed.netloc:
        raise BadUrl(url=url)
    account, previous = link_account(
        session,
        platform=known.value,
        name=name.strip(),
        url=url.rstrip("/"),
        channel_conversation_id=channel_conversation_id,
        linked_by_name=actor.name,
        now=now,
    )
    audit.record(
        session,
        at=now,
        actor=actor,
        action="account_linked",
        platform=known.value,
        account=account.name,
        channel=channel_conversation_id,
        previous_channel=previous,
    )
    session.commit()
    moved = previous if previous and previous != channel_conversation_id else None
    return LinkResult(account, moved)


def accounts(session: Session) -> list[Account]:
    return list_accounts(session)


def set_kansli_channel(
    session: Session, channel_conversation_id: str, actor: Actor, now: datetime
) -> None:
    bot_state.set_value(session, bot_state.KANSLI_CONVERSATION, channel_conversation_id)
    audit.record(
        session, at=now, actor=actor, action="kansli_channel_set", channel=channel_conversation_id
    )
    session.commit()
