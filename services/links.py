"""Signed, expiring links, so evidence is only served to whoever was given the card's link."""

import hashlib
import hmac
from datetime import datetime
from urllib.parse import urlencode


class LinkSigner:
    def __init__(self, secret: str, public_url: str) -> None:
        self._key = secret.encode()
        self._public_url = public_url.rstrip("/")

    def url(self, path: str, expires: datetime) -> str:
        stamp = int(expires.timestamp())
        query = urlencode({"exp": stamp, "sig": self._signature(path, stamp)})
        return f"{self._public_url}{path}?{query}"

    def valid(self, path: str, exp: str | None, sig: str | None, now: datetime) -> bool:
        if not exp or not sig or not exp.isdigit():
            return False
        stamp = int(exp)
        return stamp >= now.timestamp() and hmac.compare_digest(sig, self._signature(path, stamp))

    def _signature(self, path: str, stamp: int) -> str:
        return hmac.new(self._key, f"{path}\n{stamp}".encode(), hashlib.sha256).hexdigest()
