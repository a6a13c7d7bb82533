"""Golden files: each output format, byte for byte (update with --update-golden)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from okrlint.api import lint_paths
from okrlint.findings import LintResult
from okrlint.reporters import get

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"


def _result() -> LintResult:
    # positions use the paths as given: lint from the tests/reporters folder
    cwd = Path.cwd()
    os.chdir(HERE)
    try:
        return lint_paths(["boards"])
    finally:
        os.chdir(cwd)


def _check(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {name} was missing and has been written; review it")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fmt", "color", "quiet"),
    [
        ("human", False, False),
        ("human", True, False),
        ("human", False, True),
        ("json", False, False),
    ],
)
def test_output_matches_golden(fmt: str, color: bool, quiet: bool, update_golden: bool) -> None:
    rendered = get(fmt)(_result(), color=color, quiet=quiet)
    suffix = ("-color" if color else "") + ("-quiet" if quiet else "")
    _check(f"{fmt}{suffix}.out", rendered.out, update_golden)
    _check(f"{fmt}{suffix}.err", rendered.err, update_golden)


def test_every_format_reports_the_same_findings() -> None:
    import json

    result = _result()
    data = json.loads(get("json")(result, color=False, quiet=False).out)
    human = get("human")(result, color=False, quiet=True).out
    assert len(data["findings"]) == len(result.findings) == len(human.splitlines())
    for f in data["findings"]:
        assert f"{f['file']}:{f['line']}:{f['column']}: {f['severity']} {f['rule']}" in human
