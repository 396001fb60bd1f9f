"""Routine 4.1: the answering department's card, with a field for the answer."""

from bot.cards.case_card import synpunkt_progress
from bot.cards.elements import Element, card, execute, heading, line, open_url, quoted
from services.views import CaseView
from texts import t

VERB_ANSWER = "synpunkt_answer"


def department_card(case: CaseView, language: str) -> Element:
    synpunkt = case.synpunkt
    platform = t(language, f"platform_{case.platform}")
    body: list[Element] = [heading(t(language, "department_title", case=case.id))]
    if synpunkt is not None:
        intro = t(
            language,
            "department_intro",
            moderator=synpunkt.handed_over_by,
            department=synpunkt.department or "",
            platform=platform,
            account=case.account_name,
        )
        body.append(line(intro))
    body.append(quoted(case.text))
    actions = [open_url(t(language, "card_open_comment"), case.permalink)]
    if synpunkt is None or synpunkt.answered_by is None:
        body.append(
            {
                "type": "Input.Text",
                "id": "answer",
                "label": t(language, "department_answer_label"),
                "isMultiline": True,
                "isRequired": True,
                "maxLength": 5000,
            }
        )
        actions.insert(
            0,
            execute(
                t(language, "department_send"), VERB_ANSWER, {"case": case.id}, style="positive"
            ),
        )
    else:
        answered = t(
            language, "department_answered", name=synpunkt.answered_by, at=synpunkt.answered_at
        )
        body.append(line(answered, color="Good", bold=True))
        body.extend(synpunkt_progress(synpunkt, language, answer_input=False))
    return card(body, actions)
