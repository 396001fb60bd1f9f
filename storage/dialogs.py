"""Dialogs in progress, one per person and conversation, kept across restarts."""

import json
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from storage.models import DialogState


def find_dialog(session: Session, conversation_id: str, user_id: str) -> DialogState | None:
    return session.exec(
        select(DialogState).where(
            DialogState.conversation_id == conversation_id, DialogState.user_id == user_id
        )
    ).first()


def save_dialog(
    session: Session,
    *,
    conversation_id: str,
    user_id: str,
    dialog: str,
    step: str,
    data: dict[str, Any],
    now: datetime,
) -> None:
    state = find_dialog(session, conversation_id, user_id) or DialogState(
        conversation_id=conversation_id, user_id=user_id, dialog=dialog, step=step, updated_at=now
    )
    state.dialog = dialog
    state.step = step
    state.data = json.dumps(data, ensure_ascii=False)
    state.updated_at = now
    session.add(state)
    session.flush()


def end_dialog(session: Session, conversation_id: str, user_id: str) -> bool:
    state = find_dialog(session, conversation_id, user_id)
    if state is None:
        return False
    session.delete(state)
    session.flush()
    return True


def dialog_data(state: DialogState) -> dict[str, Any]:
    data = json.loads(state.data)
    return data if isinstance(data, dict) else {}
