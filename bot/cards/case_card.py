"""The card a moderator decides from, in every state of its case."""

from bot.cards.elements import Element, card, execute, facts, heading, line, open_url, quoted
from routine.categories import Category
from routine.decisions import CaseState, DecisionKind
from services.views import CaseView, DecisionView, SynpunktView
from texts import duration, moment, t, time_left

VERB_KEEP = "keep"
VERB_ROUTINE_QUESTION = "keep_routine"
VERB_REMOVE = "remove"
VERB_SYNPUNKT = "synpunkt"
VERB_CONFIRM_REMOVED = "confirm_removed"
VERB_REMOVE_ON_PLATFORM = "remove_on_platform"
VERB_ANSWER_PUBLISHED = "synpunkt_published"
VERB_FRESH_LINK = "fresh_link"
"""The card again with a fresh evidence link: a link on a card expires, the card does not. An
open card has no room for it (Teams shows six actions) and gets a fresh link at every press."""
REMOVAL_MATTERS = (CaseState.OPEN, CaseState.AWAITING_PLATFORM_REMOVAL, CaseState.REMOVED)
"""A kept comment or a synpunkt has no removal deadline to show."""
DECISION_VERBS = {
    VERB_KEEP: DecisionKind.KEEP,
    VERB_ROUTINE_QUESTION: DecisionKind.ROUTINE_QUESTION,
    VERB_REMOVE: DecisionKind.REMOVE,
    VERB_SYNPUNKT: DecisionKind.SYNPUNKT,
}


def case_card(case: CaseView, language: str, notice: str | None = None) -> Element:
    body: list[Element] = [heading(t(language, "card_title", case=case.id))]
    if notice:
        body.append(line(notice, color="Attention", bold=True))
    if case.own_screenshot_needed:
        body.append(line(t(language, "card_own_screenshot_needed"), color="Attention", bold=True))
    body.append(facts(_facts(case, language)))
    body.append(quoted(case.text, t(language, "card_evidence_link")))
    body.extend(_decision_part(case, language))
    return card(body, _actions(case, language))


def _facts(case: CaseView, language: str) -> list[tuple[str, str]]:
    pairs = [
        (t(language, "card_account"), f"{_platform(case, language)} · {case.account_name}"),
        (t(language, "card_author"), f"{case.author_name} ({case.author_id})"),
        (t(language, "card_written"), moment(case.written_at)),
    ]
    if case.state in REMOVAL_MATTERS:
        pairs.append((t(language, "card_deadline"), moment(case.deadline)))
    if case.state in (CaseState.OPEN, CaseState.AWAITING_PLATFORM_REMOVAL):
        pairs.append((t(language, "card_time_left"), time_left(language, case.time_left)))
    if case.suggested_category:
        pairs.append((t(language, "card_suggested"), _category(case.suggested_category, language)))
    if case.reason:
        pairs.append((t(language, "card_reason"), case.reason))
    if case.flagged_by:
        pairs.append((t(language, "card_flagged_by"), case.flagged_by))
    pairs.append(
        (
            t(language, "card_evidence"),
            t(language, "card_evidence_count", count=case.evidence_count),
        )
    )
    return pairs


def _decision_part(case: CaseView, language: str) -> list[Element]:
    decision = case.decision
    if decision is None:
        return _inputs(case, language)
    key = {
        DecisionKind.KEEP: "card_decided_keep",
        DecisionKind.ROUTINE_QUESTION: "card_decided_routine_question",
        DecisionKind.REMOVE: "card_decided_remove",
        DecisionKind.SYNPUNKT: "card_decided_synpunkt",
    }[decision.kind]
    parts: list[Element] = [
        line(t(language, key, name=decision.by_name, at=decision.at), bold=True)
    ]
    if decision.category:
        category = _category(decision.category, language)
        parts.append(line(t(language, "card_category_shown", category=category)))
    if decision.note:
        parts.append(quoted(t(language, "card_note_shown", note=decision.note)))
    if decision.diarium_number:
        parts.append(facts([(t(language, "card_diarium"), decision.diarium_number)]))
    if case.state is CaseState.AWAITING_PLATFORM_REMOVAL:
        parts.extend(_removal_pending(case, decision, language))
    if decision.removed_at is not None:
        key = "card_removed_by_platform" if decision.removed_by_platform else "card_removed"
        removed = t(
            language,
            key,
            at=decision.removed_at,
            name=decision.removed_by_name,
            platform=_platform(case, language),
        )
        parts.append(line(removed, color="Good"))
    if decision.late_by is not None:
        late = t(language, "card_removed_late", late=duration(language, decision.late_by))
        parts.append(line(late, color="Attention", bold=True))
    if case.synpunkt is not None:
        parts.extend(synpunkt_progress(case.synpunkt, language, answer_input=True))
    return parts


def _removal_pending(case: CaseView, decision: DecisionView, language: str) -> list[Element]:
    platform = _platform(case, language)
    if not case.connected:
        return [line(t(language, "card_remove_instruction", platform=platform))]
    if decision.platform_error_kind is None:
        return [line(t(language, "card_remove_connected", platform=platform))]
    failed = t(
        language,
        f"card_platform_{decision.platform_error_kind}",
        platform=platform,
        at=decision.platform_error_at,
        reason=decision.platform_error,
    )
    return [
        line(failed, color="Attention", bold=True),
        line(t(language, "card_platform_retry", platform=platform)),
    ]


def synpunkt_progress(
    synpunkt: SynpunktView, language: str, *, answer_input: bool
) -> list[Element]:
    """Routine 4.1's chain as the moderator, kanslienheten and the department all see it."""
    parts: list[Element] = []
    if synpunkt.answer is None and synpunkt.department:
        parts.append(line(t(language, "synpunkt_waiting", department=synpunkt.department)))
    if synpunkt.answered_by and synpunkt.department and synpunkt.published_at is None:
        shown = t(
            language,
            "synpunkt_answer_from",
            department=synpunkt.department,
            name=synpunkt.answered_by,
        )
        parts.append(line(shown, color="Accent", bold=True))
    if synpunkt.published_at is not None:
        published = t(
            language, "synpunkt_published", at=synpunkt.published_at, name=synpunkt.published_by
        )
        parts.append(line(published, color="Good"))
    if synpunkt.answer and (synpunkt.published_at is not None or not answer_input):
        parts.append(quoted(synpunkt.answer))
    if answer_input and synpunkt.published_at is None:
        parts.append(
            {
                "type": "Input.Text",
                "id": "answer",
                "label": t(language, "synpunkt_answer_label"),
                "isMultiline": True,
                "maxLength": 5000,
                "value": synpunkt.answer or "",
            }
        )
    if synpunkt.reference is not None:
        registered = t(
            language,
            "synpunkt_registered",
            reference=synpunkt.reference,
            name=synpunkt.registered_by,
            at=synpunkt.registered_at,
        )
        parts.append(line(registered, color="Good", bold=True))
    return parts


def _inputs(case: CaseView, language: str) -> list[Element]:
    choices = [{"title": _category(c.value, language), "value": c.value} for c in Category]
    category: Element = {
        "type": "Input.ChoiceSet",
        "id": "category",
        "label": t(language, "card_category"),
        "placeholder": t(language, "card_category_placeholder"),
        "choices": choices,
        "style": "compact",
    }
    if case.suggested_category:
        category["value"] = case.suggested_category
    inputs = [category]
    if case.departments:
        inputs.append(
            {
                "type": "Input.ChoiceSet",
                "id": "department",
                "label": t(language, "card_department"),
                "placeholder": t(language, "card_department_placeholder"),
                "choices": [{"title": name, "value": str(key)} for key, name in case.departments],
                "style": "compact",
            }
        )
    note: Element = {
        "type": "Input.Text",
        "id": "note",
        "label": t(language, "card_note"),
        "placeholder": t(language, "card_note_placeholder"),
        "isMultiline": True,
        "maxLength": 2000,
    }
    return [*inputs, note]


def _actions(case: CaseView, language: str) -> list[Element]:
    data = {"case": case.id}
    actions: list[Element] = []
    if case.state is CaseState.OPEN:
        actions = [
            execute(t(language, "card_keep"), VERB_KEEP, data),
            execute(t(language, "card_keep_routine"), VERB_ROUTINE_QUESTION, data),
            execute(t(language, "card_remove"), VERB_REMOVE, data, style="destructive"),
            execute(t(language, "card_synpunkt"), VERB_SYNPUNKT, data),
        ]
    elif case.synpunkt is not None and case.synpunkt.published_at is None:
        actions = [
            execute(
                t(language, "synpunkt_published_button"),
                VERB_ANSWER_PUBLISHED,
                data,
                style="positive",
            )
        ]
    elif case.state is CaseState.AWAITING_PLATFORM_REMOVAL and case.connected:
        retry = t(language, "card_remove_on_platform", platform=_platform(case, language))
        actions = [
            execute(retry, VERB_REMOVE_ON_PLATFORM, data, style="destructive"),
            execute(t(language, "card_confirm_removed"), VERB_CONFIRM_REMOVED, data),
        ]
    elif case.state is CaseState.AWAITING_PLATFORM_REMOVAL:
        actions = [
            execute(
                t(language, "card_confirm_removed"), VERB_CONFIRM_REMOVED, data, style="positive"
            )
        ]
    actions.append(open_url(t(language, "card_open_comment"), case.permalink))
    actions.append(open_url(t(language, "card_evidence_link"), case.evidence_url))
    if case.state is not CaseState.OPEN:
        actions.append(execute(t(language, "card_fresh_link"), VERB_FRESH_LINK, data))
    return actions


def _platform(case: CaseView, language: str) -> str:
    return t(language, f"platform_{case.platform}")


def _category(value: str, language: str) -> str:
    return t(language, f"category_{value}")
