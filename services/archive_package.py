"""Section 4: the half-year package for kommunarkivet, one account and one period.

The package is a BagIt bag (RFC 8493) in a zip: `data/` holds the complete archive copy of
the period (PDF/A, nothing withheld), every evidence file of the period's cases, each removed
comment's evidence package and the start page's PDF: the one the officer replied to the
period's archive task card (services.duties), or one given to `modbot arkivpaket --startsida`;
`manifest-sha256.txt` lists every one of them with its SHA-256 in the format `sha256sum -c`
reads, so the archive can check the delivery with tools of its own, not ours. `bag-info.txt`
names the account, the period and the audit chain's head hash at packing time.

The bag is packed in a folder of its own, so two requests never share one, and the zip is named
after the bag's tag manifest (which covers every file in it): a package once quoted is never
replaced by a later one for the same period."""

import csv
import hashlib
import io
import logging
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, col, select

from routine.decisions import Actor
from routine.records import period_bounds
from services.duties import START_PAGE_DUTIES
from services.evidence import EvidenceFiles
from services.evidence_package import EvidencePackages
from services.files import new_file, sha256_of, state_fingerprint
from services.printout import Printouts
from storage import audit
from storage.evidence import evidence_for_case
from storage.models import Account, Decision, DutyTask, FlaggedCase, StartPage, Synpunkt
from texts import exact_moment

log = logging.getLogger(__name__)

BAGIT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
START_PAGE = "startsida.pdf"


@dataclass(frozen=True)
class MadeArchive:
    file: Path
    sha256: str
    payload_files: int
    payload_bytes: int
    start_page: bool = False
    """Whether `data/startsida.pdf` is in it."""


@dataclass(frozen=True)
class PackedBag:
    files: int
    size: int
    tags: str
    """The tag manifest: through `manifest-sha256.txt` it covers every file in the bag, so it
    names the package's content."""


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
        start_page = start_page or self._saved_start_page(session, account, first, last)
        self._folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self._folder, prefix=".packing-") as packing:
            bag = Path(packing)
            packed = self._bag(session, account, first, last, actor, now, start_page, bag)
            name = f"{bag_name(account, first, last)}-{state_fingerprint(packed.tags)}"
            archive = self._folder / f"{name}.zip"
            if not archive.is_file():
                _zip(bag, name, archive)
        digest = sha256_of(archive)
        audit.record(
            session,
            at=now,
            actor=actor,
            action="archive_package_made",
            account=account.name,
            period=f"{first}–{last}",
            file=archive.name,
            sha256=digest,
            files=packed.files,
            start_page=start_page is not None,
        )
        session.commit()
        return MadeArchive(archive, digest, packed.files, packed.size, start_page is not None)

    def _saved_start_page(
        self, session: Session, account: Account, first: date, last: date
    ) -> bytes | None:
        """The start page last replied to an archive task of the account opened after the
        period's first day and by the day after its last: a half-year's own task (it opens on
        the next archive date), or a closing account's final one."""
        saved = session.exec(
            select(StartPage)
            .join(DutyTask, col(DutyTask.id) == StartPage.task_id)
            .where(
                DutyTask.account_id == account.id,
                col(DutyTask.kind).in_(START_PAGE_DUTIES),
                col(DutyTask.period) > first.isoformat(),
                col(DutyTask.period) <= (last + timedelta(days=1)).isoformat(),
            )
            .order_by(col(StartPage.id).desc())
        ).first()
        if saved is None:
            return None
        path = self._files.folder / saved.file_name
        data = path.read_bytes() if path.is_file() else b""
        if hashlib.sha256(data).hexdigest() != saved.sha256:
            log.error("the start page %s is missing or changed; left out", saved.file_name)
            return None
        return data

    def path_of(self, name: str) -> Path:
        return self._folder / name

    def _bag(
        self,
        session: Session,
        account: Account,
        first: date,
        last: date,
        actor: Actor,
        now: datetime,
        start_page: bytes | None,
        bag: Path,
    ) -> PackedBag:
        """The bag in `bag`, a folder of this request's own: a request packing the same
        period at the same time never writes into it."""
        data = bag / "data"
        data.mkdir()
        copy = self._printouts.make(session, account, first, last, actor, now, for_archive=True)
        shutil.copyfile(copy.file, data / f"arkivexemplar-{first}-{last}.pdf")
        if start_page is not None:
            (data / START_PAGE).write_bytes(start_page)
        index = self._evidence(session, account, first, last, actor, now, data)
        head = audit.latest_hash(session)
        session.commit()  # every transaction holds SQLite's write lock: not while packing
        (data / "bevisforteckning.csv").write_text(index, encoding="utf-8")
        payload = sorted(path for path in data.rglob("*") if path.is_file())
        manifest = "".join(f"{sha256_of(path)}  {_bag_path(bag, path)}\n" for path in payload)
        size = sum(path.stat().st_size for path in payload)
        (bag / "bagit.txt").write_text(BAGIT, encoding="utf-8")
        (bag / "bag-info.txt").write_text(
            self._info(account, first, last, now, len(payload), size, start_page, head),
            encoding="utf-8",
        )
        (bag / "manifest-sha256.txt").write_text(manifest, encoding="utf-8")
        tags = "".join(
            f"{sha256_of(bag / tag)}  {tag}\n"
            for tag in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
        )
        (bag / "tagmanifest-sha256.txt").write_text(tags, encoding="utf-8")
        return PackedBag(len(payload), size, tags)

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
            select(FlaggedCase, Decision, Synpunkt.reference)
            .outerjoin(Decision, col(Decision.case_id) == FlaggedCase.id)
            .outerjoin(Synpunkt, col(Synpunkt.case_id) == FlaggedCase.id)
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
            [
                "fil",
                "ärende",
                "diarienummer",
                "synpunkt_referens",
                "slag",
                "sparad",
                "sparad_av",
                "sha256",
                "stämmer",
            ]
        )
        for case, decision, synpunkt_reference in cases:
            assert case.id is not None
            number = decision.diarium_number if decision else None
            folder = data / "bevis" / (number or f"ärende-{case.id:06d}")
            for evidence in evidence_for_case(session, case.id):
                source = self._files.path_of(evidence)
                target = folder / Path(evidence.file_name).name
                intact = source.is_file() and sha256_of(source) == evidence.sha256
                if source.is_file():
                    folder.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
                writer.writerow(
                    [
                        target.relative_to(data).as_posix(),
                        case.id,
                        number or "",
                        synpunkt_reference or "",
                        evidence.kind,
                        exact_moment(evidence.captured_at),
                        evidence.added_by_name,
                        evidence.sha256,
                        "ja" if intact else "NEJ",
                    ]
                )
            if decision is not None and number is not None:
                package = self._evidence_packages.for_case(
                    session, account, case, decision, actor, now
                )
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(package.file, folder / package.file.name)
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


def _bag_path(bag: Path, path: Path) -> str:
    """RFC 8493 2.1.3: CR, LF and % in a path are percent-encoded."""
    relative = path.relative_to(bag).as_posix()
    return relative.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _zip(bag: Path, name: str, target: Path) -> None:
    """Streamed to a file of its own: a package is never seen half written. The bag's folder in
    the zip has the zip's name."""
    with new_file(target) as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(bag.rglob("*")):
            if path.is_file():
                zipped.write(path, f"{name}/{path.relative_to(bag).as_posix()}")
