"""``--format gitlab``: a GitLab Code Quality report (a JSON list of issues).

Each finding and each input error is one issue: ``description`` (the message),
``check_name`` (the rule id or input-error kind), ``fingerprint``, ``severity`` and
``location`` (``path`` relative to the repository root, ``lines.begin``).

Severities: info → ``info``, warning → ``minor``, error → ``major``; an
``internal-error`` is ``critical``; an input error is ``blocker`` when the file could
not be linted and ``critical`` when it was linted anyway (a duplicate key or id).

GitLab compares reports between branches by fingerprint, so it must be stable and
unique: it is the finding's fingerprint (rule, file, node path, node text; not the
line), and a finding that shares it with one before it in the report's order gets a
fingerprint derived from it and its rank (``#2``, ``#3`` ...).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from okrlint.errors import InputError
from okrlint.findings import Finding, LintResult, Severity, fingerprint
from okrlint.reporters import Rendered, repository_path, visible

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}
#: The same id as ``engine.INTERNAL_ERROR`` (a reporter never imports the engine).
INTERNAL_ERROR = "internal-error"


def _issue(
    check: str, description: str, print_: str, severity: str, path: str, line: int
) -> dict[str, Any]:
    return {
        "description": description,
        "check_name": check,
        "fingerprint": print_,
        "severity": severity,
        "location": {"path": path, "lines": {"begin": max(line, 1)}},
    }


def _finding_issue(f: Finding, root: str) -> dict[str, Any]:
    severity = "critical" if f.rule == INTERNAL_ERROR else SEVERITIES[f.severity]
    print_ = f.fingerprint or fingerprint(f.rule, f.file, f.path, f.message)
    return _issue(f.rule, f.message, print_, severity, repository_path(f.file, root), f.line)


def _error_issue(e: InputError, root: str) -> dict[str, Any]:
    node = f" ({e.node})" if e.node else ""
    return _issue(
        e.kind.value,
        e.message + node,
        fingerprint(e.kind.value, e.file, e.path, e.message),
        "blocker" if e.fatal else "critical",
        repository_path(e.file, root),
        e.line,
    )


def unique_fingerprints(issues: list[dict[str, Any]]) -> None:
    """Make repeated fingerprints unique, in order: the n-th repeat of ``fp`` hashes ``fp#n``."""
    taken: set[str] = set()
    for issue in issues:
        base = candidate = issue["fingerprint"]
        rank = 1
        while candidate in taken:
            rank += 1
            candidate = hashlib.sha256(f"{base}#{rank}".encode()).hexdigest()[:32]
        taken.add(candidate)
        issue["fingerprint"] = candidate


def to_list(result: LintResult) -> list[dict[str, Any]]:
    """The report as plain data: input errors, then findings, each in file order."""
    errors = sorted(result.input_errors, key=lambda e: (e.file, e.line, e.column))
    issues = [_error_issue(e, result.root) for e in errors]
    issues += [
        _finding_issue(f, result.root) for f in sorted(result.findings, key=Finding.sort_key)
    ]
    unique_fingerprints(issues)
    return issues


def render(result: LintResult, *, color: bool = False, quiet: bool = False) -> Rendered:
    err = "".join(f"okrlint: {visible(notice)}\n" for notice in result.notices)
    return Rendered(json.dumps(to_list(result), indent=2, ensure_ascii=False) + "\n", err)
