"""``--format human``: compiler-style diagnostics with the source line underlined.

    goals/q3.yaml:12:9: error kpi-in-disguise "Maintain 99.9% uptime" holds uptime ...
       |
    12 |       - Maintain 99.9% uptime
       |         ^^^^^^^^^^^^^^^^^^^^^
       = hint: move it to kpis: {name: uptime, threshold: ">= 99.9", unit: "%"}

Plain text with ANSI colour only when asked (a terminal, no NO_COLOR): rich is not
needed for this, and not importing it keeps a pre-commit run fast.
"""

from __future__ import annotations

from collections.abc import Iterable

from okrlint.errors import InputError
from okrlint.findings import FileResult, Finding, LintResult, Severity
from okrlint.positions import Span, source_lines
from okrlint.reporters import Rendered, rewritable, stale_baseline_note, visible

_RESET = "\x1b[0m"
_STYLES = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "rule": "\x1b[1m",
    "path": "\x1b[1m",
    "gutter": "\x1b[34m",
    "hint": "\x1b[32m",
    "dim": "\x1b[2m",
}


#: Source lines longer than this are shown as a window around the column.
_MAX_WIDTH = 120


# control characters are shown as visible symbols (see reporters.visible)
_visible = visible


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A long line cut to a window around ``start`` (0-based), with ``…`` at the cuts."""
    if len(text) <= _MAX_WIDTH:
        return text, start, end
    left = max(0, min(start - _MAX_WIDTH // 3, len(text) - _MAX_WIDTH))
    right = left + _MAX_WIDTH
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    shift = len(prefix) - left
    return prefix + text[left:right] + suffix, start + shift, min(end, right) + shift


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color and text else text


def _snippet(source_lines: list[str], span: Span, paint: _Paint, style: str) -> list[str]:
    line_no = span.start.line
    if not 0 < line_no <= len(source_lines):
        return []
    text = source_lines[line_no - 1].rstrip("\r\n").expandtabs(1)
    start = max(span.start.column - 1, 0)
    if span.end.line == line_no and span.end.column > span.start.column:
        end = span.end.column - 1
    else:
        end = len(text)
    end = max(min(end, len(text)), start + 1)
    text, start, end = _window(text, start, end)
    end = max(end, start + 1)
    width = len(str(line_no))
    gutter = paint("gutter", " " * width + " |")
    return [
        gutter,
        paint("gutter", f"{line_no} |") + f" {_visible(text)}",
        gutter + " " + " " * start + paint(style, "^" * (end - start)),
    ]


def _finding_lines(f: Finding, lines: list[str], paint: _Paint, quiet: bool) -> list[str]:
    head = (
        f"{paint('path', _visible(f'{f.file}:{f.line}:{f.column}'))}: "
        f"{paint(f.severity.value, f.severity.value)} {paint('rule', f.rule)} "
        f"{_visible(f.message)}"
    )
    out = [head]
    if quiet:
        return out
    out.extend(_snippet(lines, f.span, paint, f.severity.value))
    pad = " " * len(str(f.line))
    if f.fix is not None and rewritable(f):  # the mechanical fix says it best
        how = "--fix" if f.fix.applicability == "safe" else "--unsafe-fixes"
        out.append(
            f"{paint('gutter', pad + ' =')} {paint('hint', 'fix:')} "
            f"{_visible(f.fix.description)} (with {how})"
        )
    elif f.hint:
        out.append(f"{paint('gutter', pad + ' =')} {paint('hint', 'hint:')} {_visible(f.hint)}")
    out.append("")
    return out


def _error_lines(e: InputError, lines: list[str], paint: _Paint, quiet: bool) -> list[str]:
    node = f" ({e.node})" if e.node else ""
    head = (
        f"{paint('path', _visible(f'{e.file}:{e.line}:{e.column}'))}: {paint('error', 'error')} "
        f"{paint('rule', e.kind.value)} {_visible(e.message + node)}"
    )
    out = [head]
    if quiet:
        return out
    out.extend(_snippet(lines, e.span, paint, "error"))
    if e.hint:
        pad = " " * len(str(e.line))
        out.append(f"{paint('gutter', pad + ' =')} {paint('hint', 'hint:')} {_visible(e.hint)}")
    out.append("")
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(result: LintResult) -> str:
    """One line: the problems found in the files linted, the files that could not be
    linted, then fixes, suppressions and the baseline. A file linted despite an input
    error (a duplicate key or id) is counted as linted, its input errors as problems."""
    broken = sum(1 for f in result.files if any(e.fatal for e in f.errors))
    files = len(result.files) - broken
    noted = [e for f in result.files if not any(e.fatal for e in f.errors) for e in f.errors]
    problems = len(result.findings) + len(noted)
    parts = []
    if problems:
        counts = [_plural(result.count(s), s.value) for s in Severity if result.count(s)]
        counts += [_plural(len(noted), "input error")] if noted else []
        where = _plural(files, "file")
        parts.append(f"Found {_plural(problems, 'problem')} ({', '.join(counts)}) in {where}")
    elif files or not broken:  # never "No problems" about files that were not read
        parts.append(f"No problems in {_plural(files, 'file')}")
    if broken:
        parts.append(f"{_plural(broken, 'file')} could not be linted")
    fixable = [f for f in result.findings if rewritable(f)]  # what --fix would write
    safe = sum(1 for f in fixable if f.fix is not None and f.fix.applicability == "safe")
    if safe:
        parts.append(f"{safe} fixable with --fix")
    if len(fixable) > safe:
        parts.append(f"{len(fixable) - safe} more with --unsafe-fixes")
    if result.suppressed:
        parts.append(f"{len(result.suppressed)} suppressed inline")
    if result.baseline_hidden:
        parts.append(f"{result.baseline_hidden} in the baseline")
    if result.baseline_stale:
        parts.append(stale_baseline_note(result))
    return "; ".join(parts) + "."


def _by_file(result: LintResult) -> Iterable[tuple[FileResult, list[Finding]]]:
    """Each file with its findings, files in path order and findings by line and column."""
    grouped: dict[str, list[Finding]] = {}
    for f in sorted(result.findings, key=Finding.sort_key):
        grouped.setdefault(f.file, []).append(f)
    for file in sorted(result.files, key=lambda r: r.file):
        yield file, grouped.get(file.file, [])


def render(result: LintResult, *, color: bool = False, quiet: bool = False) -> Rendered:
    paint = _Paint(color)
    out: list[str] = []
    err: list[str] = [f"okrlint: {_visible(notice)}" for notice in result.notices]
    for file, findings in _by_file(result):
        # the text the run read and linted (never read again here: the same decoding,
        # so the lines are the ones positions count)
        shown = (findings or file.errors) and not quiet
        lines = source_lines(file.source) if shown and file.source else []
        for e in file.errors:
            err.extend(_error_lines(e, lines, paint, quiet))
        for f in findings:
            out.extend(_finding_lines(f, lines, paint, quiet))
    if not quiet:
        out.append(paint("path", summary_line(result)))
    text = "\n".join(out)
    errors = "\n".join(err)
    return Rendered(text + "\n" if text else "", errors + "\n" if errors else "")
