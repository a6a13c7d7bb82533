"""okrlint: a linter for goal boards (OKRs and KPIs kept as YAML).

The library API::

    from okrlint import lint_paths, lint_text, load_board, Config
    result = lint_paths(["goals/"])
    for finding in result.findings:
        print(finding.file, finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

from okrlint._version import __version__
from okrlint.api import lint_paths, lint_text
from okrlint.config import Config
from okrlint.findings import FileResult, Finding, LintResult, Severity
from okrlint.loader import LoadedBoard, load_board, load_text

__all__ = [
    "Config",
    "FileResult",
    "Finding",
    "LintResult",
    "LoadedBoard",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_text",
    "load_board",
    "load_text",
]
