"""Section 6 screening, read as a table of Swedish comments: what must match, and what must not."""

from pathlib import Path

import pytest

from bot.cli import main
from routine.categories import Category
from routine.identity_numbers import valid_identity_number
from routine.screening import load_word_lists, screen

LISTS = load_word_lists()

OFFENCES = [
    ("Du är en idiot och borde skämmas!", Category.DEFAMATION),
    ("Håll käften, din lögnare", Category.DEFAMATION),
    ("Sieg heil, ut ur landet", Category.HATE),
    ("Jag ska döda dig om du kommer hit", Category.VIOLENCE),
    ("Vi borde bränn ner hela stadshuset", Category.INCITEMENT),
    ("Tolvans personnummer är 19121212-1212", Category.CONFIDENTIAL),
    ("Samordningsnummer 701063-2391", Category.CONFIDENTIAL),
    ("Ring Kalle på 070-123 45 67", Category.CONFIDENTIAL),
    ("Maila kalle.karlsson@example.se direkt", Category.CONFIDENTIAL),
    ("Köp nu, bästa rabattkod!", Category.COMMERCIAL),
    ("Kolla in www.billiga-skor.example", Category.COMMERCIAL),
]

HARMLESS = [
    "Vilken fin bild på hamnen!",
    "Tack för informationen om vattenavstängningen.",
    "Numret 121212-1213 har fel kontrollsiffra",
    "Ordet idiotsäker är inget förtal",
    "Är anmälan till simskolan öppen nu?",
]


@pytest.mark.parametrize(("text", "category"), OFFENCES)
def test_offences_are_flagged_with_their_category_and_reason(text: str, category: Category) -> None:
    verdict = screen(text, LISTS)
    assert verdict.flagged
    assert verdict.suggested_category is category
    assert verdict.reason


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_comments_are_not_flagged(text: str) -> None:
    assert not screen(text, LISTS).flagged


def test_the_gate_question_is_a_possible_synpunkt_not_an_offence() -> None:
    verdict = screen(
        "Hej. Jag saknar återvinningsstationen i Gate där jag bor. Jag vet att fler med mig gör "
        "detta. Kommer den tillbaka, om inte, varför?",
        LISTS,
    )
    assert verdict.flagged and verdict.possible_synpunkt
    assert verdict.suggested_category is None
    assert "möjlig synpunkt" in verdict.reason


def test_an_attached_image_asks_about_consent() -> None:
    verdict = screen("Titta här", LISTS, has_images=True)
    assert verdict.suggested_category is Category.IMAGE_WITHOUT_CONSENT


def test_identity_numbers_need_a_possible_date_and_the_right_check_digit() -> None:
    assert valid_identity_number("121212", "1212")
    assert valid_identity_number("19121212", "1212")
    assert not valid_identity_number("121212", "1213")
    assert not valid_identity_number("121312", "1212")  # month 13
    assert valid_identity_number("701063", "2391")  # samordningsnummer: day 3 + 60


def test_the_reason_never_repeats_the_whole_identity_number() -> None:
    assert "1212-1212" not in screen("19121212-1212", LISTS).reason


def test_a_municipalitys_own_lists_replace_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "kommersiellt.txt").write_text("# egna ord\nloppis\n", encoding="utf-8")
    own = load_word_lists(tmp_path)
    assert screen("Loppis på lördag!", own).suggested_category is Category.COMMERCIAL
    assert not screen("Du är en idiot", own).matches


def test_modbot_screen_prints_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Du är en idiot"]) == 0
    shown = capsys.readouterr().out
    assert "Flaggas: ja" in shown
    assert "Förtal, personangrepp eller förolämpning" in shown
    assert 'innehåller "idiot"' in shown


def test_a_word_list_for_no_known_category_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "spam.txt").write_text("köp\n", encoding="utf-8")
    with pytest.raises(ValueError, match="spam.txt: no such category"):
        load_word_lists(tmp_path)
