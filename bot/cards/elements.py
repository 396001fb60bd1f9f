"""The few Adaptive Card elements the cards share."""

from typing import Any

Element = dict[str, Any]
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
MAX_SHOWN_TEXT = 3000


def card(body: list[Element], actions: list[Element]) -> Element:
    content: Element = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }
    if actions:
        content["actions"] = actions
    return content


def heading(text: str) -> Element:
    return {"type": "TextBlock", "text": text, "weight": "Bolder", "size": "Medium", "wrap": True}


def line(text: str, *, color: str = "Default", bold: bool = False) -> Element:
    block: Element = {"type": "TextBlock", "text": text, "wrap": True}
    if color != "Default":
        block["color"] = color
    if bold:
        block["weight"] = "Bolder"
    return block


def facts(pairs: list[tuple[str, str]]) -> Element:
    return {"type": "FactSet", "facts": [{"title": t, "value": v} for t, v in pairs if v]}


def quoted(text: str, suffix: str | None = None) -> Element:
    """Someone else's words, shown as plain text: a TextRun is never read as markdown, so a
    comment cannot dress itself up as a link or a heading on the moderator's card."""
    shown = text if len(text) <= MAX_SHOWN_TEXT else text[:MAX_SHOWN_TEXT] + " …"
    runs: list[Element] = [{"type": "TextRun", "text": shown or " "}]
    if suffix and len(text) > MAX_SHOWN_TEXT:
        runs.append({"type": "TextRun", "text": f" {suffix}", "italic": True})
    return {
        "type": "Container",
        "style": "emphasis",
        "items": [{"type": "RichTextBlock", "inlines": runs}],
    }


def open_url(title: str, url: str) -> Element:
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def execute(title: str, verb: str, data: dict[str, Any], *, style: str = "default") -> Element:
    action: Element = {"type": "Action.Execute", "title": title, "verb": verb, "data": data}
    if style != "default":
        action["style"] = style
    return action


def attachment(content: Element) -> Element:
    return {"contentType": CARD_CONTENT_TYPE, "content": content}
