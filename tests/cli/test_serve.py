"""`modbot serve` says, once it listens, where: the address, the public URL in its links, and
development mode."""

import logging
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp import web

from bot.cli import main, serving
from bot.settings import Settings


def test_serve_says_where_it_listens(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    started: list[tuple[str, int]] = []

    def run_app(
        app: web.Application, *, host: str, port: int, print: Callable[[str], None], **_: Any
    ) -> None:
        started.append((host, port))
        print("======== Running on … ========")

    monkeypatch.setattr(serving.web, "run_app", run_app)
    monkeypatch.setenv("MODBOT_DEVELOPMENT", "true")
    monkeypatch.setenv("MODBOT_HOST", "::1")
    monkeypatch.setenv("MODBOT_PORT", "3999")
    monkeypatch.setenv("MODBOT_PUBLIC_URL", "http://modbot.test:8080")
    caplog.set_level(logging.INFO, logger="bot.cli.serve")
    assert main(["serve"]) == 0
    assert started == [("::1", 3999)]
    said = [r.getMessage() for r in caplog.records if r.name == "bot.cli.serve"]
    assert "listens on [::1]:3999" in said[0]
    assert "http://[::1]:3999/api/messages" in said[0]
    assert "http://modbot.test:8080" in said[0]
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == "bot.cli.serve")
    assert any("Development mode" in line for line in said)


def test_serve_outside_development_does_not_speak_of_development(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.cli.serve")
    monkeypatch.setenv("MODBOT_APP_ID", "00000000-0000-0000-0000-000000000001")
    monkeypatch.setenv("MODBOT_PUBLIC_URL", "https://modbot.hjo.se")
    serving.started(Settings())("banner")
    said = [r.getMessage() for r in caplog.records if r.name == "bot.cli.serve"]
    assert len(said) == 1
    assert "listens on 127.0.0.1:3978" in said[0] and "https://modbot.hjo.se" in said[0]


def test_serve_refuses_development_mode_on_a_network_address(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODBOT_DEVELOPMENT", "true")
    monkeypatch.setenv("MODBOT_HOST", "0.0.0.0")
    assert main(["serve"]) == 2
    assert "MODBOT_HOST=0.0.0.0" in capsys.readouterr().err


def test_an_ipv6_host_is_shown_in_brackets() -> None:
    assert serving.address("::1", 3978) == "[::1]:3978"
    assert serving.reachable("::", 3978) == "http://localhost:3978"
