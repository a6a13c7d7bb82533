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
import hashlib
import json
import os
import re
import shutil
from enum import Enum
from pathlib import Path
from typing import Any

from okrlint._version import __version__
from okrlint.cycles import Cycle
from okrlint.errors import ErrorKind, InputError
from okrlint.files import write_atomic
from okrlint.findings import Applicability, BoardFacts, FileResult, Finding, Fix, Severity
from okrlint.history import BoardTrace, GoalTrace
from okrlint.policy import Suppression
from okrlint.positions import Position, Span

__all__ = ["CACHE_DIR_NAME", "CachedBoard", "ResultCache", "default_cache"]

CACHE_DIR_NAME = ".okrlint_cache"
_FORMAT = "1"  # bump when the entry layout changes
_GENERATION = re.compile(r"^[0-9a-f]{16}$")

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


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):  # before str: a StrEnum is a str too
        name = type(value).__name__
        if _ENUMS.get(name) is not type(value):
            raise TypeError(f"cannot cache {name}")
        return {"@e": name, "v": value.value}
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, tuple):
        return {"@t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dt.date):
        return {"@d": value.isoformat()}
    if type(value) is Span:  # the commonest record, kept short: four numbers
        return {"@s": [value.start.line, value.start.column, value.end.line, value.end.column]}
    name = type(value).__name__
    if _RECORDS.get(name) is not type(value):
        raise TypeError(f"cannot cache {name}")
    fields = [f.name for f in dataclasses.fields(value) if f.init]
    return {"@": name, "v": [_encode(getattr(value, f)) for f in fields]}


def _decode(obj: dict[str, Any]) -> Any:
    """JSON's object hook: only the tags above are accepted, anything else is damage."""
    if "@" in obj:
        return _RECORDS[obj["@"]](*obj["v"])
    if "@t" in obj:
        return tuple(obj["@t"])
    if "@s" in obj:
        line, column, end_line, end_column = obj["@s"]
        return Span(Position(line, column), Position(end_line, end_column))
    if "@e" in obj:
        return _ENUMS[obj["@e"]](obj["v"])
    if "@d" in obj:
        return dt.date.fromisoformat(obj["@d"])
    raise ValueError("not a cache entry")


def encode_entry(board: CachedBoard) -> str:
    return json.dumps(
        _encode((board.result, board.findings, board.suppressions, board.trace)),
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode_entry(text: str) -> CachedBoard | None:
    """The entry, or None when it is damaged or of another layout."""
    try:
        result, findings, suppressions, trace = json.loads(text, object_hook=_decode)
        board = CachedBoard(result, findings, suppressions, trace)
    except (ValueError, TypeError, KeyError, RecursionError):
        return None
    ok = (
        isinstance(result, FileResult)
        and isinstance(findings, tuple)
        and all(isinstance(f, Finding) for f in findings)
        and isinstance(suppressions, tuple)
        and all(isinstance(s, Suppression) for s in suppressions)
        and (trace is None or isinstance(trace, BoardTrace))
    )
    return board if ok else None


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
        if not self.writable:
            return
        try:
            text = encode_entry(board)
        except (TypeError, ValueError):
            return  # something the codec does not know: not cached, still correct
        try:
            self._prepare()
            path = self._path(key)
            path.parent.mkdir(exist_ok=True)
            write_atomic(path, text)
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
