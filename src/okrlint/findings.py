"""Findings and the result of a run: plain, immutable values that reporters read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

from okrlint.errors import InputError
from okrlint.positions import NodePath, Span, format_path, pickled_by_fields


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class RuleKind(StrEnum):
    """What a rule's ``check`` reads: one understood board, or a goals repository's
    boards over time (see :mod:`okrlint.checks`)."""

    BOARD = "board"
    HISTORY = "history"


class Applicability(StrEnum):
    """How a fix may be applied: ``safe`` by ``--fix``; ``suggested`` only with
    ``--unsafe-fixes`` (it guesses); ``display`` is advice with no mechanical edit."""

    SAFE = "safe"
    SUGGESTED = "suggested"
    DISPLAY = "display"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fix:
    """A finding's suggestion and, where mechanical, the edit that carries it out.

    ``action`` names the edit: ``move-to-kpis`` (remove the key result at ``target``
    and add a KPI made of ``values``), ``drop`` (remove it: the KPI named in ``values``
    already watches it), ``move-to-initiatives`` (remove it and add its
    ``title`` to its objective's initiatives), ``add-kpi`` (add a KPI, keep the key result),
    ``set`` (set the fields in ``values`` on the item at ``target``).
    """

    description: str
    applicability: Applicability = Applicability.DISPLAY
    action: str = ""
    target: NodePath = ()
    values: tuple[tuple[str, str], ...] = ()

    @property
    def has_edit(self) -> bool:
        return bool(self.action)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: the item judged and why. The engine adds rule and severity.

    ``field`` names a field of the item whose value the position should point at
    (the node stays the item itself). ``variant`` picks a severity variant declared
    in the rule's metadata (e.g. ``guard-rail``). ``hint`` is a one-line fix.
    """

    path: NodePath
    message: str
    hint: str = ""
    field: str | None = None
    variant: str | None = None
    fix: Fix | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on one item of one board, with its position."""

    rule: str
    severity: Severity
    message: str
    file: str
    span: Span
    path: NodePath
    hint: str = ""
    fingerprint: str = ""  # stable across edits elsewhere: rule, file, node path, node text
    node_line: int = 0  # the line where the judged node starts (for inline suppressions)
    fix: Fix | None = None  # the mechanical edit, when there is one (the hint says the rest)
    variant: str | None = None  # the rule's variant ("guard-rail"), when one applied

    @property
    def line(self) -> int:
        return self.span.start.line

    @property
    def column(self) -> int:
        return self.span.start.column

    @property
    def end_line(self) -> int:
        return self.span.end.line

    @property
    def end_column(self) -> int:
        return self.span.end.column

    @property
    def node(self) -> str:
        return format_path(self.path)

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        """By file and position; at one position the most severe first."""
        start = self.span.start  # read directly: every run sorts every finding
        return (self.file, start.line, start.column, -_RANK[self.severity], self.rule, self.message)


def fingerprint(rule: str, file: str, path: NodePath, text: str) -> str:
    """A finding's identity for baselines and SARIF: not its line, so edits elsewhere
    in a board do not make an old finding look new."""
    normalized = " ".join(text.split()).lower()
    key = "\x1f".join((rule, file, format_path(path), normalized))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class BoardFacts:
    """What a health report needs to know of a board besides its findings.

    A board that failed to load has facts too (``loaded`` False): the team and cycle
    its text or file name names, and no counts, so the report can show it in its place.
    """

    team: str  # the board name, else the file name (as the cross-cycle rules group)
    cycle: str | None  # the cycle as written ("2026-Q3"), None without one
    cycle_start: str | None  # ISO date the cycle starts, for ordering; None if unreadable
    objectives: int
    key_results: int
    kpis: int
    stretch: int = 0  # stretch bets (objectives and key results with stretch: true)
    progress_sum: float = 0.0  # the progress the board reports (tracker fields) ...
    progress_count: int = 0  # ... summed over the key results (or objectives) that have one
    loaded: bool = True  # False: the board failed to load (the counts are all 0)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class FileResult:
    """One input file: its text, facts about its board and, when it could not be
    loaded, why."""

    file: str
    errors: tuple[InputError, ...] = ()
    source: str = ""  # the text read and linted ("" when unreadable), for source lines
    board: BoardFacts | None = None  # None for a file that is no board (or unread)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class LintResult:
    """Everything a run found; reporters only read it."""

    files: tuple[FileResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    notices: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # files of a folder walk that are YAML but no board
    root: str = ""  # the repository root (absolute), for repository-relative paths
    suppressed: tuple[Finding, ...] = ()  # findings silenced by inline suppressions
    baseline_hidden: int = 0  # findings the baseline hid
    baseline_stale: int = 0  # baseline entries that no longer occur
    fail_on: Severity = Severity.ERROR

    @property
    def input_errors(self) -> tuple[InputError, ...]:
        return tuple(e for f in self.files for e in f.errors)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def exit_code(self, fail_on: Severity | None = None) -> int:
        """0 clean · 1 a finding at or above ``fail_on`` · 2 an input error."""
        fail_on = fail_on or self.fail_on
        if self.input_errors or any(f.rule == "internal-error" for f in self.findings):
            return 2
        if any(f.severity.rank >= fail_on.rank for f in self.findings):
            return 1
        return 0
