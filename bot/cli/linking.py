"""`modbot koppla`: link an account to a channel from the command line, exactly as `koppla` in
Teams does (services.linking, same audit), and remember the channel's conversation so that
cards can be posted there. `modbot demo`: the same for a made-up account and the Agents
Playground's General channel, with a ready `curl` for a first flagged comment."""

import argparse
import json
import shlex
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlparse

from sqlmodel import Session, select

from bot.cli.common import cli_actor, fail, now, open_database
from bot.cli.serving import reachable
from bot.settings import Settings
from routine.deadlines import local
from routine.errors import RoutineError
from services.linking import LinkResult, link_channel
from storage.accounts import name_key
from storage.conversations import ConversationInfo, get_conversation, remember_conversation
from storage.models import Account
from texts import t

PLAYGROUND_CHANNEL = "team-id"
"""The Agents Playground's built-in team: its General channel has the team's id (Teams does
the same), fixed unless a .m365agentsplayground.yml changes it (see tests/e2e)."""
PLAYGROUND_SERVICE_URL = "http://localhost:56150/_connector"
"""Where the Playground (default port 56150) takes the bot's messages."""
PLAYGROUND_BOT = ("00000000-0000-0000-0000-00000000000011", "Test Bot")
"""The bot as the Playground's built-in configuration names it."""
DEMO_PLATFORM = "facebook"
DEMO_ACCOUNT = "Demo kommun"
DEMO_URL = "https://facebook.com/demokommun"


@dataclass(frozen=True)
class Channel:
    conversation_id: str
    service_url: str | None
    bot: tuple[str, str]
    """The bot's id and name in that conversation, when it has not been seen there yet."""


def link(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot koppla facebook "Hjo kommun" https://facebook.com/hjokommun --kanal <id>`."""
    language = settings.language
    service_url: str | None = arguments.service_url
    if service_url is not None and not _http(service_url):
        fail(t(language, "cli_bad_service_url", url=service_url))
        return 2
    database = open_database(settings, must_exist=False)
    assert database is not None
    bot = (settings.app_id or settings.bot_name, settings.bot_name)
    channel = Channel(arguments.kanal, service_url, bot)
    try:
        with database.session() as session:
            result = _link(session, channel, arguments.plattform, arguments.konto, arguments.url)
    except ChannelUnknown:
        fail(t(language, "cli_channel_unknown", channel=arguments.kanal))
        return 2
    except RoutineError as refusal:
        fail(t(language, refusal.key, **refusal.params))
        return 2
    finally:
        database.dispose()
    shown = t(language, f"platform_{result.account.platform}")
    params = {"platform": shown, "name": result.account.name, "channel": arguments.kanal}
    if result.moved_from:
        print(t(language, "cli_relinked", previous=result.moved_from, **params))
    else:
        print(t(language, "cli_linked", **params))
    return 0


class ChannelUnknown(Exception):
    """No service URL given and none remembered: cards could not be posted there."""


def _link(session: Session, channel: Channel, platform: str, name: str, url: str) -> LinkResult:
    """Remembers the conversation and links the account in one transaction (link_channel
    commits both), so a refused link leaves no conversation behind."""
    moment = now()
    known = get_conversation(session, channel.conversation_id)
    if known is None and channel.service_url is None:
        raise ChannelUnknown()
    if channel.service_url is not None:
        bot_id, bot_name = (known.bot_id, known.bot_name) if known else channel.bot
        remember_conversation(
            session,
            ConversationInfo(
                conversation_id=channel.conversation_id,
                service_url=channel.service_url,
                kind="channel",
                bot_id=bot_id,
                bot_name=bot_name,
            ),
            moment,
        )
    return link_channel(
        session,
        platform=platform,
        name=name,
        url=url,
        channel_conversation_id=channel.conversation_id,
        actor=cli_actor(),
        now=moment,
    )


def demo(settings: Settings, arguments: argparse.Namespace) -> int:
    """`modbot demo`: links Demo kommun (facebook) to the Playground's General channel (again
    only what is not so already) and prints what to do next, with a flag to paste. Refused
    where a real bot is configured (an app id): a made-up account has no place there."""
    language = settings.language
    if settings.app_id:
        fail(t(language, "demo_not_in_development"))
        return 2
    if arguments.service_url is not None and not _http(arguments.service_url):
        fail(t(language, "cli_bad_service_url", url=arguments.service_url))
        return 2
    database = open_database(settings, must_exist=False)
    assert database is not None
    try:
        with database.session() as session:
            service_url = _prepare_demo(session, arguments.kanal, arguments.service_url)
    finally:
        database.dispose()
    bot_url = reachable(settings.host, settings.port)
    params = {"platform": t(language, f"platform_{DEMO_PLATFORM}"), "account": DEMO_ACCOUNT}
    print(
        t(
            language,
            "demo_ready",
            channel=arguments.kanal,
            service_url=service_url,
            messages_url=f"{bot_url}/api/messages",
            playground_url=service_url.removesuffix("/_connector"),
            playground_port=urlparse(service_url).port or 80,
            **params,
        )
    )
    print()
    print(flag_curl(bot_url, settings.api_key.get_secret_value(), demo_flag(now())))
    print()
    print(t(language, "demo_then", **params))
    return 0


def _prepare_demo(session: Session, channel_id: str, service_url: str | None) -> str:
    """The demo account linked and the channel remembered; returns the service URL used: the
    one given, else the one the bot last saw the Playground use, else the Playground's
    default."""
    known = get_conversation(session, channel_id)
    url = service_url or (known.service_url if known else PLAYGROUND_SERVICE_URL)
    account = session.exec(
        select(Account).where(
            Account.platform == DEMO_PLATFORM, Account.name_key == name_key(DEMO_ACCOUNT)
        )
    ).first()
    linked = (
        account is not None
        and account.closed_at is None
        and account.channel_conversation_id == channel_id
        and account.url == DEMO_URL
    )
    if known is not None and known.service_url == url and linked:
        return url
    channel = Channel(channel_id, url, PLAYGROUND_BOT)
    if linked:
        bot_id, bot_name = (known.bot_id, known.bot_name) if known else channel.bot
        remember_conversation(
            session,
            ConversationInfo(
                conversation_id=channel_id,
                service_url=url,
                kind="channel",
                bot_id=bot_id,
                bot_name=bot_name,
            ),
            now(),
        )
        session.commit()
    else:
        _link(session, channel, DEMO_PLATFORM, DEMO_ACCOUNT, DEMO_URL)
    return url


def demo_flag(moment: datetime) -> dict[str, object]:
    """A flagged comment in Swedish, new each time (its id is the moment), written a minute
    ago so its 48 hours have just begun."""
    written = local(moment - timedelta(minutes=1)).replace(microsecond=0)
    stamp = written.strftime("%Y%m%d%H%M%S")
    return {
        "platform": DEMO_PLATFORM,
        "account": DEMO_ACCOUNT,
        "comment_id": f"demo_{stamp}",
        "post_id": "demo_1",
        "permalink": f"{DEMO_URL}/posts/1?comment_id={stamp}",
        "author": {"id": "fb-demo-77", "name": "Sven Svensson"},
        "text": "Du är en idiot som inte borde få jobba i kommunen!",
        "created_at": written.isoformat(),
        "category": "fortal",
        "reason": "personangrepp",
        "flagged_by": "modbot demo",
    }


def flag_curl(bot_url: str, api_key: str, body: dict[str, object]) -> str:
    """`curl` posting the flag to /api/flags, ready to paste into a POSIX shell."""
    parts = [f"curl -s {bot_url}/api/flags", "-H 'Content-Type: application/json'"]
    if api_key:
        parts.append(f"-H {shlex.quote(f'X-Api-Key: {api_key}')}")
    parts.append(f"-d {shlex.quote(json.dumps(body, ensure_ascii=False, indent=2))}")
    return " \\\n  ".join(parts)


def _http(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)
