"""Section 3: who may decide on an account's comments, and who may change who is responsible.

Cards are acted on only in the account's own channel (a card forwarded or copied elsewhere
gives no right to decide). Once the account has a responsible officer, the officer and the
manager decide: an officer who is replaced loses the right with the role. When the officer
leaves, the manager decides until a successor is appointed: a role never lapses to anyone in
the channel. Only an account that has neither yet (just linked) is decided on by its channel,
so that the 48 hours do not run out before anyone is appointed.
"""

from routine.errors import (
    NotInLinkedChannel,
    NotManager,
    NotOfficer,
    NotOfficerOrManager,
    NotStrategist,
)


def ensure_may_decide(
    acting_channel_id: str | None,
    linked_channel_id: str,
    *,
    officer: str | None,
    manager: str | None,
    holds_role: bool,
    vacant: bool = False,
    strategist: str | None = None,
) -> None:
    """`officer` and `manager` are the names of who holds the roles (None: nobody), so that a
    refusal names who may act. `vacant`: the officer left; with no manager either, only the
    strategist (`holds_role` then says whether the actor is the strategist) decides."""
    if acting_channel_id != linked_channel_id:
        raise NotInLinkedChannel()
    if holds_role or (officer is None and manager is None and not vacant):
        return
    if officer is None and manager is None:
        raise NotStrategist(strategist=strategist or "kommunikationsstrategen")
    if officer is None:
        raise NotManager(manager=manager)
    if manager is None:
        raise NotOfficer(officer=officer)
    raise NotOfficerOrManager(officer=officer, manager=manager)


def ensure_may_appoint(*, manager: str | None, is_manager: bool) -> None:
    """Section 3: the manager appoints the officer and reports closing. An account without a
    manager yet can be given one (and an officer) by its channel."""
    if manager is not None and not is_manager:
        raise NotManager(manager=manager)
