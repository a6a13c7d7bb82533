"""unit-mismatch: baseline and target in incomparable units."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "unit-mismatch"


@pytest.mark.parametrize(
    "kr",
    ["Improve onboarding from 10 days to 40%", "Grow revenue from $2M to 40%"],
)
def test_flags_incomparable_units(kr: str) -> None:
    [f] = lint_snippet(board_with(kr), only=RULE)
    assert (f.severity, f.line, f.node) == (Severity.ERROR, 6, "objectives[0].key_results[0]")


@pytest.mark.parametrize(
    "kr",
    [
        "Cut review time from 2 days to 36 hours",
        "Move activation from 61 to 75 percent",
        "Raise conversion from 2% to 3%",
        "Increase NPS from 30 to 45 points",
    ],
)
def test_comparable_units_stay_quiet(kr: str) -> None:
    assert lint_snippet(board_with(kr), only=RULE) == []


def test_structured_fields_with_different_units() -> None:
    text = """\
        cycle: 2026-Q3
        objectives:
          - title: Speed up onboarding
            key_results:
              - title: Onboarding
                from: 10 days
                to: "40%"
        """
    [f] = lint_snippet(text, only=RULE)
    assert "duration" in f.message and "percent" in f.message
