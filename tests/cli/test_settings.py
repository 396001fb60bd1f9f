"""A bad setting is named by its environment variable; `modbot settings` prints them all."""

import pytest

from bot.cli import main


def test_a_bad_setting_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_PORT", "tretton")
    monkeypatch.setenv("MODBOT_LANGUAGE", "fi")
    assert main(["jobs"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert any(
        line.startswith("modbot: MODBOT_PORT: Input should be a valid integer") for line in lines
    )
    assert any(
        line.startswith("modbot: MODBOT_LANGUAGE: Input should be 'sv' or 'en'") for line in lines
    )


def test_a_check_across_settings_keeps_its_own_wording(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_DIARIUM_PREFIX", "sm")
    assert main(["jobs"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("modbot: MODBOT_DIARIUM_PREFIX: ")
    assert "Value error" not in err


def test_settings_prints_the_reference_even_with_a_bad_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_PORT", "tretton")
    assert main(["settings"]) == 0
    shown = capsys.readouterr().out
    for variable in ("MODBOT_PORT", "MODBOT_PRIVACY_URL", "MODBOT_TERMS_URL"):
        assert f"`{variable}`" in shown
