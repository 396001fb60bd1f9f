"""Every card the bot can send validates against the official Adaptive Card 1.5 schema."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.cards.case_card import case_card
from bot.cards.department_card import department_card
from bot.cards.digest_card import digest_card
from bot.cards.duty_card import duty_card
from bot.cards.kansli_card import kansli_card
from routine.decisions import CaseState, DecisionKind
from routine.halfyear import Duty
from services.views import CaseView, DecisionView, DigestView, SynpunktView, TaskView
from tests.schemas import assert_valid_card

WRITTEN = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)

OPEN = CaseView(
    id=7,
    platform="facebook",
    account_name="Hjo kommun",
    channel_conversation_id="19:moderatorer@thread.tacv2",
    permalink="https://facebook.com/hjokommun/posts/1",
    post_id="1",
    author_name="Sven [klicka](https://evil.example)",
    author_id="fb-1",
    text="# Rubrik\n" + "å" * 5000,
    written_at=WRITTEN,
    deadline=WRITTEN + timedelta(hours=48),
    time_left=timedelta(hours=47),
    suggested_category="fortal",
    reason="personangrepp",
    flagged_by="Anna",
    evidence_count=2,
    evidence_url="http://localhost:3978/evidence/7?exp=1&sig=x",
    state=CaseState.OPEN,
    decision=None,
)


def _decided(
    kind: DecisionKind, *, removed: bool = False, late: bool = False, by_platform: bool = False
) -> CaseView:
    decision = DecisionView(
        kind=kind,
        category="fortal",
        note="Anteckning",
        by_name="Anna",
        at=WRITTEN + timedelta(hours=1),
        diarium_number="SM-2026-0001" if kind is DecisionKind.REMOVE else None,
        removed_at=WRITTEN + timedelta(hours=50 if late else 2) if removed else None,
        removed_by_name="Anna" if removed else None,
        late_by=timedelta(hours=2) if late else None,
        removed_by_platform=by_platform,
    )
    states = {
        DecisionKind.KEEP: CaseState.KEPT,
        DecisionKind.SYNPUNKT: CaseState.SYNPUNKT,
        DecisionKind.REMOVE: CaseState.REMOVED if removed else CaseState.AWAITING_PLATFORM_REMOVAL,
    }
    return replace(OPEN, state=states[kind], decision=decision)


def _failed_on_platform(kind: str) -> CaseView:
    case = _decided(DecisionKind.REMOVE)
    assert case.decision is not None
    failed = replace(
        case.decision,
        platform_error="HTTP 400: (#100) <b>Unsupported</b> delete request",
        platform_error_kind=kind,
        platform_error_at=WRITTEN + timedelta(hours=1),
    )
    return replace(case, decision=failed)


CASES = {
    "open": OPEN,
    "overdue": replace(OPEN, time_left=-timedelta(hours=3)),
    "kept": _decided(DecisionKind.KEEP),
    "synpunkt": _decided(DecisionKind.SYNPUNKT),
    "awaiting removal": _decided(DecisionKind.REMOVE),
    "removed": _decided(DecisionKind.REMOVE, removed=True),
    "removed late": _decided(DecisionKind.REMOVE, removed=True, late=True),
    "connected, awaiting removal": replace(_decided(DecisionKind.REMOVE), connected=True),
    "connected, platform refused": replace(_failed_on_platform("refused"), connected=True),
    "connected, platform unreachable": replace(_failed_on_platform("unreachable"), connected=True),
    "connected, removed by the platform": replace(
        _decided(DecisionKind.REMOVE, removed=True, by_platform=True), connected=True
    ),
}


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("name", CASES)
def test_case_card_is_valid_in_every_state(name: str, language: str) -> None:
    assert_valid_card(case_card(CASES[name], language))


def test_case_card_with_a_notice_is_valid() -> None:
    assert_valid_card(case_card(CASES["kept"], "sv", notice="Redan avgjort"))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_kansli_card_is_valid(language: str) -> None:
    assert_valid_card(kansli_card(CASES["synpunkt"], language))


def test_open_card_offers_the_decisions_as_universal_actions() -> None:
    actions = case_card(OPEN, "sv")["actions"]
    executes = [a for a in actions if a["type"] == "Action.Execute"]
    assert [(a["title"], a["verb"]) for a in executes] == [
        ("Behåll", "keep"),
        ("Behåll – rutinfråga", "keep_routine"),
        ("Ta bort", "remove"),
        ("Synpunkt", "synpunkt"),
    ]
    assert len(actions) <= 6
    assert all(a["data"] == {"case": 7} for a in executes)


def test_open_card_lists_every_section_6_category() -> None:
    body = case_card(OPEN, "sv")["body"]
    choices = next(e for e in body if e["type"] == "Input.ChoiceSet")["choices"]
    assert len(choices) == 9
    assert choices[0]["title"] == "Förtal, personangrepp eller förolämpning"


def test_comment_text_is_never_read_as_markdown() -> None:
    body = case_card(OPEN, "sv")["body"]
    quoted = next(e for e in body if e["type"] == "Container")
    assert quoted["items"][0]["type"] == "RichTextBlock"
    assert len(quoted["items"][0]["inlines"][0]["text"]) <= 3002


def test_late_removal_is_shown_in_attention_colour() -> None:
    body = case_card(CASES["removed late"], "sv")["body"]
    late = [e for e in body if e.get("color") == "Attention"]
    assert late and "SENT" in late[0]["text"]


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("attested", [False, True])
def test_digest_card_is_valid(language: str, attested: bool) -> None:
    digest = DigestView(
        channel_id="19:moderatorer@thread.tacv2",
        day=date(2026, 12, 1),
        account_names=["Hjo kommun"],
        cases=[OPEN, CASES["overdue"]],
        attested_by="Anna" if attested else None,
        attested_at=WRITTEN if attested else None,
    )
    assert_valid_card(digest_card(digest, language))


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("duty", list(Duty))
@pytest.mark.parametrize("done", [False, True])
def test_duty_card_is_valid(language: str, duty: Duty, done: bool) -> None:
    task = TaskView(
        id=3,
        duty=duty,
        account_name="Hjo kommun",
        account_url="https://facebook.com/hjokommun",
        channel_id="19:moderatorer@thread.tacv2",
        period=date(2026, 12, 1),
        opened_at=WRITTEN,
        due=WRITTEN + timedelta(days=30),
        done_at=WRITTEN if done else None,
        done_by_name="Anna" if done else None,
        reference="KS 2026/1" if done else None,
    )
    assert_valid_card(duty_card(task, language))


def _synpunkt(**changes: object) -> SynpunktView:
    start = SynpunktView(
        id=1,
        department="Samhällsbyggnad",
        handed_over_by="Anna",
        handed_over_at=WRITTEN,
        answer=None,
        answered_by=None,
        answered_at=None,
        published_by=None,
        published_at=None,
        reference=None,
        registered_by=None,
        registered_at=None,
        record_url="http://localhost:3978/synpunkt/7?exp=1&sig=x",
    )
    return replace(start, **changes)  # type: ignore[arg-type]


SYNPUNKT_STATES = {
    "forwarded": _synpunkt(),
    "answered": _synpunkt(answer="Svar", answered_by="Sigrid", answered_at=WRITTEN),
    "published": _synpunkt(
        answer="Svar",
        answered_by="Sigrid",
        answered_at=WRITTEN,
        published_by="Anna",
        published_at=WRITTEN,
    ),
    "registered": _synpunkt(
        answer="Svar",
        answered_by="Sigrid",
        answered_at=WRITTEN,
        published_by="Anna",
        published_at=WRITTEN,
        reference="SYN-2026-1",
        registered_by="Karin",
        registered_at=WRITTEN,
    ),
    "no department": _synpunkt(department=None),
}


@pytest.mark.parametrize("state", SYNPUNKT_STATES)
@pytest.mark.parametrize("render", [case_card, kansli_card, department_card])
def test_every_card_about_a_synpunkt_is_valid(state: str, render: object) -> None:
    case = replace(CASES["synpunkt"], synpunkt=SYNPUNKT_STATES[state])
    assert_valid_card(render(case, "sv"))  # type: ignore[operator]


def test_open_card_offers_the_departments() -> None:
    card = case_card(replace(OPEN, departments=((1, "Samhällsbyggnad"),)), "sv")
    assert_valid_card(card)
    chooser = next(e for e in card["body"] if e.get("id") == "department")
    assert chooser["choices"] == [{"title": "Samhällsbyggnad", "value": "1"}]


def test_refused_removal_shows_the_platforms_reason_and_offers_a_retry() -> None:
    card = case_card(CASES["connected, platform refused"], "sv")
    warning = next(e for e in card["body"] if e.get("color") == "Attention")
    assert "Facebook tog inte bort kommentaren" in warning["text"]
    assert "HTTP 400: (#100)" in warning["text"]
    verbs = [a.get("verb") for a in card["actions"]]
    assert verbs[:2] == ["remove_on_platform", "confirm_removed"]


def test_removal_by_the_platform_names_the_platform_and_time() -> None:
    card = case_card(CASES["connected, removed by the platform"], "sv")
    removed = next(e for e in card["body"] if e.get("color") == "Good")
    assert removed["text"].startswith("Borttagen på Facebook 2026-11-25 10:00")
    verbs = [a["verb"] for a in card["actions"] if a["type"] == "Action.Execute"]
    assert verbs == ["fresh_link"]
