"""business-as-usual-objective: objectives that describe the job."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "business-as-usual-objective"
KR = "Increase activation from 61% to 75%"


@pytest.mark.parametrize(
    "title",
    [
        "Hit our sales targets",
        "Run a reliable platform",
        "Keep customers happy",
        "Deliver the roadmap",
        "Meet our SLAs",
        "Keep the lights on",
        "Continue to grow revenue",
        "Stay compliant",
    ],
)
def test_flags_a_job_description(title: str) -> None:
    [f] = lint_snippet(board_with(KR, title=title), only=RULE)
    assert (f.severity, f.node, f.line, f.column) == (Severity.ERROR, "objectives[0]", 4, 12)
    assert title in f.message


@pytest.mark.parametrize(
    "title",
    [
        "Deliver an industry-leading customer support experience",
        "Successfully penetrate the enterprise segment",
        "Accelerate core product engagement",
        "Make our product an indispensable daily habit for users",
        "Build a world-class fulfilment process",
        "Create raving fans by overhauling our onboarding experience",
        "Make onboarding effortless for new teams",
        "Dominate the mid-market sector",
    ],
)
def test_an_aspiration_stays_quiet(title: str) -> None:
    assert lint_snippet(board_with(KR, title=title), only=RULE) == []


def test_an_objective_holding_a_level_is_kpi_in_disguise_not_both() -> None:
    findings = lint_snippet(
        board_with(KR, title="Maintain 99.9% uptime"),
        only=(RULE, "kpi-in-disguise"),
    )
    assert [f.rule for f in findings] == ["kpi-in-disguise"]
