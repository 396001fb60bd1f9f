"""Section 6: "skärmdump" of the comment as it appeared, rendered from what the flag carried.

Rendering from the captured data (not from the live platform) means the picture shows the
comment as it was when flagged, even if the author edits or deletes it a second later.
"""

import io
import textwrap
import unicodedata
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
_MAX_BODY_LINES = 400
_HEADER_CHARS = 200
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


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


def visible(text: str, limit: int | None = None) -> str:
    """Control, format and separator characters become a visible `[U+2029]`: the text layout
    cannot stumble on them, and the picture shows that the comment carried them (a
    right-to-left override, say). The received data keeps them byte-exact."""
    shown = "".join(
        f"[U+{ord(char):04X}]" if unicodedata.category(char) in _INVISIBLE else char
        for char in text[:limit]
    )
    return shown if limit is None or len(text) <= limit else shown + " […]"


def body_lines(text: str) -> list[str]:
    """Only a line feed breaks a line; a text longer than a picture can hold is cut with a
    line that says how much is left out."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        lines.extend(textwrap.wrap(visible(paragraph), _CHARS_PER_LINE) or [""])
        if len(lines) > _MAX_BODY_LINES:
            break
    if len(lines) > _MAX_BODY_LINES:
        cut = f"[… texten fortsätter: se mottagna data, {len(text)} tecken i allt]"
        return [*lines[:_MAX_BODY_LINES], cut]
    return lines


def render_png(snapshot: CommentSnapshot) -> bytes:
    header = [
        visible(f"{snapshot.platform.capitalize()} · {snapshot.account}", _HEADER_CHARS),
        visible(f"Inlägg: {snapshot.post_id or '–'}  ·  {snapshot.permalink}", _HEADER_CHARS),
        visible(f"{snapshot.author_name} (id {snapshot.author_id})", _HEADER_CHARS),
        f"Skriven {local(snapshot.created_at):%Y-%m-%d %H:%M:%S %Z}",
    ]
    body = body_lines(snapshot.text)
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
