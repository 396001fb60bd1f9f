"""How the bot's messages reach Teams: cards and texts queued in the outbox, to a person's
chat where the bot has one and otherwise to a channel with an @mention."""

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.cards.case_card import case_card
from bot.cards.department_card import department_card
from bot.cards.elements import Element, attachment
from bot.cards.kansli_card import kansli_card
from services.views import CaseView
from storage import outbox
from storage.conversations import get_conversation
from storage.models import Card, Conversation, Person
from texts import t

log = logging.getLogger(__name__)

MODERATOR = "moderator"
KANSLI = "kansli"
DEPARTMENT = "department"


class Delivery:
    def __init__(self, language: str) -> None:
        self._language = language

    def _tell(
        self,
        session: Session,
        person: Person | None,
        missing_key: str,
        channel_id: str,
        compose: Callable[[str], str],
        now: datetime,
    ) -> None:
        """To the person's personal chat where the bot has one; otherwise in the account's
        channel with an @mention (logged), or a line saying that nobody holds the role."""
        if person is not None and person.personal_conversation_id:
            personal = get_conversation(session, person.personal_conversation_id)
            if personal is not None:
                self._post_text(session, personal.conversation_id, compose(person.name), [], now)
                return
        if person is not None:
            log.info("no personal chat with %s yet; posted in channel %s", person.name, channel_id)
        named, entities = mention_of(person, t(self._language, missing_key))
        self._post_text(session, channel_id, compose(named), entities, now)

    def _officer_name(self, officer: Person | None) -> str:
        return officer.name if officer else t(self._language, "role_missing")

    def reply(
        self,
        session: Session,
        *,
        conversation_id: str,
        service_url: str,
        reply_to_id: str | None,
        text: str,
        now: datetime,
    ) -> None:
        outbox.enqueue(
            session,
            conversation_id=conversation_id,
            service_url=service_url,
            operation="reply" if reply_to_id else "send",
            activity={"type": "message", "text": text, "textFormat": "markdown"},
            reply_to_id=reply_to_id,
            now=now,
        )

    def _post_card(
        self, session: Session, case: CaseView, conversation_id: str, role: str, now: datetime
    ) -> None:
        """A card about a case, remembered so that every copy can be updated later."""
        conversation = get_conversation(session, conversation_id)
        if conversation is None:
            log.error(
                "no conversation reference for %s; case %s not posted", conversation_id, case.id
            )
            return
        card = Card(
            case_id=case.id,
            role=role,
            conversation_id=conversation.conversation_id,
            service_url=conversation.service_url,
        )
        session.add(card)
        session.flush()
        self._send_card(session, conversation, self._render(role, case), now, card.id)

    def _send_card(
        self,
        session: Session,
        conversation: Conversation,
        content: Element,
        now: datetime,
        card_id: int | None = None,
    ) -> None:
        outbox.enqueue(
            session,
            conversation_id=conversation.conversation_id,
            service_url=conversation.service_url,
            operation="send",
            activity=card_activity(content, conversation),
            card_id=card_id,
            now=now,
        )

    def _about(self, case: CaseView) -> dict[str, object]:
        return {
            "case": case.id,
            "platform": t(self._language, f"platform_{case.platform}"),
            "account": case.account_name,
            "author": case.author_name,
            "deadline": case.deadline,
            "link": case.permalink,
        }

    def _post_text(
        self,
        session: Session,
        conversation_id: str,
        text: str,
        entities: list[dict[str, Any]],
        now: datetime,
    ) -> None:
        conversation = get_conversation(session, conversation_id)
        if conversation is None:
            log.error("no conversation reference for %s; reminder not sent", conversation_id)
            return
        activity: dict[str, Any] = {"type": "message", "text": text, "textFormat": "markdown"}
        if entities:
            activity["entities"] = entities
        outbox.enqueue(
            session,
            conversation_id=conversation.conversation_id,
            service_url=conversation.service_url,
            operation="send",
            activity=activity,
            now=now,
        )

    def _render(self, role: str, case: CaseView) -> Element:
        return card_for(role, case, self._language)


def card_for(role: str, case: CaseView, language: str) -> Element:
    """The card about a case as the holder of `role` sees it."""
    if role == KANSLI:
        return kansli_card(case, language)
    if role == DEPARTMENT:
        return department_card(case, language)
    return case_card(case, language)


def mention_of(person: Person | None, missing: str) -> tuple[str, list[dict[str, Any]]]:
    """A person as a Teams @mention (so Teams notifies them), or the sentence for nobody."""
    if person is None:
        return missing, []
    tag = f"<at>{person.name}</at>"
    mention = {
        "type": "mention",
        "text": tag,
        "mentioned": {"id": person.teams_user_id, "name": person.name},
    }
    return tag, [mention]


def card_activity(content: Element, conversation: Conversation | None = None) -> dict[str, Any]:
    activity: dict[str, Any] = {"type": "message", "attachments": [attachment(content)]}
    if conversation is not None:
        activity["from"] = {"id": conversation.bot_id, "name": conversation.bot_name}
    return activity
