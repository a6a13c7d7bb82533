"""``--format concise``: one line per finding, for pipes, editors and ``grep``.

    goals/q3.yaml:12:9: kpi-in-disguise error [*] "Keep churn below 4%" holds a level ...

The position, the rule id (first, as ruff and flake8 put it), the severity, ``[*]``
when ``--fix`` can fix the finding, and the message. Findings go to stdout and
nothing else does: no source lines, no summary, so every line of stdout is a finding.
Input errors take the same shape with their kind as the id and ``error`` as the
severity (``goals/broken.yaml:4:5: schema-error error unknown field ...``) and go to
stderr, as in the human format, with the notices (and, last, how many baseline
entries no longer occur). Control characters are shown as
visible symbols, so a line break in a board's text never splits a finding in two.
"""

from __future__ import annotations

from okrlint.findings import Finding, LintResult
from okrlint.reporters import Rendered, fixable, stale_baseline_note, visible


def finding_line(f: Finding) -> str:
    mark = " [*]" if fixable(f) else ""
    return visible(f"{f.file}:{f.line}:{f.column}: {f.rule} {f.severity.value}{mark} {f.message}")


def diagnostics(result: LintResult) -> str:
    """The notices and input errors, one line each (stderr)."""
    err = [f"okrlint: {visible(notice)}" for notice in result.notices]
    for file in sorted(result.files, key=lambda r: r.file):
        for e in file.errors:
            node = f" ({e.node})" if e.node else ""
            err.append(
                visible(f"{e.file}:{e.line}:{e.column}: {e.kind.value} error {e.message}{node}")
            )
    return "".join(f"{line}\n" for line in err)


def render(result: LintResult, *, color: bool = False, quiet: bool = False) -> Rendered:
    out = [finding_line(f) for f in sorted(result.findings, key=Finding.sort_key)]
    err = diagnostics(result)
    if result.baseline_stale:  # last, after the input errors
        err += f"okrlint: {stale_baseline_note(result)}\n"
    return Rendered("".join(f"{line}\n" for line in out), err)
