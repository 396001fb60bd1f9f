"""Routine 4.1: the hand-over of a synpunkt to kanslienheten, who registers it in Synpunkten."""

from bot.cards.elements import Element, card, facts, heading, line, open_url, quoted
from services.views import CaseView
from texts import moment, t


def kansli_card(case: CaseView, language: str) -> Element:
    decision = case.decision
    platform = t(language, f"platform_{case.platform}")
    pairs = [
        (t(language, "card_account"), f"{platform} · {case.account_name}"),
        (t(language, "card_author"), case.author_name),
        (t(language, "card_written"), moment(case.written_at)),
    ]
    if decision is not None:
        pairs.append(
            (t(language, "kansli_handed_over_by"), f"{decision.by_name}, {moment(decision.at)}")
        )
    body: list[Element] = [
        heading(t(language, "kansli_title", case=case.id)),
        line(t(language, "kansli_intro", platform=platform, account=case.account_name)),
        facts(pairs),
        quoted(case.text, t(language, "card_evidence_link")),
    ]
    if decision is not None and decision.note:
        body.append(quoted(t(language, "card_note_shown", note=decision.note)))
    return card(
        body,
        [
            open_url(t(language, "card_open_comment"), case.permalink),
            open_url(t(language, "card_evidence_link"), case.evidence_url),
        ],
    )
