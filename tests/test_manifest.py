"""The Teams app manifest validates against the official Teams manifest schema (v1.23)."""

import json
from pathlib import Path

from jsonschema import Draft7Validator
from PIL import Image

from tests.schemas import SCHEMAS

MANIFEST = Path(__file__).resolve().parents[1] / "manifest"


def _filled() -> dict:
    text = (MANIFEST / "manifest.template.json").read_text(encoding="utf-8")
    text = text.replace("{{BOT_ID}}", "00000000-0000-0000-0000-000000000001")
    return json.loads(text.replace("{{DOMAIN}}", "modbot.hjo.se"))


def test_manifest_validates_against_the_teams_schema() -> None:
    schema = json.loads((SCHEMAS / "teams-manifest-1.23.schema.json").read_text(encoding="utf-8"))
    errors = list(Draft7Validator(schema).iter_errors(_filled()))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_icons_have_the_sizes_teams_requires() -> None:
    assert Image.open(MANIFEST / "color.png").size == (192, 192)
    outline = Image.open(MANIFEST / "outline.png")
    assert outline.size == (32, 32)
    assert outline.mode == "RGBA"
