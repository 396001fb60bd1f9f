"""Section 3 with the directory's help: who a person is (name, e-mail, manager), and noticing
that a responsible officer has left (account disabled or deleted) without anyone reporting it.
Without Graph settings none of this runs and people are named by hand."""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from directory.graph import DirectoryUnavailable, DirectoryUser, GraphDirectory
from routine.decisions import Actor
from services.registry import Registry
from storage.accounts import ACTIVE
from storage.db import Database
from storage.models import Account, Person

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Lookup:
    """What the directory says of an officer named in the registration dialog."""

    person: Actor
    email: str | None
    manager: Actor | None
    manager_email: str | None
    answered: bool


class PeopleDirectory:
    def __init__(self, database: Database, graph: GraphDirectory, registry: Registry) -> None:
        self._database = database
        self._graph = graph
        self._registry = registry

    async def look_up(self, person: Actor) -> Lookup:
        """The person's directory name and e-mail, and their manager to propose."""
        if not person.aad_object_id:
            return Lookup(person, None, None, None, answered=False)
        try:
            user = await self._graph.user(person.aad_object_id)
            manager = await self._graph.manager(person.aad_object_id) if user else None
        except DirectoryUnavailable as error:
            log.warning("directory unavailable for %s: %s", person.name, error)
            return Lookup(person, None, None, None, answered=False)
        if user is None:
            return Lookup(person, None, None, None, answered=True)
        named = Actor(id=person.id, name=user.display_name, aad_object_id=user.aad_object_id)
        return Lookup(
            named,
            user.email,
            _actor(manager) if manager else None,
            manager.email if manager else None,
            answered=True,
        )

    async def check_officers(self, now: datetime) -> int:
        """Daily: each responsible officer is looked up; one disabled or deleted in the
        directory has left, and the account's manager is asked to appoint a new one. A
        directory that cannot answer changes nothing."""
        with self._database.session() as session:
            officers = list(
                session.exec(
                    select(Person)
                    .join(Account, col(Account.officer_person_id) == col(Person.id))
                    .where(ACTIVE, col(Person.aad_object_id).is_not(None))
                    .distinct()
                )
            )
        found: dict[int, DirectoryUser | None] = {}
        for officer in officers:
            assert officer.id is not None and officer.aad_object_id is not None
            try:
                found[officer.id] = await self._graph.user(officer.aad_object_id)
            except DirectoryUnavailable as error:
                log.warning("directory check skipped for %s: %s", officer.name, error)
        told = 0
        with self._database.session() as session:
            for person_id, user in found.items():
                person = session.get(Person, person_id)
                assert person is not None
                if user is not None and user.enabled:
                    person.email = user.email or person.email
                    session.add(person)
                    continue
                accounts = session.exec(
                    select(Account).where(ACTIVE, Account.officer_person_id == person_id)
                )
                for account in accounts:
                    self._registry.officer_gone(session, account, person, now)
                    told += 1
            session.commit()
        return told


def _actor(user: DirectoryUser) -> Actor:
    """Someone known from the directory before the bot meets them in Teams: the Entra object
    id serves as their Teams id until then (Teams accepts it in @mentions)."""
    return Actor(id=user.aad_object_id, name=user.display_name, aad_object_id=user.aad_object_id)
