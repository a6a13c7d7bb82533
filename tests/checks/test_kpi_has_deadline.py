"""kpi-has-deadline: a bet filed as a vital sign."""

from __future__ import annotations

import pytest

from conftest import lint_snippet
from okrlint.findings import Severity

RULE = "kpi-has-deadline"


def board(kpi: str) -> str:
    return f"cycle: 2026-Q3\nkpis:\n  - {kpi}\n"


@pytest.mark.parametrize(
    "kpi",
    [
        "{name: Refund time, owner: ops, threshold: '<= 5', due: 2026-09-30}",
        "{name: Refund time, owner: ops, from: 10, to: 5, unit: days}",
        "{name: Cut refund time from 10 to 5 days by 30 September, owner: ops}",
        "{name: Reduce refund time to 5 days by end of Q3, owner: ops}",
    ],
)
def test_flags_a_kpi_with_an_end(kpi: str) -> None:
    [f] = lint_snippet(board(kpi), only=RULE)
    assert (f.severity, f.node, f.line) == (Severity.WARNING, "kpis[0]", 3)


@pytest.mark.parametrize(
    "kpi",
    [
        "{name: Refund time, owner: ops, threshold: '<= 5', unit: days}",
        "{name: Monthly gross churn, owner: finance, threshold: '< 4'}",
        "{name: Time to refund (days), owner: ops}",
    ],
)
def test_a_plain_vital_sign_stays_quiet(kpi: str) -> None:
    assert lint_snippet(board(kpi), only=RULE) == []
