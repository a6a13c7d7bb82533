"""The result cache: a board whose text and settings are unchanged is not read again.

``okrlint check`` keeps what it found for each board in ``.okrlint_cache/`` at the
repository root (the current folder outside one), as ruff does: a pre-commit hook or
a second run then pays only to read the files and the cache entries. ``--no-cache``
(or ``OKRLINT_NO_CACHE=1``) turns it off; ``OKRLINT_CACHE_DIR`` moves it.

An entry is keyed by everything a board's findings depend on: the file's name and
text, its effective settings, okrlint's code and rule data (their files' sizes and
times, so an upgrade or an edited phrase list starts afresh) and today's date (a fix
may name the current quarter). The cross-cycle rules always run afresh, from the
cached traces.

Entries are JSON, decoded into okrlint's own result records only: a cache folder is
a file anyone could commit, so it must never be able to run code (no pickle). A
damaged or unreadable entry is a miss; a cache that cannot be written is skipped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import shutil
import types
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from okrlint import __version__
from okrlint.cycles import Cycle
from okrlint.errors import ErrorKind, InputError
from okrlint.files import write_atomic
from okrlint.findings import Applicability, BoardFacts, FileResult, Finding, Fix, Severity
from okrlint.history import BoardTrace, GoalTrace, ObjectiveTrace
from okrlint.policy import Suppression
from okrlint.positions import Position, Span

__all__ = ["CACHE_DIR_NAME", "CachedBoard", "ResultCache", "default_cache"]

CACHE_DIR_NAME = ".okrlint_cache"
_FORMAT = "4"  # bump when the entry layout changes
_GENERATION = re.compile(r"^[0-9a-f]{16}$")
_FLUSH_EVERY = 500  # entries kept in memory before they are written

_RECORDS: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (
        BoardFacts,
        BoardTrace,
        Cycle,
        FileResult,
        Finding,
        Fix,
        GoalTrace,
        InputError,
        ObjectiveTrace,
        Position,
        Span,
        Suppression,
    )
}
_ENUMS: dict[str, type[Enum]] = {cls.__name__: cls for cls in (Applicability, ErrorKind, Severity)}


@dataclasses.dataclass(frozen=True, slots=True)
class CachedBoard:
    """What linting one board produced, short of its settings."""

    result: FileResult
    findings: tuple[Finding, ...]
    suppressions: tuple[Suppression, ...]
    trace: BoardTrace | None


# -- the codec: okrlint's records <-> JSON ------------------------------------------------


#: Each record's constructor fields, in order (an entry lists the values only).
_FIELDS: dict[type[Any], tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls) if f.init) for cls in _RECORDS.values()
}


def _default(value: Any) -> Any:
    """What JSON's C encoder cannot write itself: records, spans, dates. Tuples become
    lists and string enums strings; the decoder restores them from the field types."""
    kind = type(value)
    if kind is Span:  # the commonest record, kept short: four numbers
        return {"@s": [value.start.line, value.start.column, value.end.line, value.end.column]}
    names = _FIELDS.get(kind)
    if names is not None:
        return {"@": kind.__name__, "v": [getattr(value, n) for n in names]}
    if kind is dt.date:
        return {"@d": value.isoformat()}
    raise TypeError(f"cannot cache {kind.__name__}")


Convert = Callable[[Any], Any]


def _exactly(*kinds: type[Any]) -> Convert:
    def check(value: Any) -> Any:
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            raise ValueError("a value of the wrong type")
        return value

    return check


_IS_LIST = _exactly(list)
_IS_INT = _exactly(int)


def _converter(hint: Any) -> Convert:
    """How a decoded JSON value becomes a field's value (checked: a damaged entry fails)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        kinds = [a for a in args if a is not type(None)]
        if all(k in (str, int, float, bool) for k in kinds):
            inner = _exactly(*kinds)
        else:
            [single] = kinds
            inner = _converter(single)
        if len(kinds) == len(args):
            return inner
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            return lambda value: tuple(item(v) for v in _IS_LIST(value))
        items = [_converter(a) for a in args]

        def fixed(value: Any) -> tuple[Any, ...]:
            if len(_IS_LIST(value)) != len(items):
                raise ValueError("a tuple of the wrong length")
            return tuple(c(v) for c, v in zip(items, value, strict=True))

        return fixed
    if isinstance(hint, type) and issubclass(hint, Enum):
        enum = _ENUMS.get(hint.__name__)
        if enum is not hint:
            raise TypeError(f"cannot cache {hint.__name__}")
        return hint
    if hint in (str, int, float, bool, Span, dt.date) or hint in _FIELDS:
        return _exactly(hint)
    raise TypeError(f"cannot cache a field of type {hint!r}")


@functools.cache
def _converters() -> dict[str, tuple[type[Any], tuple[Convert, ...]]]:
    """For each record: its class and a converter per constructor field."""
    out = {}
    for name, cls in _RECORDS.items():
        hints = typing.get_type_hints(cls)
        out[name] = (cls, tuple(_converter(hints[field]) for field in _FIELDS[cls]))
    return out


def _decode(obj: dict[str, Any]) -> Any:
    """JSON's object hook: only okrlint's records are made, from values of the right types."""
    if "@s" in obj:
        line, column, end_line, end_column = _IS_LIST(obj["@s"])
        return Span(
            Position(_IS_INT(line), _IS_INT(column)),
            Position(_IS_INT(end_line), _IS_INT(end_column)),
        )
    if "@" in obj:
        cls, converters = _converters()[obj["@"]]
        values = _IS_LIST(obj["v"])
        if len(values) != len(converters):
            raise ValueError("a record of another layout")
        return cls(*(c(v) for c, v in zip(converters, values, strict=True)))
    if "@d" in obj:
        return dt.date.fromisoformat(obj["@d"])
    raise ValueError("not a cache entry")


_ENTRY = _converter(
    tuple[FileResult, tuple[Finding, ...], tuple[Suppression, ...], BoardTrace | None]
)


def encode_entry(board: CachedBoard) -> str:
    return json.dumps(
        (board.result, board.findings, board.suppressions, board.trace),
        default=_default,
        ensure_ascii=False,
        separators=(",", ":"),
        check_circular=False,
    )


def decode_entry(text: str) -> CachedBoard | None:
    """The entry, or None when it is damaged or of another layout."""
    try:
        result, findings, suppressions, trace = _ENTRY(json.loads(text, object_hook=_decode))
    except (ValueError, TypeError, KeyError, RecursionError):
        return None
    return CachedBoard(result, findings, suppressions, trace)


# -- the store ----------------------------------------------------------------------------


def _code_fingerprint() -> str:
    """okrlint's version and the size and time of each of its code and data files."""
    from okrlint.catalog import rules_dir

    digest = hashlib.blake2b(f"{_FORMAT}\0{__version__}".encode(), digest_size=16)
    folders = [Path(__file__).resolve().parent, rules_dir()]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name == "__pycache__":
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                    continue
                info = entry.stat()
            except OSError:
                continue
            digest.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class ResultCache:
    """Cache entries under ``folder`` (created on the first write)."""

    def __init__(self, folder: str | Path, *, today: dt.date | None = None) -> None:
        self.folder = Path(folder)
        day = (today or dt.date.today()).isoformat()
        generation = hashlib.blake2b(
            f"{_code_fingerprint()}\0{day}".encode(), digest_size=8
        ).hexdigest()
        self.here = self.folder / generation
        self._settings: dict[int, tuple[Any, bytes]] = {}
        self._ready = False
        self._folders: set[str] = set()
        self._pending: list[tuple[str, bytes]] = []
        self.writable = True
        self.hits = self.misses = 0

    def key(self, file: str, text: str, settings: object) -> str:
        """The entry name for a board: its name, text and settings (by their repr)."""
        known = self._settings.get(id(settings))
        if known is None or known[0] is not settings:
            known = (settings, repr(settings).encode("utf-8", "surrogatepass"))
            self._settings[id(settings)] = known
        digest = hashlib.blake2b(digest_size=20)
        digest.update(file.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(known[1] + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.here / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> CachedBoard | None:
        try:
            text = self._path(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.misses += 1
            return None
        board = decode_entry(text)
        if board is None:
            self.misses += 1
        else:
            self.hits += 1
        return board

    def put(self, key: str, board: CachedBoard) -> None:
        """Keep an entry; it is written by :meth:`flush` (or once many are pending)."""
        if not self.writable:
            return
        try:
            data = encode_entry(board).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return  # something the codec does not know: not cached, still correct
        self._pending.append((key, data))
        if len(self._pending) >= _FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write the pending entries. Files are created in one go: on a busy machine,
        creating each file between boards costs ten times as much as in a burst."""
        pending, self._pending = self._pending, []
        if not pending or not self.writable:
            return
        try:
            self._prepare()
            for key, data in pending:
                path = self._path(key)
                folder = path.parent
                if folder.name not in self._folders:
                    folder.mkdir(exist_ok=True)
                    self._folders.add(folder.name)
                # a name no other writer uses, then a rename: readers see all or nothing
                temporary = folder / f".{path.name}.{os.getpid()}.tmp"
                with open(temporary, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, path)
        except OSError:
            self.writable = False  # a read-only checkout: run without writing

    def _prepare(self) -> None:
        """Create the folder (ignored by git, tagged as a cache) and drop old generations."""
        if self._ready:
            return
        self.here.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, "# Created by okrlint automatically.\n*\n")
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            write_atomic(
                tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by okrlint.\n",
            )
        for entry in self.folder.iterdir():
            if entry.name != self.here.name and _GENERATION.match(entry.name):
                shutil.rmtree(entry, ignore_errors=True)  # another day or okrlint version
        self._ready = True


def default_cache(anchor: Path | None = None) -> ResultCache | None:
    """The CLI's cache: ``OKRLINT_CACHE_DIR``, else ``.okrlint_cache`` at the repository
    root of ``anchor`` (default: the current folder); None when ``OKRLINT_NO_CACHE`` is set."""
    if os.environ.get("OKRLINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no"):
        return None
    configured = os.environ.get("OKRLINT_CACHE_DIR")
    if configured:
        return ResultCache(configured)
    from okrlint.repository import find_root

    here = anchor or Path.cwd()
    return ResultCache((find_root(here) or here) / CACHE_DIR_NAME)
