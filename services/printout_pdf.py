"""The printout as a PDF: A4 landscape, one table row per item in thread order, fonts embedded
(Bitstream Vera, shipped with reportlab) so the file reads the same anywhere. A secret item's
author and text are never written into the file: the reason stands in their place."""

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from routine.records import Item, Status
from services.pdf_document import BODY, BOLD, NOTE, TITLE, build_pdf
from services.printout import PrintoutContent
from texts import moment, t

_ROWS_PER_TABLE = 50
"""reportlab splits a long table across pages in time that grows faster than its rows; tables
of 50 rows, each with the header, keep a month of 5,000 items to seconds."""
_TABLE_STYLE = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), BODY.fontName, BODY.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
    ]
)
_WIDTHS = [28 * mm, 24 * mm, 35 * mm, 119 * mm, 30 * mm, 41 * mm]


def render_printout(content: PrintoutContent, language: str = "sv") -> bytes:
    account = content.account
    title = t(language, "printout_title", account=account.name)
    platform = t(language, f"platform_{account.platform}")
    purpose = "printout_for_archive" if content.for_archive else "printout_for_release"
    story: list[Flowable] = [
        Paragraph(escape(title), TITLE),
        Paragraph(
            escape(
                t(
                    language,
                    "printout_header",
                    platform=platform,
                    url=account.url,
                    first=content.first,
                    last=content.last,
                    by=content.made_by,
                    at=content.made_at,
                    count=len(content.items),
                )
            ),
            NOTE,
        ),
        Paragraph(escape(t(language, purpose)), NOTE),
        Spacer(1, 4 * mm),
    ]
    header = [
        Paragraph(escape(t(language, key)), BOLD)
        for key in (
            "printout_col_time",
            "printout_col_origin",
            "printout_col_author",
            "printout_col_text",
            "printout_col_status",
            "printout_col_decision",
        )
    ]
    rows = [_row(item, language) for item in content.items]
    if not rows:
        rows.append([Paragraph(escape(t(language, "printout_empty")), BODY), "", "", "", "", ""])
    for start in range(0, len(rows), _ROWS_PER_TABLE):
        table = Table(
            [header, *rows[start : start + _ROWS_PER_TABLE]], colWidths=_WIDTHS, repeatRows=1
        )
        table.setStyle(_TABLE_STYLE)
        story.append(table)
    return build_pdf(
        story,
        pagesize=landscape(A4),
        title=title,
        author=content.made_by,
        subject=t(language, "printout_period", first=content.first, last=content.last),
    )


def _row(item: Item, language: str) -> list[Paragraph]:
    origin = t(language, f"printout_origin_{item.origin}")
    if item.is_post:
        origin = f"{origin} ({t(language, 'printout_post')})"
    written = f"{moment(item.written_at)}<br/>{escape(item.comment_id)}"
    if item.secret_reason:
        withheld = escape(t(language, "printout_withheld", reason=item.secret_reason))
        author = text = f"<i>{withheld}</i>"
    else:
        author = escape(item.author)
        text = _text_with_edits(item, language)
    status = t(language, f"printout_status_{item.status.value}")
    if item.status is Status.REMOVED_BY_MUNICIPALITY and item.diarium_number:
        status = f"{status} – {item.diarium_number}"
    decision = ""
    if item.decision:
        decision = t(
            language,
            f"printout_decision_{item.decision}",
            name=item.decided_by,
            at=item.decided_at,
        )
        if item.diarium_number:
            decision = f"{decision} ({item.diarium_number})"
        if item.synpunkt_reference:
            decision = t(
                language,
                "printout_synpunkt_reference",
                decision=decision,
                reference=item.synpunkt_reference,
            )
    return [
        Paragraph(written, BODY),
        Paragraph(escape(origin), BODY),
        Paragraph(author, BODY),
        Paragraph(text, BODY),
        Paragraph(escape(status), BODY),
        Paragraph(escape(decision), BODY),
    ]


def _text_with_edits(item: Item, language: str) -> str:
    shown = escape(item.text).replace("\n", "<br/>")
    for replaced_at, earlier in item.earlier_texts:
        label = escape(t(language, "printout_earlier", at=replaced_at))
        shown += f"<br/><font color='#555555'>{label} {escape(earlier)}</font>"
    return shown
