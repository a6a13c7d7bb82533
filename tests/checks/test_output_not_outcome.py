"""output-not-outcome: tasks and counts of the team's own activity."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "output-not-outcome"


@pytest.mark.parametrize(
    "kr",
    [
        "Launch the new pricing page",
        "Hire two engineers",
        "Run 5 workshops",
        "Run 4 customer roundtables",
        "Publish 10 blog posts",
        "Raise demo calls from 20 to 40 a week",
    ],
)
def test_flags_work_instead_of_results(kr: str) -> None:
    [f] = lint_snippet(board_with(kr), only=RULE)
    assert (f.severity, f.line, f.node) == (Severity.WARNING, 6, "objectives[0].key_results[0]")


@pytest.mark.parametrize(
    "kr",
    [
        "Increase pricing-page conversion from 2.1% to 3.5%",
        "Sign 10 new enterprise customers",
        "Reduce support tickets from 500 to 300 per month",
        "Improve the onboarding experience",  # not-measurable, not this rule
    ],
)
def test_results_stay_quiet(kr: str) -> None:
    assert lint_snippet(board_with(kr), only=RULE) == []


def test_a_task_is_not_also_not_measurable() -> None:
    rules = [
        f.rule
        for f in lint_snippet(
            board_with("Launch the new pricing page"), only=(RULE, "not-measurable")
        )
    ]
    assert rules == [RULE]
