"""Routine 4.1: the departments a synpunkt can be forwarded to, each with its Teams contact."""

from datetime import datetime

from sqlmodel import Session

from routine.decisions import Actor
from storage import audit
from storage.accounts import name_key
from storage.models import Department
from storage.people import remember_person
from storage.synpunkter import department_named, list_departments


def set_contact(
    session: Session,
    *,
    name: str,
    channel_conversation_id: str | None,
    person: Actor | None,
    actor: Actor,
    now: datetime,
) -> Department:
    """The department answers in this channel, or through this person."""
    department = department_named(session, name) or Department(
        name=name.strip(), name_key=name_key(name)
    )
    department.channel_conversation_id = channel_conversation_id
    department.person_id = remember_person(session, person, now).id if person else None
    session.add(department)
    audit.record(
        session,
        at=now,
        actor=actor,
        action="department_contact_set",
        department=department.name,
        channel=channel_conversation_id,
        person=person.name if person else None,
    )
    session.commit()
    return department


def departments(session: Session) -> list[Department]:
    return list_departments(session)
