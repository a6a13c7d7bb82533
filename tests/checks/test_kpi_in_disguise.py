"""kpi-in-disguise: goals that hold a level instead of moving it."""

from __future__ import annotations

import pytest

from conftest import board_with, lint_snippet
from okrlint.checks.kpi_in_disguise import unique_id
from okrlint.findings import Severity

RULE = "kpi-in-disguise"


@pytest.mark.parametrize(
    "kr",
    [
        "Maintain 99.9% uptime",
        "maintain 99.9 percent uptime",
        "Keep gross churn below 4 percent",
        "Uptime stays at or above 99.9% all quarter",
        "Zero missed payroll runs",
        "No P1 incidents",
        "No more than 5 P1 incidents per month",
        "CSAT at least 90%",
        ">= 99.9% availability",
        "Release notes go out every Friday",
        "Publish the investor update every month",
        "Keep customers happy",
        "Sustain gross margin at 70%",
        "Churn remains below 3%",
        "Never let uptime drop below 99.9%",
        "Ensure 100% of payroll runs are on time",
    ],
)
def test_flags_a_level_to_hold(kr: str) -> None:
    [f] = lint_snippet(board_with(kr), only=RULE)
    assert (f.severity, f.line, f.column, f.node) == (
        Severity.ERROR,
        6,
        9,
        "objectives[0].key_results[0]",
    )


@pytest.mark.parametrize(
    "kr",
    [
        "Improve uptime from 99.9% to 99.99%",
        "Reduce churn from 4% to 2.5%",
        "Increase activation from 61% to 75%",
        "Keep growing MRR from $80k to $120k",
        "Increase weekly active teams from 1,200 to 2,000",
        "Sign 10 new enterprise customers",
        "Increase NPS to 60",
        "Reduce churn below 3%",
        "Bring open bugs down to under 50",
        "Increase activation from 61% to 75%, measured weekly",
        "Launch the new pricing page",
        "Reduce churn from 4% to 3% and keep it there",
    ],
)
def test_a_real_change_or_another_verdict_stays_quiet(kr: str) -> None:
    assert lint_snippet(board_with(kr), only=RULE) == []


def test_a_bet_with_a_guard_rail_is_info_and_names_the_hold() -> None:
    text = board_with("Grow MRR from $80k to $120k while keeping churn below 3%")
    [f] = lint_snippet(text, only=RULE)
    assert f.severity is Severity.INFO
    assert f.node == "objectives[0].key_results[0]"
    assert "keeping churn below 3%" in f.message
    assert '"< 3"' in f.hint and 'unit: "%"' in f.hint


def test_the_hint_proposes_the_kpi_with_its_threshold() -> None:
    [f] = lint_snippet(board_with("Keep gross churn below 4 percent"), only=RULE)
    assert f.hint == 'move it to kpis: {name: gross churn, threshold: "< 4", unit: "%"}'
    assert "gross churn < 4 percent" in f.message


def test_an_objective_that_holds_a_level_is_flagged_on_the_objective() -> None:
    text = board_with("Increase activation from 61% to 75%", title="Maintain 99.9% uptime")
    [f] = lint_snippet(text, only=RULE)
    assert (f.node, f.line, f.column, f.severity) == ("objectives[0]", 4, 12, Severity.ERROR)


def test_structured_key_result_points_at_its_title_and_numbers_win() -> None:
    text = """\
        cycle: 2026-Q3
        objectives:
          - title: Fix retention
            key_results:
              - title: Keep churn below 4%
                from: 4.6
                to: 3.5
                unit: "%"
              - title: Keep churn below 4%
        """
    [f] = lint_snippet(text, only=RULE)
    assert (f.node, f.line, f.column) == ("objectives[0].key_results[1]", 9, 16)


def test_severity_variant_comes_from_the_rule_file() -> None:
    from okrlint.catalog import load_rule_doc

    doc = load_rule_doc(RULE)
    assert doc.severity is Severity.ERROR
    assert doc.variants["guard-rail"].severity is Severity.INFO


def test_new_kpi_ids_stay_unique_in_order_and_each_number_is_tried_once() -> None:
    board = board_with(*["Keep gross churn below 4%"] * 4).replace(
        "objectives:",
        "kpis:\n  - id: gross-churn-3\n    name: Other\n    threshold: '< 1'\nobjectives:",
    )
    fixes = [f.fix for f in lint_snippet(board, only=RULE)]
    ids = [dict(fix.values)["id"] for fix in fixes if fix is not None]
    assert ids == ["gross-churn", "gross-churn-2", "gross-churn-4", "gross-churn-5"]

    asked: list[str] = []

    class Taken(set[str]):
        def __contains__(self, item: object) -> bool:
            asked.append(str(item))
            return super().__contains__(item)

    taken, last = Taken(), dict[str, tuple[str, int]]()
    for _ in range(2000):
        taken.add(unique_id("Gross churn", taken, last))
    assert len(taken) == 2000 and len(asked) < 2 * 2000  # not 2,000,000
