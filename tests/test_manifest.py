"""The Teams app package: its manifest validates against the official Teams schema (v1.23)."""

import json
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from PIL import Image

from bot.app_package import MANIFEST_FOLDER, AppDetails, build_package
from bot.cli import main
from bot.commands import COMMANDS
from tests.schemas import SCHEMAS

BOT_ID = "00000000-0000-0000-0000-000000000001"
DETAILS = AppDetails(
    bot_id=BOT_ID,
    public_url="https://modbot.hjo.se",
    privacy_url="https://www.hjo.se/personuppgifter",
    terms_url="https://www.hjo.se/villkor",
    publisher="Hjo kommun",
    website_url="https://www.hjo.se",
)


def _schema_errors(manifest: dict) -> list[str]:
    schema = json.loads((SCHEMAS / "teams-manifest-1.23.schema.json").read_text(encoding="utf-8"))
    return [f"{list(e.path)}: {e.message}" for e in Draft7Validator(schema).iter_errors(manifest)]


def test_the_package_holds_a_valid_manifest_and_both_icons(tmp_path: Path) -> None:
    package = build_package(DETAILS, tmp_path / "modbot.zip")
    with zipfile.ZipFile(package) as opened:
        assert sorted(opened.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(opened.read("manifest.json"))
    assert not _schema_errors(manifest)
    assert manifest["id"] == manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["validDomains"] == ["modbot.hjo.se"]
    assert manifest["developer"]["privacyUrl"] == "https://www.hjo.se/personuppgifter"
    assert manifest["developer"]["termsOfUseUrl"] == "https://www.hjo.se/villkor"
    assert manifest["bots"][0]["scopes"] == ["team", "personal", "groupChat"]
    titles = [c["title"] for c in manifest["bots"][0]["commandLists"][0]["commands"]]
    assert titles[:3] == ["hjälp", "nytt konto", "koppla"]


def test_icons_have_the_sizes_teams_requires() -> None:
    assert Image.open(MANIFEST_FOLDER / "color.png").size == (192, 192)
    outline = Image.open(MANIFEST_FOLDER / "outline.png")
    assert outline.size == (32, 32)
    assert outline.mode == "RGBA"


def test_the_package_command_needs_a_bot_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("MODBOT_APP_ID", raising=False)
    assert main(["package", "--out", str(tmp_path / "x.zip")]) == 2
    assert "MODBOT_APP_ID" in capsys.readouterr().err


def test_the_package_command_builds_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODBOT_APP_ID", BOT_ID)
    monkeypatch.setenv("MODBOT_PUBLIC_URL", "https://modbot.hjo.se")
    monkeypatch.setenv("MODBOT_PRIVACY_URL", "https://www.hjo.se/personuppgifter")
    monkeypatch.setenv("MODBOT_TERMS_URL", "https://www.hjo.se/villkor")
    target = tmp_path / "modbot.zip"
    assert main(["package", "--out", str(target)]) == 0
    with zipfile.ZipFile(target) as opened:
        assert json.loads(opened.read("manifest.json"))["id"] == BOT_ID


def test_every_command_in_the_manifest_is_one_the_bot_knows() -> None:
    manifest = json.loads((MANIFEST_FOLDER / "manifest.template.json").read_text(encoding="utf-8"))
    titles = [
        command["title"]
        for listed in manifest["bots"][0]["commandLists"]
        for command in listed["commands"]
    ]
    assert titles
    assert all(title.split()[0] in COMMANDS for title in titles), titles
