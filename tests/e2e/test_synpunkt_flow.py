"""Routine 4.1, the routine's own example: the missing recycling station in Gate, forwarded to
Samhällsbyggnad, answered, published, and registered by kanslienheten."""

from datetime import UTC, datetime

import pytest

from bot.app import SCHEDULER
from scheduler.jobs import SYNPUNKTER
from tests.conftest import RunningBot
from tests.e2e.records.helpers import download, text_of
from tests.schemas import assert_valid_card
from tests.teams import ANNA, BERTIL, KARIN, Channel, Person, flag

GATE = (
    "Hej. Jag saknar återvinningsstationen i Gate där jag bor. Jag vet att fler med mig gör "
    "detta. Kommer den tillbaka, om inte, varför?"
)
SIGRID = Person("29:sigrid", "Sigrid Samhällsbyggnad", "aad-sigrid")


@pytest.fixture
def kansli(bot: RunningBot) -> Channel:
    return Channel(
        service_url=bot.connector.url, channel_id="19:kansli@thread.tacv2", name="Kansli"
    )


@pytest.fixture
def sbf(bot: RunningBot) -> Channel:
    return Channel(service_url=bot.connector.url, channel_id="19:sbf@thread.tacv2", name="SBF")


def _card_in(bot: RunningBot, conversation_id: str) -> tuple[str, dict]:
    call = next(
        c
        for c in bot.connector.sent
        if c.conversation_id == conversation_id and c.body.get("attachments")
    )
    return call.returned_id, call.body["attachments"][0]["content"]


async def _forwarded(bot: RunningBot, kansli: Channel, sbf: Channel) -> tuple[int, str]:
    await bot.say(KARIN, "kansli här", kansli)
    assert "Samhällsbyggnad svarar" in await bot.say(SIGRID, 'avdelning här "Samhällsbyggnad"', sbf)
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag(text=GATE, category=None))
    card = bot.connector.cards()[-1]
    department = next(e for e in card["body"] if e.get("id") == "department")
    assert department["choices"] == [{"title": "Samhällsbyggnad", "value": "1"}]
    before = len(bot.connector.sent)
    answer = await bot.invoke(ANNA, "synpunkt", {"case": case_id, "department": "1"}, card_id)
    assert "Väntar på svar från Samhällsbyggnad" in str(answer["value"])
    await bot.connector.wait_for(lambda: len(bot.connector.sent) >= before + 2)
    return case_id, card_id


async def test_the_gate_question_goes_from_forwarding_to_registration(
    bot: RunningBot, kansli: Channel, sbf: Channel
) -> None:
    case_id, card_id = await _forwarded(bot, kansli, sbf)
    department_card_id, department_card = _card_in(bot, sbf.channel_id)
    assert_valid_card(department_card)
    assert "Anna Moderator ber Samhällsbyggnad svara" in str(department_card)
    assert "Gate" in str(department_card)

    answered = await bot.activity(
        sbf.invoke(
            SIGRID,
            "synpunkt_answer",
            {"case": case_id, "answer": "Stationen kommer tillbaka i april."},
            card_id=department_card_id,
        )
    )
    assert "Besvarad av Sigrid Samhällsbyggnad" in str(answered[1]["value"])
    await bot.connector.wait_for(
        lambda: any("Svar från Samhällsbyggnad" in str(u.body) for u in bot.connector.updates)
    )

    published = await bot.invoke(
        ANNA,
        "synpunkt_published",
        {"case": case_id, "answer": "Hej! Stationen kommer tillbaka i april. /Hjo kommun"},
        card_id,
    )
    assert_valid_card(published["value"])
    assert "Svar publicerat 2026-11-25" in str(published["value"])
    assert "/Hjo kommun" in str(published["value"])

    listing = await bot.say(KARIN, "synpunkter", kansli)
    assert f"#{case_id}" in listing and "0 vardagar, svar publicerat" in listing

    kansli_card_id, kansli_card = _card_in(bot, kansli.channel_id)
    assert_valid_card(kansli_card)
    status, refused = await bot.activity(
        kansli.invoke(
            KARIN, "synpunkt_register", {"case": case_id, "reference": "x"}, card_id=kansli_card_id
        )
    )
    assert "Skriv referensen" in refused["value"]
    status, registered = await bot.activity(
        kansli.invoke(
            KARIN,
            "synpunkt_register",
            {"case": case_id, "reference": "SYN-2026-0042"},
            card_id=kansli_card_id,
        )
    )
    assert_valid_card(registered["value"])
    assert "Registrerad – ref SYN-2026-0042 (Karin Kansli" in str(registered["value"])
    await bot.connector.wait_for(
        lambda: (
            sum("Registrerad – ref SYN-2026-0042" in str(u.body) for u in bot.connector.updates)
            >= 3
        )
    )
    assert "Inga synpunkter väntar" in await bot.say(KARIN, "synpunkter", kansli)

    printout = next(
        a["url"] for a in registered["value"]["actions"] if a["title"] == "Utskrift av synpunkten"
    )
    async with bot.http.get(printout) as response:
        assert response.status == 200
        page = await response.text()
    for expected in (
        "återvinningsstationen i Gate",
        "/Hjo kommun",
        "SYN-2026-0042",
        "Lämnad för svar (Samhällsbyggnad)",
        "Besvarad",
        "Svaret publicerat",
        "Registrerad i Synpunkten",
    ):
        assert expected in page
    async with bot.http.get(printout.split("?")[0]) as response:
        assert response.status == 403


async def test_a_second_registration_sees_the_first(
    bot: RunningBot, kansli: Channel, sbf: Channel
) -> None:
    case_id, _ = await _forwarded(bot, kansli, sbf)
    card_id, _ = _card_in(bot, kansli.channel_id)
    for reference in ("SYN-2026-0042", "SYN-2026-0099"):
        status, answer = await bot.activity(
            kansli.invoke(
                KARIN,
                "synpunkt_register",
                {"case": case_id, "reference": reference},
                card_id=card_id,
            )
        )
    assert "ref SYN-2026-0042" in str(answer["value"]) and "0099" not in str(answer["value"])


async def test_only_kanslienheten_can_register_and_only_the_department_can_answer(
    bot: RunningBot, kansli: Channel, sbf: Channel
) -> None:
    case_id, card_id = await _forwarded(bot, kansli, sbf)
    refused = await bot.invoke(
        BERTIL, "synpunkt_register", {"case": case_id, "reference": "SYN-1"}, card_id
    )
    assert refused["value"] == "Bara kanslienhetens kanal kan registrera synpunkter."
    refused = await bot.invoke(BERTIL, "synpunkt_answer", {"case": case_id, "answer": "x"}, card_id)
    assert refused["value"] == "Bara avdelningen som fick frågan kan svara här."


async def test_a_routine_question_is_kept_without_registration(bot: RunningBot) -> None:
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag(text="Är anmälan till simskolan öppen nu?"))
    answer = await bot.invoke(ANNA, "keep_routine", {"case": case_id}, card_id)
    assert "Behålls – rutinfråga, beslutat av Anna Moderator" in str(answer["value"])


async def test_a_synpunkt_without_department_is_answered_by_the_moderator(
    bot: RunningBot, kansli: Channel
) -> None:
    await bot.say(KARIN, "kansli här", kansli)
    await bot.link_hjo()
    case_id, card_id = await bot.flagged_card(flag(text=GATE))
    await bot.invoke(ANNA, "synpunkt", {"case": case_id}, card_id)
    empty = await bot.invoke(ANNA, "synpunkt_published", {"case": case_id, "answer": " "}, card_id)
    assert empty["value"] == "Skriv svaret först (högst 5000 tecken)."
    done = await bot.invoke(
        ANNA, "synpunkt_published", {"case": case_id, "answer": "Vi återkommer."}, card_id
    )
    assert "Svar publicerat" in str(done["value"])


async def _remind(bot: RunningBot, at: datetime) -> int:
    bot.clock.set(at)
    return await bot.runner.app[SCHEDULER].run_now(SYNPUNKTER, at)


async def test_an_answer_not_given_in_five_vardagar_reminds_the_department(
    bot: RunningBot, kansli: Channel, sbf: Channel
) -> None:
    await _forwarded(bot, kansli, sbf)
    assert await _remind(bot, datetime(2026, 12, 1, 8, 0, tzinfo=UTC)) == 0
    before = len(bot.connector.texts())
    assert await _remind(bot, datetime(2026, 12, 2, 8, 0, tzinfo=UTC)) == 1
    assert await _remind(bot, datetime(2026, 12, 3, 8, 0, tzinfo=UTC)) == 0
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    reminder = next(c for c in bot.connector.sent if "väntar på ert svar" in c.body.get("text", ""))
    assert reminder.conversation_id == sbf.channel_id


async def test_a_published_answer_not_registered_in_two_vardagar_reminds_kanslienheten(
    bot: RunningBot, kansli: Channel, sbf: Channel
) -> None:
    case_id, card_id = await _forwarded(bot, kansli, sbf)
    await bot.invoke(ANNA, "synpunkt_published", {"case": case_id, "answer": "Svar."}, card_id)
    assert await _remind(bot, datetime(2026, 11, 26, 8, 0, tzinfo=UTC)) == 0
    assert await _remind(bot, datetime(2026, 11, 27, 8, 0, tzinfo=UTC)) == 1
    await bot.connector.wait_for(
        lambda: any("inte registrerad" in c.body.get("text", "") for c in bot.connector.sent)
    )
    reminder = next(c for c in bot.connector.sent if "inte registrerad" in c.body.get("text", ""))
    assert reminder.conversation_id == kansli.channel_id


async def test_the_departments_first_answer_counts(
    bot: RunningBot, kansli: Channel, sbf: Channel
) -> None:
    case_id, _ = await _forwarded(bot, kansli, sbf)
    card_id, _ = _card_in(bot, sbf.channel_id)
    for answer in ("Första svaret.", "Andra svaret."):
        status, shown = await bot.activity(
            sbf.invoke(
                SIGRID, "synpunkt_answer", {"case": case_id, "answer": answer}, card_id=card_id
            )
        )
    assert "Första svaret." in str(shown["value"]) and "Andra" not in str(shown["value"])


async def test_the_printout_carries_the_synpunkt_reference(
    bot: RunningBot, kansli: Channel, sbf: Channel
) -> None:
    case_id, _ = await _forwarded(bot, kansli, sbf)
    card_id, _ = _card_in(bot, kansli.channel_id)
    await bot.activity(
        kansli.invoke(
            KARIN,
            "synpunkt_register",
            {"case": case_id, "reference": "SYN-2026-0042"},
            card_id=card_id,
        )
    )
    pdf = await download(bot, await bot.say(ANNA, 'utdrag "Hjo kommun" 2026-11-01 2026-11-30'))
    assert "registrerad i Synpunkten som SYN-2026-0042" in " ".join(text_of(pdf).split())
