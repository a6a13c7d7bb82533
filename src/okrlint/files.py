"""Files read and written safely: only regular files read, writes whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` through a temporary file
    and a rename. An existing file keeps its permissions; a new one gets the umask's."""
    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class NotARegularFile(Exception):
    """The path turned out to be a named pipe, socket or device once opened."""

    def __init__(self, mode: int) -> None:
        super().__init__(mode)
        self.mode = mode


#: Opening a named pipe for reading waits for a writer, unless without blocking.
_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)


def read_regular(path: str | Path, size: int) -> bytes:
    """Up to ``size`` bytes of a regular file. It is opened without blocking and checked
    once open, so a named pipe or device swapped in for the file is never waited on or
    read (:class:`NotARegularFile`); other failures raise :class:`OSError`."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(mode)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return handle.read(size)
