"""`modbot serve`: start the bot with settings from the environment."""

import argparse
import logging
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import web
from apscheduler.schedulers.background import BackgroundScheduler
from pydantic import ValidationError

from bot.app import create_app
from bot.app_package import build_package
from bot.settings import Settings
from scheduler.runner import TIMEZONE, job_store, list_jobs
from storage.db import make_engine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="modbot", description="Modbot for Microsoft Teams")
    parser.add_argument(
        "command",
        nargs="?",
        default="serve",
        choices=["serve", "jobs", "package"],
        help=(
            "serve: start the bot (default); jobs: list the scheduled jobs and their next run; "
            "package: build the Teams app package"
        ),
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
