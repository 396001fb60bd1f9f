"""Every setting, read from MODBOT_* environment variables (see README for the list).

Without an app id the bot runs in local development mode: /api/messages and /api/flags are
open and a warning is logged. With an app id, `unsafe_to_serve` lists what refuses the start.
"""

from datetime import time
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from directory.graph import GRAPH_V1
from platforms.removal import META_GRAPH, YOUTUBE_V3
from routine.diarium import valid_prefix
from routine.halfyear import Duty, parse_dates
from routine.municipality import Municipality
from web.routine_files import COAT_OF_ARMS_PATH


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MODBOT_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 3978
    public_url: str = "http://localhost:3978"
    database_url: str = "sqlite:///modbot.db"
    evidence_dir: Path = Path("evidence")
    evidence_link_ttl_hours: int = 168
    max_attachment_mb: int = 25
    app_id: str = ""
    app_password: SecretStr = SecretStr("")
    app_tenant_id: str = ""
    app_type: Literal["MultiTenant", "SingleTenant"] = "MultiTenant"
    app_authority_host: str = "https://login.microsoftonline.com"
    api_key: SecretStr = SecretStr("")
    link_secret: SecretStr = SecretStr("")
    diarium_prefix: str = "SM"
    language: Literal["sv", "en"] = "sv"
    bot_name: str = "Modbot"
    kansli_conversation_id: str = ""
    kansli_service_url: str = ""
    digest_time: time = time(8, 0)
    attestation_reminder_time: time = time(13, 0)
    archive_dates: str = "06-01,12-01"
    culling_dates: str = "06-15,12-15"
    culling_months: int = Field(default=6, ge=1, le=120)
    author_retention_days: int = Field(default=180, ge=1)
    pseudonym_key: SecretStr = SecretStr("")
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_starttls: bool = False
    smtp_from: str = "modbot@localhost"
    synpunkt_email: str = ""
    screening_wordlists: Path | None = None
    answer_within_vardagar: int = 5
    register_within_vardagar: int = 2
    outbox_pacing: bool = True
    outbox_retry_base_seconds: float = 1.0
    log_level: str = "INFO"
    municipality_name: str = "Hjo kommun"
    municipality_phone: str = "0503-350 00"
    municipality_website: str = "https://www.hjo.se"
    coat_of_arms: Path | None = None
    routine_url: str = ""
    graph_tenant_id: str = ""
    graph_client_id: str = ""
    graph_client_secret: SecretStr = SecretStr("")
    graph_base_url: str = GRAPH_V1
    directory_check_time: time = time(7, 0)
    meta_app_secret: SecretStr = SecretStr("")
    meta_verify_token: SecretStr = SecretStr("")
    meta_graph_url: str = META_GRAPH
    youtube_api_url: str = YOUTUBE_V3
    youtube_poll_minutes: int = Field(default=5, ge=1, le=1440)
    youtube_units_per_day: int = Field(default=5000, ge=0)
    """The share of the Google project's daily quota (10,000 by default) the polling may use;
    the rest is left for removals (50 units each)."""

    @property
    def municipality(self) -> Municipality:
        arms = f"{self.public_url.rstrip('/')}{COAT_OF_ARMS_PATH}" if self.coat_of_arms else None
        return Municipality(
            name=self.municipality_name,
            phone=self.municipality_phone,
            website=self.municipality_website,
            coat_of_arms_url=arms,
        )

    @property
    def routine_link(self) -> str:
        """The municipality's own copy of the routine, or the one the bot serves."""
        return self.routine_url or f"{self.public_url.rstrip('/')}/rutin"

    @property
    def uses_graph(self) -> bool:
        return bool(self.graph_tenant_id)

    @property
    def half_year_dates(self) -> dict[Duty, list[tuple[int, int]]]:
        return {
            Duty.ARCHIVE: parse_dates(self.archive_dates),
            Duty.CULLING: parse_dates(self.culling_dates),
        }

    @property
    def mails_synpunkter(self) -> bool:
        return bool(self.smtp_host and self.synpunkt_email)

    @property
    def development(self) -> bool:
        return not self.app_id

    @model_validator(mode="after")
    def _consistent(self) -> "Settings":
        if not valid_prefix(self.diarium_prefix):
            raise ValueError("MODBOT_DIARIUM_PREFIX: 1–10 versaler, t.ex. SM")
        if min(self.answer_within_vardagar, self.register_within_vardagar) < 1:
            raise ValueError("MODBOT_ANSWER/REGISTER_WITHIN_VARDAGAR must be at least 1")
        if self.evidence_link_ttl_hours < 1:
            raise ValueError("MODBOT_EVIDENCE_LINK_TTL_HOURS must be at least 1")
        for name, dates in (("ARCHIVE", self.archive_dates), ("CULLING", self.culling_dates)):
            try:
                parse_dates(dates)
            except ValueError:
                raise ValueError(f"MODBOT_{name}_DATES: MM-DD, comma separated") from None
        graph = (
            self.graph_tenant_id,
            self.graph_client_id,
            self.graph_client_secret.get_secret_value(),
        )
        if any(graph) and not all(graph):
            raise ValueError(
                "MODBOT_GRAPH_TENANT_ID, MODBOT_GRAPH_CLIENT_ID and MODBOT_GRAPH_CLIENT_SECRET "
                "go together"
            )
        if self.coat_of_arms is not None and not self.coat_of_arms.is_file():
            raise ValueError(f"MODBOT_COAT_OF_ARMS: no such file: {self.coat_of_arms}")
        if bool(self.kansli_conversation_id) != bool(self.kansli_service_url):
            raise ValueError(
                "MODBOT_KANSLI_CONVERSATION_ID and MODBOT_KANSLI_SERVICE_URL go together"
            )
        return self

    def unsafe_to_serve(self) -> list[str]:
        """What must be fixed before the bot may serve outside development (checked at start,
        so that `modbot jobs` and `modbot package` work without the serving secrets)."""
        if self.development:
            return []
        problems = []
        if not self.app_password.get_secret_value():
            problems.append("MODBOT_APP_PASSWORD is required with MODBOT_APP_ID")
        if self.app_type == "SingleTenant" and not self.app_tenant_id:
            problems.append("MODBOT_APP_TENANT_ID is required for SingleTenant")
        if len(self.api_key.get_secret_value()) < 24:
            problems.append("MODBOT_API_KEY must be at least 24 characters")
        if len(self.link_secret.get_secret_value()) < 32:
            problems.append("MODBOT_LINK_SECRET must be at least 32 characters")
        if not self.public_url.startswith("https://"):
            problems.append("MODBOT_PUBLIC_URL must be https:// outside development")
        return problems
