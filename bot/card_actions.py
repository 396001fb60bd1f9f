"""Card presses (the `adaptiveCard/action` invoke): each verb calls one use case and answers
with the card as the presser should now see it. Refusals are raised and answered once, in
ModBot.report_error; a press that comes second gets the card showing the first."""

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from botbuilder.core import InvokeResponse
from sqlmodel import Session

from bot.actions import (
    Action,
    AttestAction,
    CaseAction,
    ChecklistAction,
    DutyAction,
    PublishedAction,
)
from bot.cards.case_card import (
    DECISION_VERBS,
    VERB_ANSWER_PUBLISHED,
    VERB_CONFIRM_REMOVED,
    VERB_FRESH_LINK,
    VERB_REMOVE_ON_PLATFORM,
    case_card,
)
from bot.cards.checklist_card import checklist_card
from bot.cards.department_card import VERB_ANSWER, department_card
from bot.cards.digest_card import digest_card
from bot.cards.duty_card import duty_card
from bot.cards.elements import CARD_CONTENT_TYPE
from bot.cards.kansli_card import VERB_REGISTER, kansli_card
from bot.delivery import MODERATOR, card_for
from bot.runtime import Runtime
from bot.turns import Turn
from routine.decisions import DecisionKind
from routine.errors import (
    AlreadyAttested,
    AlreadyDecided,
    AlreadyRegistered,
    NotInLinkedChannel,
    TaskAlreadyDone,
)
from services.moderation import DecisionRequest
from services.upkeep import record_published
from services.views import CaseView
from storage.cards import card_by_activity, cards_for_case
from texts import t

log = logging.getLogger(__name__)

Card = dict[str, Any]
PLATFORM_WAIT_SECONDS = 1.5

CARD_SEEN_AFTER: dict[str, Callable[[CaseView, str], Card]] = {
    VERB_ANSWER: department_card,
    VERB_REGISTER: kansli_card,
}
"""The card the presser sees: the department's after answering, kanslienheten's after
registering, the moderator's otherwise."""


class CardActions:
    def __init__(self, runtime: Runtime, language: str) -> None:
        self._runtime = runtime
        self._language = language
        self._removals: set[asyncio.Future[CaseView]] = set()

    async def handle(self, turn: Turn, action: Action) -> InvokeResponse:
        """The database work runs in a worker thread, so the loop answers others meanwhile."""
        if isinstance(action, ChecklistAction):
            return await asyncio.to_thread(self._tick, turn, action)
        if isinstance(action, AttestAction):
            return await asyncio.to_thread(self._attest, turn, action)
        if isinstance(action, DutyAction):
            return await asyncio.to_thread(self._duty_done, turn, action)
        if isinstance(action, PublishedAction):
            return await asyncio.to_thread(self._published, turn)
        if action.verb == VERB_REMOVE_ON_PLATFORM:
            return await self._remove_on_platform(turn, action.case_id)
        if action.verb == VERB_FRESH_LINK:
            return await asyncio.to_thread(self._fresh_link, turn, action.case_id)
        decided = await asyncio.to_thread(self._case, turn, action)
        if isinstance(decided, InvokeResponse):
            return decided
        return await self._remove_on_platform(turn, action.case_id)

    async def _remove_on_platform(self, turn: Turn, case_id: int) -> InvokeResponse:
        """Section 6: the evidence is on record (the decision required it); now the platform.
        A platform slower than PLATFORM_WAIT_SECONDS does not hold the Teams turn: the card
        says the removal is under way, and the platform's answer updates it (the removal
        updates every card of the case when it is done)."""
        removal = asyncio.ensure_future(
            self._runtime.platform_removal.remove(case_id, turn.actor, turn.channel_id)
        )
        try:
            view = await asyncio.wait_for(asyncio.shield(removal), PLATFORM_WAIT_SECONDS)
        except TimeoutError:
            self._removals.add(removal)
            removal.add_done_callback(self._removal_done)
            view = await asyncio.to_thread(self._view, case_id)
            notice = t(turn.language, "removing_on_platform")
            return card_response(case_card(view, self._language, notice))
        return card_response(case_card(view, self._language))

    def _removal_done(self, removal: "asyncio.Future[CaseView]") -> None:
        self._removals.discard(removal)
        if not removal.cancelled() and removal.exception() is not None:
            log.error("platform removal failed", exc_info=removal.exception())

    def _fresh_link(self, turn: Turn, case_id: int) -> InvokeResponse:
        """The card as the presser sees it now, with a new evidence link: for whoever the case
        was posted to (the account's channel, kanslienheten, the department)."""
        runtime = self._runtime
        with runtime.database.reading() as session:
            shown_to = {posted.conversation_id for posted in cards_for_case(session, case_id)}
            if not shown_to & {turn.channel_id, turn.home.conversation_id}:
                raise NotInLinkedChannel()
            card = card_by_activity(session, turn.thread_root_id) if turn.thread_root_id else None
            view = runtime.views.get(session, case_id, runtime.clock())
        return card_response(card_for(card.role if card else MODERATOR, view, self._language))

    def _view(self, case_id: int) -> CaseView:
        with self._runtime.database.reading() as session:
            return self._runtime.views.get(session, case_id, self._runtime.clock())

    def _case(self, turn: Turn, action: CaseAction) -> InvokeResponse | None:
        """The card to answer with, or None when the decision was a removal that the bot now
        makes on the platform."""
        render = CARD_SEEN_AFTER.get(action.verb, case_card)
        runtime = self._runtime
        now = runtime.clock()
        with runtime.database.session() as session:
            try:
                view = self._case_step(session, turn, action, now)
            except AlreadyRegistered:
                view = runtime.views.get(session, action.case_id, now)
            except AlreadyDecided as refusal:
                view = runtime.views.get(session, action.case_id, now)
                notice = t(turn.language, refusal.key, **refusal.params)
                return card_response(case_card(view, self._language, notice))
        if DECISION_VERBS.get(action.verb) is DecisionKind.REMOVE and view.connected:
            return None
        return card_response(render(view, self._language))

    def _case_step(
        self, session: Session, turn: Turn, action: CaseAction, now: datetime
    ) -> CaseView:
        runtime = self._runtime
        if action.verb in DECISION_VERBS:
            request = DecisionRequest(
                case_id=action.case_id,
                kind=DECISION_VERBS[action.verb],
                actor=turn.actor,
                acting_channel_id=turn.channel_id,
                category=action.category,
                note=action.note,
                department_id=action.department_id,
            )
            return runtime.moderation.decide(session, request, now)
        if action.verb == VERB_CONFIRM_REMOVED:
            return runtime.moderation.confirm_removed(
                session, action.case_id, turn.actor, turn.channel_id, now
            )
        step = {
            VERB_ANSWER: runtime.synpunkter.answer,
            VERB_ANSWER_PUBLISHED: runtime.synpunkter.publish,
            VERB_REGISTER: runtime.synpunkter.register,
        }[action.verb]
        text = action.reference if action.verb == VERB_REGISTER else action.answer
        return step(session, action.case_id, turn.actor, turn.channel_id, text, now)

    def _attest(self, turn: Turn, action: AttestAction) -> InvokeResponse:
        runtime = self._runtime
        now = runtime.clock()
        with runtime.database.session() as session:
            try:
                digest = runtime.monitoring.attest(
                    session, turn.channel_id, action.day, turn.actor, now
                )
            except AlreadyAttested:
                digest = runtime.monitoring.digest(session, turn.channel_id or "", action.day, now)
                return card_response(digest_card(digest, self._language))
            runtime.notifier.reply(
                session,
                conversation_id=turn.conversation_id,
                service_url=turn.home.service_url,
                reply_to_id=None,
                text=t(
                    turn.language,
                    "attested_reply",
                    name=turn.actor.name,
                    accounts=", ".join(digest.account_names),
                ),
                now=now,
            )
            session.commit()
        return card_response(digest_card(digest, self._language))

    def _published(self, turn: Turn) -> InvokeResponse:
        now = self._runtime.clock()
        with self._runtime.database.session() as session:
            accounts = record_published(session, turn.channel_id, turn.actor, now)
        names = ", ".join(account.name for account in accounts)
        return message_response(t(turn.language, "published_set", accounts=names, at=now))

    def _tick(self, turn: Turn, action: ChecklistAction) -> InvokeResponse:
        runtime = self._runtime
        with runtime.database.session() as session:
            view = runtime.registry.tick(
                session,
                action.account_id,
                action.item,
                turn.actor,
                action.note,
                runtime.clock(),
                exception=action.exception,
            )
        return card_response(checklist_card(view, self._language, runtime.checklist_context))

    def _duty_done(self, turn: Turn, action: DutyAction) -> InvokeResponse:
        duties = self._runtime.duties
        with self._runtime.database.session() as session:
            try:
                task = duties.complete(
                    session,
                    action.task_id,
                    turn.actor,
                    turn.channel_id,
                    action.reference,
                    self._runtime.clock(),
                )
            except TaskAlreadyDone:
                task = duties.view(session, action.task_id)
        return card_response(duty_card(task, self._language))


def card_response(card: Card) -> InvokeResponse:
    """A plain-dict body, written as JSON by /api/messages itself (see bot.app.messages)."""
    return InvokeResponse(
        status=200, body={"statusCode": 200, "type": CARD_CONTENT_TYPE, "value": card}
    )


def message_response(text: str) -> InvokeResponse:
    return InvokeResponse(
        status=200,
        body={
            "statusCode": 200,
            "type": "application/vnd.microsoft.activity.message",
            "value": text,
        },
    )
