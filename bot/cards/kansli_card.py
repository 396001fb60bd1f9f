"""Routine 4.1: kanslienheten's card for one synpunkt, from hand-over to registration."""

from bot.cards.case_card import synpunkt_progress
from bot.cards.elements import Element, card, execute, facts, heading, line, open_url, quoted
from services.views import CaseView
from texts import moment, t

VERB_REGISTER = "synpunkt_register"


def kansli_card(case: CaseView, language: str) -> Element:
    decision = case.decision
    synpunkt = case.synpunkt
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
    actions = [
        open_url(t(language, "card_open_comment"), case.permalink),
        open_url(t(language, "card_evidence_link"), case.evidence_url),
    ]
    if synpunkt is not None:
        actions.append(open_url(t(language, "kansli_record_link"), synpunkt.record_url))
        if synpunkt.answer is None:
            body.append(line(t(language, "kansli_no_answer"), color="Warning"))
        body.extend(synpunkt_progress(synpunkt, language, answer_input=False))
        if synpunkt.reference is None:
            body.append(
                {
                    "type": "Input.Text",
                    "id": "reference",
                    "label": t(language, "kansli_reference"),
                    "isRequired": True,
                    "maxLength": 40,
                }
            )
            actions.insert(
                0,
                execute(
                    t(language, "kansli_register_button"),
                    VERB_REGISTER,
                    {"case": case.id},
                    style="positive",
                ),
            )
    return card(body, actions)
