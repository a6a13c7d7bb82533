"""The verdict chain: one text rule per key result, first match among the selected rules."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.checks import VERDICT_CHAIN, verdict
from okrlint.findings import Severity
from okrlint.models import Board
from okrlint.understanding.board import understand

HOLD_SAME = "Keep NPS from 45 to 45"


def _rules(findings: list) -> list[str]:  # type: ignore[type-arg]
    return sorted(f.rule for f in findings if f.node == "objectives[0].key_results[0]")


def test_with_every_rule_a_level_held_from_x_to_x_is_a_kpi_in_disguise() -> None:
    text = board_with(HOLD_SAME)
    chain = [m.ID for m in VERDICT_CHAIN]
    assert _rules(lint_snippet(text, only=chain)) == ["kpi-in-disguise"]


def test_with_kpi_in_disguise_ignored_it_is_judged_by_no_change() -> None:
    text = board_with(HOLD_SAME)
    chain = [m.ID for m in VERDICT_CHAIN if m.ID != "kpi-in-disguise"]
    [f] = lint_snippet(text, only=chain)
    assert (f.rule, f.severity, f.line) == ("no-change", Severity.ERROR, 6)
    assert "45 to 45" in f.message


def test_ignoring_a_rule_through_the_config_moves_the_verdict_down_the_chain() -> None:
    from okrlint.api import lint_text
    from okrlint.config import Config

    result = lint_text(board_with(HOLD_SAME), "board.yaml", Config(ignore=("kpi-in-disguise",)))
    assert "no-change" in {f.rule for f in result.findings}
    assert "kpi-in-disguise" not in {f.rule for f in result.findings}


@pytest.mark.parametrize(
    ("text", "first", "then"),
    [
        # a task counted from a baseline to a target: output first, no baseline never
        ("Raise demo calls from 20 to 40 a week", "output-not-outcome", None),
        # a unit clash hides nothing else in the chain
        ("Improve onboarding from 10 days to 40%", "unit-mismatch", None),
        # a held level with a target: kpi-in-disguise, and nothing below it applies
        ("Maintain 99.9% uptime", "kpi-in-disguise", None),
    ],
)
def test_each_key_result_gets_one_verdict_and_the_next_only_when_deselected(
    text: str, first: str, then: str | None
) -> None:
    board = Board.model_validate({"objectives": [{"title": "T", "key_results": [text]}]})
    [kr] = understand(board, "b.yaml").key_results
    assert verdict(kr) == first
    others = frozenset(m.ID for m in VERDICT_CHAIN) - {first}
    assert verdict(kr, others) == then


def test_board_mostly_kpis_counts_levels_whatever_is_selected() -> None:
    """The tally is about what the board is, not about which rules report."""
    text = board_with("Maintain 99.9% uptime", "Keep churn below 4%", "Grow MRR from 1 to 2")
    [f] = lint_snippet(text, only="board-mostly-kpis")
    assert "2 of 3 key results hold a level" in f.message
