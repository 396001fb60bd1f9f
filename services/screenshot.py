"""Section 6: "skärmdump" of the comment as it appeared, rendered from what the flag carried.

Rendering from the captured data (not from the live platform) means the picture shows the
comment as it was when flagged, even if the author edits or deletes it a second later.
"""

import io
import textwrap
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib.resources import files

from PIL import Image, ImageDraw, ImageFont

from routine.deadlines import local

_WIDTH = 1000
_MARGIN = 32
_LINE = 26
_CHARS_PER_LINE = 88


@dataclass(frozen=True)
class CommentSnapshot:
    platform: str
    account: str
    permalink: str
    post_id: str | None
    author_name: str
    author_id: str
    created_at: datetime
    captured_at: datetime
    text: str


@lru_cache(maxsize=2)
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    name = "SourceSansPro-Bold.ttf" if bold else "SourceSansPro-Regular.ttf"
    path = files("font_source_sans_pro").joinpath("files", name)
    return ImageFont.truetype(str(path), 19)


def render_png(snapshot: CommentSnapshot) -> bytes:
    header = [
        f"{snapshot.platform.capitalize()} · {snapshot.account}",
        f"Inlägg: {snapshot.post_id or '–'}  ·  {snapshot.permalink}",
        f"{snapshot.author_name} (id {snapshot.author_id})",
        f"Skriven {local(snapshot.created_at):%Y-%m-%d %H:%M:%S %Z}",
    ]
    body: list[str] = []
    for paragraph in snapshot.text.splitlines() or [""]:
        body.extend(textwrap.wrap(paragraph, _CHARS_PER_LINE, break_long_words=True) or [""])
    footer = f"Sparad av Modbot {local(snapshot.captured_at):%Y-%m-%d %H:%M:%S %Z}"
    height = _MARGIN * 3 + _LINE * (len(header) + len(body) + 2)
    image = Image.new("L", (_WIDTH, height), 255)
    draw = ImageDraw.Draw(image)
    y = _MARGIN
    for index, line in enumerate(header):
        draw.text((_MARGIN, y), line, font=_font(index in (0, 2)), fill=31)
        y += _LINE
    y += _MARGIN // 2
    draw.line((_MARGIN, y, _WIDTH - _MARGIN, y), fill=200, width=1)
    y += _MARGIN // 2
    for line in body:
        draw.text((_MARGIN, y), line, font=_font(False), fill=0)
        y += _LINE
    y += _LINE
    draw.text((_MARGIN, y), footer, font=_font(False), fill=102)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()
