"""Archival PDFs are PDF/A-2b; the check that says so must also say no to a plain PDF."""

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from services.pdf_document import BODY, build_pdf
from tests.pdfa_rules import pdfa_problems


def test_the_bots_pdfs_are_pdfa_2b() -> None:
    data = build_pdf(
        [Paragraph("Åtgärdat: kommentaren är borttagen", BODY)],
        pagesize=A4,
        title="Bevispaket SM-2026-0001",
        author="Anna Andersson",
        subject="Ärende 1",
    )
    assert pdfa_problems(data) == []


def test_the_pdfa_check_refuses_a_plain_pdf() -> None:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawString(100, 700, "Helvetica, inte inbäddad")
    canvas.save()
    problems = " ".join(pdfa_problems(buffer.getvalue()))
    assert "6.6.2: no XMP metadata" in problems
    assert "6.2.3" in problems
    assert "6.2.11.4" in problems
