"""Teams messages the use cases ask for, as cards and texts queued in the outbox."""

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from bot.cards.case_card import case_card
from bot.cards.department_card import department_card
from bot.cards.digest_card import digest_card
from bot.cards.duty_card import duty_card
from bot.cards.elements import Element, attachment
from bot.cards.kansli_card import kansli_card
from routine.decisions import CaseState
from routine.upkeep import Nudge
from services.views import CaseView, DigestView, TaskView
from storage import outbox
from storage.cards import cards_for_case
from storage.conversations import get_conversation
from storage.models import Account, Card, Conversation, Department, Person
from storage.people import get_person
from texts import t, time_left

log = logging.getLogger(__name__)

MODERATOR = "moderator"
KANSLI = "kansli"
DEPARTMENT = "department"


class TeamsNotifier:
    def __init__(self, language: str) -> None:
        self._language = language

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

    def synpunkt_answer_due(
        self, session: Session, case: CaseView, department: Department, now: datetime
    ) -> None:
        assert case.synpunkt is not None
        since = case.synpunkt.handed_over_at
        person = get_person(session, department.person_id)

        def due(shown: str) -> str:
            return t(
                self._language,
                "synpunkt_answer_due",
                department=shown,
                since=since,
                **self._about(case),
            )

        if department.channel_conversation_id:
            self._post_text(
                session, department.channel_conversation_id, due(department.name), [], now
            )
            return
        self._tell(session, person, "reminder_no_officer", case.channel_conversation_id, due, now)

    def synpunkt_registration_due(
        self, session: Session, case: CaseView, kansli_conversation_id: str, now: datetime
    ) -> None:
        assert case.synpunkt is not None
        text = t(
            self._language,
            "synpunkt_registration_due",
            since=case.synpunkt.published_at,
            **self._about(case),
        )
        self._post_text(session, kansli_conversation_id, text, [], now)

    def case_changed(self, session: Session, case: CaseView, now: datetime) -> None:
        for card in cards_for_case(session, case.id):
            outbox.enqueue(
                session,
                conversation_id=card.conversation_id,
                service_url=card.service_url,
                operation="update",
                activity=_card_activity(self._render(card.role, case)),
                card_id=card.id,
                now=now,
            )

    def deadline_near(
        self, session: Session, case: CaseView, officer: Person | None, now: datetime
    ) -> None:
        action = (
            "reminder_action_remove"
            if case.state is CaseState.AWAITING_PLATFORM_REMOVAL
            else "reminder_action_decide"
        )
        named, entities = _named(officer, t(self._language, "reminder_no_officer"))
        text = t(
            self._language,
            "reminder_deadline",
            officer=named,
            time_left=time_left(self._language, case.time_left),
            action=t(self._language, action),
            **self._about(case),
        )
        self._post_text(session, case.channel_conversation_id, text, entities, now)

    def case_overdue(
        self,
        session: Session,
        case: CaseView,
        officer: Person | None,
        manager: Person | None,
        now: datetime,
    ) -> None:
        def overdue(manager_shown: str) -> str:
            return t(
                self._language,
                "reminder_overdue",
                manager=manager_shown,
                officer=self._officer_name(officer),
                **self._about(case),
            )

        self._tell(
            session, manager, "reminder_no_manager", case.channel_conversation_id, overdue, now
        )

    def monitoring_digest(self, session: Session, digest: DigestView, now: datetime) -> None:
        conversation = get_conversation(session, digest.channel_id)
        if conversation is None:
            log.error("no conversation reference for %s; digest not sent", digest.channel_id)
            return
        outbox.enqueue(
            session,
            conversation_id=conversation.conversation_id,
            service_url=conversation.service_url,
            operation="send",
            activity=_card_activity(digest_card(digest, self._language), conversation),
            now=now,
        )

    def monitoring_missing(
        self,
        session: Session,
        account: Account,
        officer: Person | None,
        day: date,
        now: datetime,
    ) -> None:
        def missing(officer_shown: str) -> str:
            return t(
                self._language,
                "monitoring_missing",
                officer=officer_shown,
                account=account.name,
                link=account.url,
            )

        self._tell(
            session, officer, "reminder_no_officer", account.channel_conversation_id, missing, now
        )

    def monitoring_missed(
        self,
        session: Session,
        account: Account,
        officer: Person | None,
        manager: Person | None,
        day: date,
        now: datetime,
    ) -> None:
        def missed(manager_shown: str) -> str:
            return t(
                self._language,
                "monitoring_missed",
                manager=manager_shown,
                account=account.name,
                day=day.isoformat(),
                officer=self._officer_name(officer),
                link=account.url,
            )

        self._tell(
            session, manager, "reminder_no_manager", account.channel_conversation_id, missed, now
        )

    def update_nudge(
        self,
        session: Session,
        account: Account,
        nudge: Nudge,
        person: Person | None,
        officer: Person | None,
        since: datetime,
        now: datetime,
    ) -> None:
        key = "nudge_officer" if nudge is Nudge.OFFICER else "nudge_manager"
        missing = "reminder_no_officer" if nudge is Nudge.OFFICER else "reminder_no_manager"

        def nudged(person_shown: str) -> str:
            return t(
                self._language,
                key,
                person=person_shown,
                account=account.name,
                since=since,
                officer=self._officer_name(officer),
                link=account.url,
            )

        self._tell(session, person, missing, account.channel_conversation_id, nudged, now)

    def officer_missing(
        self, session: Session, account: Account, manager: Person | None, now: datetime
    ) -> None:
        def missing(manager_shown: str) -> str:
            return t(
                self._language,
                "officer_missing",
                person=manager_shown,
                account=account.name,
                link=account.url,
            )

        self._tell(
            session, manager, "reminder_no_manager", account.channel_conversation_id, missing, now
        )

    def duty_opened(
        self, session: Session, task: TaskView, officer: Person | None, now: datetime
    ) -> None:
        """To the officer's personal chat; the account's channel where there is none yet."""
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
            activity=_card_activity(duty_card(task, self._language), conversation),
            now=now,
        )

    def duty_reminder(
        self, session: Session, task: TaskView, officer: Person | None, now: datetime
    ) -> None:
        def reminder(officer_shown: str) -> str:
            return t(
                self._language,
                "duty_reminder",
                person=officer_shown,
                title=self._duty_title(task),
                opened=task.opened_at,
                what=t(self._language, f"duty_{task.duty.value}_what"),
                due=task.due,
                link=task.account_url,
            )

        self._tell(session, officer, "reminder_no_officer", task.channel_id, reminder, now)

    def duty_overdue(
        self,
        session: Session,
        task: TaskView,
        officer: Person | None,
        manager: Person | None,
        now: datetime,
    ) -> None:
        def overdue(manager_shown: str) -> str:
            return t(
                self._language,
                "duty_overdue",
                person=manager_shown,
                title=self._duty_title(task),
                opened=task.opened_at,
                officer=self._officer_name(officer),
                link=task.account_url,
            )

        self._tell(session, manager, "reminder_no_manager", task.channel_id, overdue, now)

    def _duty_title(self, task: TaskView) -> str:
        return t(self._language, f"duty_{task.duty.value}_title", account=task.account_name)

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
        named, entities = _named(person, t(self._language, missing_key))
        self._post_text(session, channel_id, compose(named), entities, now)

    def _officer_name(self, officer: Person | None) -> str:
        return officer.name if officer else t(self._language, "reminder_no_officer")

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
        outbox.enqueue(
            session,
            conversation_id=conversation.conversation_id,
            service_url=conversation.service_url,
            operation="send",
            activity=_card_activity(self._render(role, case), conversation),
            card_id=card.id,
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
        if role == KANSLI:
            return kansli_card(case, self._language)
        if role == DEPARTMENT:
            return department_card(case, self._language)
        return case_card(case, self._language)


def _named(person: Person | None, missing: str) -> tuple[str, list[dict[str, Any]]]:
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


def _card_activity(content: Element, conversation: Conversation | None = None) -> dict[str, Any]:
    activity: dict[str, Any] = {"type": "message", "attachments": [attachment(content)]}
    if conversation is not None:
        activity["from"] = {"id": conversation.bot_id, "name": conversation.bot_name}
    return activity
