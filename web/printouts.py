"""`GET /utdrag/{id}`, `/arkivpaket/{name}` and `/personuppgifter/{name}`: a printout, an
archive package or a data-subject export, only through the signed, expiring link the bot gave
in Teams to whoever asked for it."""

import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from aiohttp import web

from services.archive_package import ArchivePackages
from services.files import STATE
from services.links import LinkSigner
from services.personal_data import PersonalData
from services.printout import Printouts
from storage.db import Database
from storage.models import Printout
from web.signed import require_signed


def printout_routes(
    database: Database,
    printouts: Printouts,
    archives: ArchivePackages,
    personal_data: PersonalData,
    signer: LinkSigner,
    clock: Callable[[], datetime],
) -> list[web.RouteDef]:
    def _checked(request: web.Request) -> None:
        require_signed(
            request, signer, clock(), "Länken är ogiltig eller har gått ut. Be om en ny i Teams."
        )

    async def download(request: web.Request) -> web.StreamResponse:
        _checked(request)
        number = request.match_info["id"]
        with database.reading() as session:
            printout = session.get(Printout, int(number)) if number.isdigit() else None
        if printout is None:
            raise web.HTTPNotFound(text="Utdraget finns inte.")
        return _attachment(printouts.path_of(printout), "application/pdf")

    def named(folder: Callable[[str], Path], pattern: re.Pattern[str], kind: str) -> Handler:
        async def serve(request: web.Request) -> web.StreamResponse:
            _checked(request)
            name = request.match_info["name"]
            if not pattern.fullmatch(name):
                raise web.HTTPNotFound(text="Filen finns inte.")
            return _attachment(folder(name), kind)

        return serve

    return [
        web.get("/utdrag/{id}", download),
        web.get("/arkivpaket/{name}", named(archives.path_of, _ARCHIVE_NAME, "application/zip")),
        web.get(
            "/personuppgifter/{name}",
            named(personal_data.path_of, _EXPORT_NAME, "application/json; charset=utf-8"),
        ),
    ]


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _attachment(path: Path, content_type: str) -> web.StreamResponse:
    if not path.is_file():
        raise web.HTTPNotFound(text="Filen finns inte.")
    return web.FileResponse(
        path,
        headers={
            "Content-Type": content_type,
            "Content-Disposition": f'attachment; filename="{path.name}"',
            "Cache-Control": "private, no-store",
        },
    )


_ARCHIVE_NAME = re.compile(
    rf"arkivpaket-[a-z]+-\d+-\d{{4}}-\d\d-\d\d-\d{{4}}-\d\d-\d\d-{STATE}\.zip"
)
_EXPORT_NAME = re.compile(r"pseudonym-[0-9a-f]{20}-[0-9a-f]{12}\.json")
