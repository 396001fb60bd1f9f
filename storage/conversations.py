"""Conversation references: where (service URL, conversation id) the bot can write."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from storage.models import Conversation


@dataclass(frozen=True)
class ConversationInfo:
    conversation_id: str
    service_url: str
    kind: str
    bot_id: str
    bot_name: str | None = None
    tenant_id: str | None = None
    team_id: str | None = None
    team_name: str | None = None
    channel_name: str | None = None


def remember_conversation(session: Session, info: ConversationInfo, now: datetime) -> Conversation:
    """Store or refresh a reference; Teams may move a conversation to another service URL."""
    row = get_conversation(session, info.conversation_id)
    if row is None:
        row = Conversation(
            conversation_id=info.conversation_id,
            service_url=info.service_url,
            kind=info.kind,
            bot_id=info.bot_id,
            updated_at=now,
        )
    for key, value in _fields(info).items():
        if value is not None:
            setattr(row, key, value)
    row.updated_at = now
    session.add(row)
    session.flush()
    return row


def get_conversation(session: Session, conversation_id: str) -> Conversation | None:
    return session.exec(
        select(Conversation).where(Conversation.conversation_id == conversation_id)
    ).first()


def _fields(info: ConversationInfo) -> dict[str, str | None]:
    return {
        "service_url": info.service_url,
        "kind": info.kind,
        "bot_id": info.bot_id,
        "bot_name": info.bot_name,
        "tenant_id": info.tenant_id,
        "team_id": info.team_id,
        "team_name": info.team_name,
        "channel_name": info.channel_name,
    }
