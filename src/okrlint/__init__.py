"""okrlint: a linter for goal boards (OKRs and KPIs kept as YAML).

The library API::

    from okrlint import lint_paths, lint_text, load_board, Config
    result = lint_paths(["goals/"])
    for finding in result.findings:
        print(finding.file, finding.line, finding.rule, finding.message)

Names are imported on first use, so ``okrlint --version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: okrlint's version: read by hatch at build time and by --version at run time.
__version__ = "0.1.0"

if TYPE_CHECKING:
    from okrlint.api import lint_paths, lint_text
    from okrlint.cache import ResultCache
    from okrlint.config import Config
    from okrlint.findings import FileResult, Finding, LintResult, Severity
    from okrlint.loader import LoadedBoard, load_board, load_text

_EXPORTS = {
    "lint_paths": "okrlint.api",
    "lint_text": "okrlint.api",
    "Config": "okrlint.config",
    "ResultCache": "okrlint.cache",
    "FileResult": "okrlint.findings",
    "Finding": "okrlint.findings",
    "LintResult": "okrlint.findings",
    "Severity": "okrlint.findings",
    "LoadedBoard": "okrlint.loader",
    "load_board": "okrlint.loader",
    "load_text": "okrlint.loader",
}

__all__ = [
    "Config",
    "FileResult",
    "Finding",
    "LintResult",
    "LoadedBoard",
    "ResultCache",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_text",
    "load_board",
    "load_text",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'okrlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
