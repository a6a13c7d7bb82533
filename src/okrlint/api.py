"""The library's entry points: paths or text in, one :class:`LintResult` out.

Nothing here prints or exits; bad input comes back as values inside the result.

A run: discover the files (excludes, .gitignore) → for each file, its configuration
→ load → understand → rules (and custom rules) → inline suppressions; then the
cross-cycle rules over every board's trace (with the team's other boards from the
goals repository as read-only history) → the baseline, if any.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from okrlint.cache import CachedBoard, ResultCache
from okrlint.config import Config, Resolver
from okrlint.discovery import discover, display
from okrlint.engine import check_history, lint_board
from okrlint.errors import InputError
from okrlint.files import read_source
from okrlint.findings import BoardFacts, FileResult, LintResult
from okrlint.history import BoardTrace, History
from okrlint.policy import Baseline, LintedFile, finish, parse_suppressions
from okrlint.repository import HistoryLinter, find_root, team_boards

if TYPE_CHECKING:  # the parser, the models and the reader load with the first board read
    from okrlint.loader import LoadedBoard

__all__: Sequence[str] = ("lint_paths", "lint_text")


#: A file linted, and its board's trace for the cross-cycle rules (None without one).
Linted = tuple[LintedFile, BoardTrace | None]


def _lint_loaded(loaded: LoadedBoard, config: Config, keep_source: bool = False) -> Linted:
    """Lint a loaded board. Its text is kept only when asked (text given directly): a
    large run must not hold every file's text; reporters read files from disk."""
    findings, board_trace = lint_board(loaded, config)
    result = FileResult(
        loaded.file,
        tuple(loaded.errors),
        loaded.source if keep_source else "",
        board_facts(loaded),
    )
    linted = LintedFile(result, findings, config, parse_suppressions(loaded.source))
    return linted, board_trace


def board_facts(loaded: LoadedBoard) -> BoardFacts | None:
    """Team, cycle and counts of a loaded board (for the health report)."""
    board = loaded.board
    if board is None:
        return None
    from okrlint.understanding.board import board_cycle, board_name

    cycle = board_cycle(board)
    label = cycle.label if cycle is not None else None
    if label is None and board.cycle is not None:
        label = str(board.cycle)  # unreadable: shown as written, ordered last
    return BoardFacts(
        team=board_name(board, loaded.file),
        cycle=label,
        cycle_start=cycle.start.isoformat() if cycle is not None else None,
        objectives=len(board.objectives),
        key_results=sum(len(o.key_results) for o in board.objectives),
        kpis=len(board.kpis),
    )


def lint_text(
    text: str,
    file: str = "<text>",
    config: Config | None = None,
    *,
    baseline: Baseline | None = None,
) -> LintResult:
    """Lint one board given as text (``file`` names it in positions)."""
    from okrlint.loader import load_text

    config = config or Config()
    loaded = load_text(text, file, config.limits)
    linted, _trace = _lint_loaded(loaded, config, keep_source=True)
    return finish([linted], [], baseline, root=str(Path.cwd()), fail_on=config.fail_on)


def lint_paths(
    paths: Iterable[str | Path],
    config: Config | None = None,
    *,
    resolver: Resolver | None = None,
    baseline: Baseline | None = None,
    history: bool = True,
    on_file: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
    cache: ResultCache | None = None,
) -> LintResult:
    """Lint board files and folders (folders are walked for ``*.yaml``/``*.yml``).

    With ``config``, every file is linted with it; otherwise each file gets the
    settings of its nearest configuration file (``resolver``, or a default one).
    With ``history``, for files given one by one, cross-cycle rules also read the other
    boards of their teams from the goals repository (read-only: their findings are not
    reported); a folder given is its own history. ``on_file`` is
    called with (files done, files in all) as the run goes (a progress bar).
    ``jobs`` spreads the files over processes (None: one per core for large runs);
    the result is the same, in the same order, whatever the number of jobs.
    With ``cache`` (see :mod:`okrlint.cache`), boards whose text and settings are
    unchanged are not read again; the result is the same.
    """
    resolver = resolver or Resolver()
    paths = list(paths)

    def config_of(path: Path) -> Config:
        return config if config is not None else resolver.config_for(path)

    def excluded(path: Path) -> bool:
        return config_of(path).excluded(path)

    force = config.force_exclude if config is not None else resolver.cli.force_exclude
    found = discover(paths, excluded, force_exclude=force)
    linted: list[LintedFile] = [
        LintedFile(FileResult(e.file, (e,)), [], config or Config()) for e in found.errors
    ]
    traces = History()
    for item, board_trace in _lint_files(found.files, config_of, on_file, jobs, cache):
        linted.append(item)
        traces.add(board_trace)
    run_config = config if config is not None else resolver.config_for(Path.cwd())
    given_files = [Path(p) for p in paths if not Path(p).is_dir()]
    if history and traces.boards and given_files:
        # files given one by one (pre-commit passes the changed ones): read the rest of
        # their teams' boards from the repository; a folder given is its own history
        teams = {t.team for t in traces.boards}
        for extra in team_boards(teams, given_files, config_of, _history_linter(cache)):
            traces.add(extra)
    if cache is not None:
        cache.flush()
    history_findings = check_history(traces, run_config) if traces.boards else []
    root = find_root(Path.cwd())
    return finish(
        linted,
        history_findings,
        baseline,
        root=str(root or Path.cwd()),
        fail_on=run_config.fail_on,
        notices=found.notices,
    )


def _read(path: Path, config_of: Callable[[Path], Config]) -> tuple[Config, str, str | InputError]:
    """A file's settings, its name in positions, and its text (or why it cannot be read)."""
    config = config_of(path).for_file(path)
    file = display(path)
    return config, file, read_source(path, file, config.limits)


def _lint_one(
    path: Path, config_of: Callable[[Path], Config], cache: ResultCache | None = None
) -> Linted:
    """Lint one file. With ``cache`` (the file was looked up in it already), what linting
    finds is kept."""
    from okrlint.loader import LoadedBoard, load_text

    config, file, source = _read(path, config_of)
    if isinstance(source, InputError):
        return _lint_loaded(LoadedBoard(file=file, errors=[source]), config)
    if cache is None:
        return _lint_loaded(load_text(source, file, config.limits), config)
    return _lint_cached(source, file, config, cache, lookup=False)


def _cached(path: Path, config_of: Callable[[Path], Config], cache: ResultCache) -> Linted | None:
    """The file's entry in the cache, or None (unreadable files are never cached)."""
    config, file, source = _read(path, config_of)
    if isinstance(source, InputError):
        return None
    hit = cache.get(cache.key(file, source, config))
    return None if hit is None else _from_cache(hit, config)


def _from_cache(hit: CachedBoard, config: Config) -> Linted:
    return LintedFile(hit.result, list(hit.findings), config, list(hit.suppressions)), hit.trace


def _lint_cached(
    source: str, file: str, config: Config, cache: ResultCache, lookup: bool = True
) -> Linted:
    """Lint board text through the cache: an entry for the same name, text and settings
    stands for the linting."""
    key = cache.key(file, source, config)
    hit = cache.get(key) if lookup else None
    if hit is not None:
        return _from_cache(hit, config)
    from okrlint.loader import load_text

    linted, board_trace = _lint_loaded(load_text(source, file, config.limits), config)
    cache.put(
        key,
        CachedBoard(linted.result, tuple(linted.findings), tuple(linted.suppressions), board_trace),
    )
    return linted, board_trace


#: Files per process below which a run stays in one process (forking costs more).
PARALLEL_THRESHOLD = 100


def _lint_files(
    files: list[Path],
    config_of: Callable[[Path], Config],
    on_file: Callable[[int, int], None] | None,
    jobs: int | None,
    cache: ResultCache | None = None,
) -> Iterable[Linted]:
    """Lint each file, in order. With a cache, the boards found in it are taken here
    (a hit costs less than sending it back from a worker); the rest are linted."""
    if cache is None:
        yield from _lint_afresh(files, config_of, on_file, jobs, None)
        return
    hits = [_cached(path, config_of, cache) for path in files]
    misses = [path for path, hit in zip(files, hits, strict=True) if hit is None]
    fresh = iter(_lint_afresh(misses, config_of, on_file, jobs, cache))
    for hit in hits:
        yield hit if hit is not None else next(fresh)


def _lint_afresh(
    files: list[Path],
    config_of: Callable[[Path], Config],
    on_file: Callable[[int, int], None] | None,
    jobs: int | None,
    cache: ResultCache | None,
) -> Iterable[Linted]:
    """Lint each file, in order; across processes when there are many (fork only).
    With a cache, what is found is kept (the files were looked up already)."""
    import os

    total = len(files)
    processes = jobs if jobs is not None else (os.cpu_count() or 1)
    if processes > 1 and total > 1 and (jobs is not None or total >= PARALLEL_THRESHOLD):
        from okrlint import workers  # only for large runs: it imports multiprocessing

        if workers.can_fork():
            yield from workers.lint_forked(
                files,
                lambda path: _lint_one(path, config_of, cache),
                processes,
                on_file,
                after_chunk=cache.flush if cache is not None else None,
            )
            return
    for done, path in enumerate(files):
        if on_file is not None:
            on_file(done, total)
        yield _lint_one(path, config_of, cache)


def _history_linter(cache: ResultCache | None) -> HistoryLinter:
    """How a board read as history is linted: in full through the cache (kept for when
    the board itself is linted), else only as far as its trace."""

    def lint(config: Config, file: str, text: str) -> BoardTrace | None:
        if cache is not None:
            _linted, board_trace = _lint_cached(text, file, config, cache)
            return board_trace
        from okrlint.loader import load_text

        loaded = load_text(text, file, config.limits)
        _findings, board_trace = lint_board(loaded, config, rules=False)
        return board_trace

    return lint
