"""The Teams activity handler: translates activities into use cases, and results into replies.

Every reply goes through the outbox; only the answer to a card press is returned directly,
since Teams shows the updated card from the invoke response.
"""

import asyncio
import logging
from functools import partial

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from bot import once
from bot.actions import read_action
from bot.card_actions import CardActions, message_response
from bot.command_jobs import CommandJobs
from bot.commands import makes_a_document, run_command
from bot.dialogs.new_account import continue_dialog
from bot.evidence_upload import attach_evidence, has_files
from bot.runtime import Runtime
from bot.turns import Turn, command_text, read_turn
from routine.errors import RoutineError
from services.roles import officer_left
from storage.conversations import remember_conversation
from storage.db import StorageBusy
from storage.people import remember_person
from texts import language_for, t

log = logging.getLogger(__name__)

CARD_ACTION_INVOKE = "adaptiveCard/action"


class ModBot(ActivityHandler):
    def __init__(self, runtime: Runtime, default_language: str) -> None:
        self._runtime = runtime
        self._language = default_language
        self._card_actions = CardActions(runtime, default_language)
        self.jobs = CommandJobs(runtime, self.run_command, default_language)
        self.answers = once.Answers(runtime)

    async def on_turn(self, turn_context: TurnContext) -> None:
        key = once.key_of(turn_context.activity)
        if key is None:
            await super().on_turn(turn_context)
            return
        if not await once.take_on(self._runtime, key):
            language = language_for(turn_context.activity.locale, self._language)
            await once.answer_again(self._runtime, key, turn_context, language)
            return
        try:
            await super().on_turn(turn_context)
        except BaseException:
            await once.forget(self._runtime, key)
            raise
        self.answers.record(key, turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """Every command runs in a worker thread, so the loop answers others meanwhile; one
        that makes a document is answered at once and finished as a job (bot.command_jobs)."""
        activity = turn_context.activity
        turn = await asyncio.to_thread(self._remember, activity)
        if has_files(activity):
            text = await attach_evidence(self._runtime, turn, activity)
        else:
            said = command_text(activity)
            answered = await continue_dialog(self._runtime, turn, said)
            if answered is not None:
                text = answered
            elif makes_a_document(said):
                await self.jobs.accept(activity, turn)
                return
            else:
                text = await asyncio.to_thread(self.run_command, turn, said)
        await asyncio.to_thread(self.reply, activity, turn, text)

    def run_command(self, turn: Turn, said: str) -> str:
        with self._runtime.database.session() as session:
            return run_command(self._runtime, session, turn, said)

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
                officer_left(
                    session,
                    member.id,
                    turn.home.team_id,
                    self._runtime.clock(),
                    partial(self._runtime.registry.officer_gone, source="team"),
                )

    async def on_installation_update(self, turn_context: TurnContext) -> None:
        self._remember(turn_context.activity)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        if activity.name != CARD_ACTION_INVOKE:
            return await super().on_invoke_activity(turn_context)
        turn = read_turn(activity, self._language)
        return await self._card_actions.handle(turn, read_action(activity.value))

    async def report_error(self, turn_context: TurnContext, error: Exception) -> None:
        """The one place a failed turn is answered: a refusal in the user's language, anything
        unexpected logged in full and told as one generic sentence. A database locked
        elsewhere is not an answer but a 503 (bot.app), so that Teams retries the turn."""
        if isinstance(error, StorageBusy):
            raise error
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
