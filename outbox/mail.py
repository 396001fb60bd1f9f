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

from services.parking import PARK_NOW, ParkedNotices, RetryPolicy, note_failure
from services.wakeup import Wakeup
from storage import mail, parked
from storage.db import Database, call_on_loop
from storage.models import MailMessage

log = logging.getLogger(__name__)

CLAIM_HOLD = timedelta(seconds=120)
MAX_DELAY_SECONDS = 3600.0
MAX_ATTEMPTS = 12
"""About a day of retries with back-off before a message is parked and kanslienheten told."""
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
        notices: ParkedNotices,
    ) -> None:
        self._database = database
        self._smtp = smtp
        self._clock = clock
        self._retries = RetryPolicy(MAX_ATTEMPTS, retry_base_seconds, MAX_DELAY_SECONDS)
        self._notices = notices
        self._wake = Wakeup()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        database.on_commit(mail.TOPIC, lambda _: self._wake.set())

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake.bind()
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
        """Each message on its own: one that fails is retried later or parked, the rest go."""
        due = await asyncio.to_thread(self._claim_due)
        for message in due:
            try:
                await asyncio.to_thread(self._send, _email(message, self._smtp.sender))
            except (OSError, smtplib.SMTPException) as error:
                await asyncio.to_thread(self._failed, message, error, not _refused(error))
            except Exception as error:
                log.exception("mail %s cannot be sent as it is", message.message_id)
                await asyncio.to_thread(self._failed, message, error, False)
            else:
                await asyncio.to_thread(self._sent, message)

    def _claim_due(self) -> list[MailMessage]:
        with self._database.session() as session:
            due = mail.claim_due(session, self._clock(), CLAIM_HOLD)
            session.commit()
        return due

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

    def _failed(self, message: MailMessage, error: Exception, transient: bool) -> None:
        """A message the SMTP server keeps refusing, or one that cannot be sent at all, is
        parked after its retries and kanslienheten hears of it."""
        with self._database.session() as session:
            row = session.get(MailMessage, message.id)
            if row is None:
                return
            now = self._clock()
            row.attempts += 1
            delay = self._retries.delay(row.attempts)
            row.next_attempt_at = now + delay
            row.claimed_until = None
            row.last_error = str(error)[:1000]
            if not transient or row.attempts >= self._retries.attempts:
                row.status = mail.PARKED
                failure = note_failure(session, parked.MAIL, str(row.id), error, now, PARK_NOW)
                self._notices.tell(
                    session,
                    "parked_mail",
                    failure,
                    subject=row.subject,
                    to=row.to_address,
                    error=str(error)[:200],
                )
            session.add(row)
            session.commit()
        if row.status == mail.PENDING and self._loop is not None:
            log.warning("mail %s not sent (%s); retrying in %s", message.message_id, error, delay)
            call_on_loop(self._loop, self._retry_later, delay.total_seconds())

    def _retry_later(self, seconds: float) -> None:
        asyncio.get_running_loop().call_later(seconds, self._wake.set)


def _refused(error: Exception) -> bool:
    """A 5xx answer (no such recipient, sender not allowed) will not change by retrying."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and code >= 500


def _email(message: MailMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email["Date"] = format_datetime(message.created_at)
    email["Message-ID"] = message.message_id
    email.set_content(message.body)
    return email
