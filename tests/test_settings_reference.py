"""docs/settings.md is rendered from `Settings`, so the reference cannot drift from the code;
and without MODBOT_PUBLIC_URL the links follow MODBOT_PORT."""

from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.settings import Settings
from bot.settings_reference import REGENERATE, settings_reference_markdown

SETTINGS_MD = Path(__file__).parent.parent / "docs" / "settings.md"


def test_the_settings_reference_is_generated_from_the_settings() -> None:
    assert SETTINGS_MD.read_text(encoding="utf-8") == settings_reference_markdown(), (
        f"docs/settings.md is not what bot/settings.py renders; regenerate it: {REGENERATE}"
    )


def test_every_setting_has_a_description_that_fits_a_table_row() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"Settings.{name} has no Field(description=...)"
        assert "|" not in field.description and "\n" not in field.description, name


def test_defaults_are_shown_as_they_are_written_in_the_environment() -> None:
    page = settings_reference_markdown()
    for row in (
        "| `MODBOT_PORT` | `3978` |",
        "| `MODBOT_DIGEST_TIME` | `08:00` |",
        "| `MODBOT_APP_PASSWORD` | *(empty)* |",
        "| `MODBOT_PUBLIC_URL` | *(empty)* |",
        "| `MODBOT_SCREENING_WORDLISTS` | *(empty)* |",
        "| `MODBOT_SMTP_STARTTLS` | `false` |",
        "| `MODBOT_EVIDENCE_DIR` | `evidence` |",
    ):
        assert f"\n{row}" in page, row


def test_the_reference_lists_every_reason_to_refuse_a_start_outside_development() -> None:
    unsafe = Settings(
        app_id="app-id",
        app_type="SingleTenant",
        app_tenant_id="",
        app_password=SecretStr(""),
        api_key=SecretStr(""),
        link_secret=SecretStr(""),
        public_url="http://modbot.hjo.se",
    )
    page = settings_reference_markdown()
    for problem in unsafe.unsafe_to_serve():
        assert f"\n- {problem}\n" in page, problem


def test_without_a_public_url_the_links_follow_the_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODBOT_PUBLIC_URL", raising=False)
    monkeypatch.setenv("MODBOT_PORT", "8080")
    settings = Settings()
    assert settings.public_url == "http://localhost:8080"
    assert settings.routine_link == "http://localhost:8080/rutin"
    assert Settings(port=4000).public_url == "http://localhost:4000"


def test_a_public_url_given_is_kept_whatever_the_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODBOT_PUBLIC_URL", "https://modbot.hjo.se")
    monkeypatch.setenv("MODBOT_PORT", "8080")
    assert Settings().public_url == "https://modbot.hjo.se"
