"""A Teams activity read from the request body: JSON within the limits (web.json_input), each
field the bot reads of the type it expects, then handed to the SDK. Lives at the edge, the only
place that knows the Bot Framework's activity."""

from typing import Any

from aiohttp import web
from botbuilder.schema import Activity

from services.intake import id_problem
from web.json_input import JsonInputError, read_json

MAX_ACTIVITY_BYTES = 1024 * 1024
"""The app's client_max_size: Teams activities are small, cards and file lists included."""


async def read_activity(request: web.Request, max_bytes: int = MAX_ACTIVITY_BYTES) -> Activity:
    """A Bot Framework activity from the body: JSON within the limits, each field the bot
    reads of the type it expects (400 naming the field otherwise), then read by the SDK."""
    body = await read_json(request, max_bytes)
    if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
        raise JsonInputError(400, "json_not_an_activity")
    _check_shape(body, _ACTIVITY, "")
    try:
        return Activity().deserialize(body)
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError):
        raise JsonInputError(400, "json_wrong_type") from None


class _Id:
    """Shape: text that can be an id on record (services.intake.id_problem)."""


class _RequiredId(_Id):
    """Shape: an id that must be there when the object holding it is (the bot reads a
    conversation, a sender and a recipient by their ids)."""


_TEXTS = (
    "timestamp",
    "localTimestamp",
    "localTimezone",
    "locale",
    "text",
    "textFormat",
    "name",
    "summary",
    "inputHint",
    "speak",
    "action",
    "label",
    "valueType",
    "importance",
    "deliveryMode",
    "callerId",
    "topicName",
    "attachmentLayout",
    "expiration",
)
_ACCOUNT: dict[str, Any] = {"id": _RequiredId, "name": str, "aadObjectId": _Id, "role": str}
_ACTIVITY: dict[str, Any] = {
    **dict.fromkeys(_TEXTS, str),
    **dict.fromkeys(("type", "id", "serviceUrl", "channelId", "replyToId"), _Id),
    "from": _ACCOUNT,
    "recipient": _ACCOUNT,
    "conversation": {
        "id": _RequiredId,
        "name": str,
        "conversationType": str,
        "tenantId": _Id,
        "isGroup": bool,
        "aadObjectId": _Id,
        "role": str,
    },
    "channelData": {
        "tenant": {"id": _Id},
        "channel": {"id": _Id, "name": str},
        "team": {"id": _Id, "name": str, "aadGroupId": _Id},
        "eventType": str,
    },
    "entities": [{"type": str, "text": str, "mentioned": _ACCOUNT}],
    "attachments": [{"contentType": str, "contentUrl": str, "name": str, "thumbnailUrl": str}],
    "membersAdded": [_ACCOUNT],
    "membersRemoved": [_ACCOUNT],
    "historyDisclosed": bool,
}


def _check_shape(value: Any, shape: Any, path: str) -> None:
    """`shape`: a type, `_Id`, a dict of the known keys' shapes (others are free), or a
    one-item list for "a list of these". JSON null stands for a field left out."""
    if value is None:
        if shape is _RequiredId:
            raise JsonInputError(400, "json_missing", path)
        return
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            raise JsonInputError(400, "json_wrong_type", path or "body")
        for key, inner in shape.items():
            _check_shape(value.get(key), inner, f"{path}.{key}" if path else key)
    elif isinstance(shape, list):
        if not isinstance(value, list):
            raise JsonInputError(400, "json_wrong_type", path)
        for index, item in enumerate(value):
            _check_shape(item, shape[0], f"{path}.{index}")
    elif shape is bool:
        if not isinstance(value, bool):
            raise JsonInputError(400, "json_wrong_type", path)
    elif shape in (_Id, _RequiredId):
        if not isinstance(value, str):
            raise JsonInputError(400, "json_wrong_type", path)
        if id_problem(value) is not None:
            raise JsonInputError(400, "json_bad_id", path)
    elif not isinstance(value, shape):
        raise JsonInputError(400, "json_wrong_type", path)
