"""direction-mismatch: verb and numbers disagree."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "direction-mismatch"


@pytest.mark.parametrize(
    "kr",
    [
        "Reduce churn from 3% to 4%",
        "Increase latency from 200 ms to 100 ms",
        "Grow ARR from $3M to $2M",
        "Cut onboarding time from 4 days to 10 days",
    ],
)
def test_flags_a_verb_against_its_numbers(kr: str) -> None:
    [f] = lint_snippet(board_with(kr), only=RULE)
    assert (f.severity, f.line, f.column, f.node) == (
        Severity.ERROR,
        6,
        9,
        "objectives[0].key_results[0]",
    )


@pytest.mark.parametrize(
    "kr",
    [
        "Reduce churn from 4% to 3%",
        "Improve p95 latency from 800ms to 300ms",  # improve has no direction of its own
        "Move NPS from 30 to 45",
        "Increase NPS from -10 to 20",
        "Reduce cost per ticket from $8 to $5",
        "Shorten the sales cycle from 90 to 60 days",
    ],
)
def test_agreeing_or_neutral_verbs_stay_quiet(kr: str) -> None:
    assert lint_snippet(board_with(kr), only=RULE) == []


def test_structured_numbers_count() -> None:
    text = """\
        cycle: 2026-Q3
        objectives:
          - title: Keep new customers
            key_results:
              - title: Reduce monthly churn
                from: 3
                to: 4
                unit: "%"
        """
    [f] = lint_snippet(text, only=RULE)
    assert (f.line, f.column) == (5, 16)
