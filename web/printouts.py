"""`GET /utdrag/{id}`: a printout's PDF, only through the signed, expiring link the bot gave in
Teams to whoever asked for it."""

from collections.abc import Callable
from datetime import datetime

from aiohttp import web

from services.links import LinkSigner
from services.printout import Printouts
from storage.db import Database
from storage.models import Printout


def printout_routes(
    database: Database,
    printouts: Printouts,
    signer: LinkSigner,
    clock: Callable[[], datetime],
) -> list[web.RouteDef]:
    async def download(request: web.Request) -> web.StreamResponse:
        query = request.query
        if not signer.valid(request.path, query.get("exp"), query.get("sig"), clock()):
            raise web.HTTPForbidden(
                text="Länken är ogiltig eller har gått ut. Be om ett nytt utdrag i Teams."
            )
        number = request.match_info["id"]
        with database.session() as session:
            printout = session.get(Printout, int(number)) if number.isdigit() else None
        if printout is None or not printouts.path_of(printout).is_file():
            raise web.HTTPNotFound(text="Utdraget finns inte.")
        return web.FileResponse(
            printouts.path_of(printout),
            headers={
                "Content-Type": "application/pdf",
                "Content-Disposition": f'attachment; filename="{printout.file_name}"',
                "Cache-Control": "no-store",
            },
        )

    return [web.get("/utdrag/{id}", download)]
