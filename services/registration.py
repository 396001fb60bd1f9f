"""The `nytt konto` dialog (routine 2 and 2.1): one question at a time, each answer checked,
the state saved after every answer so that a restart loses nothing, `avbryt` at any point."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from routine.decisions import Actor
from routine.registration import (
    ORDER,
    URL_EXAMPLES,
    Answer,
    BadAnswer,
    Step,
    is_cancel,
    is_command,
    is_start,
    next_step,
    person_data,
    read_answer,
)
from services.directory import PeopleDirectory
from services.registry import Registry
from storage.accounts import ACTIVE, name_key
from storage.db import Database
from storage.dialogs import dialog_data, end_dialog, find_dialog, save_dialog
from storage.models import Account

DIALOG = "new_account"


@dataclass(frozen=True)
class Say:
    """One sentence of the bot's answer, by catalogue key."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


class NewAccountDialog:
    def __init__(
        self,
        database: Database,
        registry: Registry,
        directory: PeopleDirectory | None,
        commands: frozenset[str] = frozenset(),
    ) -> None:
        self._database = database
        self._registry = registry
        self._directory = directory
        self._commands = commands

    def start(self, session: Session, where: str, user: Actor, now: datetime) -> list[Say]:
        """A new registration. (`nytt konto` while one is going is read by `answer`, which
        shows where the person is instead.)"""
        save_dialog(
            session,
            conversation_id=where,
            user_id=user.id,
            dialog=DIALOG,
            step=ORDER[0].value,
            data={},
            now=now,
        )
        session.commit()
        return [Say("registration_intro"), self._question(ORDER[0], {})]

    async def answer(
        self, where: str, user: Actor, answer: Answer, now: datetime
    ) -> list[Say] | None:
        """The reply to a message while this person's registration is going; None when none
        is, so the message is read as a command. Most messages are commands: a lock-free read
        answers that before any write lock is taken."""
        with self._database.reading() as session:
            going = find_dialog(session, where, user.id)
        if going is None or going.dialog != DIALOG:
            return None
        with self._database.session() as session:
            state = find_dialog(session, where, user.id)
            if state is None or state.dialog != DIALOG:
                return None
            if is_cancel(answer.text):
                end_dialog(session, where, user.id)
                session.commit()
                return [Say("registration_cancelled")]
            step = Step(state.step)
            data = dialog_data(state)
            if is_start(answer.text):
                return [Say("registration_resumed"), self._question(step, data)]
            if is_command(answer.text, step, self._commands):
                return [Say("registration_going_on"), self._question(step, data)]
            try:
                values = read_answer(step, answer, data)
                if step is Step.NAME:
                    self._refuse_taken(session, data["platform"], values["name"])
            except BadAnswer as bad:
                return [Say(bad.key, bad.params), self._question(step, data)]
        data.update(values)
        if step is Step.OFFICER:
            data.update(await self._about_officer(answer.mentioned[0]))
        following = next_step(step)
        with self._database.session() as session:
            if following is None:
                return self._finish(session, where, user, data, now)
            save_dialog(
                session,
                conversation_id=where,
                user_id=user.id,
                dialog=DIALOG,
                step=following.value,
                data=data,
                now=now,
            )
            session.commit()
        return [self._question(following, data)]

    def _finish(
        self, session: Session, where: str, user: Actor, data: dict[str, Any], now: datetime
    ) -> list[Say]:
        end_dialog(session, where, user.id)
        account, told = self._registry.register(session, data, where, user, now)
        said = [Say("registration_done", {"platform": account.platform, "name": account.name})]
        if not told:
            said.append(Say("strategist_not_linked"))
        return said

    async def _about_officer(self, officer: Actor) -> dict[str, Any]:
        """With the directory: the officer's own name and e-mail, and their manager proposed."""
        if self._directory is None:
            return {"directory": "not_connected"}
        found = await self._directory.look_up(officer)
        if not found.answered:
            return {"directory": "unavailable"}
        result: dict[str, Any] = {
            "officer": {**person_data(found.person), "email": found.email},
            "directory": "answered",
        }
        if found.manager is not None:
            result["proposed_manager"] = {
                **person_data(found.manager),
                "email": found.manager_email,
            }
        return result

    def _question(self, step: Step, data: dict[str, Any]) -> Say:
        if step is Step.MANAGER:
            proposed = data.get("proposed_manager")
            if proposed:
                return Say("registration_q_manager_proposed", {"name": proposed["name"]})
            return Say(f"registration_q_manager_{data.get('directory', 'not_connected')}")
        if step is Step.CONTACT:
            return Say("registration_q_contact", {"phone": self._registry.municipality.phone})
        if step is Step.CONFIRM:
            return Say("registration_q_confirm", _summary(data, self._registry.municipality.phone))
        if step is Step.URL:
            return Say("registration_q_url", {"example": URL_EXAMPLES[data["platform"]]})
        return Say(f"registration_q_{step.value}")

    @staticmethod
    def _refuse_taken(session: Session, platform: str, name: str) -> None:
        taken = session.exec(
            select(Account.id).where(
                Account.platform == platform, Account.name_key == name_key(name), ACTIVE
            )
        ).first()
        if taken is not None:
            raise BadAnswer("registration_name_taken", name=name)


def _summary(data: dict[str, Any], municipality_phone: str) -> dict[str, Any]:
    return {
        "platform": data["platform"],
        "name": data["name"],
        "url": data["url"],
        "unit": data["unit"],
        "purpose": data["purpose"],
        "target_group": data["target_group"],
        "officer": data["officer"]["name"],
        "manager": data["manager"]["name"],
        "contact": data.get("contact") or municipality_phone,
    }
