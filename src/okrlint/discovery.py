"""From the paths a user gave to the board files to lint, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from okrlint.errors import ErrorKind, InputError

BOARD_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class Discovery:
    """The files to lint, the paths that could not be used, and notices for the user."""

    files: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def _hidden(name: str) -> bool:
    return name.startswith(".") and name not in (".", "..")


def display(path: Path) -> str:
    """How a path is shown: as given, with forward slashes."""
    return path.as_posix()


def walk_boards(folder: Path, errors: list[InputError] | None = None) -> list[Path]:
    """Board files under ``folder``, hidden files and folders skipped, in sorted path order.

    A sub-folder that cannot be read is reported in ``errors`` (when given), not skipped
    silently: its boards would otherwise go unchecked without anyone noticing.
    """
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        if errors is not None:
            where = Path(exc.filename) if exc.filename else folder
            reason = exc.strerror or type(exc).__name__
            errors.append(
                InputError(ErrorKind.IO_ERROR, f"cannot read the folder: {reason}", display(where))
            )

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in files:
            if not _hidden(name) and name.lower().endswith(BOARD_SUFFIXES):
                found.append(Path(root) / name)
    found.sort(key=lambda p: p.parts)
    return found


def discover(paths: Iterable[str | Path]) -> Discovery:
    """Expand files and folders into board files; a path given twice is linted once."""
    out = Discovery()
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.normpath(str(path))
        if key not in seen:
            seen.add(key)
            out.files.append(path)

    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte, no permission
            reason = getattr(exc, "strerror", None) or str(exc)
            out.errors.append(
                InputError(ErrorKind.IO_ERROR, f"cannot use this path: {reason}", display(path))
            )
            continue
        if is_dir:
            known_errors = len(out.errors)
            boards = walk_boards(path, out.errors)
            if not boards and len(out.errors) == known_errors:
                out.notices.append(f"{display(path)}: no board files (*.yaml, *.yml) found here")
            for board in boards:
                add(board)
        elif exists:
            add(path)
        elif os.path.normpath(str(path)) not in seen:
            seen.add(os.path.normpath(str(path)))
            out.errors.append(
                InputError(ErrorKind.IO_ERROR, "no such file or folder", display(path))
            )
    return out
