"""Routine 4 and 4.1: a synpunkt as one printable page, the whole chain from question to
registration. This is what is handed out when someone asks for the record."""

import json
from collections.abc import Callable
from datetime import datetime

from aiohttp import web

from services.links import LinkSigner
from services.views import CaseViews
from storage.audit import events_for_case
from storage.db import Database
from texts import moment
from web.page import escape, html_page
from web.signed import require_signed

_STEPS = {
    "case_opened": "Kommentaren flaggad och sparad",
    "screenshot_saved": "Skärmdump sparad",
    "decided_synpunkt": "Bedömd som synpunkt",
    "synpunkt_forwarded": "Lämnad för svar",
    "synpunkt_answered": "Besvarad",
    "synpunkt_answer_published": "Svaret publicerat",
    "synpunkt_registered": "Registrerad i Synpunkten",
    "evidence_added": "Bevis bifogat",
}
_DETAILS = ("department", "reference", "note")


def synpunkt_routes(
    database: Database, views: CaseViews, signer: LinkSigner, clock: Callable[[], datetime]
) -> list[web.RouteDef]:
    async def record(request: web.Request) -> web.Response:
        require_signed(request, signer, clock(), "Länken är ogiltig eller har gått ut.")
        case_id = request.match_info["case"]
        if not case_id.isdigit():
            raise web.HTTPNotFound(text="Finns inte.")
        with database.reading() as session:
            view = views.get(session, int(case_id), clock())
            events = events_for_case(session, int(case_id))
        synpunkt = view.synpunkt
        if synpunkt is None:
            raise web.HTTPNotFound(text="Ärendet är ingen synpunkt.")
        rows = "".join(
            f"<tr><td>{moment(event.at)}</td><td>{escape(event.actor_name)}</td>"
            f"<td>{_step(event.action)}{_detail(event.detail)}</td></tr>"
            for event in events
        )
        answer = (
            f"<blockquote>{escape(synpunkt.answer)}</blockquote>"
            if synpunkt.answer
            else "<p>Inget svar än.</p>"
        )
        registered = (
            f"<p>Registrerad i Synpunkten (DF Respons) med referens "
            f"<strong>{escape(synpunkt.reference)}</strong>.</p>"
            if synpunkt.reference
            else "<p>Inte registrerad i Synpunkten än.</p>"
        )
        page = html_page(
            f"Synpunkt, ärende {view.id}",
            f"<h1>Synpunkt via sociala medier – ärende {view.id}</h1>"
            f"<p>{escape(view.platform.capitalize())} · {escape(view.account_name)} · "
            f'<a href="{escape(view.permalink)}">{escape(view.permalink)}</a></p>'
            f"<h2>Fråga</h2><p>{escape(view.author_name)}, {moment(view.written_at)}:</p>"
            f"<blockquote>{escape(view.text)}</blockquote>"
            f"<h2>Svar</h2>{answer}{registered}"
            "<h2>Händelser</h2><table><thead><tr><th scope=col>Tid</th><th scope=col>Vem</th>"
            f"<th scope=col>Vad</th></tr></thead><tbody>{rows}</tbody></table>",
        )
        return web.Response(
            text=page,
            content_type="text/html",
            headers={"Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"},
        )

    return [web.get("/synpunkt/{case}", record)]


def _step(action: str) -> str:
    return _STEPS.get(action) or escape(action)


def _detail(detail: str) -> str:
    values = json.loads(detail or "{}")
    shown = [f"{escape(str(values[key]))}" for key in _DETAILS if values.get(key)]
    return f" ({', '.join(shown)})" if shown else ""
