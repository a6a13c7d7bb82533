"""The goals repository: which files are boards, its root, and a team's boards in it.

From the paths a user gave to the board files to lint, in a stable order: folders are
walked for ``*.yaml`` and ``*.yml`` in sorted path order, skipping hidden files and
folders, paths matched by the configuration's ``exclude`` patterns, and paths ignored
by ``.gitignore`` files (gitignore semantics, read with ``pathspec``). Paths given
explicitly are always linted, unless ``--force-exclude``.

The root is the git work tree that holds the files, else the folder of the nearest
okrlint configuration; outside both, there is no root (only the files given are
compared). It is found by looking for marker files, without running git; so is the
commit checked out (:func:`head_commit`, for the health report).

When only some boards are linted (pre-commit hands over the changed files), the
cross-cycle rules still need each team's other boards: :func:`team_boards` finds them
under the root and has them linted as read-only history.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrlint.config_files import find_config_file
from okrlint.cycles import find_cycle
from okrlint.errors import ErrorKind, InputError, describe_os_error, describe_special_file
from okrlint.files import BOARD_SUFFIXES

if TYPE_CHECKING:
    from okrlint.config import Config
    from okrlint.history import BoardTrace

# -- which files are boards -------------------------------------------------------------


#: Says whether a path is excluded by the configuration that applies to it.
Excluder = Callable[[Path], bool]


@dataclass(slots=True)
class Discovery:
    """The files to lint, the paths that could not be used, and notices for the user."""

    files: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    excluded: int = 0  # paths given explicitly and skipped by --force-exclude
    #: files found by walking a folder (or named with --force-exclude): one that is
    #: YAML but no board is skipped, not an error
    walked: set[Path] = field(default_factory=set)


def _hidden(name: str) -> bool:
    return name.startswith(".") and name not in (".", "..")


def display(path: Path) -> str:
    """How a path is shown: as given, with forward slashes."""
    return path.as_posix()


class GitIgnores:
    """The ``.gitignore`` files that apply under a folder, read once each."""

    def __init__(self) -> None:
        self._specs: dict[Path, Any] = {}
        # (folder, top) -> the (folder, spec) pairs of the .gitignore files that apply
        self._chains: dict[tuple[Path, Path], tuple[tuple[Path, Any], ...]] = {}

    def _spec(self, folder: Path) -> Any:
        if folder not in self._specs:
            spec = None
            ignore = folder / ".gitignore"
            if _is_regular_file(ignore):  # not a pipe; no error for a folder out of reach
                import pathspec

                try:
                    lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._specs[folder] = spec
        return self._specs[folder]

    def _applicable(self, folder: Path, top: Path) -> tuple[tuple[Path, Any], ...]:
        """The .gitignore files (folder, spec) from ``folder`` up to ``top`` (or the root).

        Kept per folder, built from its parent's: asking for every path of a deep
        folder tree costs one step per folder, not one per ancestor of each path.
        """
        climb: list[Path] = []
        chain: tuple[tuple[Path, Any], ...] = ()
        current = folder
        while True:
            known = self._chains.get((current, top))
            if known is not None:
                chain = known
                break
            climb.append(current)
            if current == top or current.parent == current:
                break
            current = current.parent
        for step in reversed(climb):
            spec = self._spec(step)
            if spec is not None:
                chain = ((step, spec), *chain)
            self._chains[(step, top)] = chain
        return chain

    def any_in(self, folder: Path, top: Path) -> bool:
        """Does a .gitignore between ``top`` and ``folder`` apply to its entries?"""
        return bool(self._applicable(Path(os.path.abspath(folder)), top))

    def ignored(self, path: Path, top: Path) -> bool:
        """Is ``path`` ignored by a .gitignore between ``top`` and its own folder?"""
        path = Path(os.path.abspath(path))
        applicable = self._applicable(path.parent, top)
        if not applicable:  # no .gitignore on the way: no need to look at the path
            return False
        is_dir = _is_folder(path)
        for folder, spec in applicable:
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            if spec.match_file(rel):
                return True
        return False


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # missing, out of reach (no permission), a symlink loop...
        return False


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def walk_boards(
    folder: Path,
    excluded: Excluder | None = None,
    gitignores: GitIgnores | None = None,
    top: Path | None = None,
    included: Excluder | None = None,
) -> tuple[list[Path], list[InputError]]:
    """Board files under ``folder`` in sorted path order, and what could not be used:
    folders that could not be read, and board-named entries that are no regular file.
    ``included`` says which files are read (default: ``*.yaml``, ``*.yml``)."""
    found: list[Path] = []
    problems: list[InputError] = []
    top = Path(os.path.abspath(top or folder))

    def skip(path: Path, gitignored: bool) -> bool:
        if excluded is not None and excluded(path):
            return True
        return gitignored and gitignores is not None and gitignores.ignored(path, top)

    def on_error(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        problems.append(
            InputError(
                ErrorKind.IO_ERROR,
                f"cannot read this folder: {exc.strerror or type(exc).__name__}",
                display(where),
            )
        )

    # A loop over a stack, not os.walk: Python 3.11's os.walk recurses, and a folder
    # tree a thousand levels deep (easy to commit) ended the run in a RecursionError.
    pending = [folder]
    while pending:
        base = pending.pop()
        try:
            with os.scandir(base) as scan:
                entries = list(scan)
        except OSError as exc:
            on_error(exc)
            continue
        # asked once per folder: is there a .gitignore to match its entries against?
        gitignored = gitignores is not None and gitignores.any_in(base, top)
        for entry in entries:
            name, path = entry.name, base / entry.name
            if _hidden(name):
                continue
            if _entry_is(entry, "dir"):
                # symlinked folders are not followed (they may loop)
                if not _entry_is(entry, "symlink") and not skip(path, gitignored):
                    pending.append(path)
            elif (
                included(path) if included is not None else name.lower().endswith(BOARD_SUFFIXES)
            ) and not skip(path, gitignored):
                # a regular file is known from the folder listing, without a stat
                problem = None if _entry_is(entry, "file") else _not_a_file(path)
                if problem is None:
                    found.append(path)
                else:
                    problems.append(problem)
    found.sort(key=lambda p: p.parts)
    problems.sort(key=lambda e: Path(e.file).parts)
    return found, problems


def _entry_is(entry: os.DirEntry[str], kind: str) -> bool:
    """``entry.is_dir()``, ``is_file()`` or ``is_symlink()``, False when it cannot tell."""
    try:
        if kind == "dir":
            return entry.is_dir()
        if kind == "file":
            return entry.is_file()
        return entry.is_symlink()
    except OSError:  # no permission to look, a symbolic link loop...
        return False


def _not_a_file(path: Path) -> InputError | None:
    """Why a board-named entry of a folder is no file to read, or None when it is one.

    A named pipe, a socket, a device, a symbolic link loop or a link to nothing is
    reported here, never handed on: whoever reads the files found (the lint run, or
    the team-history scan of the goals repository) must not block on a pipe.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return InputError(ErrorKind.IO_ERROR, describe_os_error(exc, path), display(path))
    if stat.S_ISREG(mode):
        return None
    return InputError(ErrorKind.IO_ERROR, describe_special_file(mode), display(path))


def discover(
    paths: Iterable[str | Path],
    excluded: Excluder | None = None,
    *,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    included: Excluder | None = None,
) -> Discovery:
    """Expand files and folders into board files; a path given twice is linted once."""
    out = Discovery()
    seen: set[str] = set()
    gitignores = GitIgnores() if respect_gitignore else None

    def add(path: Path, walked: bool = False) -> None:
        key = os.path.normpath(str(path))
        if key not in seen:
            seen.add(key)
            out.files.append(path)
            if walked:
                out.walked.add(path)

    for raw in paths:
        try:
            path = Path(raw)
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except (OSError, ValueError) as exc:  # a name too long, a NUL byte
            out.errors.append(
                InputError(ErrorKind.IO_ERROR, f"not a usable path ({exc})", str(raw))
            )
            continue
        if not exists:
            key = "missing:" + os.path.normpath(str(path))
            if key not in seen:
                seen.add(key)
                out.errors.append(
                    InputError(ErrorKind.IO_ERROR, "no such file or folder", display(path))
                )
            continue
        if force_exclude and excluded is not None and excluded(path):
            out.excluded += 1
            continue
        if is_dir:
            boards, problems = walk_boards(path, excluded, gitignores, _git_top(path), included)
            out.errors.extend(problems)
            if not boards and not problems:
                out.notices.append(
                    f"{display(path)}: no board files (*.yaml, *.yml, *.md) found here"
                )
            for board in boards:
                add(board, walked=True)
        else:
            add(path, walked=force_exclude)  # pre-commit names every changed file
    return out


def _git_top(path: Path) -> Path:
    """The highest folder whose .gitignore files apply: the git work tree, else ``path``."""

    root = git_root(path)
    return root if root is not None else Path(os.path.abspath(path))


# -- the root and a team's other boards ---------------------------------------------

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


_HASH = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")
SHORT_HASH = 7


def head_commit(path: str | Path) -> str | None:
    """The short hash of the commit checked out in the git work tree holding ``path``.

    Read from ``.git`` itself (a linked work tree's ``.git`` file, loose and packed
    refs, a detached HEAD), so git need not be installed; else git is asked, when it
    is there. None outside a git repository, on an unborn branch, or when neither can
    tell.
    """
    top = git_root(path)
    if top is None:
        return None
    full = _read_head(top / ".git") or _ask_git(top)
    return full[:SHORT_HASH] if full else None


def _read_head(dot_git: Path) -> str | None:
    try:
        git_dir = dot_git
        if dot_git.is_file():  # a linked work tree or a submodule: "gitdir: <path>"
            pointer = dot_git.read_text(encoding="utf-8").strip()
            if not pointer.startswith("gitdir:"):
                return None
            git_dir = dot_git.parent / pointer.removeprefix("gitdir:").strip()
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
        if _HASH.fullmatch(head):
            return head  # detached
        if not head.startswith("ref:"):
            return None
        ref = head.removeprefix("ref:").strip()
        common = git_dir
        if (git_dir / "commondir").is_file():
            common = git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip()
        for base in (git_dir, common):
            loose = base / ref
            if loose.is_file():
                value = loose.read_text(encoding="utf-8").strip()
                return value if _HASH.fullmatch(value) else None
        packed = common / "packed-refs"
        if packed.is_file():
            for line in packed.read_text(encoding="utf-8").splitlines():
                value, _, name = line.partition(" ")
                if name.strip() == ref and _HASH.fullmatch(value):
                    return value
    except (OSError, UnicodeDecodeError):
        pass
    return None


def _ask_git(top: Path) -> str | None:
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(
            [git, "-C", str(top), "rev-parse", "--verify", "--quiet", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = done.stdout.strip()
    return value if done.returncode == 0 and _HASH.fullmatch(value) else None


# -- a team's other boards ---------------------------------------------------------------

_BOARD_NAME = re.compile(r"^board:[ \t]*(.+?)[ \t]*(?:#.*)?$", re.MULTILINE)


def team_of_text(text: str, path: Path) -> str:
    """A board's team from its text without parsing it: its ``board:`` line, else its
    file name (the cross-cycle rules group boards the same way)."""
    m = _BOARD_NAME.search(text)
    if m is None:
        return path.stem
    return m.group(1).strip().strip("'\"")


_CYCLE_LINE = re.compile(r"^cycle:[ \t]*(.+?)[ \t]*(?:#.*)?$", re.MULTILINE)


def cycle_of_text(text: str, path: Path) -> str | None:
    """A board's cycle as written, without parsing it: its top-level ``cycle:`` line,
    else a cycle its path names (``goals/2026-Q3/growth.yaml``); None without either."""
    m = _CYCLE_LINE.search(text)
    if m is not None:
        value = m.group(1).strip().strip("'\"")
        if value and value[0] not in "{[&*|>":
            return value
    found = find_cycle(path.as_posix())
    return found.group() if found is not None else None


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
