"""What a Teams activity says about who acts and where, in the bot's own terms."""

import re
from dataclasses import dataclass
from typing import Any

from botbuilder.schema import Activity

from routine.decisions import Actor
from storage.conversations import ConversationInfo
from texts import language_for

_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_THREAD = ";messageid="


@dataclass(frozen=True)
class Turn:
    actor: Actor
    home: ConversationInfo
    """Where the bot writes new posts: the channel itself, not the thread it was called in."""
    conversation_id: str
    """Where this activity happened (a channel thread, a chat)."""
    channel_id: str | None
    thread_root_id: str | None
    language: str
    mentioned: tuple[Actor, ...] = ()
    """People @mentioned in the message, the bot itself left out."""


def read_turn(activity: Activity, default_language: str) -> Turn:
    data: dict[str, Any] = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    conversation = activity.conversation
    conversation_id: str = conversation.id if conversation else ""
    kind = (conversation.conversation_type if conversation else None) or "personal"
    channel = data.get("channel") or {}
    team = data.get("team") or {}
    channel_id = channel.get("id") or (
        conversation_id.split(_THREAD)[0] if kind == "channel" else None
    )
    thread_root = conversation_id.split(_THREAD, 1)[1] if _THREAD in conversation_id else None
    sender = activity.from_property
    recipient = activity.recipient
    home = ConversationInfo(
        conversation_id=channel_id or conversation_id,
        service_url=activity.service_url or "",
        kind="channel" if channel_id else kind,
        bot_id=recipient.id if recipient else "",
        bot_name=recipient.name if recipient else None,
        tenant_id=(data.get("tenant") or {}).get("id")
        or (conversation.tenant_id if conversation else None),
        team_id=team.get("id"),
        team_name=team.get("name"),
        channel_name=channel.get("name"),
    )
    return Turn(
        actor=Actor(
            id=sender.id if sender else "unknown",
            name=(sender.name if sender else None) or "okänd",
            aad_object_id=sender.aad_object_id if sender else None,
        ),
        home=home,
        conversation_id=conversation_id,
        channel_id=channel_id,
        thread_root_id=thread_root,
        language=language_for(activity.locale, default_language),
        mentioned=_mentioned(activity, home.bot_id),
    )


def _mentioned(activity: Activity, bot_id: str) -> tuple[Actor, ...]:
    people = []
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        who = (entity.additional_properties or {}).get("mentioned") or {}
        if isinstance(who, dict) and who.get("id") and who["id"] != bot_id:
            people.append(
                Actor(
                    id=who["id"],
                    name=who.get("name") or who["id"],
                    aad_object_id=who.get("aadObjectId"),
                )
            )
    return tuple(people)


def command_text(activity: Activity) -> str:
    """The message without the @mention Teams puts in front of it in channels."""
    text = _MENTION.sub(" ", activity.text or "")
    return " ".join(text.replace("&nbsp;", " ").split())
