"""Section 4 from the command line: `verify`, `utdrag`, `bevispaket`, `arkivpaket`. Each is
made and recorded as in Teams, by whoever runs the command; refusals speak of accounts, not of
"this channel"."""

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from sqlmodel import Session

from bot.cli.common import cli_actor, fail, now, open_database
from bot.settings import Settings
from routine.errors import RoutineError
from routine.halfyear import Duty, archived_span, current_period
from routine.records import period
from services.evidence import EvidenceFiles
from services.integrity import Problem, verify
from services.record_makers import RecordMakers, record_makers
from storage.accounts import list_accounts, name_key
from storage.models import Account
from texts import t


class AccountNotFound(Exception):
    """The CLI's own refusal: the message names the account, not a channel."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def print_integrity(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot verify [--anchor <hash>]...`: 0 when every record is as recorded, 1 with each
    break named, 2 when there is no database to check. It reads without taking the write
    lock, so the bot goes on while it runs."""
    anchors: list[str] = getattr(arguments, "anchor", None) or []
    database = open_database(settings, must_exist=True)
    if database is None:
        return 2
    try:
        with database.reading() as session:
            report = verify(session, EvidenceFiles(settings.evidence_dir), anchors)
    finally:
        database.dispose()
    language = settings.language
    for finding in report.findings:
        case = t(language, "verify_case", case=finding.case_id) if finding.case_id else ""
        line = t(
            language,
            f"verify_{finding.problem.value}",
            subject=finding.subject,
            event=finding.event,
        )
        print(line + case)
    key = "verify_broken" if report.findings else "verify_ok"
    print(
        t(
            language,
            key,
            events=report.events,
            rows=report.rows,
            files=report.files,
            found=len(report.findings),
        )
    )
    if report.anchors and not any(f.problem is Problem.ANCHOR_MISSING for f in report.findings):
        print(t(language, "verify_anchors_ok", anchors=report.anchors))
    print(t(language, "verify_head", head=report.head))
    return 1 if report.findings else 0


def anchor_hash(value: str) -> str:
    """`--anchor`: a chain hash as verify prints it (64 hex digits)."""
    cleaned = value.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", cleaned):
        raise argparse.ArgumentTypeError(f"{value!r} is not a SHA-256 hash (64 hex digits)")
    return cleaned


Work = Callable[[Session, RecordMakers], list[str]]


def _recorded(settings: Settings, work: Work) -> int:
    """Runs one section-4 command against the database, recorded as in Teams; prints what it
    made, or the refusal."""
    database = open_database(settings, must_exist=True)
    if database is None:
        return 2
    makers = record_makers(EvidenceFiles(settings.evidence_dir), settings.municipality.name)
    language = settings.language
    try:
        with database.session() as session:
            lines = work(session, makers)
    except AccountNotFound as refusal:
        fail(t(language, refusal.key, **refusal.params))
        return 2
    except RoutineError as refusal:
        fail(t(language, refusal.key, **refusal.params))
        return 2
    finally:
        database.dispose()
    print("\n".join(lines))
    return 0


def make_printout(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot utdrag "Hjo kommun" 2026-11-01 2026-11-30`: the same printout as in Teams."""

    def work(session: Session, makers: RecordMakers) -> list[str]:
        first, last = period(arguments.fran, arguments.till)
        account = account_named(session, arguments.konto, arguments.plattform)
        made = makers.printouts.make(session, account, first, last, cli_actor(), now())
        return [
            str(made.file),
            f"SHA-256 {made.sha256}; {made.items} poster, {made.redacted} uteslutna",
        ]

    return _recorded(settings, work)


def make_evidence_package(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot bevispaket SM-2026-0001`: the package as in Teams (no channel to check)."""

    def work(session: Session, makers: RecordMakers) -> list[str]:
        made = makers.evidence_packages.make(session, arguments.diarienummer, cli_actor(), now())
        return [str(made.file), f"SHA-256 {made.sha256}"]

    return _recorded(settings, work)


def make_archive_package(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot arkivpaket "Hjo kommun" [2026-06-01 2026-11-30] [--startsida startsida.pdf]`."""
    start_page: Path | None = arguments.startsida
    page = None
    if start_page is not None:
        page = start_page.read_bytes() if start_page.is_file() else b""
        if not page.startswith(b"%PDF-"):
            fail(t(settings.language, "archive_start_page_not_pdf", path=start_page))
            return 2

    def work(session: Session, makers: RecordMakers) -> list[str]:
        moment = now()
        if arguments.fran is not None:
            first, last = period(arguments.fran, arguments.till)
        else:
            dates = settings.half_year_dates[Duty.ARCHIVE]
            first, last = archived_span(current_period(moment, dates), dates)
        account = account_named(session, arguments.konto, arguments.plattform)
        made = makers.archives.make(session, account, first, last, cli_actor(), moment, page)
        return [
            str(made.file),
            f"SHA-256 {made.sha256}; {made.payload_files} filer, {made.payload_bytes} byte",
        ]

    return _recorded(settings, work)


def account_named(session: Session, name: str, platform: str | None) -> Account:
    """The one linked account by that name (on that platform, when given)."""
    named = [a for a in list_accounts(session) if a.name_key == name_key(name)]
    matches = [a for a in named if platform is None or a.platform == platform.casefold()]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        platforms = ", ".join(sorted(a.platform for a in matches))
        raise AccountNotFound("cli_account_on_several_platforms", name=name, platforms=platforms)
    raise AccountNotFound("cli_no_such_account", name=name)


def archive_period_given(arguments: argparse.Namespace) -> str | None:
    """Usage check before anything runs: both dates or neither."""
    if (arguments.fran is None) != (arguments.till is None):
        return "give both dates (från and till), or neither for the last half-year"
    return None
