"""Section 4: the half-year package for kommunarkivet, one account and one period.

The package is a BagIt bag (RFC 8493) in a zip: `data/` holds the complete archive copy of
the period (PDF/A, nothing withheld), every evidence file of the period's cases, each removed
comment's evidence package and, when the officer gives it, the start page's PDF;
`manifest-sha256.txt` lists every one of them with its SHA-256 in the format `sha256sum -c`
reads, so the archive can check the delivery with tools of its own, not ours. `bag-info.txt`
names the account, the period and the audit chain's head hash at packing time."""

import csv
import hashlib
import io
import os
import shutil
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from routine.decisions import Actor
from routine.records import period_bounds
from services.evidence import EvidenceFiles
from services.evidence_package import EvidencePackages
from services.printout import Printouts
from storage import audit
from storage.evidence import evidence_for_case
from storage.models import Account, Decision, FlaggedCase
from texts import exact_moment

BAGIT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
START_PAGE = "startsida.pdf"


@dataclass(frozen=True)
class MadeArchive:
    file: Path
    sha256: str
    payload_files: int
    payload_bytes: int


class ArchivePackages:
    def __init__(
        self,
        folder: Path,
        printouts: Printouts,
        evidence_packages: EvidencePackages,
        files: EvidenceFiles,
        organisation: str,
    ) -> None:
        self._folder = folder
        self._printouts = printouts
        self._evidence_packages = evidence_packages
        self._files = files
        self._organisation = organisation

    def make(
        self,
        session: Session,
        account: Account,
        first: date,
        last: date,
        actor: Actor,
        now: datetime,
        start_page: bytes | None = None,
    ) -> MadeArchive:
        assert account.id is not None
        name = bag_name(account, first, last)
        bag = self._folder / f"{name}.partial"
        shutil.rmtree(bag, ignore_errors=True)
        data = bag / "data"
        data.mkdir(parents=True)
        copy = self._printouts.make(session, account, first, last, actor, now, for_archive=True)
        shutil.copyfile(copy.file, data / f"arkivexemplar-{first}-{last}.pdf")
        if start_page is not None:
            (data / START_PAGE).write_bytes(start_page)
        index = self._evidence(session, account, first, last, actor, now, data)
        head = audit.latest_hash(session)
        session.commit()  # every transaction holds SQLite's write lock: not while packing
        (data / "bevisforteckning.csv").write_text(index, encoding="utf-8")
        payload = sorted(path for path in data.rglob("*") if path.is_file())
        manifest = "".join(f"{_sha256(path)}  {_bag_path(bag, path)}\n" for path in payload)
        size = sum(path.stat().st_size for path in payload)
        (bag / "bagit.txt").write_text(BAGIT, encoding="utf-8")
        (bag / "bag-info.txt").write_text(
            self._info(account, first, last, now, len(payload), size, start_page, head),
            encoding="utf-8",
        )
        (bag / "manifest-sha256.txt").write_text(manifest, encoding="utf-8")
        tags = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
        (bag / "tagmanifest-sha256.txt").write_text(
            "".join(f"{_sha256(bag / tag)}  {tag}\n" for tag in tags), encoding="utf-8"
        )
        archive = self._folder / f"{name}.zip"
        _zip(bag, name, archive)
        shutil.rmtree(bag)
        digest = _sha256(archive)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="archive_package_made",
            account=account.name,
            period=f"{first}–{last}",
            file=archive.name,
            sha256=digest,
            files=len(payload),
            start_page=start_page is not None,
        )
        session.commit()
        return MadeArchive(archive, digest, len(payload), size)

    def path_of(self, name: str) -> Path:
        return self._folder / name

    def _evidence(
        self,
        session: Session,
        account: Account,
        first: date,
        last: date,
        actor: Actor,
        now: datetime,
        data: Path,
    ) -> str:
        """Every saved file of the period's cases, and each removal's evidence package; the
        index says which case and number a file belongs to and whether it is intact."""
        start, end = period_bounds(first, last)
        cases = session.exec(
            select(FlaggedCase, Decision)
            .outerjoin(Decision, col(Decision.case_id) == FlaggedCase.id)
            .where(
                FlaggedCase.account_id == account.id,
                col(FlaggedCase.comment_created_at) >= start,
                col(FlaggedCase.comment_created_at) < end,
            )
            .order_by(col(FlaggedCase.id))
        ).all()
        rows = io.StringIO()
        writer = csv.writer(rows)
        writer.writerow(
            ["fil", "ärende", "diarienummer", "slag", "sparad", "sparad_av", "sha256", "stämmer"]
        )
        for case, decision in cases:
            assert case.id is not None
            number = decision.diarium_number if decision else None
            folder = data / "bevis" / (number or f"ärende-{case.id:06d}")
            for evidence in evidence_for_case(session, case.id):
                source = self._files.path_of(evidence)
                target = folder / Path(evidence.file_name).name
                intact = source.is_file() and _sha256(source) == evidence.sha256
                if source.is_file():
                    folder.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
                writer.writerow(
                    [
                        target.relative_to(data).as_posix(),
                        case.id,
                        number or "",
                        evidence.kind,
                        exact_moment(evidence.captured_at),
                        evidence.added_by_name,
                        evidence.sha256,
                        "ja" if intact else "NEJ",
                    ]
                )
            if decision is not None and number is not None:
                folder.mkdir(parents=True, exist_ok=True)
                self._evidence_packages.write(session, account, case, decision, actor, now, folder)
        return rows.getvalue()

    def _info(
        self,
        account: Account,
        first: date,
        last: date,
        now: datetime,
        count: int,
        size: int,
        start_page: bytes | None,
        head: str,
    ) -> str:
        fields = [
            ("Source-Organization", self._organisation),
            ("External-Identifier", bag_name(account, first, last)),
            (
                "External-Description",
                f"Sociala medier: {account.platform} {account.name} ({account.url}), "
                f"allmänna handlingar {first} – {last}, arkivexemplar med bevis.",
            ),
            ("Bagging-Date", now.date().isoformat()),
            ("Payload-Oxum", f"{size}.{count}"),
            ("Konto", f"{account.platform} {account.name}"),
            ("Period", f"{first} – {last}"),
            ("Startsida", START_PAGE if start_page else "lämnas av ansvarig tjänsteperson"),
            ("Granskningskedjans-senaste-hash", head),
        ]
        return "".join(f"{label}: {' '.join(value.split())}\n" for label, value in fields)


def bag_name(account: Account, first: date, last: date) -> str:
    return f"arkivpaket-{account.platform}-{account.id}-{first}-{last}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _bag_path(bag: Path, path: Path) -> str:
    """RFC 8493 2.1.3: CR, LF and % in a path are percent-encoded."""
    relative = path.relative_to(bag).as_posix()
    return relative.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _zip(bag: Path, name: str, target: Path) -> None:
    """Streamed to a temporary file and renamed: a package is never seen half written."""
    partial = target.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(bag.rglob("*")):
            if path.is_file():
                archive.write(path, f"{name}/{path.relative_to(bag).as_posix()}")
    os.replace(partial, target)
