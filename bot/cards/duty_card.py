"""Sections 4 and 5: the card of a half-year archive or culling task."""

from bot.cards.elements import Element, card, execute, heading, line
from routine.halfyear import Duty
from services.views import TaskView
from texts import t

VERB_DUTY_DONE = "duty_done"


def duty_card(task: TaskView, language: str) -> Element:
    duty = task.duty.value
    body: list[Element] = [
        heading(t(language, f"duty_{duty}_title", account=task.account_name)),
        line(
            t(
                language,
                "duty_final_period" if task.duty is Duty.FINAL_ARCHIVE else "duty_period",
                period=task.period.isoformat(),
                opened=task.opened_at,
                due=task.due,
            )
        ),
        line(t(language, f"duty_{duty}_what", account=task.account_name)),
    ]
    if task.done_at is not None:
        done = t(
            language,
            "duty_done",
            name=task.done_by_name,
            at=task.done_at,
            reference=task.reference,
        )
        body.append(line(done, color="Good", bold=True))
        return card(body, [])
    body.append(
        {
            "type": "Input.Text",
            "id": "reference",
            "label": t(language, "duty_reference"),
            "isRequired": True,
            "maxLength": 500,
        }
    )
    button = execute(
        t(language, f"duty_{duty}_button"), VERB_DUTY_DONE, {"task": task.id}, style="positive"
    )
    return card(body, [button])
