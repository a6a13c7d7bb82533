"""``--format json``: one object, the names of which are public API (version 1)."""

from __future__ import annotations

import json
from typing import Any

from okrlint.errors import InputError
from okrlint.findings import Finding, LintResult, Severity
from okrlint.positions import format_path
from okrlint.reporters import Rendered

JSON_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "node": f.node,
        "hint": f.hint,
        "fix": fix_dict(f),
    }


def fix_dict(f: Finding) -> dict[str, Any] | None:
    """The finding's suggestion, with the mechanical edit when there is one."""
    fix = f.fix
    if fix is None:
        if not f.hint:
            return None
        return {"description": f.hint, "applicability": "display", "edit": None}
    edit = None
    if fix.has_edit:
        edit = {"action": fix.action, "node": format_path(fix.target), "values": dict(fix.values)}
    return {"description": fix.description, "applicability": fix.applicability.value, "edit": edit}


def error_dict(e: InputError) -> dict[str, Any]:
    return {
        "kind": e.kind.value,
        "message": e.message,
        "line": e.line,
        "column": e.column,
        "end_line": e.span.end.line,
        "end_column": e.span.end.column,
        "node": e.node,
        "hint": e.hint,
    }


def to_dict(result: LintResult, show_suppressed: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": JSON_VERSION,
        "files": [
            {"file": f.file, "ok": f.ok, "errors": [error_dict(e) for e in f.errors]}
            for f in sorted(result.files, key=lambda r: r.file)
        ],
        "findings": [finding_dict(f) for f in sorted(result.findings, key=Finding.sort_key)],
        "summary": {
            "files": len(result.files),
            # of which could not be read or parsed: the text formats' "could not be linted"
            "not_linted": sum(1 for f in result.files if any(e.fatal for e in f.errors)),
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "infos": result.count(Severity.INFO),
            "input_errors": len(result.input_errors),
            "suppressed": len(result.suppressed),
        },
    }
    if result.baseline_hidden or result.baseline_stale:
        data["baseline"] = {"hidden": result.baseline_hidden, "stale": result.baseline_stale}
    if show_suppressed:
        data["suppressed"] = [finding_dict(f) for f in result.suppressed]
    return data


def render(
    result: LintResult, *, color: bool = False, quiet: bool = False, show_suppressed: bool = False
) -> Rendered:
    err = "".join(f"okrlint: {notice}\n" for notice in result.notices)
    data = to_dict(result, show_suppressed)
    return Rendered(json.dumps(data, indent=2, ensure_ascii=False) + "\n", err)
