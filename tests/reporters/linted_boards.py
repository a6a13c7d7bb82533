"""The boards of tests/reporters linted once, and rendered independently of the checkout.

Imported by the reporter tests (``from linted_boards import ...``), like ``conftest``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from okrlint.api import lint_paths
from okrlint.findings import LintResult
from okrlint.reporters import Rendered, get

HERE = Path(__file__).resolve().parent
#: What this folder's file:// URI becomes in golden files (it depends on the checkout).
ROOT_URI = "file:///okrlint/tests/reporters/"


@contextmanager
def in_here() -> Iterator[None]:
    """Positions use the paths as given and repository paths resolve them against the
    working folder: lint and render from this folder."""
    cwd = Path.cwd()
    os.chdir(HERE)
    try:
        yield
    finally:
        os.chdir(cwd)


def lint_boards() -> LintResult:
    """boards/ linted, with this folder as the repository root wherever the checkout is
    (and with or without .git)."""
    with in_here():
        result = lint_paths(["boards"])
    return dataclasses.replace(result, root=str(HERE))


def render(fmt: str, result: LintResult | None = None, **options: bool) -> Rendered:
    """``fmt``'s rendering of the boards (or of ``result``), with the root's URI replaced."""
    result = lint_boards() if result is None else result
    with in_here():
        rendered = get(fmt)(
            result, color=options.get("color", False), quiet=options.get("quiet", False)
        )
    root_uri = HERE.as_uri() + "/"
    return Rendered(
        rendered.out.replace(root_uri, ROOT_URI),
        rendered.err.replace(root_uri, ROOT_URI),
        rendered.step_summary,
    )
