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


class Session:
    """One user of the playground's built-in team, talking to the bot."""

    def __init__(self, client: Playground, config: dict[str, Any]) -> None:
        self.client = client
        self.bot = config["bot"]
        self.user = config["currentUser"]
        self.channels = [channel["id"] for channel in config["teams"][0]["channels"]]

    async def say(self, channel: str, text: str) -> dict[str, Any]:
        seen = len(self.client.events)
        mention = f"<at>{self.bot['name']}</at>"
        await self.client.post(
            f"/_conversation/v1/conversations/{channel}/messages",
            {
                "from": {"id": self.user["id"]},
                "text": f"{mention} {text}",
                "textFormat": "plain",
                "mentions": [
                    {"mentioned": {"id": self.bot["id"], "name": self.bot["name"]}, "text": mention}
                ],
            },
        )
        return (await self.client.next_message(seen))["message"]

    async def press(
        self, channel: str, card_id: str, verb: str, data: dict[str, Any]
    ) -> dict[str, Any]:
        return dict(
            await self.client.post(
                "/_conversation/v1/invoke",
                {
                    "name": "adaptiveCard/action",
                    "value": {"action": {"type": "Action.Execute", "verb": verb, "data": data}},
                    "from": {"id": self.user["id"]},
                    "conversation": {"id": f"{channel};messageid={card_id}"},
                    "replyToId": card_id,
                },
            )
        )


async def _linked(playground: tuple[Playground, str]) -> tuple[Session, str]:
    client, bot_url = playground
    config = await (await client.http.get(client.url + "/_internal/v1/testConfig")).json()
    me = Session(client, config["config"])
    general = me.channels[0]
    seen = len(client.events)
    await client.post(f"/_debug/conversation/{general}/installation", {})
    assert "koppla" in (await client.next_message(seen))["message"]["text"]
    reply = await me.say(general, 'koppla facebook "Hjo kommun" https://facebook.com/hjokommun')
    assert "Hjo kommun" in reply["text"]
    return me, bot_url


async def _flagged(me: Session, bot_url: str, **fields: Any) -> tuple[int, dict[str, Any]]:
    seen = len(me.client.events)
    async with me.client.http.post(bot_url + "/api/flags", json=flag(**fields)) as response:
        assert response.status == 201
        case_id = (await response.json())["case_id"]
    return case_id, (await me.client.next_message(seen, card=True))["message"]


async def test_a_moderator_links_the_channel_and_keeps_a_flagged_comment(
    playground: tuple[Playground, str],
) -> None:
    me, bot_url = await _linked(playground)
    case_id, card = await _flagged(me, bot_url)
    assert "Flaggad kommentar" in json.dumps(card["attachments"][0]["content"])
    answer = await me.press(
        me.channels[0], card["messageId"], "keep", {"case": case_id, "category": "fortal"}
    )
    assert answer["type"] == "application/vnd.microsoft.card.adaptive"
    assert f"beslutat av {me.user['name']}" in json.dumps(answer["value"], ensure_ascii=False)


async def test_a_synpunkt_reaches_kanslienheten_and_is_registered(
    playground: tuple[Playground, str],
) -> None:
    me, bot_url = await _linked(playground)
    general, announcements = me.channels[0], me.channels[1]
    reply = await me.say(announcements, "kansli här")
    assert "registry office" in reply["text"]  # the playground user's Teams is in English
    case_id, card = await _flagged(me, bot_url, text="Varför finns ingen återvinning i Gate?")
    seen = len(me.client.events)
    answer = await me.press(general, card["messageId"], "synpunkt", {"case": case_id})
    assert "Synpunkt" in json.dumps(answer["value"], ensure_ascii=False)
    kansli = (await me.client.next_message(seen, card=True))["message"]
    assert "Synpunkten" in json.dumps(kansli["attachments"][0]["content"], ensure_ascii=False)
    registered = await me.press(
        announcements,
        kansli["messageId"],
        "synpunkt_register",
        {"case": case_id, "reference": "SYN-2026-0042"},
    )
    assert "Registrerad – ref SYN-2026-0042" in json.dumps(registered["value"], ensure_ascii=False)
