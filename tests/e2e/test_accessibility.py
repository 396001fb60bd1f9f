"""The public list (/forteckning) has no WCAG 2.1 A or AA violation that axe-core finds, in a
real headless Chromium, empty and with accounts in it (one with every column filled in, one
with no officer), in a desktop window and in one 320 pixels wide (a 1280 window zoomed to
400 %), where the page itself must not scroll sideways (WCAG 1.4.10, which axe cannot check).
Skipped where Chromium or npm is missing, or npm cannot fetch axe-core."""

from tests.browser import (
    AXE_VERSION,
    WCAG_21_AA,
    Page,
    axe_source,
    chromium,
    chromium_path,
    describe,
)
from tests.conftest import RunningBot
from tests.e2e.registry_helpers import MARIA, register
from tests.teams import ANNA

WINDOWS = ((1280, 900), (320, 720))


async def _assert_accessible(page: Page, url: str, rows: int) -> None:
    for width, height in WINDOWS:
        await page.resize(width, height)
        await page.goto(url)
        assert await page.evaluate("document.querySelectorAll('tbody tr').length") == rows
        wide = await page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{url} in a window {width} wide scrolls sideways ({wide} wide)"
        results = await page.axe()
        assert results["testEngine"]["version"] == AXE_VERSION
        assert results["passes"], "axe-core ran no rule"
        assert not results["violations"], (
            f"axe-core {AXE_VERSION} ({', '.join(WCAG_21_AA)}) in a window {width}x{height} "
            f"found in {url}:\n{describe(results['violations'])}"
        )


async def test_the_public_list_has_no_accessibility_violations(bot: RunningBot) -> None:
    chromium_path()  # each skips the test, before any account is made, where it cannot be had
    axe_source()
    async with chromium() as page:
        await _assert_accessible(page, bot.url + "/forteckning", rows=1)
        await register(bot, MARIA, ANNA)
        await bot.link_hjo()
        await _assert_accessible(page, bot.url + "/forteckning", rows=2)
