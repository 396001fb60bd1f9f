"""A real, tiny filesystem for storage-fault tests: a size-limited tmpfs mounted on a folder,
filled to the last page or made read-only, so writes fail the way they do on a full or
read-only disk (ENOSPC, EROFS) and nothing in the bot is patched. Mounting needs root (or
CAP_SYS_ADMIN); where it is not permitted the test is skipped."""

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PAGE = 4096
"""tmpfs hands out space in pages: a file of one byte takes one."""


class SmallDisk:
    def __init__(self, mountpoint: Path) -> None:
        self.mountpoint = mountpoint
        self._ballast = mountpoint / "ballast"

    def fill(self, leave_pages: int = 0) -> None:
        """Take all the space (but `leave_pages` pages) with a ballast file."""
        with self._ballast.open("ab", buffering=0) as stream:
            for chunk in (64 * PAGE, PAGE):
                try:
                    while True:
                        stream.write(b"\0" * chunk)
                except OSError as error:
                    assert error.errno == errno.ENOSPC, error
            pages = -(-os.fstat(stream.fileno()).st_size // PAGE)
            if leave_pages:
                stream.truncate(max(pages - leave_pages, 0) * PAGE)

    def free(self) -> None:
        self._ballast.unlink(missing_ok=True)

    def read_only(self, yes: bool = True) -> None:
        _mount("-o", f"remount,{'ro' if yes else 'rw'}", str(self.mountpoint))

    def files(self) -> set[str]:
        """Every file and folder on the disk but the ballast, relative to its root."""
        return {
            str(path.relative_to(self.mountpoint))
            for path in self.mountpoint.rglob("*")
            if path != self._ballast
        }


def _mount(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *arguments], capture_output=True, text=True, check=True)


@contextmanager
def small_disk(mountpoint: Path, size: str = "1m") -> Iterator[SmallDisk]:
    """A tmpfs of `size` on `mountpoint` (made if missing), unmounted afterwards."""
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount command here")
    mountpoint.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mountpoint))
    except subprocess.CalledProcessError as error:
        pytest.skip(f"mounting a small tmpfs is not permitted here: {error.stderr.strip()}")
    try:
        yield SmallDisk(mountpoint)
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True, check=False)
