"""Section 4: the half-year package for kommunarkivet: the complete archive copy (PDF/A),
the evidence files and a manifest with every file's SHA-256, checked here with an independent
BagIt validator, not with our own code."""

import hashlib
import zipfile
from io import BytesIO
from pathlib import Path

import bagit
import pytest

from bot.cli import main
from storage.models import AuditEvent, Evidence
from tests.conftest import RunningBot
from tests.e2e.platform_helpers import PAGE, rows
from tests.e2e.records.helpers import (
    SECRET_TEXT,
    fetch,
    link,
    month_of_records,
    quoted_sha256,
    text_of,
)
from tests.pdfa_rules import pdfa_problems
from tests.teams import ANNA


async def _unpacked(bot: RunningBot, reply: str, into: Path) -> Path:
    data = await fetch(bot, link(reply), "application/zip")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        archive.extractall(into)
    [bag] = into.iterdir()
    return bag


async def test_the_archive_package_is_a_valid_bag_with_the_copy_and_the_evidence(
    bot: RunningBot, tmp_path: Path
) -> None:
    await month_of_records(bot)
    await bot.say(ANNA, f'sekretess "Hjo kommun" {PAGE}_1_4 "21 kap. 1 §"')
    reply = await bot.say(ANNA, 'arkivpaket "Hjo kommun" 2026-11-01 2026-11-30')
    assert "Arkivpaket för Hjo kommun" in reply
    bag_folder = await _unpacked(bot, reply, tmp_path / "mottaget")
    bag = bagit.Bag(str(bag_folder))
    bag.validate()
    data = bag_folder / "data"
    payload = {p.relative_to(bag_folder).as_posix() for p in data.rglob("*") if p.is_file()}
    assert set(bag.payload_entries()) == payload
    copy = (data / "arkivexemplar-2026-11-01-2026-11-30.pdf").read_bytes()
    assert pdfa_problems(copy) == []
    shown = text_of(copy)
    assert "Arkivexemplar" in shown and SECRET_TEXT[:30] in shown
    for evidence in rows(bot, Evidence):
        saved = data / "bevis" / "SM-2026-0001" / Path(evidence.file_name).name
        assert bag.entries[saved.relative_to(bag_folder).as_posix()]["sha256"] == evidence.sha256
    [packaged] = (data / "bevis" / "SM-2026-0001").glob("bevispaket-SM-2026-0001-*.pdf")
    package = packaged.read_bytes()
    assert pdfa_problems(package) == [] and "Troll" in text_of(package)
    index = (data / "bevisforteckning.csv").read_text(encoding="utf-8")
    assert index.count(",ja") == len(rows(bot, Evidence))
    assert "Granskningskedjans-senaste-hash:" in (bag_folder / "bag-info.txt").read_text()
    assert any(e.action == "archive_package_made" for e in rows(bot, AuditEvent))


async def test_a_changed_file_in_the_package_fails_the_archives_check(
    bot: RunningBot, tmp_path: Path
) -> None:
    await month_of_records(bot)
    reply = await bot.say(ANNA, 'arkivpaket "Hjo kommun" 2026-11-01 2026-11-30')
    bag_folder = await _unpacked(bot, reply, tmp_path / "mottaget")
    [screenshot] = (bag_folder / "data" / "bevis").rglob("*.png")
    screenshot.write_bytes(b"ersatt")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(bag_folder)).validate()


async def test_a_quoted_archive_package_never_changes(bot: RunningBot) -> None:
    await month_of_records(bot)
    ask = 'arkivpaket "Hjo kommun" 2026-11-01 2026-11-30'
    first = await bot.say(ANNA, ask)
    await bot.say(ANNA, f'sekretess "Hjo kommun" {PAGE}_1_4 "21 kap. 1 §"')
    newer = await bot.say(ANNA, ask)
    assert quoted_sha256(newer) != quoted_sha256(first)
    for reply in (first, newer):
        data = await fetch(bot, link(reply), "application/zip")
        assert hashlib.sha256(data).hexdigest() == quoted_sha256(reply)


async def test_the_cli_adds_the_start_page(
    bot: RunningBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await month_of_records(bot)
    monkeypatch.setenv("MODBOT_DATABASE_URL", bot.settings.database_url)
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(bot.settings.evidence_dir))
    start_page = tmp_path / "startsida.pdf"
    start_page.write_bytes(b"%PDF-1.7\n% startsidan\n")
    arguments = ["arkivpaket", "Hjo kommun", "2026-11-01", "2026-11-30"]
    assert main([*arguments, "--startsida", str(tmp_path / "saknas.pdf")]) == 2
    assert main([*arguments, "--startsida", str(start_page)]) == 0
    zipped = Path(capsys.readouterr().out.splitlines()[-2])
    with zipfile.ZipFile(zipped) as archive:
        archive.extractall(tmp_path / "ut")
    bag = bagit.Bag(str(tmp_path / "ut" / zipped.stem))
    bag.validate()
    assert "data/startsida.pdf" in bag.payload_entries()
