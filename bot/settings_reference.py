"""docs/settings.md, rendered from `Settings` itself: the fields' defaults and descriptions are
the reference, so a setting added, renamed or changed in bot/settings.py cannot leave the docs
behind (tests/test_settings_reference.py fails until docs/settings.md is regenerated)."""

from datetime import time

from pydantic import SecretStr

from bot.settings import Settings

REGENERATE = (
    '.venv/bin/python -c "from bot.settings_reference import settings_reference_markdown; '
    "print(settings_reference_markdown(), end='')\" > docs/settings.md"
)
"""The command that rewrites docs/settings.md; the page and the failing test both quote it."""

_PAGE = """\
# Settings

This page is generated from the field descriptions in `bot/settings.py`; do not edit it by hand.
After changing a setting, regenerate it from the checkout:

```sh
{regenerate}
```

Every setting is an environment variable; nothing secret is in the repository. A value that
cannot be right (a diarium prefix that is not 1–10 capital letters, dates that are not MM-DD, a
number out of its range, one of the Graph or kansli settings without its partners, a coat of
arms file that is not there) stops every `modbot` command at start, with the reason.

## Development mode

Local development mode is chosen with `MODBOT_DEVELOPMENT=true`, which is how `./scripts/start`
starts the bot; a missing or misspelt app id never turns it on. In it `/api/messages` takes
requests without a Bot Framework token (the Agents Playground sends none), `/api/flags` needs no
key unless `MODBOT_API_KEY` is set, outgoing calls carry no token, and the link secret is made on
first start and kept in the database. A warning at start says so. It refuses to start, and says
why, where a network could reach it:

{development_refusals}

A `MODBOT_*` variable that is no setting (a typo such as `MODBOT_APPID`) is reported at start
with the closest setting's name.

## Outside development

Outside development mode the bot refuses to start, and says why, unless each of these is met:

{refusals}

Then `/api/messages` answers 401 to any request without a valid Bot Framework token (how it is
checked: `bot/token_check.py`), and outgoing calls use the bot's token from msal. These checks are
made when serving starts, so the commands that do not serve (such as `modbot jobs` and
`modbot package`) work without the serving secrets.

## Variables

| variable | default | meaning |
| --- | --- | --- |
{rows}
"""


def settings_reference_markdown() -> str:
    """The whole of docs/settings.md. Reads only the class, never the environment, so it renders
    the same on every machine."""
    prefix = Settings.model_config.get("env_prefix", "")
    rows = "\n".join(
        f"| `{prefix}{name.upper()}` | {_shown(field.default)} | {field.description} |"
        for name, field in Settings.model_fields.items()
    )
    refusals = "\n".join(f"- {problem}" for problem in _refusals())
    development = "\n".join(f"- {problem}" for problem in _development_refusals())
    return _PAGE.format(
        regenerate=REGENERATE, refusals=refusals, development_refusals=development, rows=rows
    )


def _refusals() -> list[str]:
    """Every check of `unsafe_to_serve`, in its own words: it is asked about the barest
    configuration outside development (nothing set; SingleTenant, so that the tenant rule
    shows too). Built without reading the environment or validating."""
    bare = Settings.model_construct(app_type="SingleTenant")
    return bare.unsafe_to_serve()


def _development_refusals() -> list[str]:
    """The development mode's own checks, asked about a configuration that breaks each."""
    exposed = Settings.model_construct(
        development=True, host="0.0.0.0", public_url="https://modbot.example", app_id="app-id"
    )
    return exposed.unsafe_to_serve()


def _shown(default: object) -> str:
    """A default as it is written in the environment: times as HH:MM, booleans in lower case,
    and an empty value (every secret's) as *(empty)*."""
    if isinstance(default, SecretStr):
        default = default.get_secret_value()
    if default is None or default == "":
        return "*(empty)*"
    if isinstance(default, time):
        return f"`{default:%H:%M}`"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return f"`{default}`"
