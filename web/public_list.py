"""GET /forteckning: the public list as an accessible HTML page (a real table with a caption
and column headers, no script, printable), and the same rows as .json and .csv (semicolon
separated with a BOM, as Swedish Excel opens it)."""

import csv
import io
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime

from aiohttp import web

from routine.municipality import Municipality
from services.public_list import ListedAccount, public_list
from storage.db import Database
from texts import moment, t
from web.json_answer import json_answer
from web.page import escape, html_page

COLUMNS = ("plattform", "konto", "lank", "verksamhet", "ansvarig", "kontakt")
HEADERS = ("Plattform", "Konto", "Länk", "Verksamhet/enhet", "Ansvarig", "Kontakt")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_STYLE = (
    ".table-scroll{overflow-x:auto}"
    ".table-scroll:focus{outline:3px solid #0645ad;outline-offset:2px}"
    "td.long{overflow-wrap:anywhere;min-width:6em}"
    "@media print{.table-scroll{overflow:visible}}"
)
"""The list's own look beside the shared one: long links and addresses wrap so the table fits
a desktop window, and a narrow window (a phone, or 400 % zoom) scrolls the table alone, which
a keyboard reaches, never the page."""


def public_list_routes(
    database: Database, municipality: Municipality, clock: Callable[[], datetime]
) -> list[web.RouteDef]:
    def rows() -> list[ListedAccount]:
        with database.reading() as session:
            return public_list(session, municipality)

    async def page(_request: web.Request) -> web.Response:
        return web.Response(
            text=_html(rows(), municipality, clock()), content_type="text/html", charset="utf-8"
        )

    async def as_json(_request: web.Request) -> web.Response:
        listed = [_cells(row) for row in rows()]
        body = {
            "kommun": municipality.name,
            "uppdaterad": clock().isoformat(),
            "konton": [dict(zip(COLUMNS, cells, strict=True)) for cells in listed],
        }
        return json_answer(body)

    async def as_csv(_request: web.Request) -> web.Response:
        out = io.StringIO()
        out.write("\ufeff")
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADERS)
        for row in rows():
            writer.writerow([_safe_cell(cell) for cell in _cells(row)])
        return web.Response(
            text=out.getvalue(),
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": 'attachment; filename="forteckning.csv"'},
        )

    return [
        web.get("/forteckning", page),
        web.get("/forteckning.json", as_json),
        web.get("/forteckning.csv", as_csv),
    ]


def _cells(row: ListedAccount) -> tuple[str, ...]:
    values = asdict(row)
    values["platform"] = t("sv", f"platform_{row.platform}")
    return tuple(
        values[key] for key in ("platform", "account", "url", "unit", "officer", "contact")
    )


def _safe_cell(value: str) -> str:
    """A cell Excel would read as a formula is kept as text."""
    return f"'{value}" if value.startswith(_FORMULA_START) and not value[1:2].isdigit() else value


def _html(rows: list[ListedAccount], municipality: Municipality, now: datetime) -> str:
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in HEADERS)
    body = "".join(_html_row(_cells(row)) for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(HEADERS)}">Inga konton är registrerade.</td></tr>'
    title = f"{municipality.name} i sociala medier"
    page = html_page(
        title,
        f"<h1>{escape(title)}</h1>"
        f"<p>Förteckning över {escape(municipality.name)}s konton i sociala medier, med "
        "ansvarig, kontaktuppgifter och den verksamhet som driver kontot. "
        f"Uppdaterad {moment(now)}.</p>"
        '<div class="table-scroll" role="region" aria-labelledby="konton" tabindex="0">'
        f'<table><caption id="konton">Konton i sociala medier ({len(rows)})</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        f"<p>Kontaktcenter: {escape(municipality.phone)} · "
        f'<a href="{escape(municipality.website)}">{escape(municipality.website_shown)}</a></p>'
        '<p class="no-print">Samma uppgifter som <a href="/forteckning.csv">CSV</a> '
        'och <a href="/forteckning.json">JSON</a>.</p>',
    )
    return page.replace("</head>", f"<style>{LIST_STYLE}</style></head>", 1)


def _html_row(cells: tuple[str, ...]) -> str:
    platform, account, url, unit, officer, contact = (escape(cell) for cell in cells)
    return (
        f'<tr><td>{platform}</td><th scope="row">{account}</th>'
        f'<td class="long"><a href="{url}">{url}</a></td>'
        f'<td>{unit}</td><td>{officer}</td><td class="long">{contact}</td></tr>'
    )

