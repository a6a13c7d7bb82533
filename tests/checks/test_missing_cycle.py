"""missing-cycle: no cycle and no due date."""

from __future__ import annotations

from conftest import lint_snippet
from okrlint.findings import Severity

RULE = "missing-cycle"


def test_flags_each_objective_without_an_end() -> None:
    text = """\
        objectives:
          - title: Make onboarding effortless
            key_results: [Increase activation from 61% to 75%]
          - title: Win enterprise
            due: 2026-09-30
            key_results: [Sign 10 new enterprise customers]
        """
    [f] = lint_snippet(text, only=RULE)
    assert (f.severity, f.node, f.line, f.column) == (Severity.ERROR, "objectives[0]", 2, 12)


def test_due_dates_on_every_key_result_are_an_end() -> None:
    text = """\
        objectives:
          - title: Make onboarding effortless
            key_results:
              - title: Increase activation from 61% to 75%
                due: 2026-09-30
        """
    assert lint_snippet(text, only=RULE) == []


def test_a_board_cycle_ends_every_bet() -> None:
    text = """\
        cycle: Q3 2026
        objectives:
          - title: Make onboarding effortless
            key_results: [Increase activation from 61% to 75%]
        """
    assert lint_snippet(text, only=RULE) == []


def test_a_board_with_only_kpis_has_no_bets_to_end() -> None:
    text = """\
        kpis:
          - name: Uptime
            threshold: ">= 99.9"
        """
    assert lint_snippet(text, only=RULE) == []
