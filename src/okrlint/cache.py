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
from pathlib import Path
from typing import Any

from pydantic_core import from_json

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
_FORMAT = "5"  # bump when the entry layout changes
_GENERATION = re.compile(r"^[0-9a-f]{16}$")
_FLUSH_EVERY = 500  # entries kept in memory before they are written


@dataclasses.dataclass(frozen=True, slots=True)
class CachedBoard:
    """What linting one board produced, short of its settings."""

    result: FileResult
    findings: tuple[Finding, ...]
    suppressions: tuple[Suppression, ...]
    trace: BoardTrace | None


# -- the codec: okrlint's records <-> JSON arrays -----------------------------------------
#
# An entry is one JSON array, ``[result, findings, suppressions, trace]``, and each record
# in it an array of its fields in the order of :data:`LAYOUT`: a span is its four
# numbers, a date its ISO text, an enum its value, and a record's ``file`` (always the
# board's own) is not stored. The decoder checks every value's type as it builds the
# record, so a damaged or planted entry is a miss, never a record of the wrong shape.

#: Each record's fields, in the order an entry lists them (tests check them against the
#: records' own fields: a field added to a record must be added here).
LAYOUT: dict[type[Any], tuple[str, ...]] = {
    FileResult: ("file", "errors", "source", "board"),
    InputError: ("kind", "message", "file", "span", "path", "hint"),
    BoardFacts: (
        "team",
        "cycle",
        "cycle_start",
        "objectives",
        "key_results",
        "kpis",
        "stretch",
        "progress_sum",
        "progress_count",
        "loaded",
    ),
    Finding: (
        "rule",
        "severity",
        "message",
        "file",
        "span",
        "path",
        "hint",
        "fingerprint",
        "node_line",
        "fix",
        "variant",
    ),
    Fix: ("description", "applicability", "action", "target", "values"),
    Suppression: ("kind", "rules", "line", "column", "reason"),
    BoardTrace: ("file", "team", "cycle", "key_results", "report", "objectives"),
    Cycle: ("label", "start", "end", "kind"),
    GoalTrace: ("path", "text", "key", "metric", "span", "subject"),
    ObjectiveTrace: ("path", "id", "parent", "span"),
}


class _Damaged(ValueError):
    """An entry that is not what this version of okrlint writes."""


def _own(file: str, record_file: str) -> None:
    if record_file != file:  # never so today; such a record is not cached, not lost
        raise _Damaged("a record of another file")


def _span_out(span: Span) -> tuple[int, int, int, int]:
    return (span.start.line, span.start.column, span.end.line, span.end.column)


def _encode(board: CachedBoard) -> list[Any]:
    result, trace = board.result, board.trace
    file = result.file
    errors = []
    for e in result.errors:
        _own(file, e.file)
        errors.append((e.kind, e.message, _span_out(e.span), e.path, e.hint))
    facts = result.board
    board_facts = None
    if facts is not None:
        board_facts = (
            facts.team,
            facts.cycle,
            facts.cycle_start,
            facts.objectives,
            facts.key_results,
            facts.kpis,
            facts.stretch,
            facts.progress_sum,
            facts.progress_count,
            facts.loaded,
        )
    findings = []
    for f in board.findings:
        _own(file, f.file)
        fix = f.fix
        findings.append(
            (
                f.rule,
                f.severity,
                f.message,
                _span_out(f.span),
                f.path,
                f.hint,
                f.fingerprint,
                f.node_line,
                None
                if fix is None
                else (fix.description, fix.applicability, fix.action, fix.target, fix.values),
                f.variant,
            )
        )
    suppressions = [(s.kind, s.rules, s.line, s.column, s.reason) for s in board.suppressions]
    traced = None
    if trace is not None:
        _own(file, trace.file)
        cycle = trace.cycle
        traced = (
            trace.team,
            (cycle.label, cycle.start.isoformat(), cycle.end.isoformat(), cycle.kind),
            [
                (g.path, g.text, g.key, g.metric, _span_out(g.span), g.subject)
                for g in trace.key_results
            ],
            trace.report,
            [(o.path, o.id, o.parent, _span_out(o.span)) for o in trace.objectives],
        )
    return [file, (errors, result.source, board_facts), findings, suppressions, traced]


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Damaged("expected an array")
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Damaged("expected a text")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    for item in _list(value):
        if type(item) is not str:
            raise _Damaged("expected texts")
    return tuple(value)


def _path(value: Any) -> tuple[str | int, ...]:
    if type(value) is not list:
        raise _Damaged("expected a node path")
    for item in value:
        if type(item) is not str and type(item) is not int:
            raise _Damaged("expected a node path")
    return tuple(value)


#: The spans decoded so far: boards share most of theirs (a key result's line and
#: columns), and a span found here needs neither its checks nor three new records.
_SPANS: dict[tuple[Any, ...], Span] = {}


def _span(value: Any) -> Span:
    key = tuple(_list(value))
    span = _SPANS.get(key)
    if span is not None:  # equal numbers: the same span (1.0 == 1 as a key, harmlessly)
        return span
    line, column, end_line, end_column = key
    if not (
        type(line) is int
        and type(column) is int
        and type(end_line) is int
        and type(end_column) is int
    ):
        raise _Damaged("expected a span")
    span = _SPANS[key] = Span(Position(line, column), Position(end_line, end_column))
    return span


def _optional_text(value: Any) -> str | None:
    if value is not None and type(value) is not str:
        raise _Damaged("expected a text or null")
    return value


_SEVERITIES = {s.value: s for s in Severity}
_APPLICABILITIES = {a.value: a for a in Applicability}
_ERROR_KINDS = {k.value: k for k in ErrorKind}


def _fix(value: Any) -> Fix:
    description, applicability, action, target, values = _list(value)
    pairs = []
    for pair in _list(values):
        name, text = _list(pair)
        pairs.append((_text(name), _text(text)))
    return Fix(
        _text(description),
        _APPLICABILITIES[applicability],
        _text(action),
        _path(target),
        tuple(pairs),
    )


def _finding(value: Any, file: str) -> Finding:
    rule, severity, message, span, path, hint, fingerprint, node_line, fix, variant = _list(value)
    if not (
        type(rule) is str
        and type(message) is str
        and type(hint) is str
        and type(fingerprint) is str
        and type(node_line) is int
    ):
        raise _Damaged("expected a finding")
    return Finding(
        rule,
        _SEVERITIES[severity],
        message,
        file,
        _span(span),
        _path(path),
        hint,
        fingerprint,
        node_line,
        None if fix is None else _fix(fix),
        _optional_text(variant),
    )


def _error(value: Any, file: str) -> InputError:
    kind, message, span, path, hint = _list(value)
    return InputError(
        _ERROR_KINDS[kind], _text(message), file, _span(span), _path(path), _text(hint)
    )


def _facts(value: Any) -> BoardFacts:
    team, cycle, start, objectives, key_results, kpis, stretch, total, count, loaded = _list(value)
    if not (
        type(objectives) is int
        and type(key_results) is int
        and type(kpis) is int
        and type(stretch) is int
        and type(total) is float
        and type(count) is int
        and type(loaded) is bool
    ):
        raise _Damaged("expected a board's facts")
    return BoardFacts(
        _text(team),
        _optional_text(cycle),
        _optional_text(start),
        objectives,
        key_results,
        kpis,
        stretch,
        total,
        count,
        loaded,
    )


def _suppression(value: Any) -> Suppression:
    kind, rules, line, column, reason = _list(value)
    if type(line) is not int or type(column) is not int:
        raise _Damaged("expected a suppression")
    return Suppression(_text(kind), _texts(rules), line, column, _text(reason))


def _goal(value: Any) -> GoalTrace:
    path, text, key, metric, span, subject = _list(value)
    if not (
        type(text) is str
        and type(key) is str
        and (metric is None or type(metric) is str)
        and type(subject) is str
    ):
        raise _Damaged("expected a key result's trace")
    return GoalTrace(_path(path), text, key, metric, _span(span), subject)


def _objective(value: Any) -> ObjectiveTrace:
    path, name, parent, span = _list(value)
    if type(name) is not str or type(parent) is not str:
        raise _Damaged("expected an objective's trace")
    return ObjectiveTrace(_path(path), name, parent, _span(span))


def _trace(value: Any, file: str) -> BoardTrace:
    team, cycle, goals, report, objectives = _list(value)
    label, start, end, kind = _list(cycle)
    if type(report) is not bool:
        raise _Damaged("expected a trace")
    return BoardTrace(
        file,
        _text(team),
        Cycle(
            _text(label),
            dt.date.fromisoformat(_text(start)),
            dt.date.fromisoformat(_text(end)),
            _text(kind),
        ),
        tuple([_goal(g) for g in _list(goals)]),
        report,
        tuple([_objective(o) for o in _list(objectives)]),
    )


def _decode(value: Any) -> CachedBoard:
    file, result, findings, suppressions, trace = _list(value)
    errors, source, facts = _list(result)
    _text(file)
    return CachedBoard(
        FileResult(
            file,
            tuple([_error(e, file) for e in _list(errors)]),
            _text(source),
            None if facts is None else _facts(facts),
        ),
        tuple([_finding(f, file) for f in _list(findings)]),
        tuple([_suppression(s) for s in _list(suppressions)]),
        None if trace is None else _trace(trace, file),
    )


def encode_entry(board: CachedBoard) -> str:
    """The entry of a board, as JSON text (ValueError: a record the codec cannot keep)."""
    return json.dumps(
        _encode(board), ensure_ascii=False, separators=(",", ":"), check_circular=False
    )


def decode_entry(text: str | bytes) -> CachedBoard | None:
    """The entry, or None when it is damaged or of another layout."""
    try:
        return _decode(from_json(text))
    except (ValueError, TypeError, KeyError, RecursionError):
        return None


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
