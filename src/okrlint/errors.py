"""Input errors: a file that cannot be read, parsed or validated is a value, not an exception."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from enum import StrEnum

from okrlint.positions import FILE_START, NodePath, Span, format_path


class ErrorKind(StrEnum):
    """The kinds of input error; their values are public ids, like rule ids."""

    IO_ERROR = "io-error"
    PARSE_ERROR = "parse-error"
    SCHEMA_ERROR = "schema-error"
    DUPLICATE_KEY = "duplicate-key"
    DUPLICATE_ID = "duplicate-id"
    LIMIT_EXCEEDED = "limit-exceeded"
    NOT_A_BOARD = "not-a-board"


#: What each kind means, for ``okrlint rules`` and SARIF ``rules[]``.
ERROR_KIND_SUMMARIES: dict[ErrorKind, str] = {
    ErrorKind.IO_ERROR: "The file could not be read (missing, unreadable, not a regular file).",
    ErrorKind.PARSE_ERROR: "The file is not valid YAML, or not UTF-8 text.",
    ErrorKind.SCHEMA_ERROR: "The YAML does not follow the board format.",
    ErrorKind.DUPLICATE_KEY: "A mapping repeats a key; YAML would silently keep only the last.",
    ErrorKind.DUPLICATE_ID: "Two objectives, key results or KPIs of one board share an id.",
    ErrorKind.LIMIT_EXCEEDED: (
        "The file exceeds an input limit (size, nesting, aliases, documents)."
    ),
    ErrorKind.NOT_A_BOARD: (
        "A file given by name is YAML but no board (no objectives, kpis or board at its "
        "top); in a folder walk such files are skipped."
    ),
}

#: Kinds after which the board is still linted (the data is complete, only suspicious).
NON_FATAL_KINDS = frozenset({ErrorKind.DUPLICATE_KEY, ErrorKind.DUPLICATE_ID})


@dataclass(frozen=True, slots=True)
class InputError:
    """A problem with the input itself: always exit status 2, never a traceback."""

    kind: ErrorKind
    message: str
    file: str
    span: Span = FILE_START
    path: NodePath = ()
    hint: str = ""

    @property
    def line(self) -> int:
        return self.span.start.line

    @property
    def column(self) -> int:
        return self.span.start.column

    @property
    def node(self) -> str:
        return format_path(self.path)

    @property
    def fatal(self) -> bool:
        return self.kind not in NON_FATAL_KINDS


def describe_os_error(exc: OSError, path: str | os.PathLike[str] | None = None) -> str:
    """Why a file cannot be read, in words, for an ``io-error`` message."""
    code = exc.errno
    if code == errno.ENOENT:
        if path is not None and os.path.islink(path):
            return "a symbolic link to a file that does not exist"
        return "no such file"
    if code == errno.ENOTDIR:
        return "no such file: a part of its path is a file, not a folder"
    if code == errno.ELOOP:
        return "cannot read the file: a symbolic link loop (too many levels of symbolic links)"
    if code in (errno.EACCES, errno.EPERM):
        return "cannot read the file: permission denied"
    if code == errno.ENAMETOOLONG:
        return "cannot read the file: its name is too long"
    reason = exc.strerror or (os.strerror(code) if code else "") or type(exc).__name__
    return f"cannot read the file: {reason}"


def describe_special_file(mode: int) -> str:
    """The message for a path that is neither a file nor a folder: it is never opened
    (opening a named pipe would wait for a writer forever)."""
    if stat.S_ISFIFO(mode):
        what = "a named pipe"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "neither a file nor a folder"
    return f"not a regular file ({what}): skipped without reading it"
