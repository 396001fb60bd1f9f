"""Talking to the bot the way a manager registering an account does: one answer at a time,
each reply read from the thread the answer was written in."""

from typing import Any

from tests.conftest import RunningBot
from tests.teams import Channel, Person

MARIA = Person("29:maria", "Maria Chef", "00000000-0000-0000-0000-00000000d004")
STINA = Person("29:stina", "Stina Strateg", "00000000-0000-0000-0000-00000000e005")


def strategist_channel(bot: RunningBot) -> Channel:
    return Channel(
        service_url=bot.connector.url, channel_id="19:kommunikation@thread.tacv2", name="Komm"
    )


async def ask(
    bot: RunningBot,
    person: Person,
    text: str,
    *,
    mentions: tuple[Person, ...] = (),
    channel: Channel | None = None,
) -> str:
    """Send a message and return the bot's reply in that message's thread."""
    message = (channel or bot.channel).message(person, text, mentions=mentions)
    thread = message["conversation"]["id"]
    status, _ = await bot.activity(message)
    assert status in (200, 201)
    await bot.connector.wait_for(lambda: _reply(bot, thread) is not None)
    reply = _reply(bot, thread)
    assert reply is not None
    return reply


def _reply(bot: RunningBot, thread: str) -> str | None:
    for call in bot.connector.sent:
        if call.conversation_id == thread and call.body.get("text"):
            return str(call.body["text"])
    return None


def posted_in(bot: RunningBot, conversation_id: str) -> list[dict[str, Any]]:
    """What the bot posted as new messages in a channel (not replies in threads)."""
    return [call.body for call in bot.connector.sent if call.conversation_id == conversation_id]


ANSWERS_BEFORE_PEOPLE = [
    "facebook",
    "Hjo Bibliotek",
    "https://www.facebook.com/hjobibliotek",
    "Kultur och fritid, biblioteket",
    "Tipsa om evenemang och nya böcker",
    "Kommuninvånare i alla åldrar",
]


async def register(
    bot: RunningBot, manager: Person, officer: Person, *, contact: str = "bibliotek@hjo.se"
) -> str:
    """The whole dialog with good answers; returns the final reply."""
    await ask(bot, manager, "nytt konto")
    for answer in ANSWERS_BEFORE_PEOPLE:
        await ask(bot, manager, answer)
    await ask(bot, manager, "", mentions=(officer,))
    await ask(bot, manager, "", mentions=(manager,))
    await ask(bot, manager, contact)
    return await ask(bot, manager, "ja")
