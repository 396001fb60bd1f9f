"""Section 3 and 4: what a moderator can decide about a flagged comment, and what follows."""

from dataclasses import dataclass
from enum import StrEnum


class DecisionKind(StrEnum):
    KEEP = "keep"
    ROUTINE_QUESTION = "routine_question"
    """Routine 4.1: kept, and a routine question that needs no registration in Synpunkten."""
    REMOVE = "remove"
    SYNPUNKT = "synpunkt"


class CaseState(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    AWAITING_PLATFORM_REMOVAL = "awaiting_platform_removal"
    REMOVED = "removed"
    SYNPUNKT = "synpunkt"


@dataclass(frozen=True)
class Actor:
    """A person acting in Teams: the Teams user id, the Entra object id when known, the name."""

    id: str
    name: str
    aad_object_id: str | None = None


def case_state(decision: DecisionKind | None, removed_on_platform: bool) -> CaseState:
    """A case's state follows from its decision; it is never stored separately."""
    if decision is None:
        return CaseState.OPEN
    if decision in (DecisionKind.KEEP, DecisionKind.ROUTINE_QUESTION):
        return CaseState.KEPT
    if decision is DecisionKind.SYNPUNKT:
        return CaseState.SYNPUNKT
    return CaseState.REMOVED if removed_on_platform else CaseState.AWAITING_PLATFORM_REMOVAL
