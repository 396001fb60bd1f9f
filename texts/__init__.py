"""The message catalogue: every sentence a user reads, in Swedish and English.

Swedish is the default; English is used when a person's Teams client speaks English.
Adding a language is one more module with the same keys.
"""

from datetime import datetime, timedelta
from typing import Any

from routine.deadlines import local
from texts import en, sv

CATALOGUES: dict[str, dict[str, str]] = {"sv": sv.MESSAGES, "en": en.MESSAGES}
DEFAULT_LANGUAGE = "sv"


def language_for(locale: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    if locale:
        language = locale.split("-")[0].lower()
        if language in CATALOGUES:
            return language
    return default


def t(language: str, key: str, **params: Any) -> str:
    """The sentence `key` in `language`; moments in `params` are shown in Swedish time."""
    catalogue = CATALOGUES.get(language, CATALOGUES[DEFAULT_LANGUAGE])
    if not params:
        return catalogue[key]
    shown = {k: moment(v) if isinstance(v, datetime) else v for k, v in params.items()}
    return catalogue[key].format(**shown)


def moment(value: datetime) -> str:
    """Times read the Swedish way in both languages: 2026-11-25 14:32."""
    return local(value).strftime("%Y-%m-%d %H:%M")


def exact_moment(value: datetime) -> str:
    """To the second, for evidence: the order of screenshot, decision and removal matters."""
    return local(value).strftime("%Y-%m-%d %H:%M:%S")


def duration(language: str, value: timedelta) -> str:
    minutes = int(abs(value).total_seconds() // 60)
    return t(language, "duration", hours=minutes // 60, minutes=minutes % 60)


def time_left(language: str, value: timedelta) -> str:
    if value < timedelta(0):
        return t(language, "time_overdue", duration=duration(language, value))
    return t(language, "time_left", duration=duration(language, value))
