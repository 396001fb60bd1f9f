"""Section 3: who may act on a case, in one place for every use case that acts on one."""

from sqlmodel import Session

from routine.errors import CaseNotFound
from routine.permissions import ensure_may_decide
from storage import cases
from storage.accounts import get_account
from storage.models import FlaggedCase


def case_to_act_on(session: Session, case_id: int, acting_channel_id: str | None) -> FlaggedCase:
    """The case, once it is known to exist and the actor is in its account's channel."""
    case = cases.get_case(session, case_id)
    if case is None:
        raise CaseNotFound()
    account = get_account(session, case.account_id)
    assert account is not None
    ensure_may_decide(acting_channel_id, account.channel_conversation_id)
    return case
