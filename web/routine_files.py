"""The routine itself (linked from the checklist, so the officer reads what they attest) and
the coat of arms (routine 2.1 point 4), when the municipality has configured an image."""

from importlib.resources import files
from pathlib import Path

from aiohttp import web

ROUTINE = "rutin-sociala-medier.md"
COAT_OF_ARMS_PATH = "/stadsvapen"


def routine_file_routes(coat_of_arms: Path | None) -> list[web.RouteDef]:
    text = (files("web") / "static" / ROUTINE).read_text(encoding="utf-8")

    async def routine(_request: web.Request) -> web.Response:
        return web.Response(text=text, content_type="text/plain", charset="utf-8")

    routes = [web.get("/rutin", routine)]
    if coat_of_arms is not None:

        async def arms(_request: web.Request) -> web.FileResponse:
            return web.FileResponse(coat_of_arms)

        routes.append(web.get(COAT_OF_ARMS_PATH, arms))
    return routes
