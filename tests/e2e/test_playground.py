"""A moderator's session driven through Microsoft 365 Agents Playground, Microsoft's own Teams
client and Bot Connector, headless. Skipped where node and npm are not installed."""

import asyncio
import json
import os
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.conftest import MovingClock, free_port, make_settings, start_bot
from tests.teams import flag

PLAYGROUND_VERSION = "0.2.28"
FOLDER = Path(__file__).resolve().parents[2] / ".playground"
CLI = FOLDER / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"

pytestmark = pytest.mark.skipif(
    not (shutil.which("node") and shutil.which("npm")), reason="node and npm are not installed"
)


def _install() -> None:
    if CLI.exists():
        return
    FOLDER.mkdir(exist_ok=True)
    (FOLDER / "package.json").write_text('{"private": true}\n')
    subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            f"@microsoft/m365agentsplayground@{PLAYGROUND_VERSION}",
        ],
        cwd=FOLDER,
        check=True,
        timeout=300,
    )


class Playground:
    def __init__(self, url: str, http: aiohttp.ClientSession) -> None:
        self.url = url
        self.http = http
        self.events: list[dict[str, Any]] = []
        self._arrived = asyncio.Condition()

    async def listen(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for frame in ws:
            async with self._arrived:
                self.events.append(json.loads(frame.data))
                self._arrived.notify_all()

    async def next_message(self, seen: int, *, card: bool = False) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            for event in self.events[seen:]:
                if (
                    event["action"] == "createMessage"
                    and bool(event["message"]["attachments"]) == card
                ):
                    return event
            return None

        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(lambda: found() is not None), 20)
        event = found()
        assert event is not None
        return event

    async def post(self, path: str, body: dict[str, Any]) -> Any:
        async with self.http.post(self.url + path, json=body) as response:
            assert response.status == 200, await response.text()
            text = await response.text()
            return json.loads(text) if text else None


@pytest.fixture
async def playground(tmp_path: Path, clock: MovingClock) -> AsyncIterator[tuple[Playground, str]]:
    await asyncio.to_thread(_install)
    settings = make_settings(tmp_path, free_port(), api_key="")
    runner = await start_bot(settings, clock)
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        "node",
        str(CLI),
        "start",
        "-e",
        f"http://127.0.0.1:{settings.port}/api/messages",
        "-c",
        "msteams",
        "--dt",
        "-p",
        str(port),
        cwd=FOLDER,
        env={**os.environ, "TEAMSAPPTESTER_BROWSER": "none"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    assert process.stdout is not None
    while b"Listening on" not in await asyncio.wait_for(process.stdout.readline(), 60):
        pass
    async with aiohttp.ClientSession() as http:
        client = Playground(f"http://127.0.0.1:{port}", http)
        ws = await http.ws_connect(client.url + "/_ws_conversation/v1/conversations/stream")
        listener = asyncio.create_task(client.listen(ws))
        yield client, f"http://127.0.0.1:{settings.port}"
        listener.cancel()
        await ws.close()
    process.terminate()
    await process.wait()
    await runner.cleanup()


async def test_a_moderator_links_the_channel_and_keeps_a_flagged_comment(
    playground: tuple[Playground, str],
) -> None:
    client, bot_url = playground
    config = (await (await client.http.get(client.url + "/_internal/v1/testConfig")).json())[
        "config"
    ]
    channel = config["teams"][0]["channels"][0]["id"]
    bot = config["bot"]
    user = config["currentUser"]

    seen = len(client.events)
    await client.post(f"/_debug/conversation/{channel}/installation", {})
    greeting = await client.next_message(seen)
    assert "koppla" in greeting["message"]["text"]

    seen = len(client.events)
    mention = f"<at>{bot['name']}</at>"
    await client.post(
        f"/_conversation/v1/conversations/{channel}/messages",
        {
            "from": {"id": user["id"]},
            "text": f'{mention} koppla facebook "Hjo kommun" https://facebook.com/hjokommun',
            "textFormat": "plain",
            "mentions": [{"mentioned": {"id": bot["id"], "name": bot["name"]}, "text": mention}],
        },
    )
    assert "Hjo kommun" in (await client.next_message(seen))["message"]["text"]

    seen = len(client.events)
    async with client.http.post(bot_url + "/api/flags", json=flag()) as response:
        assert response.status == 201
        case_id = (await response.json())["case_id"]
    card_message = (await client.next_message(seen, card=True))["message"]
    card_id = card_message["messageId"]
    assert "Flaggad kommentar" in json.dumps(card_message["attachments"][0]["content"])

    answer = await client.post(
        "/_conversation/v1/invoke",
        {
            "name": "adaptiveCard/action",
            "value": {
                "action": {
                    "type": "Action.Execute",
                    "title": "Behåll",
                    "verb": "keep",
                    "data": {"case": case_id, "category": "fortal"},
                }
            },
            "from": {"id": user["id"]},
            "conversation": {"id": f"{channel};messageid={card_id}"},
            "replyToId": card_id,
        },
    )
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    assert f"beslutat av {user['name']}" in json.dumps(answer["value"], ensure_ascii=False)
