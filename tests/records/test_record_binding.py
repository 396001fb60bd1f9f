"""Edge, item 4: every change to the record is detected. Each row that makes the record (case,
decision, evidence row, synpunkt, culling record, secrecy mark, hold) is bound to the audit
chain by the event that creates or changes it; `modbot verify` names every row changed, added
or removed outside Modbot, and `--anchor` names events cut off the chain's end."""

import hashlib
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import (
    START,
    MovingClock,
    RunningBot,
    free_port,
    make_settings,
    running_bot,
    serving,
)
from tests.e2e.conftest import PAGE_TOKEN
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.meta_graph import FakeMetaGraph
from tests.teams import ANNA, KARIN, Channel, flag

KANSLI = "19:kansli@thread.tacv2"
PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Record:
    """A record made through the bot: a removed case with three evidence files, a synpunkt
    published and registered, a secrecy mark, a hold given twice, an approved culling."""

    database: Path
    evidence: Path
    removed: int
    synpunkt: int


_BUILT: list[Record] = []


@pytest.fixture
async def record(
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
) -> Record:
    """The record, made once for the module; each test gets its own copy to tamper with."""
    if not _BUILT:
        folder = tmp_path_factory.mktemp("record")
        async with running_bot(make_settings(folder, free_port()), connector, clock) as bot:
            removed, synpunkt = await _make_record(bot)
        _BUILT.append(Record(folder / "modbot.db", folder / "evidence", removed, synpunkt))
    built = _BUILT[0]
    with sqlite3.connect(built.database) as source, sqlite3.connect(tmp_path / "modbot.db") as copy:
        source.backup(copy)  # with what is still in the write-ahead log
    shutil.copytree(built.evidence, tmp_path / "evidence")
    return Record(tmp_path / "modbot.db", tmp_path / "evidence", built.removed, built.synpunkt)


async def _make_record(bot: RunningBot) -> tuple[int, int]:
    await bot.link_hjo()
    removed_flag = flag()
    removed, card = await bot.flagged_card(removed_flag)
    bot.connector.files["shot.png"] = PNG + b"the moderator's own screenshot"
    reply = bot.channel.message(ANNA, "", thread=card, mention=False)
    reply["attachments"] = [
        {"contentType": "image/png", "contentUrl": f"{bot.connector.url}/files/shot.png"}
    ]
    before = len(bot.connector.texts())
    assert (await bot.activity(reply))[0] in (200, 201)
    await bot.connector.wait_for(lambda: len(bot.connector.texts()) > before)
    await bot.invoke(ANNA, "remove", {"case": removed, "category": "fortal"}, card)
    await bot.invoke(ANNA, "confirm_removed", {"case": removed}, card)

    kansli = Channel(service_url=bot.connector.url, channel_id=KANSLI, name="Kansli")
    await bot.say(KARIN, "kansli här", kansli)
    synpunkt_flag = flag(text="Varför är återvinningsstationen i Gate borta?", category=None)
    synpunkt, card = await bot.flagged_card(synpunkt_flag)
    await bot.invoke(ANNA, "synpunkt", {"case": synpunkt}, card)
    answer = {"case": synpunkt, "answer": "Den kommer tillbaka i april. /Hjo kommun"}
    await bot.invoke(ANNA, "synpunkt_published", answer, card)
    await bot.connector.wait_for(lambda: _card_in(bot, KANSLI))
    status, _ = await bot.activity(
        kansli.invoke(
            KARIN,
            "synpunkt_register",
            {"case": synpunkt, "reference": "SYN-2026-0042"},
            card_id=_card_in(bot, KANSLI)[0],
        )
    )
    assert status == 200

    account = '"Hjo kommun"'
    assert "21 kap" in await bot.say(
        ANNA, f'sekretess {account} {removed_flag["comment_id"]} "21 kap. 1 § OSL"'
    )
    for reason in ("begäran om utlämnande", "tvist"):
        held = await bot.say(ANNA, f'bevara {account} {synpunkt_flag["comment_id"]} "{reason}"')
        assert "Bevaras" in held
    _old_comments(bot)
    assert "Gallringsförslag 1" in await bot.say(ANNA, f"gallring {account}")
    assert "Gallring 1 klar" in await bot.say(ANNA, "gallring godkänn 1")
    return removed, synpunkt


def _card_in(bot: RunningBot, conversation_id: str) -> list[str]:
    return [
        call.returned_id
        for call in bot.connector.sent
        if call.conversation_id == conversation_id and call.body.get("attachments")
    ]


def _old_comments(bot: RunningBot) -> None:
    """Two comments old enough to cull (comments are not among the bound rows)."""
    written = (START - timedelta(days=800)).isoformat(timespec="microseconds")
    with sqlite3.connect(bot.settings.database_url.removeprefix("sqlite:///")) as raw:
        for number in (1, 2):
            raw.execute(
                "INSERT INTO comment (account_id, platform_comment_id, kind, post_id, parent_id, "
                "origin, author_id, author_name, text, has_image, created_at, received_at) "
                "VALUES (1, ?, 'comment', 'old', 'old', 'extern', 'fb-1', 'Berit', 'Hej', 0, ?, ?)",
                (f"old_{number}", written, written),
            )


def verify(record: Record, monkeypatch: pytest.MonkeyPatch, *options: str) -> int:
    monkeypatch.setenv("MODBOT_DATABASE_URL", f"sqlite:///{record.database}")
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(record.evidence))
    return main(["verify", *options])


def tamper(record: Record, *statements: str, drop: tuple[str, ...] = ()) -> None:
    """As someone with the database file in hand would: past the app, with sqlite3."""
    with sqlite3.connect(record.database) as raw:
        for trigger in drop:
            raw.execute(f"DROP TRIGGER {trigger}")
        for statement in statements:
            assert raw.execute(statement).rowcount == 1, statement


def one(record: Record, query: str) -> int:
    with sqlite3.connect(record.database) as raw:
        [value] = raw.execute(query).fetchone()
    return int(value)


def head_of(out: str) -> str:
    [head] = re.findall(r"Kedjans senaste hash: ([0-9a-f]{64})", out)
    return head


async def test_an_untouched_record_verifies_clean_with_every_row_bound(
    record: Record, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(record, monkeypatch) == 0
    out = capsys.readouterr().out
    # 2 cases, 1 decision for each, 5 evidence files, 1 synpunkt, 1 culling, 1 mark, 1 hold
    assert "Allt stämmer" in out and "13 poster och 5 bevisfiler" in out, out
    head = head_of(out)
    assert verify(record, monkeypatch, "--anchor", head, "--anchor", head.upper()) == 0
    assert "Kedjan går genom alla 1 angivna ankare." in capsys.readouterr().out


async def test_a_malformed_anchor_is_a_usage_error(
    record: Record, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(record, monkeypatch, "--anchor", "abc123") == 2
    assert "not a SHA-256 hash" in capsys.readouterr().err


REMOVED = "(SELECT case_id FROM decision WHERE kind = 'remove')"
TAMPERINGS = {
    "case text": (
        f"UPDATE flagged_case SET text = 'Du är fin, Åsa!' WHERE id = {REMOVED}",
        "Ändrad post: flagged_case {removed} är inte som granskningskedjan senast registrerade "
        "den (ändrad utanför Modbot) (ärende {removed})",
    ),
    "case author": (
        f"UPDATE flagged_case SET author_name = 'Någon annan' WHERE id = {REMOVED}",
        "Ändrad post: flagged_case {removed} ",
    ),
    "case written time": (
        "UPDATE flagged_case SET comment_created_at = '2026-11-25T06:59:00.000000+00:00' "
        f"WHERE id = {REMOVED}",
        "Ändrad post: flagged_case {removed} ",
    ),
    "case received time": (
        "UPDATE flagged_case SET received_at = '2026-11-25T09:00:00.000000+01:00' "
        f"WHERE id = {REMOVED}",
        "Ändrad post: flagged_case {removed} ",
    ),
    "decision kind": (
        f"UPDATE decision SET kind = 'keep' WHERE case_id = {REMOVED}",
        "Ändrad post: decision 1 är inte som granskningskedjan senast registrerade den "
        "(ändrad utanför Modbot) (ärende {removed})",
    ),
    "decision removal time": (
        "UPDATE decision SET removed_on_platform_at = NULL WHERE kind = 'remove'",
        "Ändrad post: decision 1 ",
    ),
    "synpunkt reference": (
        "UPDATE synpunkt SET reference = 'SYN-2026-9999'",
        "Ändrad post: synpunkt 1 är inte som granskningskedjan senast registrerade den "
        "(ändrad utanför Modbot) (ärende {synpunkt})",
    ),
    "culling record": (
        "UPDATE culling SET culled_count = 0",
        "Ändrad post: culling 1 är inte som",
    ),
    "secrecy mark": (
        "UPDATE secrecy_mark SET reason = 'ingen sekretess'",
        "Ändrad post: secrecy_mark 1 är inte som",
    ),
    "hold": (
        "UPDATE legal_hold SET reason = 'begäran om utlämnande'",
        "Ändrad post: legal_hold 1 är inte som",
    ),
    "hold removed": (
        "DELETE FROM legal_hold",
        "Post saknas: legal_hold 1 finns i granskningskedjan men inte i databasen (borttagen)",
    ),
    "evidence row added": (
        "INSERT INTO evidence (case_id, kind, file_name, content_type, size, sha256, "
        "captured_at, added_by_name) SELECT case_id, 'moderator_file', file_name, content_type, "
        "size, sha256, captured_at, 'Någon' FROM evidence WHERE id = 1",
        "Oregistrerad post: evidence 6 finns inte i granskningskedjan (tillagd utanför Modbot) "
        "(ärende {removed})",
    ),
    "secrecy mark added": (
        "INSERT INTO secrecy_mark (account_id, platform_comment_id, reason, marked_by_name, "
        "marked_at) VALUES (1, 'old_9', 'påhittad', 'Någon', '2026-11-25T09:00:00.000000+00:00')",
        "Oregistrerad post: secrecy_mark 2 finns inte i granskningskedjan (tillagd utanför Modbot)",
    ),
    "evidence row moved to another case": (
        "UPDATE evidence SET case_id = 1 WHERE case_id = 2 AND kind = 'screenshot'",
        "Ändrad post: evidence ",
    ),
}


@pytest.mark.parametrize("tampering", sorted(TAMPERINGS))
async def test_each_changed_row_is_found_and_named(
    tampering: str,
    record: Record,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    statement, expected = TAMPERINGS[tampering]
    tamper(record, statement)
    assert verify(record, monkeypatch) == 1
    out = capsys.readouterr().out
    assert expected.format(removed=record.removed, synpunkt=record.synpunkt) in out, out
    assert "1 avvikelse(r)" in out, out


async def test_an_evidence_file_rewritten_with_its_row_is_found(
    record: Record, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    screenshot = next(record.evidence.rglob("*skarmdump.png"))
    forged = PNG + b"another picture altogether"
    screenshot.write_bytes(forged)
    evidence_id = one(record, "SELECT id FROM evidence WHERE kind = 'screenshot' AND case_id = 1")
    tamper(
        record,
        f"UPDATE evidence SET sha256 = '{hashlib.sha256(forged).hexdigest()}', "
        f"size = {len(forged)} WHERE id = {evidence_id}",
    )
    assert verify(record, monkeypatch) == 1
    out = capsys.readouterr().out
    assert f"Ändrad post: evidence {evidence_id} är inte som" in out, out
    assert "Ändrad bevisfil" not in out  # the file matches its row: only the binding tells
    assert "1 avvikelse(r)" in out


async def test_a_deleted_last_event_is_found_by_the_anchor_written_down_before(
    record: Record, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(record, monkeypatch) == 0
    anchor = head_of(capsys.readouterr().out)
    last = one(record, "SELECT MAX(id) FROM audit_event")
    tamper(
        record,
        f"DELETE FROM audit_event WHERE id = {last}",
        drop=("audit_event_no_delete",),
    )
    assert verify(record, monkeypatch, "--anchor", anchor) == 1
    out = capsys.readouterr().out
    assert (
        f"Ankaret {anchor} finns inte i kedjan: händelser efter det har tagits bort, eller "
        "kedjan är omskriven"
    ) in out, out
    # The cut event approved the culling: the culling row no longer matches the chain either.
    assert "Ändrad post: culling 1" in out
    assert "Kedjan går genom alla" not in out
    assert head_of(out) != anchor


async def test_a_cut_tail_that_bound_nothing_is_found_only_by_an_anchor(
    record: Record, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(record.database) as raw:
        [before] = raw.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    monkeypatch.setenv("MODBOT_DATABASE_URL", f"sqlite:///{record.database}")
    monkeypatch.setenv("MODBOT_EVIDENCE_DIR", str(record.evidence))
    assert main(["utdrag", "Hjo kommun", "2026-11-01", "2026-11-30"]) == 0
    capsys.readouterr()
    assert verify(record, monkeypatch) == 0
    anchor = head_of(capsys.readouterr().out)
    last = one(record, "SELECT MAX(id) FROM audit_event")
    tamper(record, f"DELETE FROM audit_event WHERE id = {last}", drop=("audit_event_no_delete",))
    assert verify(record, monkeypatch) == 0  # nothing in the database tells
    assert head_of(capsys.readouterr().out) == before
    assert verify(record, monkeypatch, "--anchor", before, "--anchor", anchor) == 1
    out = capsys.readouterr().out
    assert f"Ankaret {anchor} finns inte i kedjan" in out and "1 avvikelse(r)" in out


async def test_a_change_laundered_through_a_later_change_is_still_found(
    bot: RunningBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Changed outside Modbot, then changed through it: the later event binds the row as it
    found it, which is not what the chain had."""
    await bot.link_hjo()
    case_id, card = await bot.flagged_card(flag())
    await bot.invoke(ANNA, "remove", {"case": case_id, "category": "fortal"}, card)
    database = Path(bot.settings.database_url.removeprefix("sqlite:///"))
    record = Record(database, bot.settings.evidence_dir, case_id, 0)
    tamper(record, "UPDATE decision SET note = 'Godkänd av chefen'")
    await bot.invoke(ANNA, "confirm_removed", {"case": case_id}, card)
    event = one(record, "SELECT MAX(id) FROM audit_event WHERE action = 'removed_on_platform'")
    await bot.runner.cleanup()
    assert verify(record, monkeypatch) == 1
    out = capsys.readouterr().out
    assert (
        f"Ändrad post: decision 1 var redan ändrad utanför Modbot när audit_event {event} "
        f"ändrade den (ärende {case_id})"
    ) in out, out
    assert "1 avvikelse(r)" in out


async def test_a_removal_through_the_platform_refused_then_retried_verifies_clean(
    tmp_path: Path,
    connector: FakeBotConnector,
    clock: MovingClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The decision changes three times (decided, the platform's refusal, the removal it
    confirmed): each change is bound by its event, so nothing is reported."""
    meta_graph = FakeMetaGraph(token=PAGE_TOKEN)
    monkeypatch.setenv("MODBOT_TOKEN_HJO", PAGE_TOKEN)
    async with serving(meta_graph.app()) as url:
        meta_graph.url = url
        settings = make_settings(tmp_path, free_port(), meta_graph_url=meta_graph.base_url)
        async with running_bot(settings, connector, clock) as bot:
            await bot.link_hjo()
            await bot.say(ANNA, 'anslut facebook "Hjo kommun" 10159 env:MODBOT_TOKEN_HJO')
            body = flag()
            meta_graph.comments.add(body["comment_id"])
            meta_graph.fail_next(400, "(#200) Permissions error", code=200)
            case_id, card = await bot.flagged_card(body)
            refused = await bot.invoke(ANNA, "remove", {"case": case_id}, card)
            assert "tog inte bort" in str(refused["value"])
            retried = await bot.invoke(ANNA, "remove_on_platform", {"case": case_id}, card)
            assert "Borttagen på Facebook" in str(retried["value"])
    record = Record(tmp_path / "modbot.db", tmp_path / "evidence", case_id, 0)
    assert verify(record, monkeypatch) == 0, capsys.readouterr().out
    assert "Allt stämmer" in capsys.readouterr().out
