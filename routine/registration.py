"""Sections 2 and 2.1: the questions asked when an account is registered, and what counts as
an answer. Each bad answer names its reason, so the question can be asked again."""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlparse

from routine.decisions import Actor
from routine.platforms import Platform, parse_platform


class Step(StrEnum):
    PLATFORM = "platform"
    NAME = "name"
    URL = "url"
    UNIT = "unit"
    PURPOSE = "purpose"
    TARGET_GROUP = "target_group"
    OFFICER = "officer"
    MANAGER = "manager"
    CONTACT = "contact"
    CONFIRM = "confirm"


ORDER = list(Step)
CANCEL_WORDS = frozenset({"avbryt", "cancel"})
START_WORDS = frozenset({"nytt konto", "new account"})
YES_WORDS = frozenset({"ja", "j", "yes", "y", "ok"})
USE_MUNICIPALITY_CONTACT = frozenset({"-", "kontaktcenter", "contact centre", "contact center"})

PLATFORM_HOSTS: dict[Platform, tuple[str, ...]] = {
    Platform.FACEBOOK: ("facebook.com", "fb.com", "fb.me"),
    Platform.INSTAGRAM: ("instagram.com",),
    Platform.YOUTUBE: ("youtube.com", "youtu.be"),
}
URL_EXAMPLES: dict[str, str] = {
    Platform.FACEBOOK.value: "https://www.facebook.com/hjokommun",
    Platform.INSTAGRAM.value: "https://www.instagram.com/hjokommun",
    Platform.YOUTUBE.value: "https://www.youtube.com/@hjokommun",
}
"""The link question's example, for the platform chosen in the answer before."""
_LIMITS: dict[Step, tuple[int, int]] = {
    Step.NAME: (2, 200),
    Step.UNIT: (2, 200),
    Step.PURPOSE: (3, 1000),
    Step.TARGET_GROUP: (2, 1000),
    Step.CONTACT: (5, 500),
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d\s-]{5,}\d")


class BadAnswer(Exception):
    """Why an answer cannot be used; `key` names the sentence that says so."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Answer:
    text: str
    mentioned: tuple[Actor, ...] = ()


def is_cancel(text: str) -> bool:
    return text.strip().casefold() in CANCEL_WORDS


def is_start(text: str) -> bool:
    """`nytt konto` again while one is going: show where the person is, answer nothing."""
    return " ".join(text.split()).casefold() in START_WORDS


FREE_TEXT = frozenset({Step.NAME, Step.UNIT, Step.PURPOSE, Step.TARGET_GROUP, Step.CONTACT})


def is_command(text: str, step: Step, commands: frozenset[str]) -> bool:
    """A known command typed during a registration (`väntande`, `hjälp` …) is not taken as an
    answer. Where the answer is free text, only a command on its own counts: a purpose may
    well begin with "hjälp"."""
    words = text.split()
    if not words or words[0].casefold() not in commands:
        return False
    return len(words) == 1 or step not in FREE_TEXT


def is_yes(text: str) -> bool:
    return text.strip().casefold().rstrip("!.") in YES_WORDS


def next_step(step: Step) -> Step | None:
    index = ORDER.index(step)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def read_answer(step: Step, answer: Answer, data: dict[str, Any]) -> dict[str, Any]:
    """The values an answer gives, or BadAnswer. `data` holds what was answered before."""
    text = " ".join(answer.text.split())
    if step is Step.PLATFORM:
        platform = parse_platform(text)
        if platform is None:
            raise BadAnswer("registration_bad_platform", answer=text)
        return {"platform": platform.value}
    if step is Step.URL:
        return {"url": _platform_url(text, Platform(data["platform"]))}
    if step is Step.OFFICER:
        return {"officer": _one_person(answer)}
    if step is Step.MANAGER:
        return {"manager": _manager(answer, data)}
    if step is Step.CONTACT:
        return {"contact": _contact(text)}
    if step is Step.CONFIRM:
        if not is_yes(text):
            raise BadAnswer("registration_confirm_again")
        return {}
    return {step.value: _bounded(step, text)}


def person_data(person: Actor) -> dict[str, str | None]:
    return {"id": person.id, "name": person.name, "aad_object_id": person.aad_object_id}


def person_from(data: dict[str, Any]) -> Actor:
    return Actor(id=data["id"], name=data["name"], aad_object_id=data.get("aad_object_id"))


def _bounded(step: Step, text: str) -> str:
    shortest, longest = _LIMITS[step]
    if not shortest <= len(text) <= longest:
        raise BadAnswer("registration_bad_length", shortest=shortest, longest=longest)
    return text


def _platform_url(text: str, platform: Platform) -> str:
    parsed = urlparse(text if "://" in text else f"https://{text}")
    host = (parsed.hostname or "").lower()
    if parsed.scheme not in ("https", "http") or "." not in host or len(text) > 500:
        raise BadAnswer("registration_bad_url", answer=text)
    if not any(host == known or host.endswith("." + known) for known in PLATFORM_HOSTS[platform]):
        raise BadAnswer("registration_url_not_platform", platform=platform.value)
    return parsed.geturl().rstrip("/")


def _one_person(answer: Answer) -> dict[str, str | None]:
    if len(answer.mentioned) != 1:
        raise BadAnswer("registration_mention_one")
    return person_data(answer.mentioned[0])


def _manager(answer: Answer, data: dict[str, Any]) -> dict[str, str | None]:
    proposed = data.get("proposed_manager")
    if not answer.mentioned and proposed and is_yes(answer.text):
        manager = proposed
    else:
        manager = _one_person(answer)
    officer = data["officer"]
    if manager["id"] == officer["id"] or (
        manager.get("aad_object_id") and manager["aad_object_id"] == officer.get("aad_object_id")
    ):
        raise BadAnswer("registration_manager_is_officer")
    return dict(manager)


def _contact(text: str) -> str | None:
    """Contact details shown in the public list: an e-mail address or a phone number the unit
    gives for that purpose; `-` means the municipality's contact centre."""
    if text.casefold() in USE_MUNICIPALITY_CONTACT:
        return None
    _bounded(Step.CONTACT, text)
    if not (_EMAIL.search(text) or _PHONE.search(text)):
        raise BadAnswer("registration_bad_contact")
    return text
