"""Policy applied to findings after the rules ran: inline suppressions, the baseline.

:func:`finish` is a run's last step: each file's findings (its own, and the
cross-cycle rules' findings that land in it, which obey the file's settings here) go
through the file's suppressions, then all of them through the baseline, into one
:class:`LintResult`.

Inline suppressions are YAML comments, ESLint and ruff style::

    - Maintain 99.9% uptime  # okrlint: disable=kpi-in-disguise -- moved to kpis in Q4
    # okrlint: disable-next-line=no-baseline
    - Increase NPS to 60
    # okrlint: disable-file=key-result-without-owner

A suppression applies to findings whose node starts on its line (the next line for
``disable-next-line``, every line for ``disable-file``). One that suppresses nothing
is reported as ``unused-suppression``; one naming an unknown rule as
``unknown-rule-in-suppression`` (both warnings, and subject to select/ignore).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okrlint.checks import UNKNOWN, UNUSED
from okrlint.findings import FileResult, Finding, LintResult, Severity, fingerprint
from okrlint.positions import Position, Span

if TYPE_CHECKING:
    from okrlint.config import Config


_DIRECTIVE = re.compile(
    r"(?:^|\s)#\s*okrlint:\s*(?P<kind>disable-next-line|disable-file|disable)\s*"
    r"(?:=\s*(?P<rules>[A-Za-z0-9_,\s-]*?))?\s*(?:--\s*(?P<reason>.*?))?\s*$"
)
# The same words in a Markdown board's HTML comment: "<!-- okrlint: disable=... -->".
_HTML_DIRECTIVE = re.compile(
    r"<!--\s*okrlint:\s*(?P<kind>disable-next-line|disable-file|disable)\s*"
    r"(?:=\s*(?P<rules>[A-Za-z0-9_,\s-]*?))?\s*(?:--\s+(?P<reason>.*?))?\s*-->"
)


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``# okrlint: disable...`` comment."""

    kind: str  # "disable" | "disable-next-line" | "disable-file"
    rules: tuple[str, ...]  # empty: every rule
    line: int  # where the comment is
    column: int
    reason: str = ""

    @property
    def target_line(self) -> int | None:
        """The line whose nodes it covers (None: the whole file)."""
        if self.kind == "disable-file":
            return None
        return self.line + 1 if self.kind == "disable-next-line" else self.line

    def covers(self, finding: Finding) -> bool:
        target = self.target_line
        line_ok = target is None or finding.node_line == target
        return line_ok and (not self.rules or finding.rule in self.rules)


def parse_suppressions(source: str) -> list[Suppression]:
    """Every suppression comment in a board's text."""
    found: list[Suppression] = []
    if "okrlint:" not in source:
        return found
    for number, line in enumerate(source.splitlines(), start=1):
        if "okrlint:" not in line:
            continue
        m = _DIRECTIVE.search(line)
        html = _HTML_DIRECTIVE.search(line) if m is None else None
        if m is None and html is None:
            continue
        column = line.index("#", m.start()) + 1 if m is not None else line.index("<!--") + 1
        m = m or html
        assert m is not None
        rules = tuple(r.strip() for r in (m.group("rules") or "").split(",") if r.strip())
        if any(r.lower() == "all" for r in rules):
            rules = ()
        found.append(Suppression(m.group("kind"), rules, number, column, m.group("reason") or ""))
    return found


@dataclass
class Suppressed:
    """The outcome of applying a file's suppressions."""

    kept: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    reports: list[Finding] = field(default_factory=list)  # unused / unknown suppressions


def apply_suppressions(
    file: str,
    findings: Sequence[Finding],
    suppressions: Sequence[Suppression],
    *,
    known: frozenset[str],
    enabled: Iterable[str],
    report_unused: bool = True,
    report_unknown: bool = True,
) -> Suppressed:
    """Split ``findings`` into kept and suppressed; report suppressions that do nothing.

    ``enabled`` lists the rules that ran: a suppression of a rule that did not run is
    not reported as unused (it may be needed when the rule is turned back on).
    """
    out = Suppressed()
    used: set[tuple[int, str]] = set()
    for finding in findings:
        matched = [s for s in suppressions if s.covers(finding)]
        if not matched:
            out.kept.append(finding)
            continue
        out.suppressed.append(finding)
        for s in matched:
            used.add((s.line, finding.rule if s.rules else "*"))
    ran = set(enabled)
    for s in suppressions:
        span = Span(Position(s.line, s.column), Position(s.line, s.column + 1))
        for rule_id in s.rules or ("*",):
            if rule_id != "*" and rule_id not in known:
                if report_unknown:
                    out.reports.append(
                        _report(
                            file,
                            span,
                            UNKNOWN,
                            rule_id,
                            f"the suppression names unknown rule '{rule_id}'",
                            "check the rule id with okrlint rules",
                        )
                    )
                continue
            if (s.line, rule_id) in used or (rule_id != "*" and rule_id not in ran):
                continue
            if report_unused:
                what = "every rule" if rule_id == "*" else rule_id
                out.reports.append(
                    _report(
                        file,
                        span,
                        UNUSED,
                        rule_id,
                        f"the suppression of {what} ({s.kind}) suppresses nothing",
                        "remove it, or move it to the line where the finding's item starts",
                    )
                )
    return out


def _report(file: str, span: Span, rule: str, about: str, message: str, hint: str) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        message=message,
        file=file,
        span=span,
        path=(),
        hint=hint,
        fingerprint=fingerprint(rule, file, (), f"{span.start.line}:{about}"),
        node_line=span.start.line,
    )


# -- a run's last step -------------------------------------------------------------------


@dataclass
class LintedFile:
    """What a run keeps of one file until its last step: the file's result, what its
    rules found, the settings it was linted with and its suppression comments."""

    result: FileResult
    findings: list[Finding]
    config: Config
    suppressions: list[Suppression] = field(default_factory=list)


def obey_file_settings(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """Cross-cycle findings as the settings of the file they land in say.

    The cross-cycle rules judge a whole goals repository at once, without any one
    file's settings. Each finding is kept only if its file runs the rule (its nearest
    configuration's ``select``, ``ignore``, ``severity: off``, and ``per-file-ignores``:
    ``config`` is the file's own), at the severity the file sets for it (the same
    precedence as the engine's: the user's override, else the rule's default the
    engine gave it).
    """
    out: list[Finding] = []
    for f in findings:
        if not config.enabled(f.rule):
            continue
        severity = config.severity(f.rule, f.variant, default=f.severity)
        out.append(f if severity is f.severity else replace(f, severity=severity))
    return out


def finish(
    linted: Sequence[LintedFile],
    history_findings: Sequence[Finding],
    baseline: Baseline | None,
    *,
    root: str,
    fail_on: Severity,
    notices: Sequence[str] = (),
    skipped: Sequence[str] = (),
    scope: BaselineScope | None = None,
) -> LintResult:
    """Apply each file's settings to the cross-cycle findings in it and its suppressions
    to all of its findings, then the baseline (whose entries count as stale only within
    ``scope``: every entry without one); build the result."""
    by_file: dict[str, list[Finding]] = {}
    for f in history_findings:
        by_file.setdefault(f.file, []).append(f)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for item in linted:
        findings = item.findings
        landed = by_file.get(item.result.file)
        if landed:
            findings = findings + obey_file_settings(landed, item.config)
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
        kept, hidden, stale = baseline.filter(kept, scope)
    kept.sort(key=Finding.sort_key)
    suppressed.sort(key=Finding.sort_key)
    files = sorted((item.result for item in linted), key=lambda r: r.file)
    return LintResult(
        files=tuple(files),
        findings=tuple(kept),
        notices=tuple(notices),
        skipped=tuple(sorted(skipped)),
        root=root,
        suppressed=tuple(suppressed),
        baseline_hidden=hidden,
        baseline_stale=stale,
        fail_on=fail_on,
    )


# -- the baseline -----------------------------------------------------------------------

BASELINE_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read: a usage error."""


@dataclass(frozen=True)
class BaselineScope:
    """The files whose baseline entries a run can judge: the files under the paths it
    was given (repository-relative; ``.`` is the whole repository), less the files it
    could not lint. An entry of another file is neither stale nor dropped: linting one
    board says nothing about the others."""

    paths: tuple[str, ...] = (".",)
    unlinted: frozenset[str] = frozenset()

    def covers(self, file: str) -> bool:
        if file in self.unlinted:
            return False
        return any(p in (".", "") or file == p or file.startswith(p + "/") for p in self.paths)


def baseline_scope(paths: Iterable[str | Path], files: Iterable[FileResult]) -> BaselineScope:
    """The scope of a run over ``paths`` (as given) whose files are ``files``."""
    from okrlint.engine import repository_path
    from okrlint.repository import find_root, relative_uri

    def in_repository(path: str | Path) -> str:  # not cached: "." differs by folder
        name = Path(path).as_posix()
        return name if name.startswith("<") else relative_uri(name, find_root(name))

    given = tuple(in_repository(p).rstrip("/") for p in paths)
    unlinted = frozenset(repository_path(r.file) for r in files if any(e.fatal for e in r.errors))
    return BaselineScope(given, unlinted)


@dataclass
class Baseline:
    """Findings recorded for gradual adoption; matched by fingerprint, not by line.

    ``entries`` are the file's entries as read (each names its file, relative to the
    repository), so that writing the baseline again after linting some files keeps
    the entries of the others.
    """

    counts: Counter[str] = field(default_factory=Counter)
    entries: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def read(cls, path: str) -> Baseline:
        import json

        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise BaselineError(f"{path}: no such baseline file") from None
        except (OSError, ValueError) as exc:
            raise BaselineError(f"{path}: not a readable baseline ({exc})") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
            raise BaselineError(f"{path}: not an okrlint baseline (version {BASELINE_VERSION})")
        entries = data.get("findings")
        if not isinstance(entries, list):
            raise BaselineError(f"{path}: the baseline has no findings list")
        kept = [e for e in entries if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)]
        return cls(Counter(e["fingerprint"] for e in kept), kept)

    def _file_of(self) -> dict[str, str | None]:
        return {
            e["fingerprint"]: e["file"] if isinstance(e.get("file"), str) else None
            for e in self.entries
        }

    def filter(
        self, findings: Sequence[Finding], scope: BaselineScope | None = None
    ) -> tuple[list[Finding], int, int]:
        """(new findings, how many the baseline hid, how many entries no longer occur).

        Every entry hides a finding it matches; only the entries of files within
        ``scope`` (all, without one) are counted as no longer occurring.
        """
        left = Counter(self.counts)
        new: list[Finding] = []
        hidden = 0
        for f in findings:
            if left[f.fingerprint] > 0:
                left[f.fingerprint] -= 1
                hidden += 1
            else:
                new.append(f)
        file_of = self._file_of()

        def judged(print_: str) -> bool:
            file = file_of.get(print_)
            return scope is None or file is None or scope.covers(file)

        return new, hidden, sum(n for print_, n in left.items() if judged(print_))

    def outside(self, scope: BaselineScope) -> list[dict[str, Any]]:
        """The entries of files ``scope`` does not cover, as read (kept when rewriting)."""
        return [
            e
            for e in self.entries
            if isinstance(e.get("file"), str) and not scope.covers(e["file"])
        ]


def baseline_text(findings: Sequence[Finding], keep: Sequence[dict[str, Any]] = ()) -> str:
    """The baseline file for ``findings``, and the entries in ``keep`` as they are
    (sorted, so it diffs well). Each entry names its file relative to the repository."""
    import json

    from okrlint.engine import repository_path

    entries = [
        {
            "fingerprint": f.fingerprint,
            "rule": f.rule,
            "file": repository_path(f.file),
            "node": f.node,
            "message": f.message,
        }
        for f in findings
    ]
    entries += keep

    def order(e: dict[str, Any]) -> tuple[str, ...]:
        return tuple(str(e.get(k, "")) for k in ("file", "node", "rule", "fingerprint"))

    document = {
        "version": BASELINE_VERSION,
        "tool": "okrlint",
        "findings": sorted(entries, key=order),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
