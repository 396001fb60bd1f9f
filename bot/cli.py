"""`modbot serve`: start the bot with settings from the environment."""

import argparse
import getpass
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import web
from apscheduler.schedulers.background import BackgroundScheduler
from pydantic import ValidationError
from sqlmodel import Session

from bot.app import create_app
from bot.app_package import build_package
from bot.settings import Settings
from routine.decisions import Actor
from routine.errors import NoSuchAccount, RoutineError
from routine.halfyear import Duty, archived_span, current_period
from routine.records import period
from routine.screening import load_word_lists, screen
from scheduler.runner import TIMEZONE, job_store, list_jobs
from services.evidence import EvidenceFiles
from services.integrity import verify
from services.parking import retry_parked
from services.record_makers import RecordMakers, record_makers
from storage.accounts import list_accounts, name_key
from storage.db import Database, make_engine
from storage.migrations import migrate
from storage.models import Account
from storage.parked import parked_items
from texts import t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="modbot", description="Modbot for Microsoft Teams")
    parser.add_argument(
        "command",
        nargs="?",
        default="serve",
        choices=[
            "serve",
            "jobs",
            "package",
            "screen",
            "verify",
            "utdrag",
            "bevispaket",
            "arkivpaket",
            "parked",
        ],
        help=(
            "serve: start the bot (default); jobs: list the scheduled jobs and their next run; "
            "package: build the Teams app package; screen: screen a text against section 6; "
            "verify: check the audit trail's hash chain and the evidence files' hashes; "
            'utdrag "<konto>" <från> <till>: a printout on request as PDF; '
            "bevispaket <diarienummer>: a removed comment's evidence package for the diarium; "
            'arkivpaket "<konto>" [<från> <till>]: the half-year package for kommunarkivet; '
            "parked [retry <nr>]: the work items the bot gave up on, and trying one again"
        ),
    )
    parser.add_argument(
        "words",
        nargs="*",
        help='`screen`: the text; `utdrag`: "<konto>" <från> <till>; `bevispaket`: the number',
    )
    parser.add_argument(
        "--plattform", help="`utdrag`: the account's platform, if its name is on several"
    )
    parser.add_argument("--image", action="store_true", help="`screen`: the comment has an image")
    parser.add_argument(
        "--startsida", type=Path, help="`arkivpaket`: the PDF of the account's start page"
    )
    parser.add_argument("--out", type=Path, default=Path("modbot-teams.zip"))
    arguments = parser.parse_args(argv)
    command = arguments.command
    try:
        settings = Settings()
    except ValidationError as error:
        for problem in error.errors():
            print(f"modbot: {problem['msg']}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if command == "jobs":
        return _print_jobs(settings)
    if command == "screen":
        return _print_verdict(settings, " ".join(arguments.words), arguments.image)
    if command == "verify":
        return _print_integrity(settings)
    if command == "utdrag":
        return _make_printout(settings, arguments.words, arguments.plattform)
    if command == "arkivpaket":
        return _make_archive_package(
            settings, arguments.words, arguments.plattform, arguments.startsida
        )
    if command == "bevispaket":
        return _make_evidence_package(settings, arguments.words)
    if command == "parked":
        return _parked(settings, arguments.words)
    if command == "package":
        try:
            built = build_package(settings.app_id, settings.public_url, arguments.out)
        except ValueError as error:
            print(f"modbot: {error}", file=sys.stderr)
            return 2
        print(f"Teams-apppaketet finns i {built}")
        return 0
    unsafe = settings.unsafe_to_serve()
    for reason in unsafe:
        print(f"modbot: {reason}", file=sys.stderr)
    if unsafe:
        return 2
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)
    return 0


def _parked(settings: Settings, words: list[str]) -> int:
    """`modbot parked`: what the background workers gave up on; `modbot parked retry 3`."""
    language = settings.language
    retrying = len(words) == 2 and words[0] == "retry" and words[1].isdigit()
    if words and not retrying:
        print(t(language, "parked_usage"), file=sys.stderr)
        return 2
    database = Database(make_engine(settings.database_url))
    migrate(database.engine)
    try:
        with database.session() as session:
            if retrying:
                item = retry_parked(session, int(words[1]))
                session.commit()
                if item is None:
                    print(t(language, "parked_unknown", number=words[1]), file=sys.stderr)
                    return 1
                print(t(language, "parked_retried", number=item.id, kind=item.kind, ref=item.ref))
                return 0
            items = parked_items(session)
    finally:
        database.dispose()
    if not items:
        print(t(language, "parked_none"))
    for item in items:
        print(
            t(
                language,
                "parked_line",
                number=item.id,
                kind=item.kind,
                ref=item.ref,
                attempts=item.attempts,
                at=item.parked_at,
                error=item.last_error,
            )
        )
    return 0


def _print_verdict(settings: Settings, text: str, has_images: bool) -> int:
    """`modbot screen "text"`: the section-6 rules without any platform."""
    try:
        word_lists = load_word_lists(settings.screening_wordlists)
    except (OSError, ValueError) as error:
        print(f"modbot: {error}", file=sys.stderr)
        return 2
    verdict = screen(text, word_lists, has_images)
    language = settings.language
    answer = t(language, "screen_yes" if verdict.flagged else "screen_no")
    print(t(language, "screen_flagged", answer=answer))
    if verdict.suggested_category is not None:
        category = t(language, f"category_{verdict.suggested_category.value}")
        print(t(language, "screen_category", category=category))
    for reason in verdict.reasons:
        print(t(language, "screen_reason", reason=reason))
    return 0


def _print_integrity(settings: Settings) -> int:
    """`modbot verify`: 0 when every record is as recorded, 1 with each break named."""
    database = Database(make_engine(settings.database_url))
    migrate(database.engine)
    with database.session() as session:
        report = verify(session, EvidenceFiles(settings.evidence_dir))
    database.dispose()
    language = settings.language
    for finding in report.findings:
        case = t(language, "verify_case", case=finding.case_id) if finding.case_id else ""
        print(t(language, f"verify_{finding.problem.value}", subject=finding.subject) + case)
    key = "verify_broken" if report.findings else "verify_ok"
    print(t(language, key, events=report.events, files=report.files, found=len(report.findings)))
    print(t(language, "verify_head", head=report.head))
    return 1 if report.findings else 0


Work = Callable[[Session, RecordMakers], list[str]]


def _recorded(settings: Settings, work: Work) -> int:
    """Runs one section-4 command against the database, recorded as in Teams; prints what it
    made, or the refusal."""
    database = Database(make_engine(settings.database_url))
    migrate(database.engine)
    makers = record_makers(EvidenceFiles(settings.evidence_dir), settings.municipality.name)
    try:
        with database.session() as session:
            lines = work(session, makers)
    except RoutineError as refusal:
        print(f"modbot: {t(settings.language, refusal.key, **refusal.params)}", file=sys.stderr)
        return 2
    finally:
        database.dispose()
    print("\n".join(lines))
    return 0


def _make_printout(settings: Settings, words: list[str], platform: str | None) -> int:
    """`modbot utdrag "Hjo kommun" 2026-11-01 2026-11-30`: the same printout as in Teams,
    recorded the same way, made by whoever runs the command."""
    if len(words) != 3:
        print(t(settings.language, "printout_usage"), file=sys.stderr)
        return 2

    def work(session: Session, makers: RecordMakers) -> list[str]:
        first, last = period(words[1], words[2])
        account = _account_named(session, words[0], platform)
        made = makers.printouts.make(session, account, first, last, _cli_actor(), _now())
        return [
            str(made.file),
            f"SHA-256 {made.sha256}; {made.items} poster, {made.redacted} uteslutna",
        ]

    return _recorded(settings, work)


def _make_evidence_package(settings: Settings, words: list[str]) -> int:
    """`modbot bevispaket SM-2026-0001`: the package as in Teams, made by whoever runs it."""
    if len(words) != 1:
        print(t(settings.language, "package_usage"), file=sys.stderr)
        return 2

    def work(session: Session, makers: RecordMakers) -> list[str]:
        made = makers.evidence_packages.make(session, words[0], _cli_actor(), _now())
        return [str(made.file), f"SHA-256 {made.sha256}"]

    return _recorded(settings, work)


def _make_archive_package(
    settings: Settings, words: list[str], platform: str | None, start_page: Path | None
) -> int:
    """`modbot arkivpaket "Hjo kommun" [2026-06-01 2026-11-30] [--startsida startsida.pdf]`."""
    language = settings.language
    if len(words) not in (1, 3):
        print(t(language, "archive_usage"), file=sys.stderr)
        return 2
    page = None
    if start_page is not None:
        page = start_page.read_bytes() if start_page.is_file() else b""
        if not page.startswith(b"%PDF-"):
            print(t(language, "archive_start_page_not_pdf", path=start_page), file=sys.stderr)
            return 2

    def work(session: Session, makers: RecordMakers) -> list[str]:
        now = _now()
        if len(words) == 3:
            first, last = period(words[1], words[2])
        else:
            dates = settings.half_year_dates[Duty.ARCHIVE]
            first, last = archived_span(current_period(now, dates), dates)
        account = _account_named(session, words[0], platform)
        made = makers.archives.make(session, account, first, last, _cli_actor(), now, page)
        return [
            str(made.file),
            f"SHA-256 {made.sha256}; {made.payload_files} filer, {made.payload_bytes} byte",
        ]

    return _recorded(settings, work)


def _account_named(session: Session, name: str, platform: str | None) -> Account:
    matches = [
        account
        for account in list_accounts(session)
        if account.name_key == name_key(name)
        and (platform is None or account.platform == platform.casefold())
    ]
    if len(matches) != 1:
        raise NoSuchAccount()
    return matches[0]


def _now() -> datetime:
    return datetime.now(UTC)


def _cli_actor() -> Actor:
    return Actor(id=f"cli:{getpass.getuser()}", name=getpass.getuser())


def _print_jobs(settings: Settings) -> int:
    """The jobs as the running bot last stored them (they are stored when it starts)."""
    scheduler = BackgroundScheduler(
        timezone=TIMEZONE, jobstores={"default": job_store(make_engine(settings.database_url))}
    )
    scheduler.start(paused=True)
    jobs = list_jobs(scheduler)
    scheduler.shutdown(wait=False)
    if not jobs:
        print("Inga schemalagda jobb ännu: de sparas när boten startar.")
    for job_id, next_run in jobs:
        shown = (
            next_run.astimezone(ZoneInfo(TIMEZONE)).strftime("%Y-%m-%d %H:%M") if next_run else "–"
        )
        print(f"{job_id:30} nästa körning {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
