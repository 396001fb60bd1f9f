"""A record file is written once: a name the bot has handed out keeps giving the same bytes,
and no writer ever sees or leaves half a file under it."""

from pathlib import Path

import pytest

from services.files import new_file, write_atomically


def test_a_record_file_once_written_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "utdrag" / "utdrag-1.pdf"
    write_atomically(target, b"first")
    written = target.stat()
    write_atomically(target, b"second")
    assert target.read_bytes() == b"first"
    assert (target.stat().st_ino, target.stat().st_mtime_ns) == (
        written.st_ino,
        written.st_mtime_ns,
    )
    assert [path.name for path in target.parent.iterdir()] == [target.name]


def test_a_file_that_fails_half_way_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "arkivpaket.zip"
    with pytest.raises(RuntimeError), new_file(target) as stream:
        stream.write(b"half a zip")
        raise RuntimeError("packing failed")
    assert list(tmp_path.iterdir()) == []
