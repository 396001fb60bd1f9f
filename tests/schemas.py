"""The official schemas in tests/data/schemas (sources and versions in its README.md),
loaded once for the tests."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft6Validator

SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"


@cache
def _card_validator() -> Draft6Validator:
    schema = json.loads((SCHEMAS / "adaptive-card-1.5.json").read_text(encoding="utf-8"))
    return Draft6Validator(schema)


def assert_valid_card(card: dict[str, Any]) -> None:
    errors = sorted(_card_validator().iter_errors(card), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert card["version"] == "1.5"
