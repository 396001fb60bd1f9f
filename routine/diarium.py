"""Section 4 and 6: removed material is registered under a diarium number before removal.

Numbers run per calendar year (Swedish time) without gaps: `SM-2026-0001`, `SM-2026-0002`, ...
"""

import re
from datetime import datetime

from routine.deadlines import local

_PREFIX = re.compile(r"^[A-ZÅÄÖ]{1,10}$")


def valid_prefix(prefix: str) -> bool:
    return bool(_PREFIX.match(prefix))


def diarium_year(now: datetime) -> int:
    return local(now).year


def format_diarium_number(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:04d}"
