"""no-change: baseline equals target."""

from __future__ import annotations

from conftest import board_with, lint_snippet
from okrlint.findings import Severity

RULE = "no-change"


def test_flags_text_from_x_to_x() -> None:
    [f] = lint_snippet(board_with("Move NPS from 45 to 45"), only=RULE)
    assert (f.severity, f.line, f.column, f.node) == (
        Severity.ERROR,
        6,
        9,
        "objectives[0].key_results[0]",
    )
    assert "45" in f.message


def test_flags_structured_fields_in_the_same_unit_and_points_at_the_title() -> None:
    text = """\
        cycle: 2026-Q3
        objectives:
          - title: Deliver on time
            key_results:
              - title: On-time delivery
                from: "95%"
                to: 95
                unit: "%"
        """
    [f] = lint_snippet(text, only=RULE)
    assert (f.line, f.column, f.node) == (5, 16, "objectives[0].key_results[0]")


def test_durations_compare_in_one_unit() -> None:
    [f] = lint_snippet(board_with("Cut review time from 2 days to 48 hours"), only=RULE)
    assert f.rule == RULE


def test_a_real_move_and_a_hold_stay_quiet() -> None:
    assert lint_snippet(board_with("Raise on-time delivery from 95% to 98%"), only=RULE) == []
    # a hold verb makes it kpi-in-disguise, never both
    both = lint_snippet(board_with("Maintain NPS from 45 to 45"), only=(RULE, "kpi-in-disguise"))
    assert [f.rule for f in both] == ["kpi-in-disguise"]
