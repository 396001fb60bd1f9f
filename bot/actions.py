"""Card button presses (Action.Execute), read into typed requests."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.cards.case_card import (
    DECISION_VERBS,
    VERB_ANSWER_PUBLISHED,
    VERB_CONFIRM_REMOVED,
    VERB_FRESH_LINK,
    VERB_REMOVE_ON_PLATFORM,
)
from bot.cards.checklist_card import NOTE_INPUT, VERB_TICK
from bot.cards.department_card import VERB_ANSWER
from bot.cards.digest_card import VERB_ATTEST, VERB_PUBLISHED
from bot.cards.duty_card import VERB_DUTY_DONE
from bot.cards.kansli_card import VERB_REGISTER
from routine.categories import Category, parse_category
from routine.checklist import Item, parse_item
from routine.errors import RoutineError

CASE_VERBS = frozenset(
    {
        *DECISION_VERBS,
        VERB_CONFIRM_REMOVED,
        VERB_REMOVE_ON_PLATFORM,
        VERB_ANSWER,
        VERB_ANSWER_PUBLISHED,
        VERB_REGISTER,
        VERB_FRESH_LINK,
    }
)


class BadAction(RoutineError):
    """The press cannot be understood (unknown verb, missing or malformed data)."""

    key = "error_bad_action"


@dataclass(frozen=True)
class CaseAction:
    verb: str
    case_id: int
    category: Category | None
    note: str | None
    department_id: int | None = None
    answer: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class AttestAction:
    day: date


@dataclass(frozen=True)
class DutyAction:
    task_id: int
    reference: str | None


@dataclass(frozen=True)
class ChecklistAction:
    account_id: int
    item: Item
    exception: bool
    note: str | None


@dataclass(frozen=True)
class PublishedAction:
    """The account was updated on the platform just now."""


Action = CaseAction | AttestAction | DutyAction | PublishedAction | ChecklistAction


def read_action(value: Any) -> Action:
    action = value.get("action") if isinstance(value, dict) else None
    data = action.get("data") if isinstance(action, dict) else None
    if not isinstance(action, dict) or not isinstance(data, dict):
        raise BadAction()
    verb = action.get("verb")
    if verb == VERB_ATTEST:
        return AttestAction(day=_day(data.get("day")))
    if verb == VERB_PUBLISHED:
        return PublishedAction()
    if verb == VERB_TICK:
        item = parse_item(data.get("item"))
        if item is None:
            raise BadAction()
        return ChecklistAction(
            account_id=_number(data.get("account")),
            item=item,
            exception=data.get("exception") is True,
            note=_text(data.get(NOTE_INPUT)),
        )
    if verb == VERB_DUTY_DONE:
        reference = data.get("reference")
        return DutyAction(
            task_id=_number(data.get("task")),
            reference=reference if isinstance(reference, str) else None,
        )
    if verb not in CASE_VERBS:
        raise BadAction()
    note = _text(data.get("note"))
    category = data.get("category")
    department = data.get("department")
    return CaseAction(
        verb=str(verb),
        case_id=_number(data.get("case")),
        category=parse_category(category if isinstance(category, str) else None),
        note=note[:2000] if note else None,
        department_id=_number(department) if department not in (None, "") else None,
        answer=_text(data.get("answer")),
        reference=_text(data.get("reference")),
    )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _number(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise BadAction()
    try:
        return int(value)
    except ValueError:
        raise BadAction() from None


def _day(value: object) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BadAction() from None
