"""The evidence package as a PDF/A file (A4 portrait): facts first, then each saved picture as
it was registered, then the received data as text."""

from collections.abc import Callable
from io import BytesIO
from xml.sax.saxutils import escape

from PIL import Image as PilImage
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table

from services.evidence_package import PackageContent, SavedFile
from services.pdf_document import BODY, BOLD, MARGIN, NOTE, TITLE, build_pdf
from texts import exact_moment as exact
from texts import t

_WIDTH = A4[0] - 2 * MARGIN
_MAX_IMAGE_HEIGHT = 150 * mm
_MAX_RAW_CHARACTERS = 8000

Say = Callable[..., str]


def render_package(content: PackageContent, language: str = "sv") -> bytes:
    case, decision, account = content.case, content.decision, content.account
    number = decision.diarium_number or ""
    title = t(language, "package_title", number=number)

    def say(key: str, **params: object) -> str:
        return t(language, key, **params)

    story: list[Flowable] = [
        Paragraph(escape(title), TITLE),
        Paragraph(
            escape(
                say(
                    "package_header",
                    platform=say(f"platform_{account.platform}"),
                    account=account.name,
                    url=account.url,
                    at=content.made_at,
                    by=content.made_by,
                    number=number,
                )
            ),
            NOTE,
        ),
        Spacer(1, 4 * mm),
        _facts(
            say("package_comment"),
            [
                (say("package_comment_id"), case.platform_comment_id),
                (say("package_post_id"), case.post_id or "–"),
                (say("package_link"), case.permalink),
                (say("package_written"), exact(case.comment_created_at)),
                (say("package_received"), exact(case.received_at)),
                (say("package_text"), case.text),
            ],
        ),
        _facts(
            say("package_sender"),
            [
                (say("package_sender_name"), case.author_name),
                (say("package_sender_id"), case.author_id),
            ],
        ),
        _facts(say("package_decision"), _decision_facts(content, say)),
        _files_table(content.files, say),
    ]
    for saved in content.files:
        story += _picture(saved, say) + _received_data(saved, say)
    return build_pdf(
        story,
        pagesize=A4,
        title=title,
        author=content.made_by,
        subject=say("package_subject", account=account.name, comment=case.platform_comment_id),
    )


def _decision_facts(content: PackageContent, say: Say) -> list[tuple[str, str]]:
    decision, case = content.decision, content.case
    kind = say("package_decision_remove")
    if decision.category:
        kind = f"{kind} – {say(f'category_{decision.category}')}"
    facts = [
        (say("package_decision_kind"), kind),
        (say("package_decided"), f"{decision.decided_by_name}, {exact(decision.decided_at)}"),
        (say("package_note"), decision.note or "–"),
        (say("package_flagged"), f"{case.flagged_by or '–'}: {case.reason or '–'}"),
    ]
    if decision.removed_on_platform_at is not None:
        removed = f"{exact(decision.removed_on_platform_at)}, {decision.removal_confirmed_by_name}"
        if decision.platform_answer:
            removed += f" ({say('package_platform_answer', answer=decision.platform_answer)})"
    else:
        removed = say("package_not_removed_yet")
    facts.append((say("package_removed"), removed))
    return facts


def _facts(heading: str, rows: list[tuple[str, str]]) -> Flowable:
    table = Table(
        [[Paragraph(escape(heading), BOLD), ""]]
        + [
            [Paragraph(escape(label), BODY), Paragraph(_lines(value), BODY)]
            for label, value in rows
        ],
        colWidths=[40 * mm, _WIDTH - 40 * mm],
        spaceAfter=4 * mm,
    )
    table.setStyle(_grid() + [("SPAN", (0, 0), (-1, 0))])
    return table


def _files_table(files: list[SavedFile], say: Say) -> Flowable:
    header = [
        Paragraph(escape(say(key)), BOLD)
        for key in (
            "package_file",
            "package_file_saved",
            "package_file_bytes",
            "package_file_sha256",
            "package_file_check",
        )
    ]
    rows: list[list[Flowable | str]] = [header]
    for saved in files:
        evidence = saved.evidence
        name = f"{say(f'evidence_kind_{evidence.kind}')}<br/>{escape(evidence.file_name)}"
        rows.append(
            [
                Paragraph(name, BODY),
                Paragraph(escape(f"{exact(evidence.captured_at)}, {evidence.added_by_name}"), BODY),
                Paragraph(str(evidence.size), BODY),
                Paragraph(evidence.sha256, BODY),
                Paragraph(escape(say(f"package_file_{saved.state}")), BODY),
            ]
        )
    table = Table(rows, colWidths=[50 * mm, 34 * mm, 16 * mm, 64 * mm, _WIDTH - 164 * mm])
    table.setStyle(_grid() + [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))])
    return table


def _picture(saved: SavedFile, say: Say) -> list[Flowable]:
    evidence = saved.evidence
    if saved.data is None or not evidence.content_type.startswith("image/"):
        return []
    try:
        with PilImage.open(BytesIO(saved.data)) as image:
            width, height = image.size
    except (OSError, ValueError):
        return []
    scale = min(_WIDTH / width, _MAX_IMAGE_HEIGHT / height, 1.0)
    caption = say(
        "package_picture",
        kind=say(f"evidence_kind_{evidence.kind}"),
        at=exact(evidence.captured_at),
        sha256=evidence.sha256,
    )
    return [
        Spacer(1, 6 * mm),
        Paragraph(escape(caption), NOTE),
        Image(BytesIO(saved.data), width * scale, height * scale, hAlign="LEFT"),
    ]


def _received_data(saved: SavedFile, say: Say) -> list[Flowable]:
    if saved.data is None or saved.evidence.content_type != "application/json":
        return []
    shown = saved.data.decode("utf-8", "replace")
    if len(shown) > _MAX_RAW_CHARACTERS:
        shown = shown[:_MAX_RAW_CHARACTERS] + " " + say("package_raw_cut")
    return [
        Spacer(1, 6 * mm),
        Paragraph(escape(say("package_raw", sha256=saved.evidence.sha256)), NOTE),
        Paragraph(_lines(shown), BODY),
    ]


def _lines(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def _grid() -> list[tuple[object, ...]]:
    return [
        ("FONT", (0, 0), (-1, -1), BODY.fontName, BODY.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
    ]
