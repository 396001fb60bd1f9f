"""The Teams activity handler: translates activities into use cases, and results into replies.

Every reply goes through the outbox; only the answer to a card press is returned directly,
since Teams shows the updated card from the invoke response.
"""

import logging
from typing import Any

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from bot.actions import AttestAction, CaseAction, DutyAction, PublishedAction, read_action
from bot.cards.case_card import DECISION_VERBS, case_card
from bot.cards.digest_card import digest_card
from bot.cards.duty_card import duty_card
from bot.cards.elements import CARD_CONTENT_TYPE
from bot.commands import run_command
from bot.evidence_upload import attach_evidence, has_files
from bot.runtime import Runtime
from bot.turns import Turn, command_text, read_turn
from routine.errors import AlreadyAttested, AlreadyDecided, RoutineError, TaskAlreadyDone
from services.moderation import DecisionRequest
from services.roles import officer_left
from services.upkeep import record_published
from services.views import CaseView
from storage.conversations import remember_conversation
from storage.people import remember_person
from texts import t

log = logging.getLogger(__name__)

CARD_ACTION_INVOKE = "adaptiveCard/action"


class ModBot(ActivityHandler):
    def __init__(self, runtime: Runtime, default_language: str) -> None:
        self._runtime = runtime
        self._language = default_language

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        turn = self._remember(activity)
        if has_files(activity):
            text = await attach_evidence(self._runtime, turn, activity)
        else:
            with self._runtime.database.session() as session:
                text = run_command(self._runtime, session, turn, command_text(activity))
        self.reply(activity, turn, text)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if not any(member.id == bot_id for member in members_added):
            return
        turn = self._remember(activity)
        key = "greeting_channel" if turn.channel_id else "greeting_personal"
        with self._runtime.database.session() as session:
            self._runtime.notifier.reply(
                session,
                conversation_id=turn.home.conversation_id,
                service_url=turn.home.service_url,
                reply_to_id=None,
                text=t(turn.language, key),
                now=self._runtime.clock(),
            )
            session.commit()

    async def on_members_removed_activity(
        self, members_removed: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        turn = self._remember(turn_context.activity)
        with self._runtime.database.session() as session:
            for member in members_removed:
                officer_left(session, member.id, turn.home.team_id, self._runtime.clock())

    async def on_installation_update(self, turn_context: TurnContext) -> None:
        self._remember(turn_context.activity)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        if activity.name != CARD_ACTION_INVOKE:
            return await super().on_invoke_activity(turn_context)
        turn = read_turn(activity, self._language)
        action = read_action(activity.value)
        if isinstance(action, AttestAction):
            return self._attest(turn, action)
        if isinstance(action, DutyAction):
            return self._duty_done(turn, action)
        if isinstance(action, PublishedAction):
            return self._published(turn)
        try:
            view = self._act(turn, action)
        except AlreadyDecided as refusal:
            with self._runtime.database.session() as session:
                view = self._runtime.views.get(session, action.case_id, self._runtime.clock())
            notice = t(turn.language, refusal.key, **refusal.params)
            return card_response(case_card(view, self._language, notice))
        return card_response(case_card(view, self._language))

    async def report_error(self, turn_context: TurnContext, error: Exception) -> None:
        """The one place a failed turn is answered: a refusal in the user's language, anything
        unexpected logged in full and told as one generic sentence."""
        activity = turn_context.activity
        turn = read_turn(activity, self._language)
        if isinstance(error, RoutineError):
            text = t(turn.language, error.key, **error.params)
        else:
            log.error("turn failed (%s)", activity.type, exc_info=error)
            text = t(turn.language, "error_generic")
        if activity.type == ActivityTypes.invoke:
            response = message_response(text)
            await turn_context.send_activity(
                Activity(type=ActivityTypes.invoke_response, value=response)
            )
        elif activity.type == ActivityTypes.message and turn.home.service_url:
            self.reply(activity, turn, text)

    def reply(self, activity: Activity, turn: Turn, text: str) -> None:
        with self._runtime.database.session() as session:
            self._runtime.notifier.reply(
                session,
                conversation_id=turn.conversation_id,
                service_url=turn.home.service_url,
                reply_to_id=activity.id,
                text=text,
                now=self._runtime.clock(),
            )
            session.commit()

    def _attest(self, turn: Turn, action: AttestAction) -> InvokeResponse:
        now = self._runtime.clock()
        with self._runtime.database.session() as session:
            try:
                digest = self._runtime.monitoring.attest(
                    session, turn.channel_id, action.day, turn.actor, now
                )
            except AlreadyAttested:
                digest = self._runtime.monitoring.digest(
                    session, turn.channel_id or "", action.day, now
                )
                return card_response(digest_card(digest, self._language))
        text = t(
            turn.language,
            "attested_reply",
            name=turn.actor.name,
            accounts=", ".join(digest.account_names),
        )
        with self._runtime.database.session() as session:
            self._runtime.notifier.reply(
                session,
                conversation_id=turn.conversation_id,
                service_url=turn.home.service_url,
                reply_to_id=None,
                text=text,
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

    def _act(self, turn: Turn, action: CaseAction) -> CaseView:
        now = self._runtime.clock()
        with self._runtime.database.session() as session:
            if action.verb in DECISION_VERBS:
                request = DecisionRequest(
                    case_id=action.case_id,
                    kind=DECISION_VERBS[action.verb],
                    actor=turn.actor,
                    acting_channel_id=turn.channel_id,
                    category=action.category,
                    note=action.note,
                )
                return self._runtime.moderation.decide(session, request, now)
            return self._runtime.moderation.confirm_removed(
                session, action.case_id, turn.actor, turn.channel_id, now
            )

    def _remember(self, activity: Activity) -> Turn:
        turn = read_turn(activity, self._language)
        if turn.home.service_url and turn.home.conversation_id:
            now = self._runtime.clock()
            personal = turn.home.conversation_id if turn.home.kind == "personal" else None
            with self._runtime.database.session() as session:
                remember_conversation(session, turn.home, now)
                if activity.from_property and activity.from_property.id:
                    remember_person(session, turn.actor, now, personal)
                session.commit()
        return turn


def card_response(card: dict[str, Any]) -> InvokeResponse:
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
