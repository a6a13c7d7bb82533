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

import datetime as dt
import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import Any

from okrlint import __version__
from okrlint.cache_codec import FORMAT, CachedBoard, decode_entry, encode_entry
from okrlint.files import write_atomic

__all__ = [
    "CACHE_DIR_NAME",
    "CachedBoard",
    "ResultCache",
    "decode_entry",
    "default_cache",
    "encode_entry",
]

CACHE_DIR_NAME = ".okrlint_cache"
_GENERATION = re.compile(r"^[0-9a-f]{16}$")
_FLUSH_EVERY = 500  # entries kept in memory before they are written


# -- the store ----------------------------------------------------------------------------


def _code_fingerprint() -> str:
    """okrlint's version and the size and time of each of its code and data files."""
    from okrlint.catalog import rules_dir

    digest = hashlib.blake2b(f"{FORMAT}\0{__version__}".encode(), digest_size=16)
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
        self._prefix = f"{self.here}{os.sep}"
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
            with open(f"{self._prefix}{key[:2]}{os.sep}{key[2:]}.json", "rb") as handle:
                data = handle.read()
        except OSError:
            self.misses += 1
            return None
        board = decode_entry(data)
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
