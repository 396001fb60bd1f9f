"""The platforms whose accounts the routine covers."""

from enum import StrEnum


class Platform(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    YOUTUBE = "youtube"


def parse_platform(value: str) -> Platform | None:
    try:
        return Platform(value.strip().lower())
    except ValueError:
        return None
