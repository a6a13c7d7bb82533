"""``--format concise``: one line per finding, for pipes, editors and ``grep``.

    goals/q3.yaml:12:9: kpi-in-disguise "Maintain 99.9% uptime" holds a level ...

Findings go to stdout and nothing else does: no source lines, no summary, so every
line of stdout is a finding. Input errors take the same shape with their kind as
the id (``goals/broken.yaml:4:5: schema-error unknown field ...``) and go to stderr,
as in the human format, with the notices (and how many baseline entries no longer
occur, last). Control characters are shown as visible
symbols, so a line break in a board's text never splits a finding in two.
"""

from __future__ import annotations

from okrlint.findings import Finding, LintResult
from okrlint.reporters import Rendered, stale_baseline_note, visible


def finding_line(f: Finding) -> str:
    return visible(f"{f.file}:{f.line}:{f.column}: {f.rule} {f.message}")


def render(result: LintResult, *, color: bool = False, quiet: bool = False) -> Rendered:
    out = [finding_line(f) for f in sorted(result.findings, key=Finding.sort_key)]
    err = [f"okrlint: {visible(notice)}" for notice in result.notices]
    for file in sorted(result.files, key=lambda r: r.file):
        for e in file.errors:
            node = f" ({e.node})" if e.node else ""
            err.append(visible(f"{e.file}:{e.line}:{e.column}: {e.kind.value} {e.message}{node}"))
    if result.baseline_stale:
        err.append(f"okrlint: {stale_baseline_note(result)}")
    return Rendered("".join(f"{line}\n" for line in out), "".join(f"{line}\n" for line in err))
