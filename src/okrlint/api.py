"""The library's entry points: paths or text in, one :class:`LintResult` out.

Nothing here prints or exits; bad input comes back as values inside the result.

A run: discover the files (excludes, .gitignore) → for each file, its configuration
→ its text, read once (and, with a cache, hashed once: a hit stands for the rest) →
load → understand → rules (and custom rules); then the cross-cycle rules over every
board's trace (with the team's other boards from the goals repository as read-only
history, :mod:`okrlint.repository`) → each file's settings over the cross-cycle
findings in it, its inline suppressions, the baseline (:mod:`okrlint.policy`).
Large runs spread the files over processes (:mod:`okrlint.workers`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from okrlint.checks import HISTORY_CHECKS
from okrlint.config import Config, Resolver
from okrlint.cycles import parse_cycle_text
from okrlint.engine import check_history, lint_board
from okrlint.errors import ErrorKind, InputError
from okrlint.files import read_source
from okrlint.findings import BoardFacts, FileResult, Finding, LintResult
from okrlint.history import BoardTrace, History
from okrlint.policy import Baseline, LintedFile, baseline_scope, finish, parse_suppressions
from okrlint.repository import (
    HistoryLinter,
    cycle_of_text,
    discover,
    display,
    find_root,
    team_boards,
    team_of_text,
)

if TYPE_CHECKING:
    from okrlint.cache import CachedBoard, ResultCache  # only for runs with a cache
    from okrlint.loader import LoadedBoard  # with the parser, the models and the reader

__all__: Sequence[str] = ("board_trace", "lint_paths", "lint_text")

T = TypeVar("T")


#: A file linted, and its board's trace for the cross-cycle rules (None without one).
Linted = tuple[LintedFile, BoardTrace | None]


def _lint_loaded(loaded: LoadedBoard, config: Config) -> Linted:
    """Lint a loaded board; its result carries its text, for the reporters' source lines."""
    findings, board_trace = lint_board(loaded, config)
    facts = board_facts(loaded, config) or failed_board_facts(loaded, config)
    result = FileResult(loaded.file, tuple(loaded.errors), loaded.source, facts)
    linted = LintedFile(result, findings, config, parse_suppressions(loaded.source))
    return linted, board_trace


def _not_a_board(result: FileResult) -> bool:
    return bool(result.errors) and all(e.kind is ErrorKind.NOT_A_BOARD for e in result.errors)


def _skipped_notice(skipped: Sequence[str]) -> list[str]:
    if not skipped:
        return []
    many = len(skipped) > 1
    files = f"{len(skipped)} files that are not boards" if many else "1 file that is not a board"
    return [f"skipped {files} (--verbose lists them)"]


def board_facts(loaded: LoadedBoard, config: Config) -> BoardFacts | None:
    """Team, cycle and counts of a loaded board (for the health report)."""
    board = loaded.board
    if board is None:
        return None
    from okrlint.understanding.board import board_cycle, board_name

    cycle = board_cycle(board, config.fiscal_year)
    label = cycle.label if cycle is not None else None
    if label is None and board.cycle is not None:
        label = str(board.cycle)  # unreadable: shown as written, ordered last
    specs = [kr for o in board.objectives for kr in o.key_results if not isinstance(kr, str)]
    progress = [kr.progress for kr in specs if kr.progress is not None] or [
        o.progress for o in board.objectives if o.progress is not None
    ]
    return BoardFacts(
        team=board_name(board, loaded.file),
        cycle=label,
        cycle_start=cycle.start.isoformat() if cycle is not None else None,
        objectives=len(board.objectives),
        key_results=sum(len(o.key_results) for o in board.objectives),
        kpis=len(board.kpis),
        stretch=sum(1 for item in (*board.objectives, *specs) if item.stretch),
        progress_sum=float(sum(progress)),
        progress_count=len(progress),
    )


def failed_board_facts(loaded: LoadedBoard, config: Config) -> BoardFacts | None:
    """Where a board that failed to load belongs in the health report: the team and
    cycle its ``board:`` and ``cycle:`` lines name, else its file name and a cycle its
    path names (no counts). None for a file that is no board at all."""
    if loaded.board is not None or not loaded.errors:
        return None
    if all(e.kind is ErrorKind.NOT_A_BOARD for e in loaded.errors):
        return None
    path = Path(loaded.file)
    written = cycle_of_text(loaded.source, path)
    cycle = parse_cycle_text(written, config.fiscal_year) if written else None
    return BoardFacts(
        team=team_of_text(loaded.source, path),
        cycle=cycle.label if cycle is not None else written,
        cycle_start=cycle.start.isoformat() if cycle is not None else None,
        objectives=0,
        key_results=0,
        kpis=0,
        loaded=False,
    )


def lint_text(
    text: str,
    file: str = "<text>",
    config: Config | None = None,
    *,
    baseline: Baseline | None = None,
    history: Iterable[BoardTrace] = (),
) -> LintResult:
    """Lint one board given as text (``file`` names it in positions).

    ``history`` holds other boards' traces (:func:`board_trace`), read-only: with
    them the cross-cycle rules run over this board and them, and only this board's
    findings are reported (an editor lints the text being typed against the boards
    on disk this way).
    """
    from okrlint.loader import load_text

    config = config or Config()
    loaded = load_text(text, file, config.limits)
    linted, own_trace = _lint_loaded(loaded, config)
    traces = History()
    if own_trace is not None:
        traces.add(own_trace)
        for other in history:
            traces.add(replace(other, report=False) if other.report else other)
    cross = _cross_cycle_findings(traces, [linted]) if len(traces.boards) > 1 else []
    scope = baseline_scope([file], [linted.result]) if baseline is not None else None
    return finish(
        [linted], cross, baseline, root=str(Path.cwd()), fail_on=config.fail_on, scope=scope
    )


def board_trace(text: str, file: str, config: Config | None = None) -> BoardTrace | None:
    """What the cross-cycle rules need of a board (its team, cycle and goals), read
    from its text without running the board's rules; None without a cycle, or when
    the text is no board."""
    from okrlint.loader import load_text

    config = config or Config()
    _findings, trace = lint_board(load_text(text, file, config.limits), config, rules=False)
    return trace


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
    settings of its nearest configuration file (``resolver``, or a default one); every
    finding obeys the settings of the file it is in, the cross-cycle rules' too.
    With ``history``, for files given one by one, cross-cycle rules also read the other
    boards of their teams from the goals repository (read-only: their findings are not
    reported); a folder given is its own history. ``on_file`` is
    called with (files done, files in all) as the run goes (a progress bar).
    ``jobs`` spreads the files over processes (None: one per core for large runs);
    the result is the same, in the same order, whatever the number of jobs.
    With ``cache`` (see :mod:`okrlint.cache`), boards whose text and settings are
    unchanged are not read again; the result is the same. ``baseline`` hides the
    findings it holds; only its entries of files under ``paths`` that were linted can
    count as no longer occurring.
    """
    resolver = resolver or Resolver()
    paths = list(paths)

    def config_of(path: Path) -> Config:
        return config if config is not None else resolver.config_for(path)

    def excluded(path: Path) -> bool:
        return config_of(path).excluded(path)

    def included(path: Path) -> bool:
        return config_of(path).included(path)

    force = config.force_exclude if config is not None else resolver.cli.force_exclude
    found = discover(paths, excluded, force_exclude=force, included=included)
    linted: list[LintedFile] = [
        LintedFile(FileResult(e.file, (e,)), [], config or Config()) for e in found.errors
    ]
    traces = History()
    skipped: list[str] = []
    linted_files = _lint_files(found.files, config_of, on_file, jobs, cache)
    for path, (item, board_trace) in zip(found.files, linted_files, strict=True):
        if path in found.walked and _not_a_board(item.result):
            skipped.append(item.result.file)  # a docker-compose.yml in a folder walk
            continue
        linted.append(item)
        traces.add(board_trace)
    given_files = [Path(p) for p in paths if not Path(p).is_dir()]
    if history and traces.boards and given_files:
        # files given one by one (pre-commit passes the changed ones): read the rest of
        # their teams' boards from the repository; a folder given is its own history
        teams = {t.team for t in traces.boards}
        for extra in team_boards(teams, given_files, config_of, _history_linter(cache)):
            traces.add(extra)
    if cache is not None:
        cache.flush()
    root = find_root(Path.cwd())
    run_config = config if config is not None else resolver.config_for(Path.cwd())
    return finish(
        linted,
        _cross_cycle_findings(traces, linted) if traces.boards else [],
        baseline,
        root=str(root or Path.cwd()),
        fail_on=run_config.fail_on,
        notices=[*found.notices, *_skipped_notice(skipped)],
        skipped=skipped,
        scope=baseline_scope(paths, (i.result for i in linted)) if baseline is not None else None,
    )


# a NamedTuple: every run defines it at start-up, at a third of a frozen dataclass's cost
class _Source(NamedTuple):
    """A board file read (once): its settings, its name in positions, its text or why it
    cannot be read, and with a cache its entry's key (the text hashed once)."""

    config: Config
    file: str
    text: str | InputError
    key: str = ""


def _read(
    path: Path, config_of: Callable[[Path], Config], cache: ResultCache | None = None
) -> _Source:
    """Read a file (the only read of it in a run), with its settings and cache key."""
    config = config_of(path).for_file(path)
    file = display(path)
    text = read_source(path, file, config.limits)
    if cache is None or isinstance(text, InputError):
        return _Source(config, file, text)  # an unreadable file is never cached
    return _Source(config, file, text, cache.key(file, text, config))


def _lint_source(source: _Source, cache: ResultCache | None = None) -> Linted:
    """Lint a file read. With ``cache`` (it was looked up already), what linting finds is
    kept, without the text: an entry stands for a text the run has read anyway."""
    from okrlint.loader import LoadedBoard, load_text

    config, text = source.config, source.text
    if isinstance(text, InputError):
        return _lint_loaded(LoadedBoard(file=source.file, errors=[text]), config)
    linted, board_trace = _lint_loaded(load_text(text, source.file, config.limits), config)
    if cache is not None and source.key:
        from okrlint.cache import CachedBoard

        entry = CachedBoard(
            replace(linted.result, source=""),
            tuple(linted.findings),
            tuple(linted.suppressions),
            board_trace,
        )
        cache.put(source.key, entry)
    return linted, board_trace


def _lint_one(path: Path, config_of: Callable[[Path], Config]) -> Linted:
    """Read and lint one file."""
    return _lint_source(_read(path, config_of))


def _from_cache(hit: CachedBoard, source: _Source) -> Linted:
    """A cache entry as a linted file, with the text just read (entries hold none)."""
    assert isinstance(source.text, str)
    result = replace(hit.result, source=source.text)
    return LintedFile(result, list(hit.findings), source.config, list(hit.suppressions)), hit.trace


#: Files per process below which a run stays in one process (forking costs more).
PARALLEL_THRESHOLD = 100


def _lint_files(
    files: list[Path],
    config_of: Callable[[Path], Config],
    on_file: Callable[[int, int], None] | None,
    jobs: int | None,
    cache: ResultCache | None = None,
) -> Iterable[Linted]:
    """Lint each file, in order. Without a cache, each file is read where it is linted
    (in a worker, for a parallel run). With one, each is read and hashed here, once:
    the boards found in the cache are taken here (a hit costs less than sending it
    back from a worker); the rest are linted from the text read."""
    if cache is None:
        yield from _lint_afresh(files, lambda path: _lint_one(path, config_of), on_file, jobs)
        return
    sources = [_read(path, config_of, cache) for path in files]
    hits = [cache.get(s.key) if s.key else None for s in sources]
    misses = [s for s, hit in zip(sources, hits, strict=True) if hit is None]
    fresh = iter(_lint_afresh(misses, lambda s: _lint_source(s, cache), on_file, jobs, cache.flush))
    for source, hit in zip(sources, hits, strict=True):
        yield _from_cache(hit, source) if hit is not None else next(fresh)


def _lint_afresh(
    items: Sequence[T],
    lint: Callable[[T], Linted],
    on_file: Callable[[int, int], None] | None,
    jobs: int | None,
    after_chunk: Callable[[], None] | None = None,
) -> Iterable[Linted]:
    """``lint`` each item, in order; across processes when there are many (fork only:
    the children inherit the items). ``after_chunk`` runs in each worker at its end."""
    import os

    total = len(items)
    processes = jobs if jobs is not None else (os.cpu_count() or 1)
    if processes > 1 and total > 1 and (jobs is not None or total >= PARALLEL_THRESHOLD):
        from okrlint import workers  # only for large runs: it imports multiprocessing

        if workers.can_fork():
            yield from workers.lint_forked(items, lint, processes, on_file, after_chunk)
            return
    for done, item in enumerate(items):
        if on_file is not None:
            on_file(done, total)
        yield lint(item)


#: A rule's options as a key: (name, value) pairs in name order.
_Options = tuple[tuple[str, Any], ...]


def _cross_cycle_findings(traces: History, linted: Sequence[LintedFile]) -> list[Finding]:
    """The cross-cycle rules' findings, each made with the options of the file it lands in.

    A rule runs once for each set of its options among the files that run it (nearly
    always one set); its findings go to the files linted with that set. Whether each is
    reported, and how severe it is, the file's own settings say (policy.finish).
    """
    findings: list[Finding] = []
    for rule_id in HISTORY_CHECKS:
        files_by_options: dict[_Options, set[str]] = {}
        known: dict[int, _Options | None] = {}  # files share their settings objects
        for item in linted:
            if id(item.config) not in known:
                known[id(item.config)] = _options_if_run(item.config, rule_id)
            options = known[id(item.config)]
            if options is not None:
                files_by_options.setdefault(options, set()).add(item.result.file)
        for options, files in files_by_options.items():
            only = Config(select=(rule_id,), rule_options={rule_id: dict(options)})
            findings.extend(f for f in check_history(traces, only) if f.file in files)
    return findings


def _options_if_run(config: Config, rule_id: str) -> _Options | None:
    """The rule's options in these settings, or None when they do not run it."""
    if not config.enabled(rule_id):
        return None
    return tuple(sorted(config.options_for(rule_id).items()))


def _history_linter(cache: ResultCache | None) -> HistoryLinter:
    """How a board read as history is linted: in full through the cache (kept for when
    the board itself is linted), else only as far as its trace."""

    def lint(config: Config, file: str, text: str) -> BoardTrace | None:
        if cache is not None:
            source = _Source(config, file, text, cache.key(file, text, config))
            hit = cache.get(source.key)
            return hit.trace if hit is not None else _lint_source(source, cache)[1]
        return board_trace(text, file, config)

    return lint
