"""`GET /utdrag/{id}`, `/arkivpaket/{name}` and `/personuppgifter/{name}`: a printout, an
archive package or a data-subject export, only through the signed, expiring link the bot gave
in Teams to whoever asked for it."""

import re
from collections.abc import Callable
from datetime import datetime

from aiohttp import web

from services.archive_package import ArchivePackages
from services.links import LinkSigner
from services.personal_data import PersonalData
from services.printout import Printouts
from storage.db import Database
from storage.models import Printout


def printout_routes(
    database: Database,
    printouts: Printouts,
    archives: ArchivePackages,
    personal_data: PersonalData,
    signer: LinkSigner,
    clock: Callable[[], datetime],
) -> list[web.RouteDef]:
    def _checked(request: web.Request) -> None:
        query = request.query
        if not signer.valid(request.path, query.get("exp"), query.get("sig"), clock()):
            raise web.HTTPForbidden(
                text="Länken är ogiltig eller har gått ut. Be om en ny i Teams."
            )

    async def download(request: web.Request) -> web.StreamResponse:
        _checked(request)
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

    async def archive(request: web.Request) -> web.StreamResponse:
        _checked(request)
        name = request.match_info["name"]
        if not _ARCHIVE_NAME.fullmatch(name) or not archives.path_of(name).is_file():
            raise web.HTTPNotFound(text="Arkivpaketet finns inte.")
        return web.FileResponse(
            archives.path_of(name),
            headers={
                "Content-Type": "application/zip",
                "Content-Disposition": f'attachment; filename="{name}"',
                "Cache-Control": "no-store",
            },
        )

    async def export(request: web.Request) -> web.StreamResponse:
        _checked(request)
        name = request.match_info["name"]
        if not _EXPORT_NAME.fullmatch(name) or not personal_data.path_of(name).is_file():
            raise web.HTTPNotFound(text="Utdraget finns inte.")
        return web.FileResponse(
            personal_data.path_of(name),
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Content-Disposition": f'attachment; filename="{name}"',
                "Cache-Control": "private, no-store",
            },
        )

    return [
        web.get("/utdrag/{id}", download),
        web.get("/arkivpaket/{name}", archive),
        web.get("/personuppgifter/{name}", export),
    ]


_ARCHIVE_NAME = re.compile(r"arkivpaket-[a-z]+-\d+-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.zip")
_EXPORT_NAME = re.compile(r"pseudonym-[0-9a-f]{20}-[0-9a-f]{12}\.json")
