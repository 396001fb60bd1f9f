"""The Teams app package: manifest.json (from manifest/manifest.template.json, with this
installation's bot id, domain, publisher and privacy and terms-of-use pages) and the two icons,
zipped for upload to Teams.

Nothing is written unless the manifest is valid against the official Teams 1.23 schema
(bot/schemas), so a package Teams would refuse at upload is refused here, with the reason."""

import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jsonschema import Draft7Validator

MANIFEST_FOLDER = Path(__file__).resolve().parents[1] / "manifest"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "teams-manifest-1.23.schema.json"
ICONS = ("color.png", "outline.png")
GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
SHOWN_SCHEMA_ERRORS = 5


class PackageRefused(ValueError):
    """Why the package was not built: one line per problem, each naming what to fix."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class AppDetails:
    """What the manifest says about this installation (from MODBOT_* settings)."""

    bot_id: str
    public_url: str
    privacy_url: str
    terms_url: str
    publisher: str
    website_url: str


def problems(details: AppDetails) -> list[str]:
    """What stops a package for these details, before any manifest is made."""
    found = []
    if not details.bot_id:
        found.append("MODBOT_APP_ID is needed for the app package (the bot's Microsoft App ID)")
    elif not GUID.fullmatch(details.bot_id):
        found.append(
            f"MODBOT_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, "
            f"not {details.bot_id!r}"
        )
    for variable, url, what in (
        ("MODBOT_PUBLIC_URL", details.public_url, "the bot's public https:// address"),
        ("MODBOT_PRIVACY_URL", details.privacy_url, "the app's privacy statement (https://…)"),
        ("MODBOT_TERMS_URL", details.terms_url, "the app's terms of use (https://…)"),
    ):
        if not _https(url):
            given = f", not {url!r}" if url else ""
            found.append(f"{variable} must be {what}{given}")
    if not _https(details.website_url):
        found.append(
            f"MODBOT_MUNICIPALITY_WEBSITE must be an https:// address, not {details.website_url!r}"
        )
    return found


def manifest(details: AppDetails) -> dict[str, Any]:
    """The manifest for these details; PackageRefused when they cannot make a valid one."""
    refused = problems(details)
    if refused:
        raise PackageRefused(refused)
    content: dict[str, Any] = json.loads(
        (MANIFEST_FOLDER / "manifest.template.json").read_text(encoding="utf-8")
    )
    content["id"] = details.bot_id
    for bot in content["bots"]:
        bot["botId"] = details.bot_id
    content["developer"].update(
        name=details.publisher,
        websiteUrl=details.website_url,
        privacyUrl=details.privacy_url,
        termsOfUseUrl=details.terms_url,
    )
    content["validDomains"] = [urlparse(details.public_url).hostname]
    return content


def schema_errors(content: dict[str, Any]) -> list[str]:
    """Each place the manifest breaks the Teams 1.23 schema, as `path: message`."""
    errors = sorted(_validator().iter_errors(content), key=lambda error: list(error.path))
    return [
        f"{'/'.join(str(p) for p in error.path) or '(top)'}: {error.message}" for error in errors
    ]


def build_package(details: AppDetails, target: Path) -> Path:
    """Validates, then writes the zip (whole or not at all: an earlier file at `target` is
    replaced only by a complete package)."""
    content = manifest(details)
    errors = schema_errors(content)
    if errors:
        shown = errors[:SHOWN_SCHEMA_ERRORS]
        more = len(errors) - len(shown)
        raise PackageRefused(
            [
                f"manifest.json is not valid against the Teams 1.23 schema: {error}"
                for error in shown
            ]
            + ([f"… and {more} more schema errors"] if more else [])
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as package:
            package.writestr("manifest.json", json.dumps(content, ensure_ascii=False, indent=2))
            for icon in ICONS:
                package.write(MANIFEST_FOLDER / icon, icon)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target


@cache
def _validator() -> Draft7Validator:
    """The schema declares draft-04 but uses `const`, so draft 7 reads it as meant (see
    tests/data/schemas/README.md); check_schema() is not called: one Office add-in pattern
    uses `\\p{L}`, which Python's re cannot compile, and no Teams manifest reaches it."""
    return Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _https(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme == "https" and bool(parsed.hostname)
