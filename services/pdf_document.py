"""How the bot writes a PDF: one look for printouts, evidence packages and archive copies, and
PDF/A-2b (ISO 19005-2, level B) for all of them, since any of them may end up in
kommunarkivet or the diarium, where a file must still render the same in decades.

The fonts are Bitstream Vera, shipped with reportlab and embedded (subset) in every file; even
the canvas's initial font is Vera, so no standard font that is not embedded is ever named.
PDF/A then adds what reportlab does not write: an XMP metadata stream that declares the part
and level and repeats the document information, and an output intent that says which colour
space DeviceRGB means (sRGB, the profile littleCMS builds through Pillow, so no file is
shipped)."""

from io import BytesIO
from pathlib import Path

import pikepdf
import reportlab
from PIL import ImageCms
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, SimpleDocTemplate

PDFA_PART = "2"
PDFA_CONFORMANCE = "B"
SRGB = "sRGB IEC61966-2.1"
_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()

_FONTS = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(_FONTS / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(_FONTS / "VeraBd.ttf")))

BODY = ParagraphStyle("body", fontName="Vera", fontSize=8, leading=10)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Vera-Bold")
TITLE = ParagraphStyle("title", fontName="Vera-Bold", fontSize=14, leading=18)
NOTE = ParagraphStyle("note", parent=BODY, fontSize=9, leading=12)
MARGIN = 12 * mm


def build_pdf(
    story: list[Flowable],
    *,
    pagesize: tuple[float, float],
    title: str,
    author: str,
    subject: str,
) -> bytes:
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        creator="Modbot",
        initialFontName="Vera",
    )
    document.build(story)
    return as_pdfa(buffer.getvalue())


def as_pdfa(data: bytes) -> bytes:
    with pikepdf.open(BytesIO(data)) as pdf:
        if "/Trapped" in pdf.docinfo:
            del pdf.docinfo["/Trapped"]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as metadata:
            metadata.load_from_docinfo(pdf.docinfo)
            metadata["pdfaid:part"] = PDFA_PART
            metadata["pdfaid:conformance"] = PDFA_CONFORMANCE
        profile = pdf.make_stream(_ICC)
        profile.N = 3
        pdf.Root.OutputIntents = pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.OutputIntent,
                    S=pikepdf.Name.GTS_PDFA1,
                    OutputConditionIdentifier=SRGB,
                    Info=SRGB,
                    DestOutputProfile=profile,
                )
            ]
        )
        out = BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
