"""Every page or file the bot hands out by link is reachable only with the link's signature,
before it expires; one check for all of them."""

from datetime import datetime

from aiohttp import web

from services.links import LinkSigner


def require_signed(request: web.Request, signer: LinkSigner, now: datetime, refusal: str) -> None:
    query = request.query
    if not signer.valid(request.path, query.get("exp"), query.get("sig"), now):
        raise web.HTTPForbidden(text=refusal)
