"""Section 6: what comments must not contain, screened by rules that each say why they matched.

Word lists per category are plain text files (one phrase per line), shipped in
`routine/wordlists/` and replaceable by a folder of the municipality's own. Personal data
(identity numbers, phone numbers, e-mail addresses), links and attached images are found by
pattern. A comment that asks or complains to the municipality is a *möjlig synpunkt*
(routine 4.1), which is not an offence but still needs a person's eye.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from routine.categories import Category, parse_category
from routine.identity_numbers import IDENTITY_NUMBER, valid_identity_number

PHONE = re.compile(r"(?<![\d+])(?:\+46|0046|0)(?:[\s-]?\d){6,10}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
ASKS = re.compile(
    r"(?<!\w)(varför|när (?:ska|kommer|blir)|hur (?:kan|ska)|kommer (?:den|det|ni)|"
    r"jag saknar|vi saknar|klagomål|missnöjd|borde ni|kan ni|ni måste|kommunen)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Match:
    category: Category
    reason: str


@dataclass(frozen=True)
class Verdict:
    matches: tuple[Match, ...]
    possible_synpunkt: bool

    @property
    def flagged(self) -> bool:
        return bool(self.matches) or self.possible_synpunkt

    @property
    def suggested_category(self) -> Category | None:
        """The first of the routine's categories that matched, in section 6's order."""
        found = {match.category for match in self.matches}
        return next((category for category in Category if category in found), None)

    @property
    def reasons(self) -> list[str]:
        reasons = [match.reason for match in self.matches]
        if self.possible_synpunkt:
            reasons.append("möjlig synpunkt: frågar eller klagar till kommunen")
        return reasons

    @property
    def reason(self) -> str:
        """One line for a card's "Skäl"."""
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class WordList:
    category: Category
    source: str
    pattern: re.Pattern[str]


def load_word_lists(folder: Path | None = None) -> list[WordList]:
    """The shipped lists, or every `<category>.txt` in `folder` (e.g. `fortal.txt`)."""
    sources = (
        {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
        if folder is not None
        else {
            entry.name.removesuffix(".txt"): entry.read_text(encoding="utf-8")
            for entry in files("routine").joinpath("wordlists").iterdir()
            if entry.name.endswith(".txt")
        }
    )
    lists = []
    for name, text in sorted(sources.items()):
        phrases = [line.strip() for line in text.splitlines()]
        phrases = [phrase for phrase in phrases if phrase and not phrase.startswith("#")]
        if not phrases:
            continue
        alternatives = "|".join(
            re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True)
        )
        pattern = re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE)
        category = parse_category(name)
        if category is None:
            known = ", ".join(f"{c.value}.txt" for c in Category)
            raise ValueError(f"{name}.txt: no such category; the word lists are {known}")
        lists.append(WordList(category, f"{name}.txt", pattern))
    return lists


def screen(text: str, word_lists: Sequence[WordList], has_images: bool = False) -> Verdict:
    matches: list[Match] = []
    for word_list in word_lists:
        found = word_list.pattern.search(text)
        if found:
            matches.append(
                Match(word_list.category, f'innehåller "{found.group(1)}" ({word_list.source})')
            )
    identity_spans = []
    for found in IDENTITY_NUMBER.finditer(text):
        if valid_identity_number(found.group(1), found.group(2)):
            identity_spans.append(found.span())
            shown = f"{found.group(1)}-XXXX"
            matches.append(
                Match(Category.CONFIDENTIAL, f"personnummer eller samordningsnummer {shown}")
            )
    for found in PHONE.finditer(text):
        if not any(start <= found.start() < end for start, end in identity_spans):
            matches.append(Match(Category.CONFIDENTIAL, "telefonnummer"))
            break
    if EMAIL.search(text):
        matches.append(Match(Category.CONFIDENTIAL, "e-postadress"))
    link = LINK.search(text)
    if link:
        matches.append(Match(Category.COMMERCIAL, f"länk ({link.group(0)[:60]})"))
    if has_images:
        matches.append(
            Match(Category.IMAGE_WITHOUT_CONSENT, "bifogad bild: finns identifierbara personer?")
        )
    return Verdict(tuple(matches), bool(ASKS.search(text)))
