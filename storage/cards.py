"""Cards posted about cases, so each copy can be found from a reply and updated."""

from sqlmodel import Session, select

from storage.models import Card


def cards_for_case(session: Session, case_id: int) -> list[Card]:
    return list(session.exec(select(Card).where(Card.case_id == case_id)))


def card_by_activity(session: Session, activity_id: str) -> Card | None:
    return session.exec(select(Card).where(Card.activity_id == activity_id)).first()


def get_card(session: Session, card_id: int) -> Card | None:
    return session.get(Card, card_id)
