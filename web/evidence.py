"""`GET /evidence/{case}`: the evidence of one case, and `/evidence/{case}/bevispaket/{name}`
its evidence packages, only through a signed, expiring link."""

import html
from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote

from aiohttp import web

from services.evidence import EvidenceFiles
from services.evidence_package import EvidencePackages
from services.links import LinkSigner
from storage.cases import get_decision
from storage.db import Database
from storage.evidence import evidence_for_case, get_evidence
from texts import moment, t
from web.signed import require_signed


def evidence_routes(
    database: Database,
    files: EvidenceFiles,
    packages: EvidencePackages,
    signer: LinkSigner,
    clock: Callable[[], datetime],
) -> list[web.RouteDef]:
    def _checked(request: web.Request) -> None:
        require_signed(
            request,
            signer,
            clock(),
            "Länken är ogiltig eller har gått ut. Tryck på Ny länk till bevisen på ärendets kort "
            "i Teams, så får kortet en ny länk.",
        )

    def _number(request: web.Request, name: str) -> int:
        value = request.match_info[name]
        if not value.isdigit():
            raise web.HTTPNotFound(text="Finns inte.")
        return int(value)

    async def index(request: web.Request) -> web.Response:
        _checked(request)
        case_id = _number(request, "case")
        with database.reading() as session:
            items = evidence_for_case(session, case_id)
        if not items:
            raise web.HTTPNotFound(text="Inga bevis för ärendet.")
        expires = datetime.fromtimestamp(int(request.query["exp"]), clock().tzinfo)
        rows = []
        for item in items:
            link = signer.url(f"/evidence/{case_id}/files/{item.id}", expires)
            name = t("sv", f"evidence_kind_{item.kind}")
            rows.append(
                "<tr>"
                f'<td><a href="{html.escape(link)}">{html.escape(name)}</a></td>'
                f"<td>{html.escape(item.added_by_name)}</td>"
                f"<td>{moment(item.captured_at)}</td>"
                f"<td>{item.size}</td>"
                f"<td><code>{item.sha256}</code></td>"
                "</tr>"
            )
        page = (
            '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
            f"<title>Bevis, ärende {case_id}</title></head><body>"
            f"<h1>Bevis i ärende {case_id}</h1>"
            "<table><thead><tr><th scope=col>Fil</th><th scope=col>Sparad av</th>"
            "<th scope=col>Sparad</th><th scope=col>Byte</th><th scope=col>SHA-256</th></tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table></body></html>"
        )
        return web.Response(text=page, content_type="text/html", headers=_private())

    async def file(request: web.Request) -> web.StreamResponse:
        _checked(request)
        case_id = _number(request, "case")
        with database.reading() as session:
            item = get_evidence(session, _number(request, "evidence"))
        if item is None or item.case_id != case_id:
            raise web.HTTPNotFound(text="Finns inte.")
        path = files.path_of(item)
        if not path.is_file():
            raise web.HTTPNotFound(text="Filen saknas på disk; kontakta förvaltaren.")
        headers = {
            **_private(),
            "Content-Type": item.content_type,
            "Content-Disposition": f'{_disposition(item.content_type)}; filename="{path.name}"',
            "X-Content-Type-Options": "nosniff",
        }
        return web.FileResponse(path, headers=headers)

    async def package(request: web.Request) -> web.StreamResponse:
        """The evidence package `bevispaket` quoted in Teams, by its own name: a later state
        of the case is another file, so the link keeps giving the bytes of the quoted hash."""
        _checked(request)
        with database.reading() as session:
            decision = get_decision(session, _number(request, "case"))
        number = decision.diarium_number if decision else None
        path = packages.path_of(number, request.match_info["name"]) if number else None
        if path is None:
            raise web.HTTPNotFound(text="Bevispaketet finns inte.")
        headers = {
            **_private(),
            "Content-Type": "application/pdf",
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(path.name)}",
        }
        return web.FileResponse(path, headers=headers)

    return [
        web.get("/evidence/{case}", index),
        web.get("/evidence/{case}/files/{evidence}", file),
        web.get("/evidence/{case}/bevispaket/{name}", package),
    ]


def _private() -> dict[str, str]:
    return {
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'",
    }


def _disposition(content_type: str) -> str:
    """Files people uploaded are downloaded, never rendered as a page on the bot's domain."""
    shown = content_type.startswith("image/") and content_type != "image/svg+xml"
    return "inline" if shown or content_type == "application/json" else "attachment"
