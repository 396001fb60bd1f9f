"""Section 6: a moderator's own screenshot, replied into the case card's thread, is evidence.
Section 4: the start page's PDF, replied to a half-year (or final) archive task's card, goes in
that period's archive package.

Teams delivers an inline image as an attachment the bot fetches with its own token, and a
file as a pre-authorised download link; both are saved and hashed like the bot's own capture.
A task card in a personal chat has no thread: there the file is for the task whose card the
message quotes, or the chat's only open archive task, or the one whose account it names.
"""

import asyncio
import logging
import mimetypes
import re

from botbuilder.schema import Activity, Attachment

from bot.delivery import MODERATOR
from bot.runtime import Runtime
from bot.turns import Turn, command_text
from outbox.connector import ConnectorError
from routine.errors import NotACaseThread
from services.duties import NotAPdf, SavedStartPage
from services.moderation import Upload
from storage.cards import card_by_activity
from texts import t

log = logging.getLogger(__name__)

TEAMS_FILE = "application/vnd.microsoft.teams.file.download.info"
PDF = "application/pdf"
_QUOTE_TAG = re.compile(r"<blockquote\b[^>]*>", re.IGNORECASE)
_QUOTE_ID = re.compile(r'itemid="([^"]+)"')
_QUOTE_KIND = "schema.skype.com/Reply"


def _is_file(attachment: Attachment) -> bool:
    kind = attachment.content_type or ""
    return kind.startswith("image/") or kind in (TEAMS_FILE, PDF)


def has_files(activity: Activity) -> bool:
    return any(_is_file(item) for item in activity.attachments or [])


async def attach_evidence(runtime: Runtime, turn: Turn, activity: Activity) -> str:
    with runtime.database.session() as session:
        card = card_by_activity(session, turn.thread_root_id) if turn.thread_root_id else None
        task_id = None
        if card is None:
            task_id = runtime.duties.task_for_file(
                session,
                turn.conversation_id,
                turn.thread_root_id,
                _quoted_ids(activity),
                command_text(activity),
            )
    if task_id is not None:
        return await _attach_start_page(runtime, turn, activity, task_id)
    if card is None or card.role != MODERATOR:
        raise NotACaseThread()
    uploads: list[Upload] = []
    failed: list[str] = []
    for name, kind, data in await _downloaded(runtime, turn, activity):
        if data is None:
            failed.append(name)
            continue
        uploads.append(Upload(name=name, content_type=kind, data=data))
    lines = [t(turn.language, "evidence_download_failed", name=name) for name in failed]
    if uploads:
        with runtime.database.session() as session:
            view = runtime.moderation.add_evidence(
                session,
                runtime.files,
                card.case_id,
                turn.actor,
                turn.channel_id,
                uploads,
                runtime.clock(),
            )
        names = ", ".join(upload.name for upload in uploads)
        lines.insert(
            0,
            t(
                turn.language,
                "evidence_attached",
                case=view.id,
                files=names,
                count=view.evidence_count,
            ),
        )
    return "\n\n".join(lines)


async def _attach_start_page(
    runtime: Runtime, turn: Turn, activity: Activity, task_id: int
) -> str:
    """Each PDF is saved (the latest one counts); anything else is refused by name."""
    with runtime.database.session() as session:
        runtime.duties.check_start_page_task(session, task_id, turn.actor, turn.channel_id)
    lines = []
    for name, _, data in await _downloaded(runtime, turn, activity):
        if data is None:
            lines.append(t(turn.language, "evidence_download_failed", name=name))
            continue
        try:
            saved = await asyncio.to_thread(_save_start_page, runtime, turn, task_id, name, data)
        except NotAPdf as refusal:
            lines.append(t(turn.language, refusal.key, **refusal.params))
            continue
        lines.append(
            t(
                turn.language,
                "start_page_saved",
                name=name,
                account=saved.account_name,
                sha256=saved.sha256,
                first=saved.first.isoformat(),
                last=saved.last.isoformat(),
            )
        )
    return "\n\n".join(lines)


def _save_start_page(
    runtime: Runtime, turn: Turn, task_id: int, name: str, data: bytes
) -> SavedStartPage:
    with runtime.database.session() as session:
        return runtime.duties.save_start_page(
            session,
            runtime.files.folder,
            task_id,
            turn.actor,
            turn.channel_id,
            name,
            data,
            runtime.clock(),
        )


async def _downloaded(
    runtime: Runtime, turn: Turn, activity: Activity
) -> list[tuple[str, str, bytes | None]]:
    """Each attached file's name, content type and bytes (None: it could not be fetched)."""
    files: list[tuple[str, str, bytes | None]] = []
    for number, item in enumerate(filter(_is_file, activity.attachments or []), start=1):
        name, url, kind = _describe(item, number)
        try:
            data = await runtime.connector.download(
                url, turn.home.service_url, runtime.max_attachment_bytes
            )
        except ConnectorError as error:
            log.warning("download of an attachment from %s failed: %s", url, error)
            files.append((name, kind, None))
            continue
        files.append((name, kind, data))
    return files


def _quoted_ids(activity: Activity) -> list[str]:
    """The messages a chat message quotes (Teams' reply in a chat): the activity ids Teams
    puts on the quote in the message's HTML."""
    ids = []
    for item in activity.attachments or []:
        if item.content_type != "text/html" or not isinstance(item.content, str):
            continue
        for tag in _QUOTE_TAG.findall(item.content):
            found = _QUOTE_ID.search(tag)
            if _QUOTE_KIND in tag and found:
                ids.append(found.group(1))
    return ids


def _describe(item: Attachment, number: int) -> tuple[str, str, str]:
    """Name, download link and content type of one attachment."""
    if item.content_type == TEAMS_FILE and isinstance(item.content, dict):
        file_type = str(item.content.get("fileType") or "bin")
        name = item.name or f"bilaga-{number}.{file_type}"
        return name, str(item.content.get("downloadUrl") or item.content_url or ""), _guess(name)
    kind = item.content_type or "application/octet-stream"
    extension = kind.split("/")[-1].split("+")[0] or "bin"
    return item.name or f"bild-{number}.{extension}", item.content_url or "", kind


def _guess(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
