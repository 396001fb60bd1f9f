"""Where an account's platform access token is kept: an environment variable (`env:NAME`) or a
secrets file (`file:/path`). Only this reference is stored; the token is read when needed and
never stored, logged or shown."""

import os
import re
from pathlib import Path

_ENV = re.compile(r"env:([A-Z_][A-Z0-9_]{0,100})")


class TokenSourceError(ValueError):
    """The reference is malformed or names nothing readable; the message never holds a token."""


def read_token(source: str) -> str:
    env = _ENV.fullmatch(source)
    if env:
        token = os.environ.get(env.group(1), "").strip()
        if not token:
            raise TokenSourceError(f"miljövariabeln {env.group(1)} är inte satt")
        return token
    if source.startswith("file:"):
        path = Path(source.removeprefix("file:"))
        try:
            token = path.read_text(encoding="utf-8").strip()
        except OSError:
            raise TokenSourceError(f"filen {path} kan inte läsas") from None
        if not token:
            raise TokenSourceError(f"filen {path} är tom")
        return token
    raise TokenSourceError("ange env:NAMN eller file:/sökväg")
