"""Newcomer, item 12: the half-year start page's PDF is attached in Teams, in a reply to the
archive task's card, and the next `arkivpaket` of that account and period includes it. No
reply sends a Teams user to a server command."""

import asyncio
import hashlib
import zipfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import bagit
from sqlalchemy import text

from bot.app import SCHEDULER
from scheduler.jobs import HALF_YEAR
from storage.db import make_engine
from storage.models import AuditEvent, StartPage
from tests.conftest import RunningBot
from tests.e2e.platform_helpers import rows
from tests.e2e.records.helpers import fetch, link
from tests.teams import ANNA, BERTIL, KARIN, Channel, Person, personal_message

START_PAGE = b"%PDF-1.7\n% Hjo kommuns startsida pa Facebook\n%%EOF\n"
TEAMS_FILE = "application/vnd.microsoft.teams.file.download.info"
OTHER_CHANNEL = "19:gate@thread.tacv2"


def _morning(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 7, 30, tzinfo=UTC)  # 08:30 in Stockholm


async def _open_tasks(bot: RunningBot, at: datetime) -> int:
    bot.clock.set(at)
    return await bot.runner.app[SCHEDULER].run_now(HALF_YEAR, at)


async def _staffed(bot: RunningBot, officer_chats: bool = False) -> None:
    await bot.link_hjo()
    await bot.say(BERTIL, "ansvarig", mentions=(ANNA,))
    await bot.say(BERTIL, "chef", mentions=(KARIN,))
    if officer_chats:
        await _in_chat(bot, personal_message(bot.connector.url, ANNA, "hjälp"))


async def _in_chat(bot: RunningBot, activity: dict[str, Any]) -> str:
    before = len(bot.connector.texts())
    status, _ = await bot.activity(activity)
    assert status in (200, 201)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    return bot.connector.texts()[before]


def _task_cards(bot: RunningBot, title: str) -> list[str]:
    """The activity ids of the delivered task cards whose title starts so."""
    return [
        call.returned_id
        for call in bot.connector.sent
        for attachment in call.body.get("attachments", [])
        if attachment["content"]["body"][0]["text"].startswith(title)
    ]


async def _task_card(bot: RunningBot, title: str = "Halvårsarkivering av Hjo kommun") -> str:
    """The task card's activity id, once the bot has recorded where it went."""
    await bot.connector.wait_for(lambda: _task_cards(bot, title))
    activity_id = _task_cards(bot, title)[0]
    engine = make_engine(bot.settings.database_url)
    query = text("SELECT 1 FROM duty_task WHERE card_activity_id = :id")
    try:
        for _ in range(200):
            with engine.connect() as connection:
                if connection.execute(query, {"id": activity_id}).first():
                    return activity_id
            await asyncio.sleep(0.02)
    finally:
        engine.dispose()
    raise AssertionError(f"task card {activity_id} never recorded as delivered")


def _teams_file(bot: RunningBot, name: str, data: bytes) -> dict[str, Any]:
    """A file as Teams hands it to a bot: a pre-authorised download link."""
    bot.connector.files[name] = data
    return {
        "contentType": TEAMS_FILE,
        "contentUrl": f"https://hjo-my.sharepoint.com/personal/anna/Documents/{name}",
        "name": name,
        "content": {
            "downloadUrl": f"{bot.connector.url}/files/{name}",
            "uniqueId": hashlib.sha256(name.encode()).hexdigest()[:8],
            "fileType": name.rsplit(".", 1)[-1],
        },
    }


def _thread_reply(
    bot: RunningBot, thread: str, attachment: dict[str, Any], channel: Channel | None = None
) -> dict[str, Any]:
    reply = (channel or bot.channel).message(ANNA, "", thread=thread, mention=False)
    reply["attachments"] = [attachment]
    return reply


def _chat_file(
    bot: RunningBot, said: str, attachment: dict[str, Any], person: Person = ANNA
) -> dict[str, Any]:
    message = personal_message(bot.connector.url, person, said)
    message["attachments"] = [attachment]
    return message


async def _package(bot: RunningBot, ask: str, into: Path) -> tuple[str, Path]:
    reply = await bot.say(ANNA, ask)
    assert "Arkivpaket för Hjo kommun" in reply
    data = await fetch(bot, link(reply), "application/zip")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        archive.extractall(into)
    [bag] = into.iterdir()
    bagit.Bag(str(bag)).validate()
    return reply, bag


def _no_server_command(reply: str) -> None:
    assert "modbot" not in reply and "--startsida" not in reply


async def test_a_pdf_replied_in_the_task_cards_thread_goes_in_the_archive_package(
    bot: RunningBot, tmp_path: Path
) -> None:
    await _staffed(bot)  # no chat with the officer yet: the card is posted in the channel
    assert await _open_tasks(bot, _morning(2026, 12, 1)) == 1
    card = await _task_card(bot)
    card_text = str(bot.connector.cards()[-1])
    assert "svar på det här kortet" in card_text and "i kortets tråd" in card_text
    _no_server_command(card_text)

    before, _ = await _package(bot, 'arkivpaket "Hjo kommun"', tmp_path / "före")
    assert "Startsidans PDF saknas: bifoga den i ett svar på halvårsarkiveringens kort" in before
    _no_server_command(before)

    pdf = _teams_file(bot, "startsida.pdf", START_PAGE)
    saved = await _in_chat(bot, _thread_reply(bot, card, pdf))
    digest = hashlib.sha256(START_PAGE).hexdigest()
    assert saved == (
        f"Startsidan för Hjo kommun är sparad (startsida.pdf, SHA-256 {digest}). Den kommer med "
        "i arkivpaketet för 2026-06-01 – 2026-11-30: skriv "
        '`arkivpaket "Hjo kommun" 2026-06-01 2026-11-30`.'
    )
    [page] = rows(bot, StartPage)
    assert page.sha256 == digest and page.saved_by_name == "Anna Moderator"
    stored = bot.settings.evidence_dir / page.file_name
    assert stored.read_bytes() == START_PAGE
    assert any(e.action == "start_page_saved" for e in rows(bot, AuditEvent))

    reply, bag = await _package(bot, 'arkivpaket "Hjo kommun"', tmp_path / "efter")
    assert "Startsidans PDF ingår (data/startsida.pdf)." in reply
    _no_server_command(reply)
    assert (bag / "data" / "startsida.pdf").read_bytes() == START_PAGE
    assert "Startsida: startsida.pdf" in (bag / "bag-info.txt").read_text(encoding="utf-8")
    assert f"{digest}  data/startsida.pdf" in (bag / "manifest-sha256.txt").read_text()
    ask = 'arkivpaket "Hjo kommun" 2026-12-01 2026-12-01'
    next_half_year, bag = await _package(bot, ask, tmp_path / "nästa")
    assert "Startsidans PDF saknas" in next_half_year  # its own task opens on 2027-06-01


async def test_a_file_that_is_not_a_pdf_is_refused_and_not_kept(
    bot: RunningBot, tmp_path: Path
) -> None:
    await _staffed(bot)
    await _open_tasks(bot, _morning(2026, 12, 1))
    card = await _task_card(bot)
    picture = _teams_file(bot, "startsida.png", b"\x89PNG\r\n\x1a\nen bild, ingen PDF")
    refused = await _in_chat(bot, _thread_reply(bot, card, picture))
    assert refused == (
        "startsida.png är ingen PDF-fil, så jag sparade den inte. Spara startsidan som PDF och "
        "bifoga den igen här."
    )
    disguised = _teams_file(bot, "startsida.pdf", b"<html>inte en PDF</html>")
    assert "startsida.pdf är ingen PDF-fil" in await _in_chat(
        bot, _thread_reply(bot, card, disguised)
    )
    assert rows(bot, StartPage) == []
    assert not (bot.settings.evidence_dir / "startsida").exists()
    reply, bag = await _package(bot, 'arkivpaket "Hjo kommun"', tmp_path / "paket")
    assert "Startsidans PDF saknas" in reply
    assert not (bag / "data" / "startsida.pdf").exists()


async def test_a_pdf_in_an_unrelated_thread_is_not_taken(bot: RunningBot, tmp_path: Path) -> None:
    await _staffed(bot)
    await _open_tasks(bot, _morning(2026, 12, 15))  # the archive task and the culling task
    await _task_card(bot)
    culling = await _task_card(bot, "Halvårsgallring av Hjo kommun")
    talk = bot.channel.message(ANNA, "konton")
    await _in_chat(bot, talk)
    pdf = _teams_file(bot, "startsida.pdf", START_PAGE)
    for thread in (talk["id"], culling, "1999"):
        answer = await _in_chat(bot, _thread_reply(bot, thread, pdf))
        assert answer.startswith("Bifoga bevis genom att svara med bilden eller filen i tråden")
        assert "startsidans PDF i ett svar på arkiveringsuppgiftens kort" in answer
    elsewhere = Channel(service_url=bot.connector.url, channel_id=OTHER_CHANNEL)
    archive_card = _task_cards(bot, "Halvårsarkivering")[0]
    answer = await _in_chat(bot, _thread_reply(bot, archive_card, pdf, elsewhere))
    assert answer.startswith("Bifoga bevis")  # the same id in another channel is another card
    assert rows(bot, StartPage) == []
    reply, bag = await _package(bot, 'arkivpaket "Hjo kommun"', tmp_path / "paket")
    assert not (bag / "data" / "startsida.pdf").exists()


async def test_in_the_officers_chat_the_pdf_goes_to_the_task_card_there(
    bot: RunningBot, tmp_path: Path
) -> None:
    """A chat has no threads: the officer sends the PDF in the chat where the card is."""
    await _staffed(bot, officer_chats=True)
    await _open_tasks(bot, _morning(2026, 12, 1))
    await _task_card(bot)
    card_call = next(c for c in bot.connector.sent if c.body.get("attachments"))
    assert card_call.conversation_id == f"a:personal-{ANNA.id}"
    assert "i chatten med mig: här i chatten" in str(card_call.body)

    stranger = Person("29:olle", "Olle Utomstående", "aad-olle")
    pdf = _teams_file(bot, "Startsida Hjo.pdf", START_PAGE)
    assert (await _in_chat(bot, _chat_file(bot, "", pdf, stranger))).startswith("Bifoga bevis")

    saved = await _in_chat(bot, _chat_file(bot, "här är startsidan", pdf))
    assert saved.startswith("Startsidan för Hjo kommun är sparad (Startsida Hjo.pdf, SHA-256")
    reply, bag = await _package(
        bot, 'arkivpaket "Hjo kommun" 2026-06-01 2026-11-30', tmp_path / "paket"
    )
    assert "Startsidans PDF ingår" in reply
    assert (bag / "data" / "startsida.pdf").read_bytes() == START_PAGE


async def test_with_several_accounts_in_the_chat_the_officer_says_which(
    bot: RunningBot, tmp_path: Path
) -> None:
    await _staffed(bot, officer_chats=True)
    gate = Channel(service_url=bot.connector.url, channel_id=OTHER_CHANNEL, name="Gate")
    linked = await bot.say(
        ANNA, 'koppla facebook "Gate kommun" https://facebook.com/gatekommun', channel=gate
    )
    assert "kopplat" in linked
    await bot.say(BERTIL, "ansvarig", channel=gate, mentions=(ANNA,))
    await _open_tasks(bot, _morning(2026, 12, 1))
    hjo = await _task_card(bot)
    await _task_card(bot, "Halvårsarkivering av Gate kommun")

    gate_page = START_PAGE.replace(b"Hjo", b"Gate")
    asked = await _in_chat(bot, _chat_file(bot, "", _teams_file(bot, "sida.pdf", gate_page)))
    assert asked == (
        "Du har öppna arkiveringsuppgifter för flera konton här (Gate kommun, Hjo kommun). "
        "Svara på rätt kort med PDF-filen, eller skriv kontots namn i meddelandet med filen."
    )
    named = await _in_chat(
        bot, _chat_file(bot, "Startsidan för Gate kommun", _teams_file(bot, "g.pdf", gate_page))
    )
    assert named.startswith("Startsidan för Gate kommun är sparad")

    quoting = _chat_file(bot, "", _teams_file(bot, "h.pdf", START_PAGE))
    quoting["attachments"].append(
        {
            "contentType": "text/html",
            "content": (
                f'<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" '
                f'itemid="{hjo}"><strong itemprop="mri">Modbot</strong>'
                "<p itemprop=\"preview\">Halvårsarkivering av Hjo kommun</p></blockquote>"
            ),
        }
    )
    assert (await _in_chat(bot, quoting)).startswith("Startsidan för Hjo kommun är sparad")

    _, bag = await _package(bot, 'arkivpaket "Hjo kommun"', tmp_path / "hjo")
    assert (bag / "data" / "startsida.pdf").read_bytes() == START_PAGE
    assert len(rows(bot, StartPage)) == 2


async def test_a_closing_accounts_final_archive_card_takes_the_start_page_too(
    bot: RunningBot, tmp_path: Path
) -> None:
    await _staffed(bot)
    bot.clock.set(datetime(2027, 2, 15, 9, 0, tzinfo=UTC))
    assert "avslutas" in await bot.say(KARIN, "avsluta konto")
    card = await _task_card(bot, "Slutarkivering av Hjo kommun")
    assert "svar på det här kortet" in str(bot.connector.cards()[-1])
    pdf = _teams_file(bot, "startsida.pdf", START_PAGE)
    saved = await _in_chat(bot, _thread_reply(bot, card, pdf))
    assert saved.endswith('`arkivpaket "Hjo kommun" 2026-12-01 2027-02-15`.')
    reply, bag = await _package(
        bot, 'arkivpaket "Hjo kommun" 2026-12-01 2027-02-15', tmp_path / "slut"
    )
    assert "Startsidans PDF ingår" in reply
    assert (bag / "data" / "startsida.pdf").read_bytes() == START_PAGE
