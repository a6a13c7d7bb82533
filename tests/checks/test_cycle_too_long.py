"""cycle-too-long: cycles longer than the maximum."""

from __future__ import annotations

import pytest

from conftest import lint_snippet
from okrlint.findings import Severity

RULE = "cycle-too-long"
BODY = "objectives:\n  - title: A bet\n    key_results: [Increase activation from 61% to 75%]\n"


@pytest.mark.parametrize(("cycle", "days"), [("2026", 365), ("2026-H2", 184), ("2028", 366)])
def test_flags_long_cycles_at_the_cycle_value(cycle: str, days: int) -> None:
    [f] = lint_snippet(f"cycle: {cycle}\n{BODY}", only=RULE)
    assert (f.severity, f.node, f.line, f.column) == (Severity.WARNING, "", 1, 8)
    assert str(days) in f.message


@pytest.mark.parametrize("cycle", ["2026-Q3", "2026-Q1", "2026-07", "Q4 2026"])
def test_quarters_and_months_are_fine(cycle: str) -> None:
    assert lint_snippet(f"cycle: {cycle}\n{BODY}", only=RULE) == []


def test_a_date_range_counts_both_ends() -> None:
    ok = "cycle: {start: 2026-07-01, end: 2026-10-01}\n" + BODY  # 93 days
    [f] = lint_snippet(ok, only=RULE)
    assert "93 days" in f.message
    assert lint_snippet(ok, only=RULE, **{"cycle-too-long.max-days": 93}) == []


def test_the_maximum_is_an_option() -> None:
    assert (
        lint_snippet(f"cycle: 2026-H2\n{BODY}", only=RULE, **{"cycle-too-long.max-days": 200}) == []
    )
