"""Files read and written safely: only regular files read, writes whole or not at all.

A board's text is read here, once per run (:func:`read_source`: a regular file,
within the size limit, decoded from UTF-8, or UTF-16/32 with a byte-order mark),
apart from parsing it: the result cache's key, the loader and the reporters all take
this text, and a run served from the cache never imports the loader, the models or
the reader (PyYAML itself is imported: the rule data is YAML).
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from okrlint.errors import ErrorKind, InputError, describe_os_error, describe_special_file
from okrlint.positions import Position, Span, position_at

#: The files read as Markdown boards, and every board file a folder walk reads by
#: default (the ``include`` setting may choose others).
MARKDOWN_SUFFIXES = (".md", ".markdown")
BOARD_SUFFIXES = (".yaml", ".yml", *MARKDOWN_SUFFIXES)


def is_markdown(file: str) -> bool:
    """Is ``file`` read as a Markdown board (by its name)?"""
    return file.lower().endswith(MARKDOWN_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits; each is documented and can be raised by the user."""

    max_file_size: int = 5 * 1024 * 1024
    max_depth: int = 64
    max_alias_nodes: int = 10_000
    max_documents: int = 1


DEFAULT_LIMITS = Limits()


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
    read (:class:`NotARegularFile`); other failures raise :class:`OSError`.

    The file is read in one call of its own size (and one more that finds its end), not
    into a buffer of ``size``: a board is a few kilobytes, the limit megabytes.
    """
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(info.st_mode)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        parts = [os.read(fd, min(size, info.st_size + 1))]
        total = len(parts[0])
        while total < size:  # a file that grew since, or a short read
            part = os.read(fd, min(size - total, 1 << 20))
            if not part:
                break
            parts.append(part)
            total += len(part)
        return parts[0] if len(parts) == 1 else b"".join(parts)
    finally:
        os.close(fd)


def read_source(path: Path, file: str, limits: Limits = DEFAULT_LIMITS) -> str | InputError:
    """Read and decode a board file, or say clearly why it cannot be read.

    Only a regular file is opened: a named pipe would block the run until some writer
    came along, a device could be endless. The check is made again on the open file
    (opened without blocking), in case the path was swapped in between.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        return InputError(ErrorKind.IO_ERROR, describe_os_error(exc, path), file)
    except ValueError as exc:  # a NUL byte in the path
        return InputError(ErrorKind.IO_ERROR, f"cannot use this path: {exc}", file)
    if stat.S_ISDIR(info.st_mode):
        return InputError(ErrorKind.IO_ERROR, "is a directory, not a board file", file)
    if not stat.S_ISREG(info.st_mode):
        return InputError(ErrorKind.IO_ERROR, describe_special_file(info.st_mode), file)
    if info.st_size > limits.max_file_size:
        return too_big(file, info.st_size, limits)
    try:
        data = read_regular(path, limits.max_file_size + 1)
    except NotARegularFile as exc:
        return InputError(ErrorKind.IO_ERROR, describe_special_file(exc.mode), file)
    except OSError as exc:
        return InputError(ErrorKind.IO_ERROR, describe_os_error(exc, path), file)
    if len(data) > limits.max_file_size:
        return too_big(file, len(data), limits)
    return decode(data, file)


def too_big(file: str, size: int, limits: Limits) -> InputError:
    """The input error of a board over the size limit (``size`` in bytes)."""
    return InputError(
        ErrorKind.LIMIT_EXCEEDED,
        f"the file is {size:,} bytes, over the limit of {limits.max_file_size:,}",
        file,
        hint="a board is a few kilobytes; raise the limit with --max-file-size if this is intended",
    )


def decode(data: bytes, file: str) -> str | InputError:
    """Decode UTF-8 (or UTF-16/32 with a byte-order mark); point at the first bad byte."""
    encoding = "utf-8"
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            encoding = name
            break
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        # the error's offsets are into exc.object: without the BOM for utf-8-sig, with
        # it for UTF-16 and UTF-32 (whose decoders consume it again here)
        body = bytes(exc.object)
        before = body[: exc.start].decode(
            "utf-8" if encoding == "utf-8-sig" else encoding, errors="replace"
        )
        at = position_at(before, len(before))
        bad = body[exc.start : exc.start + 1].hex()
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        return InputError(
            ErrorKind.PARSE_ERROR,
            f"not {name} text: byte 0x{bad} cannot be decoded",
            file,
            Span(at, Position(at.line, at.column + 1)),
            hint="save the file as UTF-8",
        )
