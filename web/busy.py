"""The answers when storage cannot take a write just now: 503 with Retry-After, nothing was
stored, and the same request is to be sent again later."""


from aiohttp import web

from web.json_answer import json_answer

RETRY_AFTER_SECONDS = 5
EVIDENCE_RETRY_AFTER_SECONDS = 60
"""A full or read-only evidence disk waits for a person to fix it: asking again every few
seconds would only add load."""


def busy() -> web.Response:
    """The database stayed locked by another writer."""
    return _unavailable(
        "databasen är upptagen; inget sparades, försök igen om en stund", RETRY_AFTER_SECONDS
    )


def evidence_unwritable() -> web.Response:
    """The evidence folder refused a file (disk full or read-only)."""
    return _unavailable(
        "bevisen kan inte sparas just nu (lagringen för bevisfiler är full eller skrivskyddad); "
        "inget sparades, försök igen senare",
        EVIDENCE_RETRY_AFTER_SECONDS,
    )


def _unavailable(message: str, retry_after: int) -> web.Response:
    return json_answer(
        {"error": message},
        status=503,
        headers={"Retry-After": str(retry_after)},
    )
