"""The PDF/A-2b rules (ISO 19005-2) that a file made by our renderer could break, checked by
reading the file back. Not a full validator (veraPDF is not reachable from here): the README
says why these rules are the ones that matter for what we write."""

import struct
from io import BytesIO

import pikepdf

_FORBIDDEN_ACTIONS = {"/Launch", "/JavaScript", "/ImportData", "/ResetForm", "/Sound", "/Movie"}
_DOC_TO_XMP = {
    "/Title": "dc:title",
    "/Author": "dc:creator",
    "/Subject": "dc:description",
    "/Creator": "xmp:CreatorTool",
    "/Producer": "pdf:Producer",
}


def pdfa_problems(data: bytes) -> list[str]:
    problems: list[str] = []
    if not data.startswith(b"%PDF-1.") or data[7:8] not in b"01234567":
        problems.append("6.1.2: header is not %PDF-1.n")
    if not all(byte > 127 for byte in data.split(b"\n", 2)[1][1:5]):
        problems.append("6.1.2: no binary comment after the header")
    with pikepdf.open(BytesIO(data)) as pdf:
        if pdf.is_encrypted:
            problems.append("6.1.3: encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("6.1.3: no file identifier in the trailer")
        problems += _metadata_problems(pdf)
        problems += _output_intent_problems(pdf)
        if "/Names" in pdf.Root and (
            "/JavaScript" in pdf.Root.Names or "/EmbeddedFiles" in pdf.Root.Names
        ):
            problems.append("6.6/6.8: JavaScript or embedded files")
        if "/OpenAction" in pdf.Root or "/AA" in pdf.Root:
            problems.append("6.6.1: document actions")
        for number, page in enumerate(pdf.pages, start=1):
            problems += [f"page {number}: {p}" for p in _page_problems(page)]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                filters = obj.get("/Filter")
                names = (
                    [str(f) for f in filters]
                    if isinstance(filters, pikepdf.Array)
                    else [str(filters)]
                )
                if "/LZWDecode" in names:
                    problems.append("6.1.7: LZW-compressed stream")
                if "/F" in obj:
                    problems.append("6.1.7: stream refers to an external file")
    return problems


def _metadata_problems(pdf: pikepdf.Pdf) -> list[str]:
    if "/Metadata" not in pdf.Root:
        return ["6.6.2: no XMP metadata"]
    problems = []
    if "/Filter" in pdf.Root.Metadata:
        problems.append("6.6.2: metadata stream is filtered")
    metadata = pdf.open_metadata()
    if metadata.get("pdfaid:part") != "2" or metadata.get("pdfaid:conformance") != "B":
        problems.append("6.6.4: XMP does not declare PDF/A-2B")
    for key, prop in _DOC_TO_XMP.items():
        if key not in pdf.docinfo:
            continue
        shown = metadata.get(prop)
        shown = shown[0] if isinstance(shown, list) else shown
        if shown != str(pdf.docinfo[key]):
            problems.append(f"6.6.3: {key} differs from {prop}")
    return problems


def _output_intent_problems(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return ["6.2.3: not exactly one GTS_PDFA1 output intent"]
    profile = intents[0].get("/DestOutputProfile")
    if profile is None or int(profile.get("/N", 0)) != 3:
        return ["6.2.3: output intent has no RGB ICC profile"]
    icc = profile.read_bytes()
    if icc[36:40] != b"acsp" or icc[16:20] != b"RGB ":
        return ["6.2.3: output intent's profile is not an RGB ICC profile"]
    return []


def _page_problems(page: pikepdf.Page) -> list[str]:
    problems = []
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    for name, font in resources.get("/Font", pikepdf.Dictionary()).items():
        problems += [f"font {name}: {p}" for p in _font_problems(font)]
    for name, xobject in resources.get("/XObject", pikepdf.Dictionary()).items():
        if xobject.get("/Subtype") == "/Image":
            if xobject.get("/Interpolate", False):
                problems.append(f"6.2.8: image {name} asks for interpolation")
            if "/Alternates" in xobject or "/OPI" in xobject:
                problems.append(f"6.2.8: image {name} has alternates or OPI")
        elif xobject.get("/Subtype") == "/Form":
            problems.append(f"form {name}: not checked by these rules")
    for annotation in page.obj.get("/Annots", []):
        action = annotation.get("/A", pikepdf.Dictionary())
        if str(action.get("/S", "")) in _FORBIDDEN_ACTIONS:
            problems.append("6.6.1: forbidden action in an annotation")
        if int(annotation.get("/F", 0)) & 4 == 0:
            problems.append("6.3.2: annotation not set to print")
    if "/AA" in page.obj:
        problems.append("6.6.2: page actions")
    return problems


def _font_problems(font: pikepdf.Object) -> list[str]:
    descriptor = font.get("/FontDescriptor")
    if font.get("/Subtype") == "/Type0":
        descriptor = font.DescendantFonts[0].get("/FontDescriptor")
    if descriptor is None:
        return ["6.2.11.4: not embedded (no font descriptor)"]
    programs = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor]
    if not programs:
        return ["6.2.11.4: font program not embedded"]
    problems = []
    if font.get("/Subtype") == "/TrueType":
        symbolic = int(descriptor.get("/Flags", 0)) & 4
        if symbolic:
            if "/Encoding" in font:
                problems.append("6.2.11.6: symbolic TrueType font has an Encoding")
            tables = _cmap_subtables(descriptor.FontFile2.read_bytes())
            if len(tables) != 1 and (3, 0) not in tables:
                problems.append("6.2.11.6: symbolic TrueType cmap is ambiguous")
        elif font.get("/Encoding") not in ("/WinAnsiEncoding", "/MacRomanEncoding"):
            problems.append("6.2.11.6: non-symbolic TrueType font without a standard encoding")
    return problems


def _cmap_subtables(program: bytes) -> list[tuple[int, int]]:
    (count,) = struct.unpack(">H", program[4:6])
    for index in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", program[12 + 16 * index : 28 + 16 * index])
        if tag == b"cmap":
            (subtables,) = struct.unpack(">H", program[offset + 2 : offset + 4])
            return [
                struct.unpack(">HH", program[offset + 4 + 8 * i : offset + 8 + 8 * i])
                for i in range(subtables)
            ]
    return []
