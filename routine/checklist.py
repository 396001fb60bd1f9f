"""Routine 2.1: the checklist for a new account, and who may attest each item.

Only attestations are kept: the admin/login item records that the manager confirms holding
the access, never the access itself.
"""

from enum import StrEnum

from routine.platforms import Platform


class Item(StrEnum):
    DECISION = "decision"
    """1. The manager decided to start the account."""
    ROUTINE_READ = "routine_read"
    """2. The responsible officer has read the routine (personal to that officer)."""
    STRATEGIST_INFORMED = "strategist_informed"
    """3. The communications strategist was told, with link, contacts, purpose, target group."""
    PROFILE_PICTURE = "profile_picture"
    """4. The coat of arms is the profile picture, or an agreed exception with a note."""
    PART_OF = "part_of"
    """5a. The account says it is part of the municipality."""
    PHONE = "phone"
    """5b. The contact centre's (or the unit's) phone number is on the account."""
    WEBSITE = "website"
    """5c. The account links to the municipality's website."""
    ADMIN_ACCESS = "admin_access"
    """6. Facebook: the manager is also an admin; others: the manager holds the login."""


class Ticker(StrEnum):
    MANAGER = "manager"
    OFFICER = "officer"
    OFFICER_OR_MANAGER = "officer_or_manager"
    BOT = "bot"


WHO_TICKS: dict[Item, Ticker] = {
    Item.DECISION: Ticker.MANAGER,
    Item.ROUTINE_READ: Ticker.OFFICER,
    Item.STRATEGIST_INFORMED: Ticker.BOT,
    Item.PROFILE_PICTURE: Ticker.OFFICER_OR_MANAGER,
    Item.PART_OF: Ticker.OFFICER_OR_MANAGER,
    Item.PHONE: Ticker.OFFICER_OR_MANAGER,
    Item.WEBSITE: Ticker.OFFICER_OR_MANAGER,
    Item.ADMIN_ACCESS: Ticker.MANAGER,
}


def parse_item(value: object) -> Item | None:
    try:
        return Item(str(value))
    except ValueError:
        return None


def may_tick(item: Item, *, is_officer: bool, is_manager: bool) -> bool:
    """The officer ticks the routine personally; the manager decides and holds the access."""
    ticker = WHO_TICKS[item]
    if ticker is Ticker.MANAGER:
        return is_manager
    if ticker is Ticker.OFFICER:
        return is_officer
    if ticker is Ticker.OFFICER_OR_MANAGER:
        return is_officer or is_manager
    return False


def admin_rule(platform: str) -> str:
    """Which form item 6 takes: Facebook has admins; Instagram and YouTube have one login."""
    return "admin" if platform == Platform.FACEBOOK.value else "login"


def subject_of(item: Item, officer_key: str | None) -> str:
    """The routine-read tick belongs to one officer: a new officer must read it again."""
    return (officer_key or "") if item is Item.ROUTINE_READ else ""
