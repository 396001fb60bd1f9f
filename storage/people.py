"""People the bot has met in Teams, and who holds which role for an account."""

from datetime import datetime

from sqlmodel import Session, select

from routine.decisions import Actor
from storage.models import Person


def remember_person(
    session: Session, actor: Actor, now: datetime, personal_conversation_id: str | None = None
) -> Person:
    """One row per person, found by Teams id or Entra object id. Someone first known from the
    directory (their object id standing in for the Teams id) gets their Teams id when met in
    Teams; a directory lookup never overwrites the Teams id or name of someone already met."""
    from_directory = actor.id == actor.aad_object_id
    person = session.exec(select(Person).where(Person.teams_user_id == actor.id)).first()
    if person is None and actor.aad_object_id:
        person = session.exec(
            select(Person).where(Person.aad_object_id == actor.aad_object_id)
        ).first()
        if person is not None and not from_directory:
            person.teams_user_id = actor.id
    if person is None:
        person = Person(teams_user_id=actor.id, name=actor.name, updated_at=now)
    if not from_directory or person.teams_user_id == actor.id:
        person.name = actor.name
    person.aad_object_id = actor.aad_object_id or person.aad_object_id
    if personal_conversation_id:
        person.personal_conversation_id = personal_conversation_id
    person.updated_at = now
    session.add(person)
    session.flush()
    return person


def get_person(session: Session, person_id: int | None) -> Person | None:
    return session.get(Person, person_id) if person_id is not None else None


def find_person(session: Session, teams_user_id: str) -> Person | None:
    return session.exec(select(Person).where(Person.teams_user_id == teams_user_id)).first()


def is_person(person: Person | None, actor: Actor) -> bool:
    """Whether the actor is this person: by Teams id, or by Entra object id for someone the
    bot knows from the directory before meeting them in Teams."""
    if person is None:
        return False
    if person.teams_user_id == actor.id:
        return True
    return bool(actor.aad_object_id) and person.aad_object_id == actor.aad_object_id
