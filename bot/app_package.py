"""The Teams app package: manifest.json (from manifest/manifest.template.json, with this
installation's bot id and domain) and the two icons, zipped for upload to Teams."""

import json
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

MANIFEST_FOLDER = Path(__file__).resolve().parents[1] / "manifest"
ICONS = ("color.png", "outline.png")


def manifest(bot_id: str, public_url: str) -> dict[str, Any]:
    domain = urlparse(public_url).hostname
    if not bot_id or not domain:
        raise ValueError("MODBOT_APP_ID and MODBOT_PUBLIC_URL are needed for the app package")
    content: dict[str, Any] = json.loads(
        (MANIFEST_FOLDER / "manifest.template.json").read_text(encoding="utf-8")
    )
    content["id"] = bot_id
    for bot in content["bots"]:
        bot["botId"] = bot_id
    content["validDomains"] = [domain]
    return content


def build_package(bot_id: str, public_url: str, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "manifest.json", json.dumps(manifest(bot_id, public_url), ensure_ascii=False, indent=2)
        )
        for icon in ICONS:
            package.write(MANIFEST_FOLDER / icon, icon)
    return target
