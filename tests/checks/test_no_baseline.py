"""no-baseline: a target with no starting value."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "no-baseline"


@pytest.mark.parametrize(
    ("kr", "target"),
    [
        ("Increase NPS to 60", "60"),
        ("Reach 40% activation", "40%"),
        ("Bring open bugs down to under 50", "50"),
        ("Achieve a 15% lead-to-close conversion rate", "15%"),
        ("Increase the average contract value for new mid-market deals to £25,000", "£25,000"),
        ("Resolve 50% of all tier-1 tickets via new self-service documentation", "50%"),
    ],
)
def test_flags_a_target_without_baseline_as_warning(kr: str, target: str) -> None:
    [f] = lint_snippet(board_with(kr), only=RULE)
    assert (f.severity, f.line, f.node) == (Severity.WARNING, 6, "objectives[0].key_results[0]")
    assert target in f.message
    assert f'"from ? to {target}"' in f.hint


@pytest.mark.parametrize(
    "kr",
    [
        "Improve average user session duration by 20%",
        "Increase qualified mid-market leads by 50%",
        "Double activation",
        "Halve time to first value",
        "Grow ARR 3x",
    ],
)
def test_a_relative_change_is_info(kr: str) -> None:
    [f] = lint_snippet(board_with(kr), only=RULE)
    assert f.severity is Severity.INFO


@pytest.mark.parametrize(
    "kr",
    [
        "Sign 10 new enterprise customers",
        "Close 15 new logos with an employee count between 50 and 250",
        "Increase average deal size from £20k to £35k",
        "Get median page load under 2s (currently 3.4s)",
        "Increase activation to 75% (baseline 61%)",
        "Maintain 99.9% uptime",
        "Improve the onboarding experience",
    ],
)
def test_a_baseline_a_count_from_zero_or_another_verdict_stays_quiet(kr: str) -> None:
    assert lint_snippet(board_with(kr), only=RULE) == []


def test_structured_from_fills_the_baseline() -> None:
    text = """\
        cycle: 2026-Q3
        objectives:
          - title: Win enterprise
            key_results:
              - title: Increase NPS to 60
                from: 42
              - title: Increase NPS
                to: 60
        """
    [f] = lint_snippet(text, only=RULE)
    assert (f.node, f.line) == ("objectives[0].key_results[1]", 7)
    assert "from:" in f.hint
