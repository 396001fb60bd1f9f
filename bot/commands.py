"""Text commands, routed through one table. Swedish names first, English as aliases."""

import shlex
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.dialogs.new_account import render
from bot.runtime import Runtime
from bot.turns import Turn
from routine.decisions import CaseState
from routine.errors import NoSuchAccount, NotInChannel, NotKansliRequest
from routine.platforms import parse_platform
from routine.records import period
from services import linking
from services.departments import departments, set_contact
from services.printout import mark_secret
from services.roles import Role
from services.upkeep import record_published
from storage import bot_state
from storage.accounts import accounts_in_channel, name_key
from storage.conversations import get_conversation
from storage.models import Account
from storage.people import get_person
from texts import t, time_left


@dataclass(frozen=True)
class Command:
    runtime: Runtime
    session: Session
    turn: Turn
    args: list[str]

    def say(self, key: str, **params: object) -> str:
        return t(self.turn.language, key, **params)

    def download(self, path: str, now: datetime) -> dict[str, object]:
        """A signed, expiring link to a document the command made: `url` and `until`."""
        until = now + self.runtime.link_ttl
        return {"url": self.runtime.signer.url(path, until), "until": until}


Handler = Callable[[Command], str]


def _help(command: Command) -> str:
    return command.say("help")


def _link(command: Command) -> str:
    if command.turn.channel_id is None:
        raise NotInChannel()
    if len(command.args) != 3:
        return command.say("link_usage")
    platform, name, url = command.args
    result = linking.link_channel(
        command.session,
        platform=platform,
        name=name,
        url=url,
        channel_conversation_id=command.turn.channel_id,
        actor=command.turn.actor,
        now=command.runtime.clock(),
    )
    shown = t(command.turn.language, f"platform_{result.account.platform}")
    key = "relinked" if result.moved_from else "linked"
    return command.say(key, platform=shown, name=result.account.name)


def _connect(command: Command) -> str:
    """`anslut facebook "Hjo kommun" <sid-id> env:NAMN`: the bot watches the account itself."""
    if command.turn.channel_id is None:
        raise NotInChannel()
    if len(command.args) != 4:
        return command.say("connect_usage")
    platform, name, platform_id, token_source = command.args
    account = linking.connect_platform(
        command.session,
        channel_conversation_id=command.turn.channel_id,
        platform=platform,
        name=name,
        platform_id=platform_id,
        token_source=token_source,
        actor=command.turn.actor,
        now=command.runtime.clock(),
    )
    shown = command.say(f"platform_{account.platform}")
    return command.say("connected", platform=shown, name=account.name, platform_id=platform_id)


def _accounts(command: Command) -> str:
    rows = linking.accounts(command.session)
    if not rows:
        return command.say("accounts_none")
    lines = [command.say("accounts_header")]
    for account in rows:
        if account.channel_conversation_id == command.turn.channel_id:
            channel = command.say("accounts_this_channel")
        else:
            known = get_conversation(command.session, account.channel_conversation_id)
            name = (known.channel_name if known else None) or account.channel_conversation_id
            channel = command.say("accounts_other_channel", channel=name)
        platform = command.say(f"platform_{account.platform}")
        lines.append(
            command.say(
                "accounts_line",
                platform=platform,
                name=account.name,
                url=account.url,
                channel=channel,
                officer=_holder(command, account.officer_person_id),
                manager=_holder(command, account.manager_person_id),
            )
            + _account_state(command, account)
        )
    return "\n".join(lines)


def _account_state(command: Command, account: Account) -> str:
    """Routine 2.1: an account with open checklist items is listed as such."""
    if account.closing_at is not None:
        return command.say("accounts_closing")
    remaining = len(command.runtime.registry.checklist(command.session, account).open_items)
    return command.say("accounts_checklist_open", count=remaining) if remaining else ""


def _holder(command: Command, person_id: int | None) -> str:
    person = get_person(command.session, person_id)
    return person.name if person else command.say("role_missing")


def _assign(role: Role) -> Handler:
    """`ansvarig @namn` / `byt ansvarig @namn` and `chef @namn`: the manager appoints. In a
    channel with several accounts the account is named (`byt ansvarig @namn "Hjo Bibliotek"`),
    so one account's manager never changes another account's roles."""

    def assign(command: Command) -> str:
        if command.turn.channel_id is None:
            raise NotInChannel()
        if len(command.turn.mentioned) != 1:
            return command.say("role_usage")
        person = command.turn.mentioned[0]
        accounts = _named_accounts(command, command.args)
        if command.args and not accounts:
            raise NoSuchAccount()
        if len(accounts) > 1:
            names = ", ".join(f'"{account.name}"' for account in accounts)
            return command.say("role_which_account", accounts=names)
        accounts, told = command.runtime.registry.appoint(
            command.session,
            accounts=accounts,
            role=role,
            person=person,
            actor=command.turn.actor,
            now=command.runtime.clock(),
        )
        key = "officer_set" if role is Role.OFFICER else "manager_set"
        said = command.say(key, name=person.name, accounts=", ".join(a.name for a in accounts))
        return said if told else f"{said}\n\n{command.say('strategist_not_linked')}"

    return assign


def _change(command: Command) -> str:
    """`byt ansvarig @namn` (and `byt chef @namn`)."""
    role = {"ansvarig": Role.OFFICER, "officer": Role.OFFICER, "chef": Role.MANAGER}.get(
        command.args[0].casefold() if command.args else ""
    )
    if role is None:
        return command.say("role_usage")
    return _assign(role)(Command(command.runtime, command.session, command.turn, command.args[1:]))


def _new_account(command: Command) -> str:
    """`nytt konto`: the registration dialog, in the channel that will moderate the account."""
    if [arg.casefold() for arg in command.args] not in (["konto"], ["account"]):
        return command.say("unknown_command")
    if command.turn.channel_id is None:
        raise NotInChannel()
    said = command.runtime.new_account.start(
        command.session, command.turn.channel_id, command.turn.actor, command.runtime.clock()
    )
    return render(command.turn.language, said)


def _checklist(command: Command) -> str:
    if command.turn.channel_id is None:
        raise NotInChannel()
    accounts = _named_accounts(command, command.args)
    if not accounts:
        return command.say("error_no_account_in_channel")
    now = command.runtime.clock()
    registry = command.runtime.registry
    for account in accounts:
        command.runtime.notifier.checklist(
            command.session, registry.checklist(command.session, account), now
        )
    command.session.commit()
    return command.say("checklist_posted", accounts=", ".join(a.name for a in accounts))


def _close(command: Command) -> str:
    """`avsluta konto [namn]`: the manager reports the account closed (section 3)."""
    if not command.args or command.args[0].casefold() not in ("konto", "account"):
        return command.say("unknown_command")
    if command.turn.channel_id is None:
        raise NotInChannel()
    accounts = _named_accounts(command, command.args[1:])
    if len(accounts) != 1:
        names = ", ".join(
            a.name for a in accounts_in_channel(command.session, command.turn.channel_id)
        )
        return command.say("close_which", accounts=names or "–")
    task, told = command.runtime.registry.close(
        command.session, accounts[0], command.turn.actor, command.runtime.clock()
    )
    said = command.say("closing_started", account=accounts[0].name)
    return said if told else f"{said}\n\n{command.say('strategist_not_linked')}"


def _named_accounts(command: Command, words: list[str]) -> list[Account]:
    """The channel's accounts, or the one the words name."""
    assert command.turn.channel_id is not None
    accounts = accounts_in_channel(command.session, command.turn.channel_id)
    if not words:
        return accounts
    wanted = name_key(" ".join(words))
    return [account for account in accounts if account.name_key == wanted]


def _one_account(command: Command, words: list[str]) -> Account:
    """`"Hjo kommun"` or `facebook "Hjo kommun"`: one of this channel's accounts."""
    if command.turn.channel_id is None:
        raise NotInChannel()
    platform = parse_platform(words[0]) if len(words) == 2 else None
    named = _named_accounts(command, words[1:] if platform else words)
    if platform is not None:
        named = [account for account in named if account.platform == platform.value]
    if len(named) != 1:
        raise NoSuchAccount()
    return named[0]


def _printout(command: Command) -> str:
    """`utdrag "Hjo kommun" 2026-11-01 2026-11-30`: routine 4, a printout on request."""
    if len(command.args) not in (3, 4):
        return command.say("printout_usage")
    *names, first, last = command.args
    account = _one_account(command, names)
    first_day, last_day = period(first, last)
    runtime = command.runtime
    now = runtime.clock()
    made = runtime.records.printouts.make(
        command.session, account, first_day, last_day, command.turn.actor, now
    )
    return command.say(
        "printout_ready",
        account=account.name,
        first=first_day,
        last=last_day,
        count=made.items,
        redacted=made.redacted,
        **command.download(f"/utdrag/{made.id}", now),
    )


def _secret(command: Command) -> str:
    """`sekretess "Hjo kommun" <id> "21 kap. 1 §"`: left out of printouts for release."""
    if len(command.args) not in (3, 4):
        return command.say("secret_usage")
    *names, comment_id, reason = command.args
    account = _one_account(command, names)
    mark = mark_secret(
        command.session, account, comment_id, reason, command.turn.actor, command.runtime.clock()
    )
    return command.say("secret_marked", comment_id=comment_id, reason=mark.reason)


def _archive_package(command: Command) -> str:
    """`arkivpaket "Hjo kommun" [<från> <till>]`: section 4, the half-year package for
    kommunarkivet; without dates, the half-year the latest archive date closed."""
    runtime = command.runtime
    now = runtime.clock()
    words = command.args
    if len(words) >= 3 and all(word[:1].isdigit() for word in words[-2:]):
        *words, first, last = words
        first_day, last_day = period(first, last)
    else:
        first_day, last_day = runtime.duties.archived_span(now)
    if not words:
        return command.say("archive_usage")
    account = _one_account(command, words)
    made = runtime.records.archives.make(
        command.session, account, first_day, last_day, command.turn.actor, now
    )
    return command.say(
        "archive_ready",
        account=account.name,
        first=first_day,
        last=last_day,
        files=made.payload_files,
        **command.download(f"/arkivpaket/{made.file.name}", now),
        start_page=command.say(
            "archive_start_page_included" if made.start_page else "archive_start_page_missing"
        ),
        sha256=made.sha256,
    )


def _culling(command: Command) -> str:
    """Section 5. `gallring "Hjo kommun"` proposes; `gallring godkänn 3` culls and records it;
    `gallring avbryt 3` drops the proposal; `gallring "Hjo kommun" 12` sets the culling age."""
    runtime = command.runtime
    cullings = runtime.cullings
    actor, channel, now = command.turn.actor, command.turn.channel_id, runtime.clock()
    words = command.args
    if len(words) == 2 and words[0].casefold() in _APPROVE | _CANCEL and words[1].isdigit():
        number = int(words[1])
        if words[0].casefold() in _CANCEL:
            cullings.cancel(command.session, number, actor, channel, now)
            return command.say("culling_cancelled", number=number)
        done = cullings.approve(command.session, number, actor, channel, now)
        return command.say(
            "culling_done", number=number, account=done.account_name, count=done.count
        )
    if not words:
        return command.say("culling_usage")
    if words[-1].isdigit():
        account = _one_account(command, words[:-1])
        months = cullings.set_age(command.session, account, words[-1], actor, channel, now)
        return command.say("culling_age_set", account=account.name, months=months)
    proposal = cullings.propose(command.session, _one_account(command, words), actor, channel, now)
    if not proposal.count:
        return command.say("culling_nothing", account=proposal.account_name, months=proposal.months)
    return command.say(
        "culling_proposed",
        number=proposal.id,
        account=proposal.account_name,
        count=proposal.count,
        months=proposal.months,
        older_than=proposal.older_than.date(),
        first=proposal.first_written_at,
        last=proposal.last_written_at,
    )


_APPROVE = frozenset({"godkänn", "godkann", "approve"})
_CANCEL = frozenset({"avbryt", "cancel"})


def _hold(command: Command) -> str:
    """`bevara "Hjo kommun" <id> "<skäl>"`: never culled; a post's hold covers its thread."""
    if len(command.args) not in (3, 4):
        return command.say("hold_usage")
    *names, comment_id, reason = command.args
    account = _one_account(command, names)
    runtime = command.runtime
    runtime.cullings.hold(
        command.session,
        account,
        comment_id,
        reason,
        command.turn.actor,
        command.turn.channel_id,
        runtime.clock(),
    )
    return command.say("hold_set", comment_id=comment_id, reason=reason)


def _personal_data(command: Command) -> str:
    """`personuppgifter <id>`: section 8.1, a data-subject request, in kanslienheten's channel
    (the registrar handles requests across every account)."""
    if len(command.args) != 1:
        return command.say("personal_data_usage")
    session, runtime = command.session, command.runtime
    if command.turn.channel_id != bot_state.get_value(session, bot_state.KANSLI_CONVERSATION):
        raise NotKansliRequest()
    now = runtime.clock()
    made = runtime.personal_data.export(session, command.args[0], command.turn.actor, now)
    return command.say(
        "personal_data_ready",
        author=command.args[0],
        comments=made.comments,
        cases=made.cases,
        **command.download(f"/personuppgifter/{made.file.name}", now),
    )


def _evidence_package(command: Command) -> str:
    """`bevispaket SM-2026-0001`: section 6, the file the registrar files under the number."""
    if len(command.args) != 1:
        return command.say("package_usage")
    runtime = command.runtime
    now = runtime.clock()
    made = runtime.records.evidence_packages.make(
        command.session, command.args[0], command.turn.actor, now, command.turn.channel_id or ""
    )
    return command.say(
        "package_ready",
        number=made.diarium_number,
        case=made.case_id,
        **command.download(f"/evidence/{made.case_id}/bevispaket/{made.file.name}", now),
        sha256=made.sha256,
    )


def _strategist(command: Command) -> str:
    if command.turn.channel_id is None:
        raise NotInChannel()
    if [arg.casefold() for arg in command.args] not in (["här"], ["har"], ["here"]):
        return command.say("unknown_command")
    told = command.runtime.registry.set_strategist_channel(
        command.session, command.turn.channel_id, command.turn.actor, command.runtime.clock()
    )
    return command.say("strategist_set", told=told)


def _published(command: Command) -> str:
    if command.turn.channel_id is None:
        raise NotInChannel()
    now = command.runtime.clock()
    accounts = record_published(command.session, command.turn.channel_id, command.turn.actor, now)
    return command.say("published_set", accounts=", ".join(a.name for a in accounts), at=now)


def _department(command: Command) -> str:
    """`avdelning här "Namn"` in the department's channel, or `avdelning "Namn" @person`."""
    args = command.args
    here = len(args) == 2 and args[0].casefold() in ("här", "har", "here")
    person = command.turn.mentioned[0] if len(command.turn.mentioned) == 1 else None
    if here and command.turn.channel_id is None:
        raise NotInChannel()
    if not (here or (len(args) == 1 and person is not None)):
        return command.say("department_usage")
    department = set_contact(
        command.session,
        name=args[-1],
        channel_conversation_id=command.turn.channel_id if here else None,
        person=None if here else person,
        actor=command.turn.actor,
        now=command.runtime.clock(),
    )
    if here:
        return command.say("department_set_channel", department=department.name)
    assert person is not None
    return command.say("department_set_person", department=department.name, person=person.name)


def _departments(command: Command) -> str:
    rows = departments(command.session)
    if not rows:
        return command.say("departments_none")
    lines = [command.say("departments_header")]
    for department in rows:
        person = get_person(command.session, department.person_id)
        channel = get_conversation(command.session, department.channel_conversation_id or "")
        contact = (
            (person.name if person else (channel.channel_name if channel else None))
            or department.channel_conversation_id
            or "–"
        )
        lines.append(command.say("departments_line", department=department.name, contact=contact))
    return "\n".join(lines)


def _synpunkter(command: Command) -> str:
    waiting = command.runtime.synpunkter.waiting(command.session, command.runtime.clock())
    if not waiting:
        return command.say("synpunkter_none")
    lines = [command.say("synpunkter_header")]
    for item in waiting:
        synpunkt = item.case.synpunkt
        state = "synpunkter_state_waiting"
        if synpunkt is not None and synpunkt.published_at is not None:
            state = "synpunkter_state_published"
        elif synpunkt is not None and synpunkt.answer is not None:
            state = "synpunkter_state_answered"
        lines.append(
            command.say(
                "synpunkter_line",
                case=item.case.id,
                platform=command.say(f"platform_{item.case.platform}"),
                account=item.case.account_name,
                author=item.case.author_name,
                vardagar=item.vardagar,
                state=command.say(state),
            )
        )
    return "\n".join(lines)


def _pending(command: Command) -> str:
    views = command.runtime.moderation.pending(
        command.session, command.turn.channel_id, command.runtime.clock()
    )
    if not views:
        return command.say("pending_none")
    lines = [command.say("pending_header")]
    for view in views:
        if view.state is CaseState.AWAITING_PLATFORM_REMOVAL and view.decision:
            state = command.say("pending_state_removal", diarium=view.decision.diarium_number)
        else:
            state = command.say("pending_state_open")
        lines.append(
            command.say(
                "pending_line",
                case=view.id,
                platform=command.say(f"platform_{view.platform}"),
                account=view.account_name,
                author=view.author_name,
                state=state,
                time_left=time_left(command.turn.language, view.time_left),
            )
        )
    return "\n".join(lines)


def _kansli(command: Command) -> str:
    if command.turn.channel_id is None:
        raise NotInChannel()
    if [arg.casefold() for arg in command.args] not in (["här"], ["har"], ["here"]):
        return command.say("unknown_command")
    linking.set_kansli_channel(
        command.session, command.turn.channel_id, command.turn.actor, command.runtime.clock()
    )
    return command.say("kansli_set")


COMMANDS: dict[str, Handler] = {
    "hjälp": _help,
    "hjalp": _help,
    "help": _help,
    "koppla": _link,
    "link": _link,
    "anslut": _connect,
    "connect": _connect,
    "konton": _accounts,
    "accounts": _accounts,
    "väntande": _pending,
    "vantande": _pending,
    "pending": _pending,
    "ansvarig": _assign(Role.OFFICER),
    "officer": _assign(Role.OFFICER),
    "chef": _assign(Role.MANAGER),
    "manager": _assign(Role.MANAGER),
    "publicerat": _published,
    "published": _published,
    "avdelning": _department,
    "department": _department,
    "avdelningar": _departments,
    "departments": _departments,
    "synpunkter": _synpunkter,
    "kansli": _kansli,
    "registry": _kansli,
    "nytt": _new_account,
    "new": _new_account,
    "checklista": _checklist,
    "checklist": _checklist,
    "byt": _change,
    "change": _change,
    "avsluta": _close,
    "close": _close,
    "utdrag": _printout,
    "extract": _printout,
    "sekretess": _secret,
    "secret": _secret,
    "arkivpaket": _archive_package,
    "archive": _archive_package,
    "gallring": _culling,
    "culling": _culling,
    "bevara": _hold,
    "hold": _hold,
    "personuppgifter": _personal_data,
    "personal-data": _personal_data,
    "bevispaket": _evidence_package,
    "evidence": _evidence_package,
    "strateg": _strategist,
    "strategist": _strategist,
}

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


DOCUMENT_COMMANDS = frozenset(
    name
    for name, handler in COMMANDS.items()
    if handler in (_printout, _evidence_package, _archive_package, _personal_data)
)
"""Commands that only read records and write a file: safe to run away from the event loop
(they queue no Teams messages)."""


def makes_a_document(text: str) -> bool:
    words = text.translate(_QUOTES).split(maxsplit=1)
    return bool(words) and words[0].casefold() in DOCUMENT_COMMANDS


def run_command(runtime: Runtime, session: Session, turn: Turn, text: str) -> str:
    """The reply to a command; anything unknown or malformed gets a short help text."""
    try:
        words = shlex.split(text.translate(_QUOTES))
    except ValueError:
        return t(turn.language, "link_usage")
    if not words:
        return t(turn.language, "help")
    handler = COMMANDS.get(words[0].casefold())
    if handler is None:
        return t(turn.language, "unknown_command")
    return handler(Command(runtime, session, turn, words[1:]))
