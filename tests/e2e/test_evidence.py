"""Evidence: captured at flag time, hashed, served only through a signed, expiring link."""

import hashlib
import re
from datetime import timedelta

from tests.conftest import RunningBot
from tests.schemas import assert_valid_card
from tests.teams import ANNA, Channel, flag

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def _evidence_links(bot: RunningBot, card: dict) -> tuple[str, list[str]]:
    url = next(a["url"] for a in card["actions"] if a["title"] == "Visa bevis")
    async with bot.http.get(url) as response:
        assert response.status == 200
        page = await response.text()
    return url, [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', page)]


async def test_the_card_links_to_the_screenshot_and_the_raw_flag(bot: RunningBot) -> None:
    await bot.link_hjo()
    body = flag(text="Förtal om Åsa Öberg")
    await bot.flagged_card(body)
    _, links = await _evidence_links(bot, bot.connector.cards()[0])
    assert len(links) == 2
    contents = []
    for link in links:
        async with bot.http.get(link) as response:
            assert response.status == 200
            contents.append(await response.read())
    raw = next(c for c in contents if c.startswith(b"{"))
    assert b"F\\u00f6rtal" in raw or "Förtal".encode() in raw
    assert any(c.startswith(PNG_SIGNATURE) for c in contents)


async def test_evidence_hashes_match_the_files(bot: RunningBot) -> None:
    await bot.link_hjo()
    await bot.flagged_card(flag())
    url, links = await _evidence_links(bot, bot.connector.cards()[0])
    async with bot.http.get(url) as response:
        page = await response.text()
    for link in links:
        async with bot.http.get(link) as response:
            digest = hashlib.sha256(await response.read()).hexdigest()
        assert digest in page


async def test_a_tampered_or_missing_signature_is_refused(bot: RunningBot) -> None:
    await bot.link_hjo()
    await bot.flagged_card(flag())
    url, _ = await _evidence_links(bot, bot.connector.cards()[0])
    for bad in (url[:-4] + "0000", url.split("?")[0], url.replace("/evidence/1?", "/evidence/2?")):
        async with bot.http.get(bad) as response:
            assert response.status == 403


async def test_an_expired_link_is_refused(bot: RunningBot) -> None:
    await bot.link_hjo()
    await bot.flagged_card(flag())
    url, _ = await _evidence_links(bot, bot.connector.cards()[0])
    bot.clock.advance(timedelta(hours=bot.settings.evidence_link_ttl_hours + 1))
    async with bot.http.get(url) as response:
        assert response.status == 403
        assert "gått ut" in await response.text()


async def test_a_moderator_screenshot_replied_in_the_thread_joins_the_evidence(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    picture = PNG_SIGNATURE + b"moderator screenshot"
    bot.connector.files["shot.png"] = picture
    reply = bot.channel.message(ANNA, "", thread=card_id, mention=False)
    reply["attachments"] = [
        {"contentType": "image/png", "contentUrl": f"{bot.connector.url}/files/shot.png"}
    ]
    before = len(bot.connector.texts())
    status, _ = await bot.activity(reply)
    assert status in (200, 201)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert f"ärende #{case_id}" in bot.connector.texts()[before]
    assert "3 bevisfiler" in bot.connector.texts()[before]
    await bot.connector.wait_for(lambda: bot.connector.updates)
    assert "3 filer sparade" in str(bot.connector.updates[-1].body)


async def test_a_file_outside_a_case_thread_is_explained(bot: RunningBot) -> None:
    message = bot.channel.message(ANNA, "här är en bild")
    message["attachments"] = [{"contentType": "image/png", "contentUrl": "http://127.0.0.1:1/x"}]
    before = len(bot.connector.texts())
    await bot.activity(message)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert "i tråden under ärendets kort" in bot.connector.texts()[before]


async def test_a_teams_file_replied_in_the_thread_joins_the_evidence(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    bot.connector.files["kontext.png"] = PNG_SIGNATURE + b"file in context"
    reply = bot.channel.message(ANNA, "", thread=card_id, mention=False)
    reply["attachments"] = [
        {
            "contentType": "application/vnd.microsoft.teams.file.download.info",
            "contentUrl": "https://hjo.sharepoint.com/sites/x/kontext.png",
            "name": "kontext.png",
            "content": {
                "downloadUrl": f"{bot.connector.url}/files/kontext.png",
                "uniqueId": "1",
                "fileType": "png",
            },
        }
    ]
    before = len(bot.connector.texts())
    await bot.activity(reply)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert f"ärende #{case_id}: kontext.png" in bot.connector.texts()[before]
    _, links = await _evidence_links(
        bot, bot.connector.updates[-1].body["attachments"][0]["content"]
    )
    assert len(links) == 3


async def test_a_file_that_cannot_be_fetched_is_reported_not_lost_silently(
    bot: RunningBot,
) -> None:
    await bot.link_hjo()
    _, card_id = await bot.flagged_card(flag())
    reply = bot.channel.message(ANNA, "", thread=card_id, mention=False)
    reply["attachments"] = [
        {"contentType": "image/png", "contentUrl": f"{bot.connector.url}/files/missing.png"}
    ]
    before = len(bot.connector.texts())
    await bot.activity(reply)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    assert "kunde inte hämta" in bot.connector.texts()[before]


async def test_an_expired_link_has_a_way_forward_even_on_a_decided_card(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag())
    await bot.invoke(ANNA, "keep", {"case": case_id}, card_id)
    url = next(a["url"] for a in bot.connector.cards()[0]["actions"] if a["title"] == "Visa bevis")
    bot.clock.advance(timedelta(hours=bot.settings.evidence_link_ttl_hours + 1))
    async with bot.http.get(url) as response:
        assert response.status == 403
        assert "Ny länk till bevisen" in await response.text()
    fresh = await bot.invoke(ANNA, "fresh_link", {"case": case_id}, card_id)
    assert_valid_card(fresh["value"])
    assert "Behåll" not in str([a.get("title") for a in fresh["value"]["actions"]])
    assert "Anna Moderator" in str(fresh["value"])
    await _evidence_links(bot, fresh["value"])
    elsewhere = Channel(service_url=bot.connector.url, channel_id="19:annan@thread.tacv2")
    status, refused = await bot.activity(
        elsewhere.invoke(ANNA, "fresh_link", {"case": case_id}, card_id=card_id)
    )
    assert status == 200 and "Visa bevis" not in str(refused)
