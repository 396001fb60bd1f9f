"""The tables. Case state is not stored: it follows from the decision (routine.decisions)."""

from datetime import date, datetime

from sqlalchemy import Column, Index, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


def table(model: type[SQLModel]) -> Table:
    """The Core table behind a model, for plain INSERTs on hot paths."""
    return model.__table__  # type: ignore[attr-defined,no-any-return]


def _moment(nullable: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(UTCDateTime(), nullable=nullable)


class Conversation(SQLModel, table=True):
    """Where the bot can write: a Teams channel, group chat or personal chat."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(unique=True, max_length=400)
    service_url: str = Field(max_length=400)
    kind: str = Field(max_length=20)
    tenant_id: str | None = Field(default=None, max_length=100)
    team_id: str | None = Field(default=None, max_length=400)
    team_name: str | None = Field(default=None, max_length=400)
    channel_name: str | None = Field(default=None, max_length=400)
    bot_id: str = Field(max_length=200)
    bot_name: str | None = Field(default=None, max_length=200)
    updated_at: datetime = Field(sa_column=_moment())


class Person(SQLModel, table=True):
    """Someone the bot has met in Teams, and their personal chat with it once there is one."""

    id: int | None = Field(default=None, primary_key=True)
    teams_user_id: str = Field(unique=True, max_length=200)
    aad_object_id: str | None = Field(default=None, max_length=100)
    name: str = Field(max_length=200)
    personal_conversation_id: str | None = Field(default=None, max_length=400)
    email: str | None = Field(default=None, max_length=320)
    updated_at: datetime = Field(sa_column=_moment())


class Account(SQLModel, table=True):
    """A municipal social-media account and the Teams channel that moderates it."""

    __table_args__ = (UniqueConstraint("platform", "name_key"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)
    url: str = Field(max_length=500)
    channel_conversation_id: str = Field(max_length=400, index=True)
    linked_at: datetime = Field(sa_column=_moment())
    linked_by_name: str = Field(max_length=200)
    officer_person_id: int | None = Field(default=None, foreign_key="person.id")
    manager_person_id: int | None = Field(default=None, foreign_key="person.id")
    last_published_at: datetime | None = Field(default=None, sa_column=_moment(True))
    unit: str | None = Field(default=None, max_length=200)
    purpose: str | None = Field(default=None, max_length=1000)
    target_group: str | None = Field(default=None, max_length=1000)
    contact: str | None = Field(default=None, max_length=500)
    """Shown in the public list: the unit's contact, never a private number unless given here."""
    closing_at: datetime | None = Field(default=None, sa_column=_moment(True))
    """Section 3: the manager reported the account closed; the final archiving is under way."""
    closed_at: datetime | None = Field(default=None, sa_column=_moment(True))
    platform_id: str | None = Field(default=None, max_length=200, index=True)
    """The page, Instagram account or YouTube channel id the platform uses for the account."""
    token_source: str | None = Field(default=None, max_length=300)
    """Where its access token is read from (`env:NAME` or `file:/path`); never the token."""
    culling_months: int | None = None
    """Section 5: how old a comment must be before culling takes it; None: the default."""
    officer_left_at: datetime | None = Field(default=None, sa_column=_moment(True))
    """Section 3: the officer left and nobody is appointed yet. Until then the manager decides
    (then the strategist): the role never lapses to anyone in the channel."""


class BotState(SQLModel, table=True):
    """Small named values the bot keeps between restarts (e.g. kanslienheten's channel)."""

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(max_length=2000)


class FlaggedCase(SQLModel, table=True):
    """One flagged comment, as it was when the flag arrived."""

    __tablename__ = "flagged_case"
    __table_args__ = (UniqueConstraint("account_id", "platform_comment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    platform_comment_id: str = Field(max_length=200)
    post_id: str | None = Field(default=None, max_length=200)
    permalink: str = Field(max_length=1000)
    author_id: str = Field(max_length=200)
    author_name: str = Field(max_length=200)
    text: str
    comment_created_at: datetime = Field(sa_column=_moment())
    received_at: datetime = Field(sa_column=_moment())
    suggested_category: str | None = Field(default=None, max_length=30)
    reason: str | None = Field(default=None, max_length=1000)
    flagged_by: str | None = Field(default=None, max_length=200)


class Decision(SQLModel, table=True):
    """At most one per case: the unique case_id is what stops a second, concurrent decision."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="flagged_case.id", unique=True)
    kind: str = Field(max_length=20)
    category: str | None = Field(default=None, max_length=30)
    note: str | None = Field(default=None, max_length=2000)
    decided_by_id: str = Field(max_length=200)
    decided_by_name: str = Field(max_length=200)
    decided_at: datetime = Field(sa_column=_moment())
    diarium_number: str | None = Field(default=None, unique=True, max_length=40)
    removed_on_platform_at: datetime | None = Field(default=None, sa_column=_moment(True))
    removal_confirmed_by_name: str | None = Field(default=None, max_length=200)
    platform_answer: str | None = Field(default=None, max_length=2000)
    """What the platform answered when the bot removed the comment there; None if by hand."""
    platform_error: str | None = Field(default=None, max_length=400)
    """Why the last removal through the platform failed; cleared by a removal."""
    platform_error_kind: str | None = Field(default=None, max_length=20)
    platform_error_at: datetime | None = Field(default=None, sa_column=_moment(True))


class DiariumCounter(SQLModel, table=True):
    __tablename__ = "diarium_counter"

    prefix: str = Field(primary_key=True, max_length=10)
    year: int = Field(primary_key=True)
    last: int = 0


class Evidence(SQLModel, table=True):
    """One saved file; the file is on disk under the evidence folder, its hash is here."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="flagged_case.id", index=True)
    kind: str = Field(max_length=20)
    file_name: str = Field(max_length=300)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64)
    captured_at: datetime = Field(sa_column=_moment())
    added_by_name: str = Field(max_length=200)


class Card(SQLModel, table=True):
    """A card the bot posted about a case, so that every copy can be updated after a decision."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="flagged_case.id", index=True)
    role: str = Field(max_length=20)
    conversation_id: str = Field(max_length=400)
    service_url: str = Field(max_length=400)
    activity_id: str | None = Field(default=None, max_length=200, index=True)


class OutboxMessage(SQLModel, table=True):
    """An outgoing Teams message, kept until the Bot Connector has accepted it."""

    __tablename__ = "outbox_message"
    __table_args__ = (
        Index("ix_outbox_pending", "status", "conversation_id", "id"),
        Index("ix_outbox_sent", "conversation_id", "sent_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(max_length=400)
    service_url: str = Field(max_length=400)
    operation: str = Field(max_length=10)
    activity: str
    reply_to_id: str | None = Field(default=None, max_length=200)
    card_id: int | None = Field(default=None, foreign_key="card.id")
    duty_task_id: int | None = Field(default=None, foreign_key="duty_task.id")
    """A half-year task's card: once delivered, where it is goes on the task (a reply to it
    carries the start page's PDF)."""
    status: str = Field(default="pending", max_length=10)
    priority: int = 1
    """0 for what a person waits on (a reply, a card update), 1 for new cards and notices:
    in one conversation the first go out before the second."""
    claimed_by: str | None = Field(default=None, max_length=64)
    """The process whose POST of this message is in flight; after a crash, the one message
    that may have reached Teams already."""
    claimed_until: datetime | None = Field(default=None, sa_column=_moment(True))
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=_moment())
    last_error: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(sa_column=_moment())
    sent_at: datetime | None = Field(default=None, sa_column=_moment(True))


class AuditEvent(SQLModel, table=True):
    """Append-only: the database refuses updates and deletes of these rows."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=_moment())
    actor_id: str = Field(max_length=200)
    actor_name: str = Field(max_length=200)
    action: str = Field(max_length=50)
    case_id: int | None = Field(default=None, index=True)
    detail: str = Field(default="{}")
    previous_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)
    """SHA-256 over the previous event's hash and this event: a changed or removed row breaks
    the chain from there on, which `modbot verify` reports."""


class SentReminder(SQLModel, table=True):
    """One row per reminder sent: the unique key is what makes a reminder go out once, however
    many times or in however many processes its job runs."""

    __tablename__ = "sent_reminder"
    __table_args__ = (UniqueConstraint("kind", "subject", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    subject: str = Field(max_length=100)
    period: str = Field(max_length=40)
    sent_at: datetime = Field(sa_column=_moment())


class MonitoringAttestation(SQLModel, table=True):
    """Section 3: someone attests that an account was monitored on a given vardag."""

    __tablename__ = "monitoring_attestation"
    __table_args__ = (UniqueConstraint("account_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id")
    day: str = Field(max_length=10)
    attested_by_id: str = Field(max_length=200)
    attested_by_name: str = Field(max_length=200)
    attested_at: datetime = Field(sa_column=_moment())


class DutyTask(SQLModel, table=True):
    """Sections 4 and 5: one half-year archive or culling task for one account."""

    __tablename__ = "duty_task"
    __table_args__ = (UniqueConstraint("kind", "account_id", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    account_id: int = Field(foreign_key="account.id", index=True)
    period: str = Field(max_length=10)
    opened_at: datetime = Field(sa_column=_moment())
    done_at: datetime | None = Field(default=None, sa_column=_moment(True))
    done_by_name: str | None = Field(default=None, max_length=200)
    reference: str | None = Field(default=None, max_length=500)
    card_conversation_id: str | None = Field(default=None, max_length=400)
    """Where the task's card was delivered, and its activity id there: a file replied to the
    card (in its thread, or quoted in a chat) is for this task."""
    card_activity_id: str | None = Field(default=None, max_length=200, index=True)


class StartPage(SQLModel, table=True):
    """Section 4: a PDF of an account's start page, replied to its archive task's card. The
    file is written once under the evidence folder; the latest one goes in the package."""

    __tablename__ = "start_page"

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="duty_task.id", index=True)
    file_name: str = Field(max_length=300)
    sha256: str = Field(max_length=64)
    size: int
    saved_at: datetime = Field(sa_column=_moment())
    saved_by_name: str = Field(max_length=200)


class Department(SQLModel, table=True):
    """Routine 4.1: who answers a synpunkt, reached in its Teams channel or as one person."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    name_key: str = Field(unique=True, max_length=200)
    channel_conversation_id: str | None = Field(default=None, max_length=400)
    person_id: int | None = Field(default=None, foreign_key="person.id")


class Synpunkt(SQLModel, table=True):
    """Routine 4.1: a comment with the character of a synpunkt, from question to registration."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="flagged_case.id", unique=True)
    department_id: int | None = Field(default=None, foreign_key="department.id")
    handed_over_by_name: str = Field(max_length=200)
    handed_over_at: datetime = Field(sa_column=_moment())
    answer: str | None = Field(default=None, max_length=5000)
    answered_by_name: str | None = Field(default=None, max_length=200)
    answered_at: datetime | None = Field(default=None, sa_column=_moment(True))
    published_by_name: str | None = Field(default=None, max_length=200)
    published_at: datetime | None = Field(default=None, sa_column=_moment(True))
    reference: str | None = Field(default=None, max_length=40)
    registered_by_name: str | None = Field(default=None, max_length=200)
    registered_at: datetime | None = Field(default=None, sa_column=_moment(True))


class MailMessage(SQLModel, table=True):
    """Routine 4.1: a synpunkt e-mailed to Synpunkten's (DF Respons) intake, kept until sent."""

    __tablename__ = "mail_message"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="flagged_case.id", index=True)
    to_address: str = Field(max_length=320)
    subject: str = Field(max_length=300)
    body: str
    message_id: str = Field(max_length=300, unique=True)
    status: str = Field(default="pending", max_length=10)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_column=_moment())
    claimed_until: datetime | None = Field(default=None, sa_column=_moment(True))
    last_error: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(sa_column=_moment())
    sent_at: datetime | None = Field(default=None, sa_column=_moment(True))


class ChecklistTick(SQLModel, table=True):
    """Routine 2.1: who attested one checklist item for an account, and when. Only the
    attestation is kept (never a password); `subject` is the officer an item is personal to."""

    __tablename__ = "checklist_tick"
    __table_args__ = (UniqueConstraint("account_id", "item", "subject"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    item: str = Field(max_length=30)
    subject: str = Field(default="", max_length=200)
    ticked_by_id: str = Field(max_length=200)
    ticked_by_name: str = Field(max_length=200)
    ticked_at: datetime = Field(sa_column=_moment())
    note: str | None = Field(default=None, max_length=1000)


class DialogState(SQLModel, table=True):
    """A conversation with the bot in progress (e.g. `nytt konto`), kept so that a restart
    in the middle of it loses nothing."""

    __tablename__ = "dialog_state"
    __table_args__ = (UniqueConstraint("conversation_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(max_length=400)
    user_id: str = Field(max_length=200)
    dialog: str = Field(max_length=40)
    step: str = Field(max_length=40)
    data: str = Field(default="{}")
    updated_at: datetime = Field(sa_column=_moment())


class Comment(SQLModel, table=True):
    """Section 4: every post and comment on an account is a public record, kept in order with
    whether it came from outside or from the municipality, its edits and its deletion."""

    __table_args__ = (UniqueConstraint("account_id", "platform_comment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    platform_comment_id: str = Field(max_length=200)
    kind: str = Field(max_length=10)
    post_id: str | None = Field(default=None, max_length=200)
    parent_id: str | None = Field(default=None, max_length=200)
    origin: str = Field(max_length=10)
    author_id: str = Field(max_length=200)
    author_name: str = Field(max_length=200)
    text: str
    has_image: bool = False
    permalink: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(sa_column=_moment())
    received_at: datetime = Field(sa_column=_moment())
    edited_at: datetime | None = Field(default=None, sa_column=_moment(True))
    deleted_by_author_at: datetime | None = Field(default=None, sa_column=_moment(True))


class CommentVersion(SQLModel, table=True):
    """An earlier text of an edited comment; the evidence of a flagged one keeps its original."""

    __tablename__ = "comment_version"

    id: int | None = Field(default=None, primary_key=True)
    comment_id: int = Field(foreign_key="comment.id", index=True)
    text: str
    replaced_at: datetime = Field(sa_column=_moment())


class InboundEvent(SQLModel, table=True):
    """A platform notification exactly as it arrived, stored before it is answered and worked
    on afterwards: a crash between the two loses nothing."""

    __tablename__ = "inbound_event"
    __table_args__ = (Index("ix_inbound_pending", "processed_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=20)
    body: str
    received_at: datetime = Field(sa_column=_moment())
    processed_at: datetime | None = Field(default=None, sa_column=_moment(True))
    outcome: str | None = Field(default=None, max_length=1000)


class SecrecyMark(SQLModel, table=True):
    """Routine 4: an item the officer found secret (OSL) before a printout is released; it is
    left out of every printout for release, with this reason in its place."""

    __tablename__ = "secrecy_mark"
    __table_args__ = (UniqueConstraint("account_id", "platform_comment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    platform_comment_id: str = Field(max_length=200)
    reason: str = Field(max_length=300)
    marked_by_name: str = Field(max_length=200)
    marked_at: datetime = Field(sa_column=_moment())


class Printout(SQLModel, table=True):
    """A printout made on request (utlämnande): the file, its hash, and who asked."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    period_start: date
    period_end: date
    made_by_name: str = Field(max_length=200)
    made_at: datetime = Field(sa_column=_moment())
    file_name: str = Field(max_length=300)
    sha256: str = Field(max_length=64)
    items: int
    redacted: int


class LegalHold(SQLModel, table=True):
    """Section 5: a comment, or a post and its whole thread, that must not be culled (a
    request for it, a dispute, a police report), with the reason."""

    __tablename__ = "legal_hold"
    __table_args__ = (UniqueConstraint("account_id", "platform_comment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    platform_comment_id: str = Field(max_length=200)
    reason: str = Field(max_length=300)
    marked_by_name: str = Field(max_length=200)
    marked_at: datetime = Field(sa_column=_moment())


class Culling(SQLModel, table=True):
    """Section 5: a culling proposal and, once approved, the culling record: what category,
    how many, which period, who proposed and who approved. Never the content: the ids of the
    proposed comments are kept only until the proposal is decided."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)
    category: str = Field(max_length=30)
    older_than: datetime = Field(sa_column=_moment())
    proposed_count: int
    first_written_at: datetime | None = Field(default=None, sa_column=_moment(True))
    last_written_at: datetime | None = Field(default=None, sa_column=_moment(True))
    proposed_by_name: str = Field(max_length=200)
    proposed_at: datetime = Field(sa_column=_moment())
    pending_ids: str = Field(default="[]")
    culled_count: int | None = None
    approved_by_name: str | None = Field(default=None, max_length=200)
    approved_at: datetime | None = Field(default=None, sa_column=_moment(True))
    cancelled_at: datetime | None = Field(default=None, sa_column=_moment(True))


class OutboxLane(SQLModel, table=True):
    """Which process sends in a conversation: one at a time, so messages keep their order and
    Teams' pacing is counted in one place. The holder renews `held_until` every second; a
    dead holder's lane is taken over once it lapses."""

    __tablename__ = "outbox_lane"

    conversation_id: str = Field(primary_key=True, max_length=400)
    owner: str = Field(max_length=64)
    held_until: datetime = Field(sa_column=_moment())


class ParkedWork(SQLModel, table=True):
    """An item a background worker failed on: retried with back-off, then parked until a
    person retries it (`modbot parked`), so one bad item never holds up the others."""

    __tablename__ = "parked_work"
    __table_args__ = (UniqueConstraint("kind", "ref"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    ref: str = Field(max_length=64)
    attempts: int = 0
    last_error: str = Field(max_length=1000)
    first_failed_at: datetime = Field(sa_column=_moment())
    next_attempt_at: datetime = Field(sa_column=_moment())
    parked_at: datetime | None = Field(default=None, sa_column=_moment(True))


class HandledActivity(SQLModel, table=True):
    """A Teams activity the bot has taken on, and the answer it gave: Teams retries an
    activity it got no answer to in time, and the retry must cause nothing a second time."""

    __tablename__ = "handled_activity"

    conversation_id: str = Field(primary_key=True, max_length=400)
    activity_id: str = Field(primary_key=True, max_length=200)
    started_at: datetime = Field(sa_column=_moment())
    status: int | None = None
    """The HTTP status answered; None while the first delivery is still being handled."""
    body: str | None = None


class CommandJob(SQLModel, table=True):
    """A command whose answer takes seconds (a document): the turn is answered at once and
    the job kept here until its result is queued, so a restart finishes it."""

    __tablename__ = "command_job"

    conversation_id: str = Field(primary_key=True, max_length=400)
    activity_id: str = Field(primary_key=True, max_length=200)
    activity: str
    """The Teams activity as it came, from which the job is run again after a restart."""
    started_at: datetime = Field(sa_column=_moment())
    owner: str | None = Field(default=None, max_length=64)
    held_until: datetime = Field(sa_column=_moment())
    """The process working on it renews this; once it lapses, another process takes over."""
    finished_at: datetime | None = Field(default=None, sa_column=_moment(True))
