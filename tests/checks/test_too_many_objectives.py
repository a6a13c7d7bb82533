"""too-many-objectives: focus."""

from __future__ import annotations

from conftest import lint_snippet
from okrlint.findings import Severity

RULE = "too-many-objectives"


def board(n: int) -> str:
    items = "".join(
        f"  - title: Bet number {i}\n    key_results: [Increase activation from 61% to 75%]\n"
        for i in range(n)
    )
    return f"cycle: 2026-Q3\nobjectives:\n{items}"


def test_flags_more_than_three_at_the_objectives_key() -> None:
    [f] = lint_snippet(board(4), only=RULE)
    assert (f.severity, f.node, f.line, f.column, f.end_column) == (Severity.ERROR, "", 2, 1, 11)
    assert "4 objectives" in f.message


def test_three_is_fine() -> None:
    assert lint_snippet(board(3), only=RULE) == []


def test_the_maximum_is_an_option() -> None:
    assert lint_snippet(board(4), only=RULE, **{"too-many-objectives.max": 4}) == []
    [f] = lint_snippet(board(2), only=RULE, **{"too-many-objectives.max": 1})
    assert "more than 1" in f.message
