"""not-measurable: no number and no target."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "not-measurable"


@pytest.mark.parametrize(
    "kr",
    [
        "Improve the onboarding experience",
        "Make customers happier",
        "Become the go-to tool for product teams",
        "World-class onboarding",
    ],
)
def test_flags_text_with_nothing_to_measure(kr: str) -> None:
    [f] = lint_snippet(board_with(kr), only=RULE)
    assert (f.severity, f.line, f.column) == (Severity.ERROR, 6, 9)


def test_a_baseline_without_target_says_so() -> None:
    [f] = lint_snippet(board_with("Reduce churn from 4%"), only=RULE)
    assert "4%" in f.message and "no target" in f.message


@pytest.mark.parametrize(
    "kr",
    [
        "Launch the new pricing page",  # a task: output-not-outcome's business
        "Hire two engineers",
        "Increase NPS to 60",
        "Reduce churn from 4% to 2.5%",
        "Keep customers happy",
    ],
)
def test_tasks_and_measured_goals_stay_quiet(kr: str) -> None:
    assert lint_snippet(board_with(kr), only=RULE) == []


def test_a_structured_target_makes_it_measurable() -> None:
    text = """\
        cycle: 2026-Q3
        objectives:
          - title: Make onboarding effortless
            key_results:
              - title: Improve onboarding
                from: 10
                to: 6
                unit: days
        """
    assert lint_snippet(text, only=RULE) == []
