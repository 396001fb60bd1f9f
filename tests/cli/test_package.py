"""`modbot package` builds only a package Teams would accept: a GUID app id, privacy and
terms-of-use pages from settings, and a manifest valid against the official 1.23 schema."""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from bot.app_package import SCHEMA
from bot.cli import main
from tests.schemas import SCHEMAS

BOT_ID = "6f1c2a4e-3b5d-4e7f-8a9b-0c1d2e3f4a5b"


@pytest.fixture
def package_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODBOT_APP_ID", BOT_ID)
    monkeypatch.setenv("MODBOT_PUBLIC_URL", "https://modbot.hjo.se")
    monkeypatch.setenv("MODBOT_PRIVACY_URL", "https://www.hjo.se/personuppgifter")
    monkeypatch.setenv("MODBOT_TERMS_URL", "https://www.hjo.se/villkor")


def _official_errors(manifest: dict) -> list[str]:
    """Against the test suite's own copy of the official schema, not the bundled one."""
    schema = json.loads((SCHEMAS / "teams-manifest-1.23.schema.json").read_text(encoding="utf-8"))
    return [f"{list(e.path)}: {e.message}" for e in Draft7Validator(schema).iter_errors(manifest)]


@pytest.mark.usefixtures("package_settings")
def test_a_built_package_validates_against_the_teams_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODBOT_MUNICIPALITY_NAME", "Gate kommun")
    monkeypatch.setenv("MODBOT_MUNICIPALITY_WEBSITE", "https://www.gate.se")
    target = tmp_path / "modbot-teams.zip"
    assert main(["package", "--out", str(target)]) == 0
    with zipfile.ZipFile(target) as opened:
        manifest = json.loads(opened.read("manifest.json"))
    assert not _official_errors(manifest)
    assert manifest["id"] == manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["developer"] == {
        "name": "Gate kommun",
        "websiteUrl": "https://www.gate.se",
        "privacyUrl": "https://www.hjo.se/personuppgifter",
        "termsOfUseUrl": "https://www.hjo.se/villkor",
    }
    assert manifest["validDomains"] == ["modbot.hjo.se"]


@pytest.mark.usefixtures("package_settings")
@pytest.mark.parametrize("app_id", ["modbot", "28:6f1c2a4e-3b5d-4e7f-8a9b-0c1d2e3f4a5b", "{x}"])
def test_package_refuses_an_app_id_that_is_not_a_guid(
    app_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_APP_ID", app_id)
    target = tmp_path / "modbot-teams.zip"
    assert main(["package", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert (
        f"MODBOT_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, not {app_id!r}"
        in err
    )
    assert not target.exists()


@pytest.mark.usefixtures("package_settings")
def test_package_refuses_without_privacy_and_terms_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("MODBOT_PRIVACY_URL")
    monkeypatch.setenv("MODBOT_TERMS_URL", "http://www.hjo.se/villkor")
    target = tmp_path / "modbot-teams.zip"
    assert main(["package", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "modbot: MODBOT_PRIVACY_URL must be the app's privacy statement (https://…)\n" in err
    assert "MODBOT_TERMS_URL must be the app's terms of use (https://…), not 'http://" in err
    assert "www.hjo.se" not in err.split("MODBOT_PRIVACY_URL", 1)[1].split("\n", 1)[0]
    assert not target.exists()


@pytest.mark.usefixtures("package_settings")
def test_package_refuses_a_public_url_teams_cannot_reach(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("MODBOT_PUBLIC_URL")
    assert main(["package", "--out", str(tmp_path / "x.zip")]) == 2
    assert "MODBOT_PUBLIC_URL must be the bot's public https:// address" in capsys.readouterr().err


@pytest.mark.usefixtures("package_settings")
def test_package_refuses_a_manifest_the_teams_schema_rejects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The publisher's name is at most 32 characters in Teams."""
    monkeypatch.setenv("MODBOT_MUNICIPALITY_NAME", "Samordningsförbundet Skaraborgs kommuner")
    target = tmp_path / "modbot-teams.zip"
    target.write_bytes(b"an earlier package")
    assert main(["package", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "not valid against the Teams 1.23 schema: developer/name:" in err
    assert "is too long" in err
    assert target.read_bytes() == b"an earlier package"
    assert [p.name for p in tmp_path.iterdir() if p.name != "modbot.db"] == ["modbot-teams.zip"]


def test_the_bundled_schema_is_the_official_copy() -> None:
    bundled = hashlib.sha256(SCHEMA.read_bytes()).hexdigest()
    official = SCHEMAS / "teams-manifest-1.23.schema.json"
    assert bundled == hashlib.sha256(official.read_bytes()).hexdigest()
    assert bundled in (SCHEMAS / "README.md").read_text(encoding="utf-8")
