"""`modbot serve` (and `modbot` alone): the bot on MODBOT_HOST:MODBOT_PORT, saying at start
where it listens, which address its links use, and whether it runs in development mode."""

import argparse
import logging
from collections.abc import Callable

from aiohttp import web

from bot.cli.common import fail
from bot.settings import Settings
from web.access_log import PathOnlyAccessLogger

log = logging.getLogger("bot.cli.serve")

WILDCARDS = ("", "0.0.0.0", "::")


def serve(settings: Settings, _arguments: argparse.Namespace) -> int:
    unsafe = settings.unsafe_to_serve()
    for reason in unsafe:
        fail(reason)
    if unsafe:
        return 2
    from bot.app import create_app  # the whole bot: only `serve` needs it

    web.run_app(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        print=started(settings),
        access_log_class=PathOnlyAccessLogger,
    )
    return 0


def started(settings: Settings) -> Callable[[str], None]:
    """What aiohttp calls once the socket is listening (instead of printing its banner)."""

    def announce(_banner: str) -> None:
        listening = address(settings.host, settings.port)
        log.info(
            "Modbot listens on %s (Bot Framework endpoint %s/api/messages, flags %s/api/flags); "
            "links in cards and replies use %s",
            listening,
            reachable(settings.host, settings.port),
            reachable(settings.host, settings.port),
            settings.public_url,
        )
        if settings.development:
            log.info(
                "Development mode (MODBOT_DEVELOPMENT): no token checks, for this machine only, "
                "e.g. with the Agents Playground; `modbot demo` prepares a demo account"
            )

    return announce


def address(host: str, port: int) -> str:
    """host:port as a socket address (IPv6 in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}"


def reachable(host: str, port: int) -> str:
    """An http:// base address on this machine that reaches the bot."""
    return f"http://{address('localhost' if host in WILDCARDS else host, port)}"
