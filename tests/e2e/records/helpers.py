"""A month of records on an account: posts and comments from outside and from the page, an
edit, a deletion by its author, a secret detail and a removed comment."""

import re
from io import BytesIO

from pypdf import PdfReader

from storage.models import FlaggedCase
from tests.conftest import RunningBot
from tests.e2e.platform_helpers import PAGE, deliver, feed, processed, rows
from tests.teams import ANNA

SECRET_TEXT = "Min dotter Elsa går på Estrids förskola och har diabetes"


async def month_of_records(bot: RunningBot) -> None:
    """A post, replies from outside and from the page, an edit, a deletion by its author, a
    secret detail and an offensive comment removed by the municipality."""
    events = [
        feed(
            f"{PAGE}_1",
            "Nu öppnar badplatsen vid hamnen!",
            author=(PAGE, "Hjo kommun"),
            item="status",
        ),
        feed(f"{PAGE}_1_1", "Vad bra, när stänger den?"),
        feed(f"{PAGE}_1_2", "Den stänger kl. 20.", author=(PAGE, "Hjo kommun")),
        feed(f"{PAGE}_1_1", "Vad bra, när stänger den på söndagar?", verb="edited"),
        feed(f"{PAGE}_1_3", "Fel tråd, ursäkta", author=("fb-9", "Berit")),
        feed(f"{PAGE}_1_3", "", verb="remove", author=("fb-9", "Berit")),
        feed(f"{PAGE}_1_4", SECRET_TEXT, author=("fb-10", "Förälder Fredriksson")),
        feed(f"{PAGE}_1_5", "Ring mig på 070-123 45 67, idiot", author=("fb-11", "Troll")),
    ]
    for event in events:
        assert await deliver(bot, event) == 200
    await processed(bot, len(events))
    [case] = rows(bot, FlaggedCase)
    await bot.connector.wait_for(lambda: any(c.body.get("attachments") for c in bot.connector.sent))
    card_id = next(c.returned_id for c in bot.connector.sent if c.body.get("attachments"))
    await bot.invoke(ANNA, "remove", {"case": case.id, "category": "sekretess"}, card_id)
    await bot.invoke(ANNA, "confirm_removed", {"case": case.id}, card_id)


def text_of(pdf: bytes) -> str:
    """The PDF's text as a reader gets it; table cells wrap, so whitespace is collapsed."""
    pages = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    return " ".join(pages.split())


def link(reply: str) -> str:
    """The signed download link in a document command's reply."""
    return reply.split("](", 1)[1].split(")", 1)[0]


def quoted_sha256(reply: str) -> str:
    """The SHA-256 the reply gives for the document (the link's signature is hex too)."""
    [digest] = re.findall(r"\b[0-9a-f]{64}\b", reply.replace(link(reply), ""))
    return digest


async def fetch(bot: RunningBot, url: str, content_type: str = "application/pdf") -> bytes:
    async with bot.http.get(url) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == content_type
        return await response.read()


async def download(bot: RunningBot, reply: str) -> bytes:
    return await fetch(bot, link(reply))
