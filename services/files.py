"""Writing record files: a file whose link and SHA-256 the bot has handed out is never written
again, and a crash never leaves half a file under its name.

A file is written under a temporary name of its own, flushed to disk and then linked under its
final name in one step that refuses to replace: two writers never share a temporary file, and
whoever comes second finds the name taken and leaves the file as it is. Record files are named
after their content (the SHA-256 of the bytes, or of the state they show), so the file already
there is the one the caller wanted."""

import hashlib
import json
import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

_STATE_LENGTH = 16
STATE = f"[0-9a-f]{{{_STATE_LENGTH}}}"
"""A state fingerprint as a regular expression, for the routes that serve a file by its name."""


@dataclass
class _Written:
    stream: BinaryIO
    created: bool = False
    """True once this writer's file is linked under the name; False when it was there already."""


@contextmanager
def _written(target: Path, durable: bool) -> Iterator[_Written]:
    """Every way out but success removes the temporary file: an error in the caller's block,
    a full or read-only disk while writing, flushing, closing or linking (ENOSPC, EROFS, EIO)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            stream = os.fdopen(descriptor, "wb")
        except BaseException:
            os.close(descriptor)
            raise
        with stream:
            written = _Written(stream)
            yield written
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        with suppress(FileExistsError):
            os.link(temporary, target)
            written.created = True
    finally:
        _remove(temporary)


def _remove(temporary: Path) -> None:
    try:
        temporary.unlink(missing_ok=True)
    except OSError as error:
        log.error("could not remove the temporary file %s: %s", temporary, error)


@contextmanager
def new_file(target: Path, durable: bool = True) -> Iterator[BinaryIO]:
    """For a file too big to hold in memory, such as an archive package: what is written to
    the stream appears under `target` when the block ends without an error. `durable=False`
    leaves the flush to disk to the caller's transaction (storage.db.file_written), which
    flushes all its files at once before it commits."""
    with _written(target, durable) as written:
        yield written.stream


def write_atomically(target: Path, data: bytes, durable: bool = True) -> bool:
    """True when this call put the file under `target`, False when it was there already (and
    is left as it is)."""
    with _written(target, durable) as written:
        written.stream.write(data)
    return written.created


def state_fingerprint(state: object) -> str:
    """The part of a document's file name that tells one content state from another: the same
    records give the same name (and the file made for them is given again), any change in
    them a new one. `state` is what the document shows, apart from who made it and when."""
    text = json.dumps(state, default=_iso, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:_STATE_LENGTH]


def sha256_of(path: Path) -> str:
    """The hash to quote for a record file: of the bytes its link downloads."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not part of a document's state")
