"""The printable HTML pages the bot serves share one look: readable on screen, plain on paper."""

import html

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "color:#111;line-height:1.45}h1{font-size:1.4rem}blockquote{border-left:4px solid #999;"
    "margin:0;padding:.2rem 1rem;white-space:pre-wrap}table{border-collapse:collapse;width:100%}"
    "caption{text-align:left;font-weight:600;padding:.4rem 0}"
    "th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "a{color:#0645ad}a:focus{outline:3px solid #0b0c0c;outline-offset:2px}"
    "@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}"
    "thead{display:table-header-group}tr{break-inside:avoid}.no-print{display:none}}"
)


def html_page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<main>{body}</main></body></html>"
    )


def escape(value: str | None) -> str:
    return html.escape(value or "")
