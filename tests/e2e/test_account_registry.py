"""Routine 2.1 and section 3 after registration: the checklist attested by the right people,
the manager changing the officer (who loses the right to decide), closing through a final
archive task, and the public list in HTML, JSON and CSV."""

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from PIL import Image
from sqlmodel import select

from storage.db import Database, make_engine
from storage.models import Account, FlaggedCase
from tests.conftest import MovingClock, RunningBot, free_port, make_settings, running_bot
from tests.e2e.registry_helpers import MARIA, STINA, ask, posted_in, register, strategist_channel
from tests.fakes.bot_connector import Call, FakeBotConnector
from tests.schemas import assert_valid_card
from tests.teams import ANNA, BERTIL, flag


def _checklist_calls(bot: RunningBot) -> list[Call]:
    return [
        c for c in bot.connector.sent if c.body.get("attachments") and "Checklista" in str(c.body)
    ]


def _checklist(bot: RunningBot) -> tuple[str, dict[str, Any]]:
    call = _checklist_calls(bot)[0]
    return call.returned_id, call.body["attachments"][0]["content"]


async def _registered(bot: RunningBot) -> tuple[str, int]:
    await register(bot, MARIA, ANNA)
    await bot.connector.wait_for(lambda: _checklist_calls(bot))
    card_id, card = _checklist(bot)
    account = next(
        action["data"]["account"]
        for element in card["body"]
        for inner in element.get("items", [])
        for action in inner.get("actions", [])
        if action.get("type") == "Action.Execute"
    )
    return card_id, account


async def test_each_checklist_item_is_attested_by_the_person_the_routine_names(
    bot: RunningBot,
) -> None:
    card_id, account = await _registered(bot)
    tick = {"account": account}
    refused = await bot.invoke(ANNA, "checklist_tick", {**tick, "item": "decision"}, card_id)
    assert "bekräftas av någon annan" in refused["value"]
    refused = await bot.invoke(MARIA, "checklist_tick", {**tick, "item": "routine_read"}, card_id)
    assert "bekräftas av någon annan" in refused["value"]
    refused = await bot.invoke(BERTIL, "checklist_tick", {**tick, "item": "phone"}, card_id)
    assert "bekräftas av någon annan" in refused["value"]

    await bot.invoke(MARIA, "checklist_tick", {**tick, "item": "decision"}, card_id)
    read = await bot.invoke(ANNA, "checklist_tick", {**tick, "item": "routine_read"}, card_id)
    assert_valid_card(read["value"])
    assert "Bekräftat av Anna Moderator" in str(read["value"])
    no_reason = {**tick, "item": "profile_picture", "exception": True}
    assert (
        "skälet till undantaget"
        in (await bot.invoke(ANNA, "checklist_tick", no_reason, card_id))["value"]
    )
    exception = {**no_reason, "note": "Bibliotekets logotyp, överenskommet med Stina 2026-11-20"}
    shown = await bot.invoke(ANNA, "checklist_tick", exception, card_id)
    assert "Bibliotekets logotyp" in str(shown["value"])
    for item in ("part_of", "phone", "website"):
        await bot.invoke(ANNA, "checklist_tick", {**tick, "item": item}, card_id)
    last = await bot.invoke(MARIA, "checklist_tick", {**tick, "item": "admin_access"}, card_id)
    card = last["value"]
    assert_valid_card(card)
    text = str(card)
    assert "administratör för sidan på Facebook" in text  # routine 2.1 point 6, Facebook form
    assert "återstår" in text  # the strategist has not been told: no channel yet
    await ask(bot, STINA, "strateg här", channel=strategist_channel(bot))
    assert "checklistan" not in await ask(bot, BERTIL, "konton")
    await ask(bot, BERTIL, "checklista")
    await bot.connector.wait_for(
        lambda: "Alla punkter är klara"
        in str([c for c in bot.connector.cards() if "Checklista" in str(c)][-1])
    )


async def test_the_manager_changes_the_officer_and_the_old_one_may_no_longer_decide(
    bot: RunningBot,
) -> None:
    await _registered(bot)
    strategist = strategist_channel(bot)
    await ask(bot, STINA, "strateg här", channel=strategist)
    refusal = await ask(bot, ANNA, "byt ansvarig", mentions=(BERTIL,))
    assert "Bara Maria Chef (kontots chef) kan" in refusal
    changed = await ask(bot, MARIA, "byt ansvarig", mentions=(BERTIL,))
    assert "Bertil Moderator är nu ansvarig tjänsteperson för Hjo Bibliotek" in changed
    await bot.connector.wait_for(
        lambda: any(
            "Ny ansvarig" in b.get("text", "") for b in posted_in(bot, strategist.channel_id)
        )
    )
    told = [b["text"] for b in posted_in(bot, strategist.channel_id) if "Ny ansvarig" in b["text"]]
    assert "Bertil Moderator" in told[0] and "tidigare: Anna Moderator" in told[0]

    case_id, card_id = await bot.flagged_card(flag(account="Hjo Bibliotek"))
    refused = await bot.invoke(ANNA, "keep", {"case": case_id}, card_id)
    assert "Bara Bertil Moderator (ansvarig) eller Maria Chef (chef) kan" in refused["value"]
    kept = await bot.invoke(BERTIL, "keep", {"case": case_id}, card_id)
    assert kept["type"] == "application/vnd.microsoft.card.adaptive"
    assert "Bertil Moderator" in str(kept["value"])


async def test_closing_opens_a_final_archive_and_closes_when_it_is_done(bot: RunningBot) -> None:
    await _registered(bot)
    strategist = strategist_channel(bot)
    await ask(bot, STINA, "strateg här", channel=strategist)
    case_id, _ = await bot.flagged_card(flag(account="Hjo Bibliotek"))
    assert "Bara Maria Chef (kontots chef)" in await ask(bot, ANNA, "avsluta konto")
    started = await ask(bot, MARIA, "avsluta konto")
    assert "Hjo Bibliotek avslutas" in started
    assert "redan" in await ask(bot, MARIA, "avsluta konto Hjo Bibliotek")
    await bot.connector.wait_for(
        lambda: any("Slutarkivering" in str(c) for c in bot.connector.cards())
    )
    call = next(
        c
        for c in bot.connector.sent
        if c.body.get("attachments") and "Slutarkivering" in str(c.body)
    )
    task_card = call.body["attachments"][0]["content"]
    assert_valid_card(task_card)
    assert "slutarkivet omfattar allt som publicerats" in str(task_card)
    assert "Halvåret från" not in str(task_card)
    task = next(a["data"]["task"] for a in task_card["actions"])
    status, listed = await bot.get("/forteckning.json")
    assert [row["konto"] for row in listed["konton"]] == ["Hjo Bibliotek"]

    done = await bot.invoke(
        ANNA, "duty_done", {"task": task, "reference": "KA 2026/77"}, call.returned_id
    )
    assert "KA 2026/77" in str(done["value"])
    status, listed = await bot.get("/forteckning.json")
    assert listed["konton"] == []
    await bot.connector.wait_for(
        lambda: any(
            "är avslutat" in b.get("text", "") for b in posted_in(bot, strategist.channel_id)
        )
    )
    assert "Inga konton är kopplade" in await ask(bot, BERTIL, "konton")
    status, answer = await bot.flag(flag(account="Hjo Bibliotek"))
    assert status == 400 and "account" in answer["fields"], answer
    database = Database(make_engine(bot.settings.database_url))
    with database.session() as session:
        assert session.get(FlaggedCase, case_id) is not None  # its records stay
        account = session.exec(select(Account)).one()
        assert account.closed_at is not None
    database.engine.dispose()


class _Table(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headers: list[str] = []
        self.cells: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("th", "td", "caption"):
            self._in = tag if dict(attrs).get("scope") != "row" else "td"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td", "caption"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "th":
            self.headers.append(data.strip())
        elif self._in == "td" and data.strip():
            self.cells.append(data.strip())


async def test_the_public_list_in_html_json_and_csv(bot: RunningBot) -> None:
    await register(bot, MARIA, ANNA, contact="-")
    await bot.link_hjo()
    async with bot.http.get(bot.url + "/forteckning") as response:
        assert response.status == 200
        assert response.content_type == "text/html"
        page = await response.text()
    table = _Table()
    table.feed(page)
    assert {"table", "caption", "thead", "tbody"} <= set(table.tags)
    assert "script" not in table.tags
    assert table.headers == [
        "Plattform",
        "Konto",
        "Länk",
        "Verksamhet/enhet",
        "Ansvarig",
        "Kontakt",
    ]
    assert "Hjo Bibliotek" in table.cells and "Anna Moderator" in table.cells
    assert "0503-350 00" in table.cells
    assert '<html lang="sv">' in page and "@media print" in page

    status, listed = await bot.get("/forteckning.json")
    assert status == 200
    assert listed["kommun"] == "Hjo kommun"
    rows = {row["konto"]: row for row in listed["konton"]}
    assert rows["Hjo Bibliotek"] == {
        "plattform": "Facebook",
        "konto": "Hjo Bibliotek",
        "lank": "https://www.facebook.com/hjobibliotek",
        "verksamhet": "Kultur och fritid, biblioteket",
        "ansvarig": "Anna Moderator",
        "kontakt": "0503-350 00",
    }
    assert rows["Hjo kommun"]["ansvarig"] == "vakant – kontakta 0503-350 00"

    async with bot.http.get(bot.url + "/forteckning.csv") as response:
        assert response.content_type == "text/csv"
        raw = await response.read()
    assert raw.startswith("\ufeff".encode())
    parsed = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert parsed[0] == ["Plattform", "Konto", "Länk", "Verksamhet/enhet", "Ansvarig", "Kontakt"]
    assert ["Facebook", "Hjo Bibliotek"] in [row[:2] for row in parsed[1:]]
    assert json.dumps(listed, ensure_ascii=False).count("29:") == 0


async def test_another_municipality_runs_the_bot_unchanged(
    tmp_path: Path, connector: FakeBotConnector, clock: MovingClock
) -> None:
    arms = tmp_path / "vapen.png"
    Image.new("RGBA", (64, 64), (0, 80, 160, 255)).save(arms)
    settings = make_settings(
        tmp_path,
        free_port(),
        municipality_name="Tibro kommun",
        municipality_phone="0504-180 00",
        municipality_website="https://www.tibro.se",
        coat_of_arms=arms,
    )
    async with running_bot(settings, connector, clock) as bot:
        await register(bot, MARIA, ANNA, contact="-")
        await connector.wait_for(lambda: any("Checklista" in str(c) for c in connector.cards()))
        card = next(c for c in connector.cards() if "Checklista" in str(c))
        assert_valid_card(card)
        shown = json.dumps(card, ensure_ascii=False)
        assert "Tibro kommuns stadsvapen" in shown and "0504-180 00" in shown
        assert "tibro.se" in shown and "Hjo" not in shown.replace("Hjo Bibliotek", "")
        image = next(e for e in card["body"] if e["type"] == "Image")
        async with bot.http.get(image["url"]) as response:
            assert response.status == 200
            assert response.content_type == "image/png"
        routine = next(
            a["url"]
            for e in card["body"]
            for i in e.get("items", [])
            for a in i.get("actions", [])
            if a["type"] == "Action.OpenUrl"
        )
        async with bot.http.get(routine) as response:
            assert "Rutin för sociala medier" in await response.text()
        status, listed = await bot.get("/forteckning.json")
        assert listed["kommun"] == "Tibro kommun"
        assert listed["konton"][0]["kontakt"] == "0504-180 00"
