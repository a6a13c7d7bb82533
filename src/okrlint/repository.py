"""The goals repository: its root, paths relative to it, and a team's other boards in it.

The root is the git work tree that holds the files, else the folder of the nearest
okrlint configuration; outside both, there is no root (only the files given are
compared). It is found by looking for marker files, without running git.

When only some boards are linted (pre-commit hands over the changed files), the
cross-cycle rules still need each team's other boards: :func:`team_boards` finds them
under the root and has them linted as read-only history.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from okrlint.config_files import find_config_file

if TYPE_CHECKING:
    from okrlint.config import Config
    from okrlint.history import BoardTrace

#: Lints a board read as history: (its settings, its name, its text) → its trace
#: (None without a cycle). Passed in by the caller, which knows how to lint.
HistoryLinter = Callable[["Config", str, str], "BoardTrace | None"]


@lru_cache(maxsize=1024)
def _git_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def git_root(path: str | Path) -> Path | None:
    """The git work tree that holds ``path``, or None."""
    here = Path(os.path.abspath(path))
    return _git_root(here if here.is_dir() else here.parent)


def find_root(path: str | Path) -> Path | None:
    """The repository root of ``path`` (a file or folder), or None outside any."""
    here = Path(os.path.abspath(path))
    folder = here if here.is_dir() else here.parent
    root = _git_root(folder)
    if root is not None:
        return root
    config = find_config_file(folder)
    return config.parent if config is not None else None


def relative_uri(file: str | Path, root: Path | None) -> str:
    """``file`` relative to ``root`` with forward slashes (as given when outside it)."""
    path = Path(file)
    if root is not None:
        try:
            return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
        except ValueError:  # another drive on Windows
            pass
    return path.as_posix()


# -- a team's other boards ---------------------------------------------------------------

_BOARD_NAME = re.compile(r"^board:[ \t]*(.+?)[ \t]*(?:#.*)?$", re.MULTILINE)


def team_of_text(text: str, path: Path) -> str:
    """A board's team from its text without parsing it: its ``board:`` line, else its
    file name (the cross-cycle rules group boards the same way)."""
    m = _BOARD_NAME.search(text)
    if m is None:
        return path.stem
    return m.group(1).strip().strip("'\"")


def team_boards(
    teams: Collection[str],
    given: Sequence[Path],
    config_of: Callable[[Path], Config],
    lint: HistoryLinter,
) -> Iterator[BoardTrace]:
    """The other boards of ``teams`` under the repository roots of the ``given`` files,
    as read-only history (their findings are never reported).

    Each board is found, read and linted with its own settings (``config_of``: its
    nearest configuration), as if it were linted itself: a nested configuration's
    ``exclude`` and limits hold here too, and with a cache the entry made here is the
    one the board's own linting finds. A cheap scan reads each candidate's ``board:``
    line (or its file name); only the boards of the teams asked for are linted, by
    ``lint``.
    """
    from okrlint.discovery import display, walk_boards  # discovery imports this module
    from okrlint.files import read_source
    from okrlint.history import BoardTrace

    linted = {os.path.realpath(p) for p in given}  # never raises on a symlink loop
    roots: dict[Path, None] = {}
    for path in given:
        root = find_root(path)
        if root is not None:
            roots[root] = None

    def excluded(path: Path) -> bool:
        return config_of(path).excluded(path)

    for root in roots:
        boards, _problems = walk_boards(root, excluded)
        for path in boards:
            if os.path.realpath(path) in linted:
                continue
            config = config_of(path).for_file(path)
            file = display(path)
            text = read_source(path, file, config.limits)  # size limit, no pipes
            if not isinstance(text, str) or team_of_text(text, path) not in teams:
                continue
            board_trace = lint(config, file, text)
            if board_trace is not None:
                yield BoardTrace(
                    board_trace.file,
                    board_trace.team,
                    board_trace.cycle,
                    board_trace.key_results,
                    report=False,
                )
