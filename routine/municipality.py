"""Who the accounts belong to. Configuration, defaulting to Hjo kommun, so that another
municipality runs the bot unchanged (see README, MODBOT_MUNICIPALITY_*)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Municipality:
    name: str = "Hjo kommun"
    phone: str = "0503-350 00"
    """The contact centre (routine 2.1, 5b)."""
    website: str = "https://www.hjo.se"
    coat_of_arms_url: str | None = None
    """Where the coat of arms can be seen; the bot serves the configured image itself."""

    @property
    def website_shown(self) -> str:
        return self.website.removeprefix("https://").removeprefix("http://").rstrip("/")
