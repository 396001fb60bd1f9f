"""Card button presses (Action.Execute), read into typed requests."""

from dataclasses import dataclass
from typing import Any

from bot.cards.case_card import DECISION_VERBS, VERB_CONFIRM_REMOVED
from routine.categories import Category, parse_category
from routine.errors import RoutineError

KNOWN_VERBS = frozenset({*DECISION_VERBS, VERB_CONFIRM_REMOVED})


class BadAction(RoutineError):
    """The press cannot be understood (unknown verb, no case id)."""

    key = "error_bad_action"


@dataclass(frozen=True)
class CardAction:
    verb: str
    case_id: int
    category: Category | None
    note: str | None


def read_action(value: Any) -> CardAction:
    if not isinstance(value, dict):
        raise BadAction()
    action = value.get("action")
    if not isinstance(action, dict):
        raise BadAction()
    verb = action.get("verb")
    data = action.get("data")
    if not isinstance(data, dict):
        raise BadAction()
    case_id = data.get("case")
    if verb not in KNOWN_VERBS or not isinstance(case_id, int | str) or isinstance(case_id, bool):
        raise BadAction()
    try:
        case_number = int(case_id)
    except ValueError:
        raise BadAction() from None
    note = data.get("note")
    category = data.get("category")
    return CardAction(
        verb=str(verb),
        case_id=case_number,
        category=parse_category(category if isinstance(category, str) else None),
        note=note.strip()[:2000] if isinstance(note, str) and note.strip() else None,
    )
