"""A file store that really runs out of room, for the tests of a failing upload (raad/core/filestore.py).

`full_media(root, room)` makes writes of more than `room` bytes fail in the kernel, one of two ways:

- a tmpfs of `room` bytes mounted at `root` (the disk is full: ENOSPC), when this process may mount (root with
  CAP_SYS_ADMIN, as in the development container);
- otherwise the process's file-size limit (`RLIMIT_FSIZE`, with SIGXFSZ ignored) lowered to `room` bytes for
  the block: the kernel refuses the write past it with EFBIG. Only regular files are limited; the test
  database is in memory or in another process (PostgreSQL), and pytest's captured output of one test stays
  far below the limit.
"""

from __future__ import annotations

import contextlib
import errno
import resource
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path


def _mount_tmpfs(root: Path, room: int) -> bool:
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={room},mode=0777", "tmpfs", str(root)],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


@contextlib.contextmanager
def full_media(root: Path, room: int, *, mount: bool = True) -> Iterator[int]:
    """Yields the errno a write past `room` bytes under `root` gets (ENOSPC or EFBIG). `mount=False` always
    takes the file-size limit."""
    root.mkdir(parents=True, exist_ok=True)
    if mount and _mount_tmpfs(root, room):
        try:
            yield errno.ENOSPC
        finally:
            subprocess.run(["umount", str(root)], check=True)
        return
    previous_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (room, hard))
    try:
        yield errno.EFBIG
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous_handler)
