"""Reporters render a :class:`~okrlint.findings.LintResult`; they never find anything.

Each is imported only when asked for, so a run pays only for the format it uses.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import NamedTuple, Protocol

from okrlint.files import is_markdown
from okrlint.findings import Applicability, Finding, LintResult
from okrlint.repository import relative_uri


# a NamedTuple: every run defines it at start-up, at a third of a frozen dataclass's cost
class Rendered(NamedTuple):
    """What a reporter produced: the result text (stdout) and diagnostics (stderr).

    ``step_summary`` is Markdown for a CI job's summary page (the ``github`` format
    fills it; the CLI appends it to ``$GITHUB_STEP_SUMMARY`` when that is set).
    """

    out: str
    err: str = ""
    step_summary: str = ""


class Reporter(Protocol):
    def __call__(self, result: LintResult, *, color: bool, quiet: bool) -> Rendered: ...


FORMATS: dict[str, str] = {
    "human": "okrlint.reporters.human",
    "json": "okrlint.reporters.json_report",
    "concise": "okrlint.reporters.concise",
    "sarif": "okrlint.reporters.sarif",
    "github": "okrlint.reporters.github",
    "junit": "okrlint.reporters.junit",
    "gitlab": "okrlint.reporters.gitlab",
}

#: Formats whose output is one JSON document, and the one that is XML: a stream that
#: cannot encode a character gets the format's own escapes, never mangled syntax.
JSON_FORMATS = frozenset({"json", "sarif", "gitlab"})
XML_FORMATS = frozenset({"junit"})


def get(name: str) -> Reporter:
    """The reporter for a ``--format`` name (imported lazily)."""
    module = importlib.import_module(FORMATS[name])
    reporter: Reporter = module.render
    return reporter


# Control characters (C0, DEL, C1) shown as visible symbols, one for one so that
# columns stay aligned: board text and file names must never drive a terminal or a
# CI log (an escape sequence in a title would otherwise be executed by it).
_VISIBLE: dict[int, int] = {
    **{c: 0x2400 + c for c in range(0x20)},  # the Control Pictures block: ␀ ␁ ... ␟
    0x7F: 0x2421,  # ␡
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
}


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible symbol."""
    # nearly every text has none: a scan costs a fraction of a translation
    return text.translate(_VISIBLE) if _CONTROL.search(text) else text


def stale_baseline_note(result: LintResult) -> str:
    """How many baseline entries of the files linted no longer occur ("" when none)."""
    n = result.baseline_stale
    if not n:
        return ""
    entries = "baseline entry no longer occurs" if n == 1 else "baseline entries no longer occur"
    return f"{n} {entries}; run --write-baseline to drop {'it' if n == 1 else 'them'}"


def fixable(f: Finding) -> bool:
    """Can ``--fix`` fix this finding? Its fix is safe and mechanical, and its board is
    one ``--fix`` rewrites: a file (not ``<stdin>``), not Markdown (not rewritten yet).

    The ``[*]`` of the concise format and of ``--statistics``; when fixing,
    :func:`okrlint.fixing.fixes_for` and ``plan_fixes`` apply the same conditions.
    """
    return rewritable(f) and f.fix is not None and f.fix.applicability is Applicability.SAFE


def rewritable(f: Finding) -> bool:
    """Does the finding carry a mechanical fix that ``--fix`` (or ``--unsafe-fixes``)
    would write: an edit, on a board file (not ``<stdin>``, not Markdown)?"""
    return (
        f.fix is not None
        and f.fix.has_edit
        and not f.file.startswith("<")
        and not is_markdown(f.file)
    )


def repository_path(file: str, root: str) -> str:
    """``file`` relative to the run's repository root, with forward slashes."""
    return relative_uri(file, Path(root) if root else None)
