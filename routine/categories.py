"""Section 6: what comments on the municipality's accounts must not contain."""

from enum import StrEnum


class Category(StrEnum):
    DEFAMATION = "fortal"
    HATE = "hets"
    VIOLENCE = "vald"
    INCITEMENT = "brott"
    CONFIDENTIAL = "sekretess"
    IMAGE_WITHOUT_CONSENT = "bild"
    COPYRIGHT = "upphovsratt"
    COMMERCIAL = "kommersiellt"
    OTHER = "annat"


def parse_category(value: str | None) -> Category | None:
    """Read a category from a card or a flag; unknown or empty values mean "not chosen"."""
    if not value:
        return None
    try:
        return Category(value.strip().lower())
    except ValueError:
        return None
