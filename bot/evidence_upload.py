"""Section 6: a moderator's own screenshot, replied into the case card's thread, is evidence.

Teams delivers an inline image as an attachment the bot fetches with its own token, and a
file as a pre-authorised download link; both are saved and hashed like the bot's own capture.
"""

import logging
import mimetypes

from botbuilder.schema import Activity, Attachment

from bot.delivery import MODERATOR
from bot.runtime import Runtime
from bot.turns import Turn
from outbox.connector import ConnectorError
from routine.errors import NotACaseThread
from services.moderation import Upload
from storage.cards import card_by_activity
from texts import t

log = logging.getLogger(__name__)

TEAMS_FILE = "application/vnd.microsoft.teams.file.download.info"


def _is_file(attachment: Attachment) -> bool:
    kind = attachment.content_type or ""
    return kind.startswith("image/") or kind == TEAMS_FILE


def has_files(activity: Activity) -> bool:
    return any(_is_file(item) for item in activity.attachments or [])


async def attach_evidence(runtime: Runtime, turn: Turn, activity: Activity) -> str:
    with runtime.database.session() as session:
        card = card_by_activity(session, turn.thread_root_id) if turn.thread_root_id else None
    if card is None or card.role != MODERATOR:
        raise NotACaseThread()
    uploads: list[Upload] = []
    failed: list[str] = []
    for number, item in enumerate(filter(_is_file, activity.attachments or []), start=1):
        name, url, kind = _describe(item, number)
        try:
            data = await runtime.connector.download(
                url, turn.home.service_url, runtime.max_attachment_bytes
            )
        except ConnectorError as error:
            log.warning("evidence download from %s failed: %s", url, error)
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
