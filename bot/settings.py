"""Every setting, read from MODBOT_* environment variables. Each field's description is the
documentation: docs/settings.md is rendered from them (bot/settings_reference.py), so the list
of settings cannot drift from the code.

Local development mode is a choice (MODBOT_DEVELOPMENT=true), never the result of a missing or
misspelt app id: only then are /api/messages and /api/flags open, and only on loopback.
`unsafe_to_serve` lists what refuses the start either way; `unknown_variables` names MODBOT_*
variables that are no setting (a typo), with the closest one.
"""

import difflib
from collections.abc import Mapping
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

LOOPBACK = ("127.0.0.1", "::1", "localhost")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MODBOT_", extra="ignore")

    host: str = Field(
        default="127.0.0.1",
        description="address to listen on (`0.0.0.0` behind a reverse proxy)",
    )
    port: int = Field(default=3978, description="port to listen on")
    public_url: str = Field(
        default="",
        description=(
            "how users reach the bot (the links on cards and in replies); empty means "
            "`http://localhost:<MODBOT_PORT>`; must be `https://` outside development"
        ),
    )
    database_url: str = Field(default="sqlite:///modbot.db", description="SQLAlchemy URL")
    evidence_dir: Path = Field(
        default=Path("evidence"),
        description=(
            "folder for evidence files and the documents made from them (printouts, packages, "
            "personal-data exports)"
        ),
    )
    evidence_link_ttl_hours: int = Field(
        default=168,
        description="how long a signed link (evidence, printout, package) is valid; at least 1",
    )
    max_attachment_mb: int = Field(
        default=25, description="largest file a moderator can attach as evidence"
    )
    development: bool = Field(
        default=False,
        description=(
            "local development mode: no token checks on `/api/messages`, no key on `/api/flags` "
            "unless `MODBOT_API_KEY` is set; allowed only on loopback (`MODBOT_HOST`) with a "
            "public URL that is not `https://`, and without an app id. `./scripts/start` sets it"
        ),
    )
    app_id: str = Field(
        default="",
        description="the bot's Microsoft App ID; required outside development mode",
    )
    app_password: SecretStr = Field(
        default=SecretStr(""), description="its client secret; required with an app id"
    )
    app_tenant_id: str = Field(
        default="", description="the app's tenant id; required for `SingleTenant`"
    )
    app_type: Literal["MultiTenant", "SingleTenant"] = Field(
        default="MultiTenant", description="`MultiTenant` or `SingleTenant`"
    )
    app_authority_host: str = Field(
        default="https://login.microsoftonline.com",
        description="where the bot's token comes from (another cloud, or a test server)",
    )
    openid_metadata_url: str = Field(
        default="https://login.botframework.com/v1/.well-known/openidconfiguration",
        description="where the keys that sign the Bot Framework's tokens are listed",
    )
    api_key: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "key for `POST /api/flags` (header `X-Api-Key`); at least 24 characters outside "
            "development; empty in development means no key"
        ),
    )
    link_secret: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "key that signs the links, at least 32 characters outside development; empty in "
            "development means one is made on first start and kept in the database"
        ),
    )
    diarium_prefix: str = Field(
        default="SM", description="diarium series prefix (1–10 capital letters)"
    )
    language: Literal["sv", "en"] = Field(
        default="sv",
        description=(
            "language of cards posted to channels (`sv` or `en`); a person's own answers follow "
            "their Teams language"
        ),
    )
    bot_name: str = Field(default="Modbot", description="the bot's display name")
    kansli_conversation_id: str = Field(
        default="",
        description=(
            "kanslienheten's channel by configuration instead of `kansli här` "
            "(goes with `MODBOT_KANSLI_SERVICE_URL`)"
        ),
    )
    kansli_service_url: str = Field(
        default="", description="the Bot Connector service URL of that channel"
    )
    digest_time: time = Field(
        default=time(8, 0), description="when the vardag digest goes out (Swedish time)"
    )
    attestation_reminder_time: time = Field(
        default=time(13, 0),
        description="when the officer is reminded if nobody pressed *Bevakat idag* (Swedish time)",
    )
    archive_dates: str = Field(
        default="06-01,12-01",
        description="half-year archiving dates (MM-DD, comma separated)",
    )
    culling_dates: str = Field(
        default="06-15,12-15", description="half-year culling dates (MM-DD, comma separated)"
    )
    culling_months: int = Field(
        default=6,
        ge=1,
        le=120,
        description=(
            "default culling age in months (1–120): comments older than this may be proposed "
            'for culling; per account with `gallring "<konto>" <månader>`'
        ),
    )
    author_retention_days: int = Field(
        default=180,
        ge=1,
        description=(
            "after this many days, authors of comments without a case are pseudonymised and "
            "processed platform notifications deleted"
        ),
    )
    pseudonym_key: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "the key of the pseudonyms; empty means one is made on first start and kept in the "
            "database; set it to keep it out of the database"
        ),
    )
    smtp_host: str = Field(
        default="", description="SMTP server for synpunkt e-mail; empty means no e-mail"
    )
    smtp_port: int = Field(default=25, description="its port")
    smtp_username: str = Field(default="", description="login, if the server wants one")
    smtp_password: SecretStr = Field(default=SecretStr(""), description="its password")
    smtp_starttls: bool = Field(default=False, description="upgrade the connection with STARTTLS")
    smtp_from: str = Field(default="modbot@localhost", description="sender address")
    synpunkt_email: str = Field(
        default="",
        description=(
            "Synpunkten's (DF Respons) intake address; with `MODBOT_SMTP_HOST` it turns e-mail on"
        ),
    )
    screening_wordlists: Path | None = Field(
        default=None,
        description=(
            "a folder with the municipality's own word lists (`fortal.txt`, `hets.txt`, "
            "`vald.txt`, `brott.txt`, `sekretess.txt`, `bild.txt`, `upphovsratt.txt`, "
            "`kommersiellt.txt`, `annat.txt`); empty means the shipped lists"
        ),
    )
    answer_within_vardagar: int = Field(
        default=5, description="vardagar a department has to answer a synpunkt; at least 1"
    )
    register_within_vardagar: int = Field(
        default=2,
        description="vardagar kanslienheten has to register a published answer; at least 1",
    )
    outbox_pacing: bool = Field(
        default=True, description="pace each conversation within Teams' limits"
    )
    outbox_retry_base_seconds: float = Field(
        default=1.0,
        description=(
            "first retry delay for Teams messages and e-mail; doubles per attempt (up to 5 "
            "minutes for Teams, an hour for e-mail)"
        ),
    )
    log_level: str = Field(default="INFO", description="logging level")
    municipality_name: str = Field(
        default="Hjo kommun", description="whose accounts these are (checklist, public list)"
    )
    municipality_phone: str = Field(
        default="0503-350 00",
        description=(
            "the contact centre's number (checklist 5b, default contact in the public list)"
        ),
    )
    municipality_website: str = Field(
        default="https://www.hjo.se", description="the municipality's website (checklist 5c)"
    )
    coat_of_arms: Path | None = Field(
        default=None,
        description=(
            "an image file of the coat of arms; served at `/stadsvapen` and shown on the "
            "checklist. Not shipped: the arms are the municipality's to hand out (routine 2.1 "
            "point 4)"
        ),
    )
    routine_url: str = Field(
        default="",
        description=(
            "where the routine is published; empty means the copy the bot serves at `/rutin`"
        ),
    )
    graph_tenant_id: str = Field(
        default="",
        description=(
            "the directory's Microsoft Graph tenant; `MODBOT_GRAPH_TENANT_ID`, "
            "`MODBOT_GRAPH_CLIENT_ID` and `MODBOT_GRAPH_CLIENT_SECRET` go together"
        ),
    )
    graph_client_id: str = Field(
        default="", description="app registration with the application permission `User.Read.All`"
    )
    graph_client_secret: SecretStr = Field(default=SecretStr(""), description="its client secret")
    graph_base_url: str = Field(
        default=GRAPH_V1, description="Graph's address (another cloud, or a test server)"
    )
    directory_check_time: time = Field(
        default=time(7, 0), description="when the daily directory check runs (Swedish time)"
    )
    meta_app_secret: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "the Meta app's secret: checks `X-Hub-Signature-256`; empty refuses every webhook"
        ),
    )
    meta_verify_token: SecretStr = Field(
        default=SecretStr(""), description="the verify token given to Meta for the handshake"
    )
    meta_graph_url: str = Field(
        default=META_GRAPH,
        description="Graph API base for removing Facebook and Instagram comments",
    )
    youtube_api_url: str = Field(
        default=YOUTUBE_V3, description="YouTube Data API base for polling and removal"
    )
    youtube_poll_minutes: int = Field(
        default=5,
        ge=1,
        le=1440,
        description="how often connected YouTube channels are polled, in minutes (1–1440)",
    )
    youtube_units_per_day: int = Field(
        default=5000,
        ge=0,
        description=(
            "quota units the polling may spend per YouTube quota day; the rest of the Google "
            "project's quota (10,000 by default) is left for removals (50 units each)"
        ),
    )
    # The Teams app package (`modbot package`): both are required there, nowhere else.
    privacy_url: str = Field(
        default="",
        description=(
            "the app's privacy statement (`https://…`), shown in Teams' app details; "
            "`modbot package` refuses to build without it"
        ),
    )
    terms_url: str = Field(
        default="",
        description=(
            "the app's terms of use (`https://…`), shown in Teams' app details; "
            "`modbot package` refuses to build without it"
        ),
    )

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

    @model_validator(mode="after")
    def _public_url_follows_port(self) -> "Settings":
        """Links must reach the port the bot listens on, so without MODBOT_PUBLIC_URL they use
        MODBOT_PORT (a fixed default would point at 3978 whatever the port)."""
        if not self.public_url:
            self.public_url = f"http://localhost:{self.port}"
        return self

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
        """What must be fixed before the bot may serve (checked at start, so that `modbot jobs`
        and `modbot package` work without the serving secrets)."""
        if self.development:
            return self._unsafe_development()
        problems = []
        if not self.app_id:
            problems.append(
                "MODBOT_APP_ID is required (or MODBOT_DEVELOPMENT=true for local development)"
            )
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

    def _unsafe_development(self) -> list[str]:
        """Development mode opens the endpoints: it must not be reachable from a network."""
        problems = []
        if self.host not in LOOPBACK:
            problems.append(
                f"MODBOT_DEVELOPMENT listens only on loopback, not MODBOT_HOST={self.host}"
            )
        if self.public_url.startswith("https://"):
            problems.append("MODBOT_DEVELOPMENT does not go with an https:// MODBOT_PUBLIC_URL")
        if self.app_id:
            problems.append("MODBOT_DEVELOPMENT and MODBOT_APP_ID exclude each other")
        return problems


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """MODBOT_* variables that are no setting, each with the closest setting's name: a typo
    (MODBOT_APPID) must be seen, not silently ignored."""
    known = [f"MODBOT_{name.upper()}" for name in Settings.model_fields]
    found = []
    for name in sorted(environ):
        if name.startswith("MODBOT_") and name not in known:
            closest = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f" (menade du {closest[0]}?)" if closest else ""
            found.append(f"{name} är ingen inställning{hint}")
    return found
