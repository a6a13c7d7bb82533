"""Result-cache entries: okrlint's records as JSON arrays, and back.

An entry is one JSON array, ``[file, result, findings, suppressions, trace]``, and
each record in it an array of its fields in the order of :data:`LAYOUT`: a span is
four numbers in line in its record, a date its ISO text, an enum its value, and a
record's ``file`` (always the board's own) is written once, first. The decoder checks
every value's type as it builds the record, so a damaged or planted entry is a miss,
never a record of the wrong shape, and nothing in an entry can run code (no pickle).
Decoding is most of what a warm run does per board: it builds records without a
per-object hook, and shares the spans and node paths that boards have in common.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NamedTuple

from pydantic_core import from_json

from okrlint.cycles import Cycle
from okrlint.errors import ErrorKind, InputError
from okrlint.findings import Applicability, BoardFacts, FileResult, Finding, Fix, Severity
from okrlint.history import BoardTrace, GoalTrace, ObjectiveTrace
from okrlint.policy import Suppression
from okrlint.positions import Position, Span

__all__ = ["FORMAT", "LAYOUT", "CachedBoard", "decode_entry", "encode_entry"]

#: The entries' format: part of the cache's generation, so bump it when the layout changes.
FORMAT = "5"


# a NamedTuple: every run defines it at start-up, at a third of a frozen dataclass's cost
class CachedBoard(NamedTuple):
    """What linting one board produced, short of its settings."""

    result: FileResult
    findings: tuple[Finding, ...]
    suppressions: tuple[Suppression, ...]
    trace: BoardTrace | None


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


def _encode(board: CachedBoard) -> list[Any]:
    result, trace = board.result, board.trace
    file = result.file
    errors = []
    for e in result.errors:
        _own(file, e.file)
        start, end = e.span.start, e.span.end
        errors.append(
            (e.kind, e.message, start.line, start.column, end.line, end.column, e.path, e.hint)
        )
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
        start, end = f.span.start, f.span.end
        findings.append(
            (
                f.rule,
                f.severity,
                f.message,
                start.line,
                start.column,
                end.line,
                end.column,
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
        goals = []
        for g in trace.key_results:
            start, end = g.span.start, g.span.end
            goals.append(
                (
                    g.path,
                    g.text,
                    g.key,
                    g.metric,
                    start.line,
                    start.column,
                    end.line,
                    end.column,
                    g.subject,
                )
            )
        objectives = []
        for o in trace.objectives:
            start, end = o.span.start, o.span.end
            objectives.append(
                (o.path, o.id, o.parent, start.line, start.column, end.line, end.column)
            )
        traced = (
            trace.team,
            (cycle.label, cycle.start.isoformat(), cycle.end.isoformat(), cycle.kind),
            goals,
            trace.report,
            objectives,
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


# Boards share most of their spans (a key result's line and columns) and node paths
# (objectives[0].key_results[1]): each is checked and made once, then shared (records
# are immutable). Equal numbers make the same key (1.0 == 1), which is harmless.
_SPANS: dict[tuple[Any, ...], Span] = {}
_PATHS: dict[tuple[Any, ...], tuple[str | int, ...]] = {}
_SHARED_MAX = 1 << 16  # a long-running process starts the sharing afresh past this


def _path(value: Any) -> tuple[str | int, ...]:
    if type(value) is not list:
        raise _Damaged("expected a node path")
    key = tuple(value)
    path = _PATHS.get(key)
    if path is None:
        for item in key:
            if type(item) is not str and type(item) is not int:
                raise _Damaged("expected a node path")
        if len(_PATHS) >= _SHARED_MAX:
            _PATHS.clear()
        path = _PATHS[key] = key
    return path


def _span(line: Any, column: Any, end_line: Any, end_column: Any) -> Span:
    key = (line, column, end_line, end_column)
    span = _SPANS.get(key)
    if span is None:
        if not (
            type(line) is int
            and type(column) is int
            and type(end_line) is int
            and type(end_column) is int
        ):
            raise _Damaged("expected a span")
        if len(_SPANS) >= _SHARED_MAX:
            _SPANS.clear()
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
    if type(value) is not list:
        raise _Damaged("expected a finding")
    (rule, severity, message, line, column, end_line, end_column) = value[:7]
    path, hint, fingerprint, node_line, fix, variant = value[7:]
    if not (
        type(rule) is str
        and type(message) is str
        and type(hint) is str
        and type(fingerprint) is str
        and type(node_line) is int
        and (variant is None or type(variant) is str)
    ):
        raise _Damaged("expected a finding")
    return Finding(
        rule,
        _SEVERITIES[severity],
        message,
        file,
        _span(line, column, end_line, end_column),
        _path(path),
        hint,
        fingerprint,
        node_line,
        None if fix is None else _fix(fix),
        variant,
    )


def _error(value: Any, file: str) -> InputError:
    kind, message, line, column, end_line, end_column, path, hint = _list(value)
    return InputError(
        _ERROR_KINDS[kind],
        _text(message),
        file,
        _span(line, column, end_line, end_column),
        _path(path),
        _text(hint),
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
    path, text, key, metric, line, column, end_line, end_column, subject = _list(value)
    if not (
        type(text) is str
        and type(key) is str
        and (metric is None or type(metric) is str)
        and type(subject) is str
    ):
        raise _Damaged("expected a key result's trace")
    return GoalTrace(
        _path(path), text, key, metric, _span(line, column, end_line, end_column), subject
    )


def _objective(value: Any) -> ObjectiveTrace:
    path, name, parent, line, column, end_line, end_column = _list(value)
    if type(name) is not str or type(parent) is not str:
        raise _Damaged("expected an objective's trace")
    return ObjectiveTrace(_path(path), name, parent, _span(line, column, end_line, end_column))


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
