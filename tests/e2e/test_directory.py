"""Section 3 with Microsoft Graph: the directory names the officer's manager in the
registration dialog, and a daily job notices an officer whose directory account is disabled
or deleted. A fake Graph and a fake Entra token endpoint run on 127.0.0.1."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from bot.app import SCHEDULER
from outbox.tokens import GRAPH_SCOPE
from scheduler.jobs import DIRECTORY_CHECK
from storage.db import Database, make_engine
from storage.models import Account
from tests.conftest import (
    MovingClock,
    RunningBot,
    free_port,
    make_settings,
    running_bot,
    serving,
)
from tests.e2e.registry_helpers import (
    ANSWERS_BEFORE_PEOPLE,
    MARIA,
    STINA,
    ask,
    posted_in,
    register,
    strategist_channel,
)
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.entra import FakeEntra
from tests.fakes.graph import FakeGraph
from tests.teams import ANNA

MORNING = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


@pytest.fixture
async def graph() -> AsyncIterator[FakeGraph]:
    fake = FakeGraph()
    fake.add_user(
        ANNA.aad_object_id, "Anna Andersson", "anna.andersson@hjo.se", manager=MARIA.aad_object_id
    )
    fake.add_user(MARIA.aad_object_id, "Maria Berg", "maria.berg@hjo.se")
    async with serving(fake.app()) as url:
        fake.url = url
        yield fake


@pytest.fixture
async def bot(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    entra: FakeEntra,
    graph: FakeGraph,
) -> AsyncIterator[RunningBot]:
    entra.token = "fake-graph-token"
    settings = make_settings(
        tmp_path,
        free_port(),
        graph_tenant_id="hjo-tenant",
        graph_client_id="graph-app",
        graph_client_secret="graph-secret",
        graph_base_url=f"{graph.url}/v1.0",
        app_authority_host=entra.url,
    )
    async with running_bot(settings, connector, clock) as started:
        yield started


def _account(bot: RunningBot) -> Account:
    database = Database(make_engine(bot.settings.database_url))
    with database.session() as session:
        account = session.exec(select(Account)).one()
    database.engine.dispose()
    return account


async def test_the_directory_proposes_the_officers_manager(
    bot: RunningBot, graph: FakeGraph, entra: FakeEntra
) -> None:
    await ask(bot, STINA, "strateg här", channel=strategist_channel(bot))
    await ask(bot, MARIA, "nytt konto")
    for answer in ANSWERS_BEFORE_PEOPLE:
        await ask(bot, MARIA, answer)
    proposed = await ask(bot, MARIA, "", mentions=(ANNA,))
    assert "Enligt katalogen är Maria Berg chef" in proposed
    await ask(bot, MARIA, "ja")
    confirm = await ask(bot, MARIA, "-")
    assert "Ansvarig: Anna Andersson" in confirm and "Chef: Maria Berg" in confirm
    assert "är registrerat" in await ask(bot, MARIA, "ja")

    await bot.connector.wait_for(lambda: posted_in(bot, "19:kommunikation@thread.tacv2"))
    notice = posted_in(bot, "19:kommunikation@thread.tacv2")[-1]["text"]
    assert "Anna Andersson (anna.andersson@hjo.se)" in notice
    assert "Maria Chef (maria.berg@hjo.se)" in notice  # the name she has in Teams
    assert {auth for _, auth in graph.calls} == {"Bearer fake-graph-token"}
    assert len(entra.grants) == 1 and entra.grants[0]["scope"].split() == [GRAPH_SCOPE]
    assert entra.grants[0]["tenant"] == "hjo-tenant"
    # Maria met in Teams and Maria from the directory are one person: she decides as manager.
    assert "Bertil" not in await ask(bot, MARIA, "byt ansvarig", mentions=(ANNA,))


async def test_an_officer_disabled_in_the_directory_has_left(
    bot: RunningBot, graph: FakeGraph
) -> None:
    strategist = strategist_channel(bot)
    await ask(bot, STINA, "strateg här", channel=strategist)
    await register(bot, MARIA, ANNA)
    scheduler = bot.runner.app[SCHEDULER]
    bot.clock.set(MORNING)
    assert await scheduler.run_now(DIRECTORY_CHECK, MORNING) == 0
    assert _account(bot).officer_person_id is not None

    graph.down = True
    assert await scheduler.run_now(DIRECTORY_CHECK, MORNING) == 0
    assert _account(bot).officer_person_id is not None  # no answer changes nothing

    graph.down = False
    graph.users[ANNA.aad_object_id]["accountEnabled"] = False
    before = len(bot.connector.texts())
    assert await scheduler.run_now(DIRECTORY_CHECK, MORNING) == 1
    assert _account(bot).officer_person_id is None
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) >= before + 2)
    told = "\n".join(bot.connector.texts()[before:])
    assert "inte längre aktiv i katalogen" in told and "byt ansvarig @namn" in told
    assert "Maria" in told
    assert await scheduler.run_now(DIRECTORY_CHECK, MORNING) == 0


async def test_a_deleted_officer_has_left_too(bot: RunningBot, graph: FakeGraph) -> None:
    await register(bot, MARIA, ANNA)
    del graph.users[ANNA.aad_object_id]
    assert await bot.runner.app[SCHEDULER].run_now(DIRECTORY_CHECK, MORNING) == 1
    assert _account(bot).officer_person_id is None
