"""Real Bot Framework activity JSON as Teams sends it, for a test team with two channels."""

import itertools
from dataclasses import dataclass, field
from typing import Any

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
TEAM = "19:team-general@thread.tacv2"
BOT = {"id": "28:modbot-app-id", "name": "Modbot"}


@dataclass
class Person:
    id: str
    name: str
    aad_object_id: str

    def account(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "aadObjectId": self.aad_object_id}


ANNA = Person("29:anna", "Anna Moderator", "00000000-0000-0000-0000-00000000a001")
BERTIL = Person("29:bertil", "Bertil Moderator", "00000000-0000-0000-0000-00000000b002")
KARIN = Person("29:karin", "Karin Kansli", "00000000-0000-0000-0000-00000000c003")

_ids = itertools.count(1000)


@dataclass
class Channel:
    """A Teams channel as the bot sees it: activities arrive with this channelData."""

    service_url: str
    channel_id: str = "19:moderatorer@thread.tacv2"
    name: str = "Moderatorer"
    locale: str = "sv-SE"
    extra: dict[str, Any] = field(default_factory=dict)

    def _base(self, person: Person, conversation_id: str) -> dict[str, Any]:
        return {
            "id": f"{next(_ids)}",
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "timestamp": "2026-11-25T10:00:00.000Z",
            "locale": self.locale,
            "from": person.account(),
            "recipient": BOT,
            "conversation": {
                "id": conversation_id,
                "conversationType": "channel",
                "isGroup": True,
                "tenantId": TENANT,
            },
            "channelData": {
                "tenant": {"id": TENANT},
                "team": {"id": TEAM, "name": "Kommunikation"},
                "channel": {"id": self.channel_id, "name": self.name},
            },
        }

    def bot_added(self, person: Person) -> dict[str, Any]:
        activity = self._base(person, self.channel_id)
        activity["type"] = "conversationUpdate"
        activity["membersAdded"] = [{"id": BOT["id"]}]
        activity["channelData"]["eventType"] = "teamMemberAdded"
        return activity

    def member_left(self, person: Person) -> dict[str, Any]:
        activity = self._base(person, self.channel_id)
        activity["type"] = "conversationUpdate"
        activity["membersRemoved"] = [{"id": person.id}]
        activity["channelData"]["eventType"] = "teamMemberRemoved"
        return activity

    def message(
        self,
        person: Person,
        text: str,
        *,
        thread: str | None = None,
        mention: bool = True,
        mentions: tuple[Person, ...] = (),
    ) -> dict[str, Any]:
        root = thread or None
        activity_id = f"{next(_ids)}"
        conversation = f"{self.channel_id};messageid={root or activity_id}"
        activity = self._base(person, conversation)
        activity.update(
            {
                "type": "message",
                "id": activity_id,
                "text": f"<at>Modbot</at> {text}" if mention else text,
                "textFormat": "plain",
            }
        )
        if mention:
            activity["entities"] = [
                {"type": "mention", "mentioned": BOT, "text": "<at>Modbot</at>"}
            ]
        for other in mentions:
            tag = f"<at>{other.name}</at>"
            activity["text"] += f" {tag}"
            activity.setdefault("entities", []).append(
                {"type": "mention", "mentioned": other.account(), "text": tag}
            )
        return activity

    def invoke(
        self, person: Person, verb: str, data: dict[str, Any], *, card_id: str = "card-1"
    ) -> dict[str, Any]:
        activity = self._base(person, f"{self.channel_id};messageid={card_id}")
        activity.update(
            {
                "type": "invoke",
                "name": "adaptiveCard/action",
                "replyToId": card_id,
                "value": {
                    "action": {"type": "Action.Execute", "verb": verb, "data": data},
                    "trigger": "manual",
                },
            }
        )
        return activity


def flag(**overrides: Any) -> dict[str, Any]:
    """A flag for the Hjo kommun Facebook page, as a screening tool would post it."""
    body: dict[str, Any] = {
        "platform": "facebook",
        "account": "Hjo kommun",
        "comment_id": f"10159_{next(_ids)}",
        "post_id": "10159_1",
        "permalink": "https://facebook.com/hjokommun/posts/1?comment_id=2",
        "author": {"id": "fb-user-77", "name": "Sven Svensson"},
        "text": "Du är en idiot och borde skämmas, Åsa!",
        "created_at": "2026-11-25T08:00:00+01:00",
        "category": "fortal",
        "reason": "personangrepp",
        "flagged_by": "Anna Moderator",
    }
    body.update(overrides)
    return body


def personal_message(service_url: str, person: Person, text: str) -> dict[str, Any]:
    """A message in the person's one-to-one chat with the bot."""
    return {
        "type": "message",
        "id": f"{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "locale": "sv-SE",
        "from": person.account(),
        "recipient": BOT,
        "conversation": {
            "id": f"a:personal-{person.id}",
            "conversationType": "personal",
            "tenantId": TENANT,
        },
        "channelData": {"tenant": {"id": TENANT}},
        "text": text,
    }
