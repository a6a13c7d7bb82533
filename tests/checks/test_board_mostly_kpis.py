"""board-mostly-kpis: the board is a dashboard."""

from __future__ import annotations

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "board-mostly-kpis"
BET = "Increase activation from 61% to 75%"
HOLD = "Maintain 99.9% uptime"


def test_reports_the_tally_once_per_board() -> None:
    [f] = lint_snippet(board_with(HOLD, HOLD, BET), only=RULE)
    assert (f.severity, f.node, f.line) == (Severity.WARNING, "", 3)
    assert "2 of 3 key results hold a level" in f.message


def test_a_third_counts() -> None:
    assert lint_snippet(board_with(HOLD, BET, BET), only=RULE)
    assert lint_snippet(board_with(HOLD, BET, BET, BET), only=RULE) == []


def test_guard_rails_do_not_count_but_no_change_does() -> None:
    guard = "Grow MRR from $80k to $120k while keeping churn below 3%"
    assert lint_snippet(board_with(guard, BET, BET), only=RULE) == []
    assert lint_snippet(board_with("Move NPS from 45 to 45", BET, BET), only=RULE)


def test_business_as_usual_objectives_count() -> None:
    text = board_with(BET, BET, BET, title="Hit our sales targets")
    [f] = lint_snippet(text, only=RULE)
    assert "1 of 1 objectives" in f.message


def test_the_share_is_an_option() -> None:
    assert (
        lint_snippet(board_with(HOLD, BET, BET), only=RULE, **{"board-mostly-kpis.share": 0.5})
        == []
    )
