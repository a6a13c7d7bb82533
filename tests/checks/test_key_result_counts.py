"""too-many-key-results and too-few-key-results."""

from __future__ import annotations

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

KRS = [f"Increase metric {i} from 10% to 20%" for i in range(8)]


def test_too_many_flags_more_than_five_on_the_objective() -> None:
    [f] = lint_snippet(board_with(*KRS[:6]), only="too-many-key-results")
    assert (f.severity, f.node, f.line, f.column) == (Severity.WARNING, "objectives[0]", 4, 12)
    assert "6 key results" in f.message
    assert lint_snippet(board_with(*KRS[:5]), only="too-many-key-results") == []


def test_too_many_maximum_is_an_option() -> None:
    assert (
        lint_snippet(
            board_with(*KRS), only="too-many-key-results", **{"too-many-key-results.max": 8}
        )
        == []
    )


def test_too_few_flags_a_single_key_result() -> None:
    [f] = lint_snippet(board_with(KRS[0]), only="too-few-key-results")
    assert (f.severity, f.node) == (Severity.WARNING, "objectives[0]")
    assert lint_snippet(board_with(*KRS[:2]), only="too-few-key-results") == []


def test_too_few_leaves_empty_objectives_to_their_own_rule() -> None:
    text = "cycle: 2026-Q3\nobjectives:\n  - title: Empty\n    key_results: []\n"
    assert lint_snippet(text, only="too-few-key-results") == []


def test_too_few_minimum_is_an_option() -> None:
    [f] = lint_snippet(
        board_with(*KRS[:2]), only="too-few-key-results", **{"too-few-key-results.min": 3}
    )
    assert "2 key results" in f.message
