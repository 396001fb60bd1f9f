"""The Teams side of services.notifier.Notifier: cards posted and updated, and reminders."""

import logging
from datetime import datetime

from sqlmodel import Session

from bot.cards.checklist_card import ChecklistContext, checklist_card
from bot.cards.digest_card import digest_card
from bot.cards.duty_card import duty_card
from bot.delivery import DEPARTMENT, KANSLI, MODERATOR, card_activity
from bot.reminder_messages import ReminderMessages
from services.registry import AccountNotice, ChecklistView
from services.views import CaseView, DigestView, TaskView
from storage import outbox
from storage.cards import cards_for_case
from storage.conversations import get_conversation
from storage.models import Account, Department, Person
from storage.people import get_person
from texts import t

log = logging.getLogger(__name__)


class TeamsNotifier(ReminderMessages):
    def __init__(self, language: str, checklist_context: ChecklistContext) -> None:
        super().__init__(language)
        self.checklist_context = checklist_context

    def checklist(self, session: Session, checklist: ChecklistView, now: datetime) -> None:
        account = session.get(Account, checklist.account_id)
        conversation = (
            get_conversation(session, account.channel_conversation_id) if account else None
        )
        if conversation is None:
            log.error("no conversation for the checklist of %s", checklist.account_name)
            return
        content = checklist_card(checklist, self._language, self.checklist_context)
        self._send_card(session, conversation, content, now)

    def strategist_notice(
        self, session: Session, conversation_id: str, notice: AccountNotice, now: datetime
    ) -> None:
        text = t(
            self._language,
            f"strategist_{notice.kind}",
            platform=t(self._language, f"platform_{notice.platform}"),
            account=notice.account_name,
            link=notice.url,
            by=notice.by_name,
            **{key: value or "–" for key, value in notice.details.items()},
        )
        self._post_text(session, conversation_id, text, [], now)

    def officer_gone(
        self,
        session: Session,
        account: Account,
        officer: Person,
        manager: Person | None,
        now: datetime,
    ) -> None:
        self._tell_about(
            session, account, manager, "person", "officer_gone", now, officer=officer.name
        )

    def work_parked(
        self, session: Session, conversation_id: str, key: str, now: datetime, **params: object
    ) -> None:
        self._post_text(session, conversation_id, t(self._language, key, **params), [], now)

    def evidence_unwritable(self, session: Session, account: Account, now: datetime) -> None:
        text = t(self._language, "evidence_unwritable", account=account.name)
        self._post_text(session, account.channel_conversation_id, text, [], now)

    def case_ready(self, session: Session, case: CaseView, now: datetime) -> None:
        self._post_card(session, case, case.channel_conversation_id, MODERATOR, now)

    def synpunkt_handed_over(
        self, session: Session, case: CaseView, kansli_conversation_id: str, now: datetime
    ) -> None:
        self._post_card(session, case, kansli_conversation_id, KANSLI, now)

    def department_asked(
        self, session: Session, case: CaseView, department: Department, now: datetime
    ) -> None:
        """To the department's channel, or its person's personal chat; until that person has
        one, to the moderators' channel, where they can forward it."""
        person = get_person(session, department.person_id)
        target = department.channel_conversation_id or (
            person.personal_conversation_id if person else None
        )
        if target is None or get_conversation(session, target) is None:
            log.info(
                "no chat with %s yet; its question is posted in the account's channel",
                department.name,
            )
            target = case.channel_conversation_id
        self._post_card(session, case, target, DEPARTMENT, now)

    def case_changed(self, session: Session, case: CaseView, now: datetime) -> None:
        for card in cards_for_case(session, case.id):
            outbox.enqueue(
                session,
                conversation_id=card.conversation_id,
                service_url=card.service_url,
                operation="update",
                activity=card_activity(self._render(card.role, case)),
                card_id=card.id,
                now=now,
            )

    def monitoring_digest(self, session: Session, digest: DigestView, now: datetime) -> None:
        conversation = get_conversation(session, digest.channel_id)
        if conversation is None:
            log.error("no conversation reference for %s; digest not sent", digest.channel_id)
            return
        self._send_card(session, conversation, digest_card(digest, self._language), now)

    def duty_opened(
        self, session: Session, task: TaskView, officer: Person | None, now: datetime
    ) -> None:
        """To the officer's personal chat; the account's channel where there is none yet. Once
        delivered, the card's place is kept on the task (storage.outbox.mark_sent): the start
        page's PDF is replied to it."""
        target = task.channel_id
        if officer is not None and officer.personal_conversation_id:
            target = officer.personal_conversation_id
        conversation = get_conversation(session, target) or get_conversation(
            session, task.channel_id
        )
        if conversation is None:
            log.error("no conversation for %s task %s", task.duty, task.id)
            return
        if conversation.conversation_id == task.channel_id:
            log.info(
                "no personal chat with the officer; %s task %s posted in the channel",
                task.duty,
                task.id,
            )
        outbox.enqueue(
            session,
            conversation_id=conversation.conversation_id,
            service_url=conversation.service_url,
            operation="send",
            activity=card_activity(duty_card(task, self._language), conversation),
            duty_task_id=task.id,
            now=now,
        )
