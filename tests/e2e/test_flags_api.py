"""POST /api/flags refuses bad input with a clear answer per field, never a 500."""

import pytest

from tests.conftest import API_KEY, RunningBot
from tests.teams import flag


@pytest.fixture
async def linked(bot: RunningBot) -> RunningBot:
    await bot.link_hjo()
    return bot


async def test_a_wrong_api_key_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.flag(flag(), key="wrong")
    assert status == 401
    assert "api_key" in answer["fields"]


async def test_malformed_json_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.post("/api/flags", b"{not json", {"X-Api-Key": _key(linked)})
    assert status == 400
    assert answer["fields"] == {"body": "är inte giltig JSON"}


async def test_each_missing_field_is_named(linked: RunningBot) -> None:
    status, answer = await linked.flag({"platform": "facebook"})
    assert status == 400
    for field in ("account", "comment_id", "permalink", "author", "text", "created_at"):
        assert answer["fields"][field] == "saknas"


async def test_an_unknown_platform_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.flag(flag(platform="myspace"))
    assert status == 400
    assert "okänd plattform" in answer["fields"]["platform"]


async def test_a_time_without_zone_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.flag(flag(created_at="2026-11-25T08:00:00"))
    assert status == 400
    assert "tidszon" in answer["fields"]["created_at"]


async def test_an_oversized_text_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.flag(flag(text="å" * 20_001))
    assert status == 400
    assert "högst 20000 tecken" in answer["fields"]["text"]


async def test_a_one_megabyte_body_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.flag(flag(text="x" * 1_000_000))
    assert status == 413
    assert "för stor" in answer["fields"]["body"]


async def test_an_unlinked_account_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.flag(flag(account="Okänt konto"))
    assert status == 400
    assert "koppla" in answer["fields"]["account"]


async def test_a_body_that_is_not_an_object_is_refused(linked: RunningBot) -> None:
    status, answer = await linked.flag([1, 2, 3])  # type: ignore[arg-type]
    assert status == 400
    assert "JSON-objekt" in answer["fields"]["body"]


def _key(bot: RunningBot) -> str:
    return bot.settings.api_key.get_secret_value()


async def test_an_error_body_shows_swedish_letters_as_they_are(bot: RunningBot) -> None:
    async with bot.http.post(
        bot.url + "/api/flags",
        data=b"{",
        headers={"Content-Type": "application/json", "X-Api-Key": API_KEY},
    ) as response:
        raw = await response.read()
    assert response.status == 400
    assert "\\u00" not in raw.decode() and "ä" in raw.decode()
