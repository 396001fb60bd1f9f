"""A real headless Chromium driven over the DevTools protocol (aiohttp's WebSocket client, so
the browser waits without blocking the event loop that serves the bot), and axe-core fetched
from the npm registry into a cache folder at an exact version, never committed.

Both skip the calling test where they cannot be had: no Chromium on the machine (`.ci/run`
installs Debian's `chromium`), no npm, or no registry to fetch axe-core from."""

import asyncio
import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

AXE_VERSION = "4.14.1"
AXE_INTEGRITY = (
    "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5"
    "qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
)
"""The npm registry's integrity of axe-core's tarball at AXE_VERSION: a fetch that installs
anything else is refused."""

WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)
NPM_FLAGS = ("--ignore-scripts", "--no-audit", "--no-fund", "--save-exact")
TIMEOUT = 30.0


def chromium_path() -> str:
    """The Chromium to run ($CHROMIUM, else the first on PATH), or skip the test."""
    chosen = os.environ.get("CHROMIUM") or next(
        (found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None
    )
    if not chosen:
        pytest.skip(
            "Chromium is not installed (none of " + ", ".join(CHROMIUM_NAMES) + " on PATH): "
            "`apt-get install chromium`, as .ci/run does, to run the accessibility checks"
        )
    return chosen


def axe_source() -> str:
    """axe.min.js of axe-core AXE_VERSION, installed by npm into the cache on first use."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "modbot-tests"
    folder = cache / f"axe-core-{AXE_VERSION}"
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        _install_axe(cache, folder)
    return script.read_text(encoding="utf-8")


def _install_axe(cache: Path, folder: Path) -> None:
    npm = shutil.which("npm")
    if not npm:
        pytest.skip(f"npm is not installed: it fetches axe-core {AXE_VERSION} for this check")
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="axe-core-", dir=cache))
    try:
        (staging / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        try:
            subprocess.run(
                [npm, "install", "--prefix", str(staging), *NPM_FLAGS, f"axe-core@{AXE_VERSION}"],
                cwd=staging,
                capture_output=True,
                text=True,
                timeout=180,
                check=True,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            lines = str(error.stderr or "").splitlines()
            said = [line for line in lines if "FetchError" in line] or lines[:2]
            pytest.skip(
                f"npm could not fetch axe-core {AXE_VERSION} (offline?): {' / '.join(said)}"
            )
        lock = json.loads((staging / "package-lock.json").read_text(encoding="utf-8"))
        integrity = lock["packages"]["node_modules/axe-core"]["integrity"]
        if integrity != AXE_INTEGRITY:
            raise AssertionError(f"axe-core {AXE_VERSION} came with integrity {integrity}")
        with contextlib.suppress(OSError):  # another run may have finished first
            staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class DevTools:
    """One WebSocket to the browser; commands to a page go by its flattened session id."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self._socket = socket
        self._next = 0
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self._socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            future = self._waiting.pop(data.get("id", -1), None)
            if future and not future.done():
                future.set_result(data)
        for future in self._waiting.values():
            if not future.done():
                future.set_exception(ConnectionError("Chromium closed its DevTools connection"))

    async def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[self._next] = future
        await self._socket.send_json(message)
        answer = await asyncio.wait_for(future, TIMEOUT)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return dict(answer.get("result", {}))

    async def close(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader


class Page:
    def __init__(self, devtools: DevTools, session: str) -> None:
        self._devtools = devtools
        self._session = session

    async def resize(self, width: int, height: int) -> None:
        """Lay the page out in a window this size in CSS pixels (320 wide: a desktop window
        of 1280 zoomed to 400 %, as WCAG's reflow criterion has it)."""
        await self._devtools.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            self._session,
        )

    async def goto(self, url: str) -> None:
        """Load the URL and wait until its document, not the one before, has loaded."""
        await self.evaluate("window.modbotLeaving = true")
        answer = await self._devtools.send("Page.navigate", {"url": url}, self._session)
        if answer.get("errorText"):
            raise AssertionError(f"{url}: {answer['errorText']}")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        loaded = "!window.modbotLeaving && document.readyState === 'complete'"
        while not await self.evaluate(loaded):
            if loop.time() > deadline:
                raise TimeoutError(f"{url} did not finish loading")
            await asyncio.sleep(0.05)

    async def evaluate(self, expression: str) -> Any:
        """The value of a script in the page, a promise awaited."""
        answer = await self._devtools.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            self._session,
        )
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            raise AssertionError(details.get("exception", {}).get("description") or details)
        return answer["result"].get("value")

    async def screenshot(self, path: Path) -> None:
        answer = await self._devtools.send("Page.captureScreenshot", {}, self._session)
        path.write_bytes(base64.b64decode(answer["data"]))

    async def axe(self, tags: tuple[str, ...] = WCAG_21_AA) -> dict[str, Any]:
        """axe-core's results for the page as loaded, run with only the rules of these tags."""
        await self.evaluate(axe_source())
        options = json.dumps({"runOnly": {"type": "tag", "values": list(tags)}})
        return dict(await self.evaluate(f"axe.run(document, {options})"))


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Page]:
    """A new headless Chromium with an empty profile, and one blank page in it; closed, with
    every process it started, when the block ends."""
    executable = chromium_path()
    profile = Path(tempfile.mkdtemp(prefix="modbot-chromium-"))
    log = profile / "chromium.log"
    try:
        with log.open("wb") as output:
            process = await asyncio.create_subprocess_exec(
                executable,
                *FLAGS,
                f"--user-data-dir={profile}",
                "about:blank",
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            address = await _devtools_address(profile, process, log)
            async with (
                aiohttp.ClientSession() as http,
                http.ws_connect(address, max_msg_size=0) as socket,
            ):
                devtools = DevTools(socket)
                try:
                    target = await devtools.send("Target.createTarget", {"url": "about:blank"})
                    attached = await devtools.send(
                        "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
                    )
                    yield Page(devtools, attached["sessionId"])
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(devtools.send("Browser.close"), 5)
                finally:
                    await devtools.close()
        finally:
            await _stop(process)
    finally:
        await _remove(profile)


async def _devtools_address(profile: Path, process: asyncio.subprocess.Process, log: Path) -> str:
    """The browser's DevTools WebSocket, from the file Chromium writes once it listens."""
    announced = profile / "DevToolsActivePort"
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while loop.time() < deadline:
        if process.returncode is not None:
            break
        lines = announced.read_text().split() if announced.exists() else []
        if len(lines) == 2:
            return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        await asyncio.sleep(0.05)
    said = log.read_text(errors="replace")[-2000:]
    raise AssertionError(f"Chromium did not start (exit {process.returncode}):\n{said}")


async def _stop(process: asyncio.subprocess.Process) -> None:
    """Wait for the browser to exit (terminated after 5 s), then end what is left of the
    process group it leads: renderers, the zygote, crashpad."""
    try:
        await asyncio.wait_for(process.wait(), 5)
    except TimeoutError:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 5)
        except TimeoutError:
            process.kill()
            await process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


async def _remove(profile: Path) -> None:
    """The profile folder, which a dying helper process may still write to for a moment."""
    for _ in range(50):
        shutil.rmtree(profile, ignore_errors=True)
        if not profile.exists():
            return
        await asyncio.sleep(0.1)


def describe(violations: list[dict[str, Any]]) -> str:
    """axe-core's violations as a person reads them: rule, impact, help, and each element."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" [{', '.join(violation.get('tags', []))}] {violation.get('helpUrl', '')}"
        )
        for node in violation.get("nodes", []):
            lines.append(f"  at {' '.join(map(str, node.get('target', [])))}: {node['html']}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n      ")
                lines.append(f"      {summary}")
    return "\n".join(lines)
