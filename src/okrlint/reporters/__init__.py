"""Reporters render a :class:`~okrlint.findings.LintResult`; they never find anything.

Each is imported only when asked for, so a run pays only for the format it uses.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from okrlint.findings import LintResult


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a reporter produced: the result text (stdout) and diagnostics (stderr)."""

    out: str
    err: str = ""


class Reporter(Protocol):
    def __call__(self, result: LintResult, *, color: bool, quiet: bool) -> Rendered: ...


FORMATS: dict[str, str] = {
    "human": "okrlint.reporters.human",
    "json": "okrlint.reporters.json_report",
}


def get(name: str) -> Reporter:
    """The reporter for a ``--format`` name (imported lazily)."""
    module = importlib.import_module(FORMATS[name])
    reporter: Reporter = module.render
    return reporter
