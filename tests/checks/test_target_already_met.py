"""target-already-met: a guaranteed green."""

from __future__ import annotations

import pytest

from conftest import lint_snippet
from okrlint.findings import Severity

RULE = "target-already-met"


def board(kr: str, current: str, threshold: str = '">= 99.9"', link: str = "kpi: uptime") -> str:
    return f"""\
cycle: 2026-Q3
kpis:
  - id: uptime
    name: API availability
    owner: platform
    unit: "%"
    threshold: {threshold}
    current: {current}
objectives:
  - title: Make the API something customers can build on
    key_results:
      - title: {kr}
        {link}
"""


@pytest.mark.parametrize(
    ("kr", "current"),
    [
        ("Raise availability to 99.9%", "99.95"),
        ("Raise availability from 99.5% to 99.9%", "99.95"),
        ("Reach 99.9% availability", "99.9"),
    ],
)
def test_flags_a_target_the_kpi_already_meets(kr: str, current: str) -> None:
    [f] = lint_snippet(board(kr, current), only=RULE)
    assert (f.severity, f.node, f.line, f.column) == (
        Severity.WARNING,
        "objectives[0].key_results[0]",
        12,
        16,
    )
    assert current in f.message and "99.9%" in f.message


@pytest.mark.parametrize(
    ("kr", "current", "threshold"),
    [
        ("Improve availability from 99.9% to 99.99%", "99.95", '">= 99.9"'),  # pushes further
        ("Bring availability back to 99.9%", "99.5", '">= 99.9"'),  # a red KPI brought back
        ("Cut errors from 3% to 1%", "3", '"< 2"'),
    ],
)
def test_a_genuine_bet_on_the_kpi_stays_quiet(kr: str, current: str, threshold: str) -> None:
    assert lint_snippet(board(kr, current, threshold), only=RULE) == []


def test_lower_is_better_from_the_numbers_and_the_threshold() -> None:
    text = board("Reduce churn to 4%", "3.2", '"< 5"', "kpi: uptime")
    [f] = lint_snippet(text, only=RULE)
    assert f.rule == RULE


def test_a_metric_equal_to_the_kpi_id_links_it_but_names_do_not() -> None:
    assert lint_snippet(
        board("Raise availability to 99.9%", "99.95", link="metric: uptime"), only=RULE
    )
    assert (
        lint_snippet(board("Raise availability to 99.9%", "99.95", link="owner: dana"), only=RULE)
        == []
    )


def test_it_takes_precedence_over_no_baseline() -> None:
    text = board("Raise availability to 99.9%", "99.95")
    assert [f.rule for f in lint_snippet(text, only=(RULE, "no-baseline"))] == [RULE]
