"""Section 3: who may act on a case, in one place for every use case that acts on one."""

from sqlmodel import Session

from routine.decisions import Actor
from routine.errors import CaseNotFound
from routine.permissions import ensure_may_decide
from storage import bot_state, cases
from storage.accounts import get_account
from storage.models import Account, FlaggedCase
from storage.people import find_person, get_person, is_person


def case_to_act_on(
    session: Session, case_id: int, actor: Actor, acting_channel_id: str | None
) -> FlaggedCase:
    """The case, once it is known to exist and the actor may act on it: in its account's
    channel, and its officer or manager once the account has an officer."""
    case = cases.get_case(session, case_id)
    if case is None:
        raise CaseNotFound()
    account = get_account(session, case.account_id)
    assert account is not None
    ensure_may_act_for(session, account, actor, acting_channel_id)
    return case


def ensure_may_act_for(
    session: Session, account: Account, actor: Actor, acting_channel_id: str | None
) -> None:
    """In the account's channel, and its officer or manager once it has an officer."""
    officer = get_person(session, account.officer_person_id)
    manager = get_person(session, account.manager_person_id)
    vacant = officer is None and account.officer_left_at is not None
    strategist = None
    if vacant and manager is None:
        strategist_id = bot_state.get_value(session, bot_state.STRATEGIST_PERSON)
        strategist = find_person(session, strategist_id) if strategist_id else None
    ensure_may_decide(
        acting_channel_id,
        account.channel_conversation_id,
        officer=officer.name if officer else None,
        manager=manager.name if manager else None,
        holds_role=(
            is_person(officer, actor) or is_person(manager, actor) or is_person(strategist, actor)
        ),
        vacant=vacant,
        strategist=strategist.name if strategist else None,
    )
