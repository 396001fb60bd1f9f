"""Routine 4 and 4.1: a synpunkt as one printable page, the whole chain from question to
registration. This is what is handed out when someone asks for the record."""

import html
import json
from collections.abc import Callable
from datetime import datetime

from aiohttp import web

from services.links import LinkSigner
from services.views import CaseViews
from storage.audit import events_for_case
from storage.db import Database
from texts import moment

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
_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "color:#111}h1{font-size:1.4rem}blockquote{border-left:4px solid #999;margin:0;"
    "padding:.2rem 1rem;white-space:pre-wrap}table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "@media print{body{margin:0;max-width:none}a{color:inherit}}"
)


def synpunkt_routes(
    database: Database, views: CaseViews, signer: LinkSigner, clock: Callable[[], datetime]
) -> list[web.RouteDef]:
    async def record(request: web.Request) -> web.Response:
        if not signer.valid(
            request.path, request.query.get("exp"), request.query.get("sig"), clock()
        ):
            raise web.HTTPForbidden(text="Länken är ogiltig eller har gått ut.")
        case_id = request.match_info["case"]
        if not case_id.isdigit():
            raise web.HTTPNotFound(text="Finns inte.")
        with database.session() as session:
            view = views.get(session, int(case_id), clock())
            events = events_for_case(session, int(case_id))
        synpunkt = view.synpunkt
        if synpunkt is None:
            raise web.HTTPNotFound(text="Ärendet är ingen synpunkt.")
        rows = "".join(
            f"<tr><td>{moment(event.at)}</td><td>{_escape(event.actor_name)}</td>"
            f"<td>{_step(event.action)}{_detail(event.detail)}</td></tr>"
            for event in events
        )
        answer = (
            f"<blockquote>{_escape(synpunkt.answer)}</blockquote>"
            if synpunkt.answer
            else "<p>Inget svar än.</p>"
        )
        registered = (
            f"<p>Registrerad i Synpunkten (DF Respons) med referens "
            f"<strong>{_escape(synpunkt.reference)}</strong>.</p>"
            if synpunkt.reference
            else "<p>Inte registrerad i Synpunkten än.</p>"
        )
        page = (
            '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
            f"<title>Synpunkt, ärende {view.id}</title><style>{_STYLE}</style></head><body>"
            f"<h1>Synpunkt via sociala medier – ärende {view.id}</h1>"
            f"<p>{_escape(view.platform.capitalize())} · {_escape(view.account_name)} · "
            f'<a href="{_escape(view.permalink)}">{_escape(view.permalink)}</a></p>'
            f"<h2>Fråga</h2><p>{_escape(view.author_name)}, {moment(view.written_at)}:</p>"
            f"<blockquote>{_escape(view.text)}</blockquote>"
            f"<h2>Svar</h2>{answer}{registered}"
            "<h2>Händelser</h2><table><thead><tr><th scope=col>Tid</th><th scope=col>Vem</th>"
            f"<th scope=col>Vad</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
        )
        return web.Response(
            text=page,
            content_type="text/html",
            headers={"Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"},
        )

    return [web.get("/synpunkt/{case}", record)]


def _step(action: str) -> str:
    return _STEPS.get(action) or _escape(action)


def _escape(value: str | None) -> str:
    return html.escape(value or "")


def _detail(detail: str) -> str:
    values = json.loads(detail or "{}")
    shown = [f"{_escape(str(values[key]))}" for key in _DETAILS if values.get(key)]
    return f" ({', '.join(shown)})" if shown else ""
