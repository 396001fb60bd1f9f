"""Which Teams channel moderates which account, and where kanslienheten reads synpunkter."""

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlparse

from sqlmodel import Session

from platforms.token_source import TokenSourceError, read_token
from routine.decisions import Actor
from routine.errors import BadPlatform, BadPlatformId, BadTokenSource, BadUrl, NoAccountInChannel
from routine.platforms import parse_platform
from storage import audit, bot_state
from storage.accounts import accounts_in_channel, link_account, list_accounts, name_key
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


def connect_platform(
    session: Session,
    *,
    channel_conversation_id: str,
    platform: str,
    name: str,
    platform_id: str,
    token_source: str,
    actor: Actor,
    now: datetime,
) -> Account:
    """Issue 6: the account's id on its platform and where its token is; the token itself is
    checked to be readable, never stored."""
    known = parse_platform(platform)
    if known is None:
        raise BadPlatform(platform=platform)
    account = next(
        (
            a
            for a in accounts_in_channel(session, channel_conversation_id)
            if a.platform == known.value and a.name_key == name_key(name)
        ),
        None,
    )
    if account is None:
        raise NoAccountInChannel()
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,200}", platform_id):
        raise BadPlatformId(platform_id=platform_id[:60])
    try:
        read_token(token_source)
    except TokenSourceError as error:
        raise BadTokenSource(reason=str(error)) from None
    account.platform_id = platform_id
    account.token_source = token_source
    session.add(account)
    audit.record(
        session,
        at=now,
        actor=actor,
        action="account_connected",
        account=account.name,
        platform_id=platform_id,
        token_source=token_source,
    )
    session.commit()
    return account


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
