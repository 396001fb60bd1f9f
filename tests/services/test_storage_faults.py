"""Evidence that cannot be written (a real full or read-only tmpfs, tests.small_disk) leaves
nothing behind: no temporary file, no file of a transaction that rolled back, no case without
its evidence; the account is told once per fault, and a refused screenshot is never parked."""

import errno
import json
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from sqlmodel import func, select

from services.burst import Burst
from services.capture import ScreenshotWorker, snapshot_of
from services.evidence import MODERATOR_FILE, RAW_JSON, EvidenceFiles, EvidenceUnwritable
from services.files import write_atomically
from services.intake import FlagIn, IntakeResult, parse_flag
from services.intake_queue import IntakeQueue
from services.notifier import Notifier
from storage import parked
from storage.models import Evidence, FlaggedCase
from tests.services.world import NOW, RecordingNotifier, World, new_case
from tests.small_disk import PAGE, SmallDisk, small_disk
from tests.teams import flag


class Told(RecordingNotifier):
    """Records what the use cases tell, this sentence too (only the methods used here)."""

    def evidence_unwritable(self, session: object, account: Any, now: datetime) -> None:
        self.events.append(("unwritable", account.id))


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with small_disk(tmp_path / "small", size="256k") as mounted:
        yield mounted


def _as_notifier(told: Told) -> Notifier:
    return cast(Notifier, told)


def _queue(world: World, files: EvidenceFiles, told: Told) -> IntakeQueue:
    return IntakeQueue(
        world.database, files, lambda: NOW, lambda: None, Burst(), [], _as_notifier(told)
    )


def _flags(*comment_ids: str) -> list[tuple[FlagIn, bytes]]:
    bodies = [flag(comment_id=comment_id) for comment_id in comment_ids]
    return [(parse_flag(body), json.dumps(body).encode()) for body in bodies]


def _counts(world: World) -> tuple[int, int]:
    with world.database.reading() as session:
        cases = session.exec(select(func.count()).select_from(FlaggedCase)).one()
        evidence = session.exec(select(func.count()).select_from(Evidence)).one()
    return cases, evidence


def test_a_write_that_runs_out_of_space_half_way_leaves_no_temporary_file(
    disk: SmallDisk,
) -> None:
    disk.fill(leave_pages=2)
    target = disk.mountpoint / "case-000001" / "bild.png"
    for durable in (False, True):
        with pytest.raises(OSError) as raised:
            write_atomically(target, os.urandom(5 * PAGE), durable=durable)
        assert raised.value.errno == errno.ENOSPC
        assert disk.files() == {"case-000001"}
    assert write_atomically(target, b"fits in a page") is True
    assert disk.files() == {"case-000001", "case-000001/bild.png"}


def test_a_read_only_disk_refuses_without_leaving_anything(disk: SmallDisk) -> None:
    disk.read_only()
    with pytest.raises(OSError):
        write_atomically(disk.mountpoint / "case-000001" / "flagga.json", b"{}")
    disk.read_only(False)
    assert disk.files() == set()


def test_a_batch_whose_second_file_does_not_fit_keeps_neither_case_nor_file(
    world: World, disk: SmallDisk
) -> None:
    notifier = Told()
    queue = _queue(world, EvidenceFiles(disk.mountpoint), notifier)
    disk.fill(leave_pages=1)

    outcomes = queue.store_batch(_flags("first-fits", "second-does-not"))
    assert [type(outcome) for outcome in outcomes] == [EvidenceUnwritable] * 2
    assert _counts(world) == (0, 0)
    assert {name for name in disk.files() if (disk.mountpoint / name).is_file()} == set()
    assert notifier.events == [("unwritable", 1)]

    disk.fill()
    outcomes = queue.store_batch(_flags("third"))
    assert [type(outcome) for outcome in outcomes] == [EvidenceUnwritable]
    assert notifier.events == [("unwritable", 1)], "told once, not per flag"

    disk.free()
    outcomes = queue.store_batch(_flags("first-fits", "second-does-not", "third"))
    assert all(isinstance(o, IntakeResult) and o.created for o in outcomes), outcomes
    assert _counts(world) == (3, 3)


def test_a_file_of_a_rolled_back_transaction_is_removed_and_an_older_one_kept(
    world: World, disk: SmallDisk
) -> None:
    files = EvidenceFiles(disk.mountpoint)
    case_id = new_case(world.database, files)
    with world.database.reading() as session:
        (kept,) = session.exec(select(Evidence)).all()
    data = files.path_of(kept).read_bytes()

    def save(kind: str, content: bytes) -> Path:
        with world.database.session() as session:
            saved = files.save(
                session,
                case_id=case_id,
                kind=kind,
                name="flagga.json",
                content_type="application/json",
                data=content,
                added_by_name="test",
                now=NOW,
            )
            assert (disk.mountpoint / saved.file_name).exists()
            session.rollback()
        return disk.mountpoint / saved.file_name

    assert not save(MODERATOR_FILE, b"rolled back").exists()
    assert save(RAW_JSON, data) == files.path_of(kept)
    assert files.path_of(kept).read_bytes() == data
    assert {name for name in disk.files() if (disk.mountpoint / name).is_file()} == {kept.file_name}


async def _quiet() -> None:
    return None


def test_a_screenshot_the_disk_refuses_is_not_parked_and_is_stored_later(
    world: World, disk: SmallDisk
) -> None:
    notifier = Told()
    files = EvidenceFiles(disk.mountpoint)
    queue = _queue(world, files, notifier)
    (result,) = queue.store_batch(_flags("picture-refused"))
    assert isinstance(result, IntakeResult)
    worker = ScreenshotWorker(
        world.database, files, world.views, _as_notifier(notifier), lambda: NOW, _quiet
    )
    with world.database.reading() as session:
        snapshot = snapshot_of(session, result.case_id)
    assert snapshot is not None
    chunk = [(result.case_id, snapshot)]
    picture = os.urandom(8 * PAGE)

    disk.fill()
    for _ in range(5):
        assert worker._store(chunk, [picture]) == ([], True)  # noqa: SLF001
    with world.database.reading() as session:
        assert parked.parked_items(session) == []
        assert parked.held_back(session, parked.SCREENSHOT, NOW) == set()
    assert notifier.events == [("unwritable", 1)]

    disk.free()
    assert worker._store(chunk, [picture]) == ([], False)  # noqa: SLF001
    assert notifier.events == [("unwritable", 1), ("ready", result.case_id)]

    disk.fill()
    (refused,) = queue.store_batch(_flags("after-the-fault-was-over"))
    assert isinstance(refused, EvidenceUnwritable)
    assert notifier.events[-1] == ("unwritable", 1), "a new fault is told anew"
