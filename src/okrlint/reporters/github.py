"""``--format github``: GitHub Actions workflow commands, shown as annotations.

    ::error file=goals/q3.yaml,line=12,col=9,endLine=12,endColumn=29,
    title=okrlint(kpi-in-disguise)::"Maintain 99.9%25 uptime" holds a level ...

(one line in the output.)

One command per finding and per input error (``::error``, ``::warning``, ``::notice``
for info) and nothing else on stdout; notices go to stderr. Paths are relative to
the repository root, as GitHub expects. Values are escaped as the Actions toolkit
does: ``%``, CR and LF in the message; in properties ``:`` and ``,`` as well. Any
other control character is shown as a visible symbol. ``col`` and ``endColumn`` (the
last character, inclusive) are given only for a span on one line, as GitHub requires.

The result also carries a Markdown summary (counts by severity and rule, then the
findings) that the CLI appends to ``$GITHUB_STEP_SUMMARY`` when that is set.
"""

from __future__ import annotations

from collections import Counter

from okrlint.errors import InputError
from okrlint.findings import Finding, LintResult, Severity
from okrlint.positions import Span
from okrlint.reporters import Rendered, repository_path, visible
from okrlint.reporters.human import summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

#: The step summary lists at most this many findings (GitHub caps a summary at 1 MiB).
MAX_SUMMARY_ROWS = 500


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF escaped, other control characters visible."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(text)


def escape_property(text: str) -> str:
    """A command's property value: as a message, and ``:`` and ``,`` as well."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, file: str, span: Span, title: str, message: str, *, root: str = "") -> str:
    """One workflow command (without its line break)."""
    line, column = max(span.start.line, 1), max(span.start.column, 1)
    end_line = max(span.end.line, line)
    props = [("file", repository_path(file, root)), ("line", str(line))]
    if end_line == line:  # GitHub takes columns only for a span on one line
        props.append(("col", str(column)))
    props.append(("endLine", str(end_line)))
    if end_line == line:
        props.append(("endColumn", str(max(span.end.column - 1, column))))
    props.append(("title", title))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{name} {rendered}::{escape_data(message)}"


def _message(message: str, hint: str) -> str:
    return f"{message}\nhint: {hint}" if hint else message


def finding_command(f: Finding, root: str) -> str:
    return command(
        COMMANDS[f.severity],
        f.file,
        f.span,
        f"okrlint({f.rule})",
        _message(f.message, f.hint),
        root=root,
    )


def error_command(e: InputError, root: str) -> str:
    node = f" ({e.node})" if e.node else ""
    return command(
        "error",
        e.file,
        e.span,
        f"okrlint({e.kind.value})",
        _message(e.message + node, e.hint),
        root=root,
    )


def _cell(text: str) -> str:
    """Board text made safe for a Markdown table cell: no line breaks, no markup."""
    text = visible(" ".join(text.split()))
    for char in "\\`*_[]<>|~&":
        text = text.replace(char, "\\" + char)
    return text


def step_summary(result: LintResult) -> str:
    """Markdown for the job's summary page: counts by severity and rule, then findings."""
    findings = sorted(result.findings, key=Finding.sort_key)
    errors = sorted(result.input_errors, key=lambda e: (e.file, e.line, e.column))
    lines = ["## okrlint", ""]
    if not findings and not errors:
        return "\n".join([*lines, summary_line(result), "", ""])
    lines += [summary_line(result), ""]
    lines += ["| severity | count |", "|---|---:|"]
    lines += [f"| {s.value} | {result.count(s)} |" for s in Severity]
    lines += [f"| input error | {len(errors)} |", ""]
    by_rule = Counter((f.rule, f.severity) for f in findings)
    by_rule.update((e.kind.value, Severity.ERROR) for e in errors)
    if by_rule:
        lines += ["| rule | error | warning | info |", "|---|---:|---:|---:|"]
        for rule in sorted({rule for rule, _severity in by_rule}):
            counts = " | ".join(str(by_rule[(rule, s)]) for s in Severity)
            lines.append(f"| `{rule}` | {counts} |")
        lines.append("")
    rows = [
        (repository_path(e.file, result.root), e.line, "error", e.kind.value, e.message)
        for e in errors
    ] + [
        (repository_path(f.file, result.root), f.line, f.severity.value, f.rule, f.message)
        for f in findings
    ]
    lines += ["| where | severity | rule | message |", "|---|---|---|---|"]
    for file, line, severity, rule, message in rows[:MAX_SUMMARY_ROWS]:
        lines.append(f"| {_cell(f'{file}:{line}')} | {severity} | `{rule}` | {_cell(message)} |")
    if len(rows) > MAX_SUMMARY_ROWS:
        lines += ["", f"… and {len(rows) - MAX_SUMMARY_ROWS} more (see the annotations)."]
    return "\n".join(lines) + "\n\n"


def render(result: LintResult, *, color: bool = False, quiet: bool = False) -> Rendered:
    errors = sorted(result.input_errors, key=lambda e: (e.file, e.line, e.column))
    commands = [error_command(e, result.root) for e in errors]
    commands += [
        finding_command(f, result.root) for f in sorted(result.findings, key=Finding.sort_key)
    ]
    err = "".join(f"okrlint: {visible(notice)}\n" for notice in result.notices)
    out = "".join(f"{c}\n" for c in commands)
    return Rendered(out, err, step_summary=step_summary(result))
