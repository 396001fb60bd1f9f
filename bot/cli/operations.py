"""Running the bot: `jobs`, `parked`, `screen`, `package`, `settings`."""

import argparse
import sys
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler

from bot.app_package import AppDetails, PackageRefused, build_package
from bot.cli.common import fail, open_database
from bot.settings import Settings
from routine.screening import load_word_lists, screen
from scheduler.runner import TIMEZONE, job_store, list_jobs
from services.parking import retry_parked
from storage.db import make_engine
from storage.parked import parked_items
from texts import t


def print_jobs(settings: Settings, _arguments: argparse.Namespace) -> int:
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


def parked(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot parked`: what the background workers gave up on; `modbot parked retry 3` hands
    one back to the running bot."""
    language = settings.language
    database = open_database(settings, must_exist=True)
    if database is None:
        return 2
    number: int | None = getattr(arguments, "nr", None)
    try:
        with database.session() as session:
            if number is not None:
                item = retry_parked(session, number)
                session.commit()
                if item is None:
                    print(t(language, "parked_unknown", number=number), file=sys.stderr)
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


def print_verdict(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot screen "text"`: the section-6 rules without any platform."""
    try:
        word_lists = load_word_lists(settings.screening_wordlists)
    except (OSError, ValueError) as error:
        fail(str(error))
        return 2
    verdict = screen(" ".join(arguments.text), word_lists, arguments.image)
    language = settings.language
    answer = t(language, "screen_yes" if verdict.flagged else "screen_no")
    print(t(language, "screen_flagged", answer=answer))
    if verdict.suggested_category is not None:
        category = t(language, f"category_{verdict.suggested_category.value}")
        print(t(language, "screen_category", category=category))
    for reason in verdict.reasons:
        print(t(language, "screen_reason", reason=reason))
    return 0


def text_given(arguments: argparse.Namespace) -> str | None:
    if not " ".join(arguments.text).strip():
        return "the text to screen is empty"
    return None


def package(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot package`: the Teams app zip, or each reason it would not be a valid one."""
    details = AppDetails(
        bot_id=settings.app_id,
        public_url=settings.public_url,
        privacy_url=settings.privacy_url,
        terms_url=settings.terms_url,
        publisher=settings.municipality_name,
        website_url=settings.municipality_website,
    )
    try:
        built = build_package(details, arguments.out)
    except PackageRefused as refused:
        for problem in refused.problems:
            fail(problem)
        fail(f"no package written to {arguments.out}")
        return 2
    print(f"Teams-apppaketet finns i {built}")
    return 0


def print_settings_reference(_arguments: argparse.Namespace) -> int:
    """`modbot settings`: every MODBOT_* setting with its default and meaning (Markdown)."""
    from bot.settings_reference import settings_reference_markdown

    print(settings_reference_markdown(), end="")
    return 0
