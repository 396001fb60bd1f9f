"""Routine 2.1: an account's checklist, each item with who attested it and when, and a button
for the person the routine gives it to."""

from dataclasses import dataclass

from bot.cards.elements import Element, card, execute, heading, line, open_url, quoted
from routine.checklist import Item, admin_rule
from routine.municipality import Municipality
from services.registry import ChecklistRow, ChecklistView
from texts import t

VERB_TICK = "checklist_tick"
NOTE_INPUT = "note"


@dataclass(frozen=True)
class ChecklistContext:
    municipality: Municipality
    routine_url: str


def checklist_card(view: ChecklistView, language: str, context: ChecklistContext) -> Element:
    place = context.municipality
    platform = t(language, f"platform_{view.platform}")
    body: list[Element] = [
        heading(t(language, "checklist_title", platform=platform, account=view.account_name)),
        line(
            t(
                language,
                "checklist_roles",
                url=view.account_url,
                officer=view.officer_name or t(language, "role_missing"),
                manager=view.manager_name or t(language, "role_missing"),
            )
        ),
    ]
    remaining = len(view.open_items)
    if remaining:
        body.append(line(t(language, "checklist_open", count=remaining), color="Attention"))
    else:
        body.append(line(t(language, "checklist_complete"), color="Good", bold=True))
    for row in view.rows:
        body.append(_row(view, row, language, context))
    if place.coat_of_arms_url and Item.PROFILE_PICTURE in view.open_items:
        body.append(
            {
                "type": "Image",
                "url": place.coat_of_arms_url,
                "altText": t(language, "checklist_coat_of_arms", municipality=place.name),
                "size": "Small",
            }
        )
    return card(body, [])


def _row(
    view: ChecklistView, row: ChecklistRow, language: str, context: ChecklistContext
) -> Element:
    place = context.municipality
    key = f"checklist_item_{row.item.value}"
    if row.item is Item.ADMIN_ACCESS:
        key = f"{key}_{admin_rule(view.platform)}"
    text = t(
        language,
        key,
        officer=view.officer_name or t(language, "role_missing"),
        municipality=place.name,
        phone=place.phone,
        website=place.website_shown,
    )
    items: list[Element] = []
    if row.done:
        done = t(language, "checklist_done_by", name=row.by_name, at=row.at)
        items.append(line(f"✅ {text}"))
        items.append(line(done, color="Good"))
        if row.note:
            items.append(line(t(language, "checklist_exception")))
            items.append(quoted(row.note))
        return {"type": "Container", "separator": True, "items": items}
    items.append(line(f"⬜ {text}", bold=True))
    items.append(line(t(language, f"checklist_who_{row.ticker.value}")))
    actions = _actions(view, row.item, language, context)
    if row.item is Item.PROFILE_PICTURE:
        items.append(
            {
                "type": "Input.Text",
                "id": NOTE_INPUT,
                "label": t(language, "checklist_exception_label"),
                "maxLength": 1000,
                "isMultiline": True,
            }
        )
    if actions:
        items.append({"type": "ActionSet", "actions": actions})
    return {"type": "Container", "separator": True, "items": items}


def _actions(
    view: ChecklistView, item: Item, language: str, context: ChecklistContext
) -> list[Element]:
    data = {"account": view.account_id, "item": item.value}
    if item is Item.STRATEGIST_INFORMED:
        return []
    if item is Item.PROFILE_PICTURE:
        return [
            execute(t(language, "checklist_coat_of_arms_used"), VERB_TICK, data, style="positive"),
            execute(
                t(language, "checklist_exception_button"), VERB_TICK, {**data, "exception": True}
            ),
        ]
    actions = [execute(t(language, "checklist_tick"), VERB_TICK, data, style="positive")]
    if item is Item.ROUTINE_READ:
        actions.insert(0, open_url(t(language, "checklist_read_routine"), context.routine_url))
    return actions
