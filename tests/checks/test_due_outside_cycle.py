"""due-outside-cycle."""

from __future__ import annotations

from conftest import lint_snippet
from okrlint.findings import Severity

RULE = "due-outside-cycle"


def board(objective_due: str, kr_due: str) -> str:
    return f"""\
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless
    due: {objective_due}
    key_results:
      - title: Increase activation from 61% to 75%
        due: {kr_due}
"""


def test_flags_dates_after_and_before_the_cycle_at_the_due_value() -> None:
    findings = lint_snippet(board("2026-12-15", "2026-06-30"), only=RULE)
    assert [(f.node, f.line, f.column, f.severity) for f in findings] == [
        ("objectives[0]", 4, 10, Severity.WARNING),
        ("objectives[0].key_results[0]", 7, 14, Severity.WARNING),
    ]
    assert "after the cycle ends" in findings[0].message
    assert "before the cycle starts" in findings[1].message


def test_dates_inside_the_cycle_including_its_ends_are_fine() -> None:
    assert lint_snippet(board("2026-09-30", "2026-07-01"), only=RULE) == []


def test_no_cycle_means_nothing_to_compare() -> None:
    text = board("2026-12-15", "2026-06-30").replace("cycle: 2026-Q3\n", "")
    assert lint_snippet(text, only=RULE) == []
