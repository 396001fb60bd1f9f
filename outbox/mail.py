"""Sends queued e-mail over SMTP, retrying with back-off; a failure never loses the message."""

import asyncio
import contextlib
import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from storage import mail
from storage.db import Database
from storage.models import MailMessage

log = logging.getLogger(__name__)

CLAIM_HOLD = timedelta(seconds=120)
MAX_DELAY_SECONDS = 3600.0
POLL_SECONDS = 5.0


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str
    password: str
    starttls: bool
    sender: str


class MailOutbox:
    def __init__(
        self,
        database: Database,
        smtp: SmtpSettings,
        clock: Callable[[], datetime],
        retry_base_seconds: float,
    ) -> None:
        self._database = database
        self._smtp = smtp
        self._clock = clock
        self._retry_base = retry_base_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        database.on_commit(mail.TOPIC, lambda _: self._wake.set())

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="mail")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            try:
                await self._send_due()
            except Exception:
                log.exception("mail sending failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)
            self._wake.clear()

    async def _send_due(self) -> None:
        with self._database.session() as session:
            due = mail.claim_due(session, self._clock(), CLAIM_HOLD)
            session.commit()
        for message in due:
            try:
                await asyncio.to_thread(self._send, _email(message, self._smtp.sender))
            except (OSError, smtplib.SMTPException) as error:
                self._failed(message, error)
            else:
                self._sent(message)

    def _send(self, email: EmailMessage) -> None:
        with smtplib.SMTP(self._smtp.host, self._smtp.port, timeout=30) as smtp:
            if self._smtp.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if self._smtp.username:
                smtp.login(self._smtp.username, self._smtp.password)
            smtp.send_message(email)

    def _sent(self, message: MailMessage) -> None:
        with self._database.session() as session:
            row = session.get(MailMessage, message.id)
            if row is not None:
                row.status = mail.SENT
                row.sent_at = self._clock()
                row.attempts += 1
                row.claimed_until = None
                session.add(row)
                session.commit()

    def _failed(self, message: MailMessage, error: Exception) -> None:
        with self._database.session() as session:
            row = session.get(MailMessage, message.id)
            if row is None:
                return
            row.attempts += 1
            delay = min(self._retry_base * 2 ** (row.attempts - 1), MAX_DELAY_SECONDS)
            row.next_attempt_at = self._clock() + timedelta(seconds=delay)
            row.claimed_until = None
            row.last_error = str(error)[:1000]
            session.add(row)
            session.commit()
        log.warning("mail %s not sent (%s); retrying in %.1f s", message.message_id, error, delay)
        asyncio.get_running_loop().call_later(delay, self._wake.set)


def _email(message: MailMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email["Date"] = format_datetime(message.created_at)
    email["Message-ID"] = message.message_id
    email.set_content(message.body)
    return email
