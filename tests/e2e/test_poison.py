"""One bad item never stops the others: flags whose author or text would trip the
screenshot renderer still get their cards, and so does every flag after them."""

from typing import Any

from tests.conftest import RunningBot
from tests.teams import flag

POISON_CHARACTERS = ["\u2029", "\u0085", "\u001c", "\r", "\u202e", "\u200b"]


def _poison_flags() -> list[dict[str, Any]]:
    flags = [
        flag(
            author={"id": f"p{index}", "name": f"Sven{character}Svensson"}, text=f"Hej{character}då"
        )
        for index, character in enumerate(POISON_CHARACTERS)
    ]
    flags.append(flag(text=("Lång kommentar " * 1400)[:20_000]))
    flags.append(flag(text="Привет · مرحبا · 你好 · שלום · 🙂 · Åsa Öberg"))
    return flags


async def test_poison_flags_do_not_stop_the_cards_after_them(bot: RunningBot) -> None:
    await bot.link_hjo()
    poison = _poison_flags()
    normal = [flag(author={"id": f"n{index}", "name": f"Vanlig {index}"}) for index in range(5)]
    case_ids = []
    for body in [*poison, *normal]:
        status, answer = await bot.flag(body)
        assert status == 201, answer
        case_ids.append(answer["case_id"])
    await bot.connector.wait_for(lambda: len(bot.connector.cards()) >= len(case_ids), timeout=30)
    titles = {card["body"][0]["text"] for card in bot.connector.cards()}
    assert titles == {f"Flaggad kommentar #{case_id}" for case_id in case_ids}
    shown = str(bot.connector.cards())
    assert "Vanlig 4" in shown
    assert "Modbot kunde inte göra en skärmdump" not in shown
