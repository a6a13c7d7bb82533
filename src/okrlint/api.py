"""The library's entry points: paths or text in, one :class:`LintResult` out.

Nothing here prints or exits; bad input comes back as values inside the result.

A run: discover the files (excludes, .gitignore) → for each file, its configuration
→ load → understand → rules (and custom rules) → inline suppressions; then the
cross-cycle rules over every board's trace (with the team's other boards from the
goals repository as read-only history) → the baseline, if any.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from okrlint.cache import CachedBoard, ResultCache
from okrlint.config import Config, Resolver
from okrlint.discovery import discover, display, walk_boards
from okrlint.engine import check_history, lint_board
from okrlint.errors import InputError
from okrlint.files import read_source
from okrlint.findings import BoardFacts, FileResult, Finding, LintResult, Severity
from okrlint.history import BoardTrace, History
from okrlint.policy import (
    UNKNOWN,
    UNUSED,
    Baseline,
    Suppression,
    apply_suppressions,
    parse_suppressions,
)
from okrlint.repository import find_root

if TYPE_CHECKING:  # the parser, the models and the reader load with the first board read
    from okrlint.loader import LoadedBoard

__all__: Sequence[str] = ("lint_paths", "lint_text")


@dataclass
class _Linted:
    """What a run keeps of one file until the cross-cycle rules and suppressions ran."""

    result: FileResult
    findings: list[Finding]
    config: Config
    suppressions: list[Suppression] = field(default_factory=list)


#: A file linted, and its board's trace for the cross-cycle rules (None without one).
Linted = tuple[_Linted, BoardTrace | None]


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
    linted = _Linted(result, findings, config, parse_suppressions(loaded.source))
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
    return _finish([linted], [], baseline, root=str(Path.cwd()), fail_on=config.fail_on)


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
    linted: list[_Linted] = [
        _Linted(FileResult(e.file, (e,)), [], config or Config()) for e in found.errors
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
        for extra in _team_history(traces, given_files, config_of, cache):
            traces.add(extra)
    if cache is not None:
        cache.flush()
    history_findings = check_history(traces, run_config) if traces.boards else []
    root = find_root(Path.cwd())
    return _finish(
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
    return _Linted(hit.result, list(hit.findings), config, list(hit.suppressions)), hit.trace


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

# The work of a forked worker: set before the pool starts, inherited by the children.
_WORK: tuple[list[Path], Callable[[Path], Config], ResultCache | None] | None = None


def _lint_chunk(bounds: tuple[int, int]) -> list[Linted]:
    assert _WORK is not None
    files, config_of, cache = _WORK
    done = [_lint_one(path, config_of, cache) for path in files[bounds[0] : bounds[1]]]
    if cache is not None:
        cache.flush()  # each worker writes the entries of the boards it linted
    return done


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
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    parallel = workers > 1 and total > 1 and (jobs is not None or total >= PARALLEL_THRESHOLD)
    if parallel:
        import multiprocessing  # only for large runs: it imports pickle, sockets, ...

        parallel = "fork" in multiprocessing.get_all_start_methods()
    if not parallel:
        for done, path in enumerate(files):
            if on_file is not None:
                on_file(done, total)
            yield _lint_one(path, config_of, cache)
        return
    global _WORK
    _WORK = (files, config_of, cache)
    try:
        # the parent lints the first chunk itself while the children do the rest
        size = -(-total // workers)
        bounds = [(k, min(k + size, total)) for k in range(0, total, size)]
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with context.Pool(len(bounds) - 1) as pool:
            pending = pool.map_async(_lint_chunk, bounds[1:])
            for done, path in enumerate(files[bounds[0][0] : bounds[0][1]]):
                if on_file is not None:
                    on_file(done, total)
                yield _lint_one(path, config_of, cache)
            for chunk in pending.get():
                yield from chunk
    finally:
        _WORK = None


def _finish(
    linted: list[_Linted],
    history_findings: list[Finding],
    baseline: Baseline | None,
    *,
    root: str,
    fail_on: Severity,
    notices: Sequence[str] = (),
) -> LintResult:
    """Apply suppressions file by file, then the baseline; build the result."""
    by_file: dict[str, list[Finding]] = {}
    for f in history_findings:
        by_file.setdefault(f.file, []).append(f)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for item in linted:
        findings = item.findings + by_file.get(item.result.file, [])
        if item.suppressions:
            outcome = apply_suppressions(
                item.result.file,
                findings,
                item.suppressions,
                known=item.config.known_ids(),
                enabled=(*item.config.rules(), *(r.id for r in item.config.custom_rules)),
                report_unused=item.config.enabled(UNUSED),
                report_unknown=item.config.enabled(UNKNOWN),
            )
            kept.extend(outcome.kept)
            kept.extend(outcome.reports)
            suppressed.extend(outcome.suppressed)
        else:
            kept.extend(findings)
    hidden = stale = 0
    if baseline is not None:
        kept, hidden, stale = baseline.filter(kept)
    kept.sort(key=Finding.sort_key)
    suppressed.sort(key=Finding.sort_key)
    files = sorted((item.result for item in linted), key=lambda r: r.file)
    return LintResult(
        files=tuple(files),
        findings=tuple(kept),
        notices=tuple(notices),
        root=root,
        suppressed=tuple(suppressed),
        baseline_hidden=hidden,
        baseline_stale=stale,
        fail_on=fail_on,
    )


# -- the goals repository as history ---------------------------------------------------

_BOARD_NAME = re.compile(r"^board:[ \t]*(.+?)[ \t]*(?:#.*)?$", re.MULTILINE)


def _team_of_text(text: str, path: Path) -> str:
    m = _BOARD_NAME.search(text)
    if m is None:
        return path.stem
    return m.group(1).strip().strip("'\"")


def _team_history(
    traces: History,
    given: Sequence[Path],
    config_of: Callable[[Path], Config],
    cache: ResultCache | None = None,
) -> Iterable[BoardTrace]:
    """Other boards of the linted teams under each repository root, read-only.

    A cheap scan reads each candidate's ``board:`` line (or its file name); only the
    boards of the teams in the run are loaded.
    """
    linted = {os.path.realpath(p) for p in given}  # never raises on a symlink loop
    teams = {t.team for t in traces.boards}
    roots: dict[Path, None] = {}
    for path in given:
        root = find_root(path)
        if root is not None:
            roots[root] = None
    for root in roots:
        config = config_of(root)
        boards, _problems = walk_boards(root, config.excluded)
        for path in boards:
            if os.path.realpath(path) in linted:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if _team_of_text(text, path) not in teams:
                continue
            if cache is not None:  # a full lint, kept for when the board itself is linted
                _linted, board_trace = _lint_cached(
                    text, display(path), config.for_file(path), cache
                )
            else:
                from okrlint.loader import load_text

                loaded = load_text(text, display(path), config.limits)
                _findings, board_trace = lint_board(loaded, config.for_file(path), rules=False)
            if board_trace is not None:
                yield BoardTrace(
                    board_trace.file,
                    board_trace.team,
                    board_trace.cycle,
                    board_trace.key_results,
                    report=False,
                )
