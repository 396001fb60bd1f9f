"""The `modbot` parser: one subcommand each, with its own arguments and an example
(`modbot <command> --help`); `modbot` alone serves."""

import argparse
import logging
import os
from collections.abc import Callable
from pathlib import Path

from bot.cli.common import Handler, load_settings
from bot.cli.linking import PLAYGROUND_CHANNEL, PLAYGROUND_SERVICE_URL, demo, link
from bot.cli.operations import (
    package,
    parked,
    print_jobs,
    print_settings_reference,
    print_verdict,
    text_given,
)
from bot.cli.records import (
    anchor_hash,
    archive_period_given,
    make_archive_package,
    make_evidence_package,
    make_printout,
    print_integrity,
)
from bot.cli.serving import serve
from bot.settings import unknown_variables

log = logging.getLogger("bot.cli")

Check = Callable[[argparse.Namespace], str | None]
"""A usage check beyond argparse's own: the problem, or None."""


def main(argv: list[str] | None = None) -> int:
    """Runs one command; returns its exit status (2 for a usage or settings problem)."""
    try:
        arguments = build_parser().parse_args(argv)
        check: Check | None = getattr(arguments, "check", None)
        problem = check(arguments) if check else None
        if problem:
            arguments.command_parser.error(problem)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 2
    if arguments.command == "settings":
        return print_settings_reference(arguments)
    settings = load_settings()
    if settings is None:
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for typo in unknown_variables(os.environ):
        log.warning("%s", typo)
    handler: Handler = getattr(arguments, "handler", serve)
    return handler(settings, arguments)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modbot",
        description=(
            "Modbot for Microsoft Teams: moderation of the municipality's social-media accounts "
            "by its routine. Settings come from MODBOT_* environment variables (`modbot "
            "settings` lists them). Without a command, `modbot` serves."
        ),
        epilog="`modbot <command> --help` shows a command's arguments and an example.",
    )
    commands = parser.add_subparsers(dest="command", title="commands", metavar="<command>")

    def command(
        name: str, summary: str, examples: list[str], handler: Handler | None, check: Check | None
    ) -> argparse.ArgumentParser:
        shown = "\n".join(f"  {example}" for example in examples)
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=f"example{'s' if len(examples) > 1 else ''}:\n{shown}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler, check=check, command_parser=sub)
        return sub

    command(
        "serve",
        "start the bot on MODBOT_HOST:MODBOT_PORT (the default without a command)",
        ["MODBOT_PORT=3978 modbot serve"],
        serve,
        None,
    )
    command(
        "jobs",
        "list the scheduled jobs and their next run, as the bot stored them when it started",
        ["modbot jobs"],
        print_jobs,
        None,
    )
    built = command(
        "package",
        "build the Teams app package (zip), refused unless its manifest is valid against the "
        "Teams 1.23 schema; needs MODBOT_APP_ID (a GUID), an https:// MODBOT_PUBLIC_URL, "
        "MODBOT_PRIVACY_URL and MODBOT_TERMS_URL",
        [
            "MODBOT_APP_ID=6f1c2a4e-0000-4000-8000-000000000001 "
            "MODBOT_PUBLIC_URL=https://modbot.hjo.se \\\n"
            "  MODBOT_PRIVACY_URL=https://www.hjo.se/personuppgifter "
            "MODBOT_TERMS_URL=https://www.hjo.se/villkor \\\n"
            "  modbot package --out modbot-teams.zip"
        ],
        package,
        None,
    )
    built.add_argument(
        "--out",
        type=Path,
        default=Path("modbot-teams.zip"),
        help="where to write the zip (default: %(default)s)",
    )
    screened = command(
        "screen",
        "screen a text against the routine's section 6 and print the verdict",
        ['modbot screen "Du är en idiot, ring 070-123 45 67"', 'modbot screen --image "Kolla!"'],
        print_verdict,
        text_given,
    )
    screened.add_argument("text", nargs="+", help="the comment's text (quote it)")
    screened.add_argument("--image", action="store_true", help="the comment has an image")
    verified = command(
        "verify",
        "check the audit trail's hash chain, every record row (case, decision, evidence, "
        "synpunkt, culling, secrecy mark, hold) against the digest the chain recorded for it, "
        "and the evidence files' SHA-256; exit 1 names each break, exit 2 when the database "
        "does not exist",
        [
            "MODBOT_DATABASE_URL=sqlite:///modbot.db modbot verify",
            "modbot verify --anchor <hash> --anchor <hash>",
        ],
        print_integrity,
        None,
    )
    verified.add_argument(
        "--anchor",
        action="append",
        type=anchor_hash,
        metavar="HASH",
        help="a chain hash written down earlier (verify's latest hash, an archive package's "
        "Granskningskedjans-senaste-hash); the chain must still pass through it, or events "
        "were cut off its end (repeatable)",
    )
    printout = command(
        "utdrag",
        "make a printout on request (PDF) of an account's comments for a period, recorded as "
        "in Teams",
        ['modbot utdrag "Hjo kommun" 2026-11-01 2026-11-30 --plattform facebook'],
        make_printout,
        None,
    )
    printout.add_argument("konto", help="the account's name as linked")
    printout.add_argument("fran", metavar="från", help="first day, YYYY-MM-DD")
    printout.add_argument("till", help="last day, YYYY-MM-DD")
    _platform_option(printout)
    evidence = command(
        "bevispaket",
        "make a removed comment's evidence package (PDF) for the diarium",
        ["modbot bevispaket SM-2026-0001"],
        make_evidence_package,
        None,
    )
    evidence.add_argument("diarienummer", help="the removal's diarium number")
    archive = command(
        "arkivpaket",
        "make an account's half-year package (BagIt zip) for kommunarkivet: the last archived "
        "half-year, or the period given",
        [
            'modbot arkivpaket "Hjo kommun"',
            'modbot arkivpaket "Hjo kommun" 2026-06-01 2026-11-30 --startsida startsida.pdf',
        ],
        make_archive_package,
        archive_period_given,
    )
    archive.add_argument("konto", help="the account's name as linked")
    archive.add_argument("fran", metavar="från", nargs="?", help="first day, YYYY-MM-DD")
    archive.add_argument("till", nargs="?", help="last day, YYYY-MM-DD")
    _platform_option(archive)
    archive.add_argument(
        "--startsida", type=Path, help="a PDF of the account's start page, put in the package"
    )
    held = command(
        "parked",
        "list the work items the bot gave up on; `parked retry <nr>` hands one back to the "
        "running bot",
        ["modbot parked", "modbot parked retry 3"],
        parked,
        None,
    )
    retry = held.add_subparsers(dest="action", title="actions", metavar="retry <nr>")
    again = retry.add_parser(
        "retry",
        help="try one parked item again",
        description="Hand one parked item back to the running bot, which tries it again soon.",
        epilog="example:\n  modbot parked retry 3",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    again.add_argument("nr", type=int, help="its number in `modbot parked`")
    linked = command(
        "koppla",
        "link an account to a Teams channel, as `koppla` in the channel does (same audit); "
        "the account's flagged comments are posted there",
        [
            'modbot koppla facebook "Hjo kommun" https://facebook.com/hjokommun \\\n'
            "  --kanal '19:abc123@thread.tacv2' "
            "--service-url https://smba.trafficmanager.net/emea/"
        ],
        link,
        None,
    )
    linked.add_argument("plattform", help="facebook, instagram or youtube")
    linked.add_argument("konto", help="the account's name as it shows on the platform")
    linked.add_argument("url", help="link to the account")
    linked.add_argument(
        "--kanal",
        required=True,
        help="the channel's conversation id (19:…@thread.tacv2 in Teams)",
    )
    linked.add_argument(
        "--service-url",
        help=(
            "the Bot Connector address for the channel (Teams' serviceUrl); needed until the "
            "bot has seen the channel"
        ),
    )
    demo_command = command(
        "demo",
        "development mode: link the account Demo kommun (facebook) to the Agents Playground's "
        "General channel and print how to see a flagged comment's card there; can be run again",
        ["modbot demo"],
        demo,
        None,
    )
    demo_command.add_argument(
        "--kanal",
        default=PLAYGROUND_CHANNEL,
        help="the Playground channel's conversation id (default: %(default)s, its General)",
    )
    demo_command.add_argument(
        "--service-url",
        help=(
            "the Playground's Bot Connector address (default: the one the bot last saw, else "
            f"{PLAYGROUND_SERVICE_URL})"
        ),
    )
    command(
        "settings",
        "print every MODBOT_* setting with its default and meaning (Markdown)",
        ["modbot settings", "modbot settings > settings.md"],
        None,
        None,
    )
    return parser


def _platform_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plattform", help="the account's platform, when its name is on several")
