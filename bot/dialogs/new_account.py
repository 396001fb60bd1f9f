"""The `nytt konto` dialog on the Teams side: a message from someone with a registration going
is an answer to its question. The questions and their checks are in routine.registration."""

from bot.runtime import Runtime
from bot.turns import Turn
from routine.registration import Answer
from services.registration import Say
from texts import t


async def continue_dialog(runtime: Runtime, turn: Turn, text: str) -> str | None:
    """The reply when this person has a registration going here; None otherwise."""
    where = turn.channel_id or turn.home.conversation_id
    said = await runtime.new_account.answer(
        where, turn.actor, Answer(text, turn.mentioned), runtime.clock()
    )
    return None if said is None else render(turn.language, said)


def render(language: str, said: list[Say]) -> str:
    lines = []
    for sentence in said:
        params = dict(sentence.params)
        if "platform" in params:
            params["platform"] = t(language, f"platform_{params['platform']}")
        lines.append(t(language, sentence.key, **params))
    return "\n\n".join(lines)
