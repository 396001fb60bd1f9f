"""Routine 4.1 by e-mail: with an intake address, a synpunkt also goes to Synpunkten (DF
Respons) as an e-mail, checked here on a real SMTP server on 127.0.0.1 (aiosmtpd)."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiosmtpd.controller import Controller

from bot.cli import main
from storage import mail
from storage.db import Database, make_engine
from tests.conftest import MovingClock, RunningBot, free_port, make_settings, start_bot
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams import ANNA, KARIN, Channel, flag

INTAKE = "synpunkt@hjo.se"
GATE = "Jag saknar återvinningsstationen i Gate. Kommer den tillbaka?"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))  # type: ignore[arg-type]
        return "250 Message accepted"


@pytest.fixture
def smtp_port() -> int:
    return free_port()


def _serve(inbox: Inbox, port: int) -> Controller:
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


@pytest.fixture
async def mailing_bot(
    tmp_path: Path, connector: FakeBotConnector, clock: MovingClock, smtp_port: int
) -> AsyncIterator[RunningBot]:
    settings = make_settings(
        tmp_path,
        free_port(),
        smtp_host="127.0.0.1",
        smtp_port=smtp_port,
        synpunkt_email=INTAKE,
        smtp_from="modbot@hjo.se",
    )
    runner = await start_bot(settings, clock)
    async with aiohttp.ClientSession() as http:
        yield RunningBot(
            f"http://127.0.0.1:{settings.port}",
            http,
            connector,
            Channel(service_url=connector.url),
            clock,
            settings,
            runner,
        )
    await runner.cleanup()


async def _hand_over(bot: RunningBot) -> int:
    kansli = Channel(service_url=bot.connector.url, channel_id="19:kansli@thread.tacv2")
    await bot.say(KARIN, "kansli här", kansli)
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag(text=GATE))
    await bot.invoke(ANNA, "synpunkt", {"case": case_id}, card_id)
    return case_id


async def _until(condition: Any, timeout: float = 10) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.05)

    await asyncio.wait_for(poll(), timeout)


def _stored(bot: RunningBot, case_id: int) -> list[Any]:
    database = Database(make_engine(bot.settings.database_url))
    with database.session() as session:
        rows = mail.for_case(session, case_id)
    database.engine.dispose()
    return rows


@pytest.fixture
def inbox(smtp_port: int) -> Iterator[Inbox]:
    received = Inbox()
    controller = _serve(received, smtp_port)
    yield received
    controller.stop()


async def test_a_synpunkt_is_mailed_to_the_intake_with_a_swedish_subject(
    mailing_bot: RunningBot, inbox: Inbox
) -> None:
    case_id = await _hand_over(mailing_bot)
    await _until(lambda: inbox.messages)
    recipients, message = inbox.messages[0]
    assert recipients == [INTAKE]
    assert message["Subject"] == f"Snabbsynpunkt från Facebook Hjo kommun (ärende {case_id})"
    assert message["From"] == "modbot@hjo.se"
    body = message.get_content()
    assert GATE in body
    assert "https://facebook.com/hjokommun/posts/1?comment_id=2" in body
    assert "Lämnad av: Anna Moderator" in body
    await _until(lambda: _stored(mailing_bot, case_id)[0].status == "sent")
    assert _stored(mailing_bot, case_id)[0].message_id == message["Message-ID"]


async def test_a_failed_send_is_retried_and_the_synpunkt_is_not_lost(
    mailing_bot: RunningBot, smtp_port: int
) -> None:
    case_id = await _hand_over(mailing_bot)
    await _until(
        lambda: (
            (_stored(mailing_bot, case_id) or [None])[0] is not None
            and _stored(mailing_bot, case_id)[0].attempts >= 1
        )
    )
    failed = _stored(mailing_bot, case_id)[0]
    assert failed.status == "pending" and failed.last_error
    inbox = Inbox()
    controller = _serve(inbox, smtp_port)
    try:
        await _until(lambda: inbox.messages)
        assert GATE in inbox.messages[0][1].get_content()
    finally:
        controller.stop()


class RefusingInbox(Inbox):
    """An intake address that does not exist: the server refuses the recipient for good."""

    async def handle_RCPT(  # noqa: N802
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        return "550 5.1.1 No such user"


async def test_a_mail_the_server_refuses_for_good_is_parked_and_kanslienheten_told(
    mailing_bot: RunningBot, smtp_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = _serve(RefusingInbox(), smtp_port)
    try:
        case_id = await _hand_over(mailing_bot)
        await _until(lambda: _stored(mailing_bot, case_id)[0].status == "parked")
        await mailing_bot.connector.wait_for(
            lambda: any("kunde inte skickas" in text for text in mailing_bot.connector.texts())
        )
    finally:
        controller.stop()
    told = next(t for t in mailing_bot.connector.texts() if "kunde inte skickas" in t)
    assert INTAKE in told and "modbot parked" in told
    monkeypatch.setenv("MODBOT_DATABASE_URL", mailing_bot.settings.database_url)
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(mailing_bot.settings.evidence_dir))
    inbox = Inbox()
    controller = _serve(inbox, smtp_port)
    try:
        assert main(["parked"]) == 0
        assert main(["parked", "retry", "1"]) == 0
        await _until(lambda: inbox.messages, timeout=20)
        assert GATE in inbox.messages[0][1].get_content()
    finally:
        controller.stop()
