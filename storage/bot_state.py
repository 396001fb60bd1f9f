"""Named values kept between restarts."""

from sqlmodel import Session

from storage.models import BotState

KANSLI_CONVERSATION = "kansli_conversation_id"
STRATEGIST_CONVERSATION = "strategist_conversation_id"
STRATEGIST_PERSON = "strategist_teams_user_id"
"""Who said `strateg här`: the one who decides on an account left without officer and
manager."""
DEV_LINK_SECRET = "development_link_secret"
PSEUDONYM_KEY = "pseudonym_key"


def get_value(session: Session, key: str) -> str | None:
    row = session.get(BotState, key)
    return row.value if row else None


def set_value(session: Session, key: str, value: str) -> None:
    row = session.get(BotState, key) or BotState(key=key, value=value)
    row.value = value
    session.add(row)
    session.flush()
