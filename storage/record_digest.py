"""Section 4: every row that makes the record is bound to the audit chain.

Whenever a case, decision, evidence row, synpunkt, culling record, secrecy mark or legal hold
is created or changed, the audit event written in the same transaction carries the row's
digest in its detail: `"rows": {"decision:5": [before, after]}`, each the SHA-256 of the row
as stored (null: no such row; `before` is null for a new row). The chain covers the detail,
so `modbot verify` (services.integrity) can replay the digests along the chain and find:

- a row that is not as its last event recorded it (changed outside Modbot),
- a row whose `before` is not what the event before it recorded (changed outside Modbot and
  then changed again through it: the later change does not launder the first),
- a row no event records (added outside Modbot), and a recorded row that is gone.

The digest covers every column as stored (text as text, moments in the ISO form they are
stored in), NULL columns left out: a later migration step that adds a nullable column leaves
every binding valid; a step that fills a new column of a bound table must bind its rows anew.
Rows that existed before binding began were bound as they stood by a migration step
(storage.migrations `_record_bindings`, one `records_bound` event per BASELINE_ROWS rows).
"""

import hashlib
import json
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, Table, bindparam, select, type_coerce
from sqlalchemy.engine import RowMapping
from sqlalchemy.types import NullType
from sqlmodel import Session, SQLModel

from storage.models import (
    Culling,
    Decision,
    Evidence,
    FlaggedCase,
    LegalHold,
    SecrecyMark,
    Synpunkt,
    table,
)

BOUND_TABLES: dict[str, Table] = {
    table(model).name: table(model)
    for model in (FlaggedCase, Decision, Evidence, Synpunkt, Culling, SecrecyMark, LegalHold)
}
"""The rows that make the record, by table name, in the order verify reads them."""

ROWS = "rows"
"""The key of the audit event's detail that holds its bindings."""
CHUNK = 1000
BASELINE_ROWS = 500

_Row = tuple[Any, ...]
Binding = list[str | None]
"""[digest before, digest after]."""


@dataclass(frozen=True)
class Bound:
    """A row an audit event vouches for: by id, or (a new evidence row) by its file."""

    table: str
    row_id: int | None
    new: bool
    file: tuple[int, str, str] | None = None
    """The new evidence row's case id, file name and SHA-256."""


def new_row(model: type[SQLModel], row_id: int | None) -> Bound:
    assert row_id is not None, "bind a new row once it has its id (flush first)"
    return Bound(table(model).name, row_id, new=True)


def changed_row(model: type[SQLModel], row_id: int | None) -> Bound:
    """Bound before the change is flushed: its `before` is read from the database as is."""
    assert row_id is not None
    return Bound(table(model).name, row_id, new=False)


def new_evidence(case_id: int, file_name: str, sha256: str) -> Bound:
    """The evidence row just saved (services.evidence gives back its file, not its id)."""
    return Bound(table(Evidence).name, None, new=True, file=(case_id, file_name, sha256))


def bind(session: Session, rows: Sequence[Bound]) -> dict[str, Binding]:
    """The `rows` detail for an event in the caller's transaction: the changed rows' digests
    as the database holds them now, then, with the session's changes flushed, each row's."""
    connection = session.connection()
    before = [None if row.new else _current(connection, row)[1] for row in rows]
    session.flush()
    bound: dict[str, Binding] = {}
    for row, was in zip(rows, before, strict=True):
        name, now = _current(connection, row)
        bound[name] = [was, now]
    return bound


def key(table_name: str, row_id: Any) -> str:
    return f"{table_name}:{row_id}"


def digest(table_name: str, row: Mapping[Any, Any]) -> str:
    """SHA-256 of the row as stored: a canonical JSON of its non-NULL columns."""
    fields = {name: value for name, value in row.items() if value is not None}
    canonical = json.dumps(
        [table_name, fields], sort_keys=True, separators=(",", ":"), default=repr
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def stored_rows(
    connection: Connection,
    bound: Table,
    chunk: int = CHUNK,
    columns: Collection[str] | None = None,
) -> Iterator[RowMapping]:
    """Every row of a table as stored (a moment as its ISO text, not converted), in id order,
    a chunk at a time so that memory does not grow with the table. `columns`: only these
    (a migration step, before later steps have added theirs)."""
    query = _as_stored(bound, columns).order_by(bound.c.id).limit(chunk)
    following = query.where(bound.c.id > bindparam("after"))
    rows = connection.execute(query).mappings().all()
    while rows:
        yield from rows
        rows = connection.execute(following, {"after": rows[-1]["id"]}).mappings().all()


def _as_stored(bound: Table, columns: Collection[str] | None = None) -> Select[*_Row]:
    """The columns without their Python types: the values as the database holds them."""
    return select(
        *(
            type_coerce(column, NullType()).label(column.name)
            for column in bound.c
            if columns is None or column.name in columns
        )
    ).select_from(bound)


_BY_ID = {
    name: _as_stored(bound).where(bound.c.id == bindparam("row_id"))
    for name, bound in BOUND_TABLES.items()
}
_EVIDENCE = table(Evidence)
_BY_FILE = (
    _as_stored(_EVIDENCE)
    .where(
        _EVIDENCE.c.case_id == bindparam("case_id"),
        _EVIDENCE.c.file_name == bindparam("file_name"),
        _EVIDENCE.c.sha256 == bindparam("sha256"),
    )
    .order_by(_EVIDENCE.c.id.desc())
    .limit(1)
)


def _current(connection: Connection, row: Bound) -> tuple[str, str | None]:
    """The row's key and digest as it is in the database now (None: no such row)."""
    if row.file is not None:
        case_id, file_name, sha256 = row.file
        values = {"case_id": case_id, "file_name": file_name, "sha256": sha256}
        found = connection.execute(_BY_FILE, values).mappings().first()
        if found is None:
            raise LookupError(f"no evidence row for {file_name} to bind")
    else:
        found = connection.execute(_BY_ID[row.table], {"row_id": row.row_id}).mappings().first()
        if found is None:
            return key(row.table, row.row_id), None
    return key(row.table, found["id"]), digest(row.table, found)
