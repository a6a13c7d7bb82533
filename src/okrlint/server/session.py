"""The language server's core: a document's text and path in, the document linted out.

No protocol here (the adapter, :mod:`okrlint.server.lsp`, speaks it). A
:class:`Session` lints the text being typed as ``okrlint check`` would lint the file
holding it, with the library's own steps: the nearest configuration
(:class:`~okrlint.config.Resolver`, re-read when a configuration file changes), its
``exclude``/``include``, the inline suppressions and the baseline; and, for the
cross-cycle rules, the other boards of the document's goals repository, read from disk
(:class:`BoardIndex`: read once, each kept until its file changes).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from okrlint.api import board_trace, lint_text
from okrlint.config import Config, ConfigError, Resolver, forget_config_files
from okrlint.config_files import YAML_NAMES
from okrlint.errors import ErrorKind
from okrlint.files import read_source, too_big
from okrlint.findings import FileResult, LintResult
from okrlint.repository import discover, display, find_root
from okrlint.server.values import Encoding, TextIndex

if TYPE_CHECKING:
    from okrlint.history import BoardTrace
    from okrlint.policy import Baseline

#: Files whose change changes settings: every open board is linted again.
CONFIG_NAMES = frozenset((*YAML_NAMES, "pyproject.toml"))

#: (modification time in ns, size): a file unchanged since it was read.
Stamp = tuple[int, int]


def _stamp(path: Path) -> Stamp | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_mtime_ns, info.st_size


@dataclass(frozen=True)
class Settings:
    """The server's own settings (the client's ``initializationOptions``)."""

    debounce: float = 0.2  # seconds between the last keystroke and linting
    unsafe_fixes: bool = False  # "fix all" applies suggested fixes too

    @classmethod
    def from_options(cls, options: object) -> Settings:
        """Read ``{"debounce": 200, "unsafeFixes": false}`` (milliseconds); values of
        the wrong type are ignored."""
        if not isinstance(options, Mapping):
            return cls()
        debounce = options.get("debounce")
        unsafe = options.get("unsafeFixes")
        if not isinstance(debounce, int | float) or isinstance(debounce, bool):
            debounce = 200
        return cls(
            debounce=min(max(float(debounce), 0.0), 5000.0) / 1000,
            unsafe_fixes=unsafe if isinstance(unsafe, bool) else False,
        )


@dataclass(frozen=True)
class Linted:
    """One document linted: its text and where it lives, and what came of it.

    Exactly one of these holds: ``result`` (linted), ``problem`` (its settings cannot
    be read: a configuration or baseline error), ``crashed`` (a bug), ``skipped``
    (excluded by the settings, or no board at all: nothing to show).
    """

    path: Path
    text: str
    index: TextIndex
    result: LintResult | None = None
    config: Config | None = None
    problem: str = ""
    crashed: str = ""
    skipped: bool = False

    @property
    def file(self) -> str:
        return display(self.path)


@dataclass
class _Entry:
    stamp: Stamp
    config: Config
    trace: BoardTrace | None


@dataclass
class BoardIndex:
    """The boards of each goals repository on disk, for the cross-cycle rules.

    A repository's boards are found once (as ``okrlint check`` walks a folder:
    ``exclude``, ``include``, ``.gitignore``) and found again after a board file is
    created or deleted (:meth:`forget`); each board is read once and again only when
    its file changed (its time and size) or its settings did.
    """

    _walks: dict[Path, list[Path]] = field(default_factory=dict)
    _entries: dict[Path, _Entry] = field(default_factory=dict)

    def forget(self, path: Path | None = None, *, created_or_deleted: bool = False) -> None:
        """Forget one file (None: everything); a file created or deleted also
        changes which files each repository holds."""
        if path is None:
            self._walks.clear()
            self._entries.clear()
            return
        self._entries.pop(path, None)
        if created_or_deleted:
            self._walks.clear()

    def boards(self, root: Path, resolver: Resolver) -> list[Path]:
        if root not in self._walks:

            def config_of(path: Path) -> Config:
                return resolver.config_for(path)

            found = discover(
                [root],
                lambda p: config_of(p).excluded(p),
                included=lambda p: config_of(p).included(p),
            )
            self._walks[root] = [Path(os.path.abspath(p)) for p in found.files]
        return self._walks[root]

    def traces(self, root: Path, resolver: Resolver, skip: Path) -> Iterator[BoardTrace]:
        """The traces of the boards under ``root`` on disk, but ``skip``'s."""
        skipped = os.path.realpath(skip)
        try:
            paths = self.boards(root, resolver)
        except ConfigError:
            return  # a broken configuration elsewhere: the document's own lints alone
        for path in paths:
            if path == skip or os.path.realpath(path) == skipped:
                continue
            try:
                trace = self._trace(path, resolver)
            except ConfigError:
                continue
            if trace is not None:
                yield trace

    def _trace(self, path: Path, resolver: Resolver) -> BoardTrace | None:
        stamp = _stamp(path)
        if stamp is None:
            return None
        config = resolver.config_for(path).for_file(path)
        entry = self._entries.get(path)
        if entry is not None and entry.stamp == stamp and entry.config is config:
            return entry.trace
        text = read_source(path, display(path), config.limits)
        trace = board_trace(text, display(path), config) if isinstance(text, str) else None
        self._entries[path] = _Entry(stamp, config, trace)
        return trace


@dataclass
class _BaselineFile:
    stamp: Stamp | None
    baseline: Baseline


class Session:
    """What the server knows besides its open documents: settings, boards on disk."""

    def __init__(
        self, settings: Settings | None = None, encoding: Encoding = Encoding.UTF16
    ) -> None:
        self.settings = settings or Settings()
        self.encoding = encoding
        self.resolver = Resolver()
        self.boards = BoardIndex()
        self._baselines: dict[str, _BaselineFile] = {}

    # -- linting ------------------------------------------------------------------------

    def lint(self, path: Path, text: str) -> Linted:
        """Lint ``text`` as the board at ``path`` (absolute); never raises."""
        index = TextIndex(text, self.encoding)
        try:
            config = self.resolver.config_for(path).for_file(path)
            if config.excluded(path) or not config.included(path):
                return Linted(path, text, index, skipped=True)
            baseline = self._baseline(config)
        except ConfigError as exc:
            return Linted(path, text, index, problem=str(exc))
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > config.limits.max_file_size:  # as if read from disk: never parsed
            error = too_big(display(path), size, config.limits)
            result = LintResult((FileResult(display(path), (error,)),))
            return Linted(path, text, index, result, config)
        try:
            result = lint_text(
                text, display(path), config, baseline=baseline, history=self._history(path)
            )
        except Exception as exc:  # a bug must not end the server: it becomes a diagnostic
            return Linted(path, text, index, crashed=f"{type(exc).__name__}: {exc}")
        errors = [e for f in result.files for e in f.errors]
        if errors and all(e.kind is ErrorKind.NOT_A_BOARD for e in errors):
            return Linted(path, text, index, skipped=True)  # a YAML or Markdown file, no board
        return Linted(path, text, index, result=result, config=config)

    def _history(self, path: Path) -> Iterator[BoardTrace]:
        """The other boards of the document's goals repository (read lazily: only a
        board with a cycle asks for them)."""
        root = find_root(path)
        if root is not None:
            yield from self.boards.traces(root, self.resolver, path)

    def _baseline(self, config: Config) -> Baseline | None:
        """The baseline the document's configuration names, read again when it changed."""
        if not config.baseline:
            return None
        from okrlint.policy import Baseline, BaselineError

        stamp = _stamp(Path(config.baseline))
        known = self._baselines.get(config.baseline)
        if known is not None and known.stamp == stamp and stamp is not None:
            return known.baseline
        try:
            baseline = Baseline.read(config.baseline)
        except BaselineError as exc:
            raise ConfigError(f"{exc}; write one with okrlint check --write-baseline") from None
        self._baselines[config.baseline] = _BaselineFile(stamp, baseline)
        return baseline

    # -- files changing on disk ---------------------------------------------------------

    def files_changed(self, changes: Iterable[tuple[Path, str]]) -> bool:
        """Take note of files saved, created, changed or deleted (``"created"``,
        ``"changed"``, ``"deleted"``); True when open documents should be linted again
        (a board, a configuration or the baseline changed)."""
        relint = False
        for path, how in changes:
            path = Path(os.path.abspath(path))
            if path.name in CONFIG_NAMES:
                self.reset()
                return True
            self.boards.forget(path, created_or_deleted=how != "changed")
            relint = True
        return relint

    def reset(self) -> None:
        """Read every configuration and board again (a configuration changed)."""
        forget_config_files()
        self.resolver = Resolver()
        self.boards.forget()
        self._baselines.clear()
