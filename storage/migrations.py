"""Schema changes, applied in order at start and recorded in `schema_version`.

A release that changes a table adds a step here; the database is never dropped and rebuilt.
Steps after the first check what exists, because a new database gets today's tables from the
first step already.
"""

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import SQLModel

from storage import audit, record_digest
from storage.db import is_busy
from storage.models import (
    ChecklistTick,
    CommandJob,
    Comment,
    CommentVersion,
    Culling,
    Department,
    DialogState,
    DutyTask,
    HandledActivity,
    InboundEvent,
    LegalHold,
    MailMessage,
    MonitoringAttestation,
    OutboxLane,
    ParkedWork,
    Person,
    Printout,
    SecrecyMark,
    SentReminder,
    StartPage,
    Synpunkt,
    table,
)
from storage.types import UTCDateTime

Step = Callable[[Connection], None]
MIGRATION_WAIT_SECONDS = 120
_NO_CHANGE_TRIGGER = (
    "CREATE TRIGGER audit_event_no_{name} BEFORE {verb} ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
)


def _initial_schema(connection: Connection) -> None:
    SQLModel.metadata.create_all(connection)
    if connection.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            connection.execute(text(_NO_CHANGE_TRIGGER.format(verb=verb, name=verb.lower())))


def _people_and_roles(connection: Connection) -> None:
    """Section 3: each account has a responsible officer and a manager, who are Teams users."""
    table(Person).create(connection, checkfirst=True)
    reference = "INTEGER REFERENCES person(id)"
    _add_columns(
        connection, "account", {"officer_person_id": reference, "manager_person_id": reference}
    )


def _reminder_ledger(connection: Connection) -> None:
    table(SentReminder).create(connection, checkfirst=True)


def _outbox_claims(connection: Connection) -> None:
    """Two bot processes on one database: a message is claimed before it is sent."""
    _add_columns(
        connection,
        "outbox_message",
        {"claimed_by": "VARCHAR(64)", "claimed_until": "VARCHAR(32)"},
    )


def _add_columns(connection: Connection, table_name: str, columns: dict[str, str]) -> None:
    existing = {column["name"] for column in inspect(connection).get_columns(table_name)}
    for name, ddl in columns.items():
        if name not in existing:
            connection.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {name} {ddl}"))


def _monitoring_attestations(connection: Connection) -> None:
    table(MonitoringAttestation).create(connection, checkfirst=True)


def _last_published(connection: Connection) -> None:
    """Section 3: accounts are updated at least weekly, so the bot keeps when they last were."""
    _add_columns(connection, "account", {"last_published_at": "VARCHAR(32)"})


def _duty_tasks(connection: Connection) -> None:
    table(DutyTask).create(connection, checkfirst=True)


def _synpunkter(connection: Connection) -> None:
    """Routine 4.1: departments that answer, and each synpunkt's way to registration."""
    table(Department).create(connection, checkfirst=True)
    table(Synpunkt).create(connection, checkfirst=True)


def _mail(connection: Connection) -> None:
    table(MailMessage).create(connection, checkfirst=True)


def _account_registry(connection: Connection) -> None:
    """Sections 2, 2.1 and 3: what the register knows of an account, its checklist, the
    registration dialog, and people's e-mail from the directory."""
    moment = "VARCHAR(32)"
    _add_columns(
        connection,
        "account",
        {
            "unit": "VARCHAR(200)",
            "purpose": "VARCHAR(1000)",
            "target_group": "VARCHAR(1000)",
            "contact": "VARCHAR(500)",
            "closing_at": moment,
            "closed_at": moment,
        },
    )
    _add_columns(connection, "person", {"email": "VARCHAR(320)"})
    table(ChecklistTick).create(connection, checkfirst=True)
    table(DialogState).create(connection, checkfirst=True)


def _platforms(connection: Connection) -> None:
    """Issue 6: accounts connected to their platform, every comment kept, events stored first."""
    _add_columns(
        connection, "account", {"platform_id": "VARCHAR(200)", "token_source": "VARCHAR(300)"}
    )
    table(Comment).create(connection, checkfirst=True)
    table(CommentVersion).create(connection, checkfirst=True)
    table(InboundEvent).create(connection, checkfirst=True)


def _platform_removal(connection: Connection) -> None:
    """Issue 6: the bot removes comments on the platform and keeps what the platform said."""
    _add_columns(
        connection,
        "decision",
        {
            "platform_answer": "VARCHAR(2000)",
            "platform_error": "VARCHAR(400)",
            "platform_error_kind": "VARCHAR(20)",
            "platform_error_at": "VARCHAR(32)",
        },
    )


def _audit_chain(connection: Connection) -> None:
    """Issue 7: each audit event carries the hash of the one before. Events already recorded
    are chained in their order; SQLite's append-only trigger is lifted for that one pass."""
    _add_columns(connection, "audit_event", {"previous_hash": "VARCHAR(64)", "hash": "VARCHAR(64)"})
    rows = connection.execute(
        text(
            "SELECT id, at, actor_id, actor_name, action, case_id, detail FROM audit_event "
            "WHERE hash IS NULL OR hash = '' ORDER BY id"
        )
    ).mappings()
    pending = [dict(row) for row in rows]
    if not pending:
        return
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.execute(text("DROP TRIGGER IF EXISTS audit_event_no_update"))
    previous = audit.GENESIS
    for row in pending:
        row["at"] = UTCDateTime().process_result_value(row["at"], connection.dialect)
        digest = audit.chained_hash(previous, row)
        connection.execute(
            text("UPDATE audit_event SET previous_hash = :p, hash = :h WHERE id = :id"),
            {"p": previous, "h": digest, "id": row["id"]},
        )
        previous = digest
    if sqlite:
        connection.execute(text(_NO_CHANGE_TRIGGER.format(verb="UPDATE", name="update")))


def _printouts(connection: Connection) -> None:
    """Issue 7: printouts on request and the items marked secret before release."""
    table(SecrecyMark).create(connection, checkfirst=True)
    table(Printout).create(connection, checkfirst=True)


def _culling(connection: Connection) -> None:
    """Issue 7: culling proposals and records, legal holds, the per-account culling age."""
    _add_columns(connection, "account", {"culling_months": "INTEGER"})
    table(LegalHold).create(connection, checkfirst=True)
    table(Culling).create(connection, checkfirst=True)


def _delivery(connection: Connection) -> None:
    """Issue 13: lanes held by one process at a time, priorities in the outbox, parked work,
    the Teams activities already handled, and the commands still being worked on."""
    _add_columns(connection, "outbox_message", {"priority": "INTEGER NOT NULL DEFAULT 1"})
    table(OutboxLane).create(connection, checkfirst=True)
    table(ParkedWork).create(connection, checkfirst=True)
    table(HandledActivity).create(connection, checkfirst=True)
    table(CommandJob).create(connection, checkfirst=True)
    connection.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_outbox_sent ON outbox_message "
            "(conversation_id, sent_at)"
        )
    )


def _record_bindings(connection: Connection) -> None:
    """Edge, item 4: from now on every event that creates or changes a row of the record
    binds it (storage.record_digest). The rows already there are bound as they stand, by
    `records_bound` events of up to BASELINE_ROWS rows each, so that every row is bound."""
    now = datetime.now(UTC)
    for name, bound in record_digest.BOUND_TABLES.items():
        rows: dict[str, record_digest.Binding] = {}
        existing = {column["name"] for column in inspect(connection).get_columns(name)}
        for row in record_digest.stored_rows(connection, bound, columns=existing):
            rows[record_digest.key(name, row["id"])] = [None, record_digest.digest(name, row)]
            if len(rows) == record_digest.BASELINE_ROWS:
                _baseline(connection, now, rows)
                rows = {}
        if rows:
            _baseline(connection, now, rows)


def _baseline(
    connection: Connection, now: datetime, rows: dict[str, record_digest.Binding]
) -> None:
    detail: dict[str, Any] = {record_digest.ROWS: rows}
    audit.append(connection, at=now, actor=audit.SYSTEM, action="records_bound", **detail)


def _start_pages(connection: Connection) -> None:
    """Newcomer, item 12: a task card's place is kept, so that the start page's PDF replied
    to it is found, and the PDF is kept for the archive package."""
    _add_columns(
        connection, "outbox_message", {"duty_task_id": "INTEGER REFERENCES duty_task(id)"}
    )
    _add_columns(
        connection,
        "duty_task",
        {"card_conversation_id": "VARCHAR(400)", "card_activity_id": "VARCHAR(200)"},
    )
    connection.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_duty_task_card_activity_id ON duty_task "
            "(card_activity_id)"
        )
    )
    table(StartPage).create(connection, checkfirst=True)


def _vacancies(connection: Connection) -> None:
    """Issue 14: an account whose officer left is marked, so the role does not lapse."""
    _add_columns(connection, "account", {"officer_left_at": "VARCHAR(32)"})


STEPS: list[Step] = [
    _initial_schema,
    _people_and_roles,
    _reminder_ledger,
    _outbox_claims,
    _monitoring_attestations,
    _last_published,
    _duty_tasks,
    _synpunkter,
    _mail,
    _account_registry,
    _platforms,
    _platform_removal,
    _audit_chain,
    _printouts,
    _culling,
    _delivery,
    _record_bindings,
    _start_pages,
    _vacancies,
]


def migrate(engine: Engine) -> int:
    """Bring the schema up to date; returns the version it is at. A second process starting at
    the same moment waits for the first one's migration instead of failing."""
    deadline = time.monotonic() + MIGRATION_WAIT_SECONDS
    while True:
        try:
            return _migrate(engine)
        except OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _migrate(engine: Engine) -> int:
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        )
        current = connection.execute(text("SELECT MAX(version) FROM schema_version")).scalar()
        version = current or 0
        for number, step in enumerate(STEPS[version:], start=version + 1):
            step(connection)
            connection.execute(text("INSERT INTO schema_version VALUES (:v)"), {"v": number})
            version = number
    return version
