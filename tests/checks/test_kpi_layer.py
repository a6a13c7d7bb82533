"""The KPI layer: thresholds, owners, links, red KPIs."""

from __future__ import annotations

import pytest

from conftest import lint_snippet
from okrlint.findings import Severity


def kpis(*items: str, krs: str = "") -> str:
    body = "".join(f"  - {item}\n" for item in items)
    text = f"cycle: 2026-Q3\nkpis:\n{body}"
    if krs:
        text += (
            "objectives:\n  - title: Win back new customers\n    owner: lee\n"
            f"    key_results:\n{krs}"
        )
    return text


@pytest.mark.parametrize(
    ("kpi", "words"),
    [
        ("{name: Churn, owner: finance}", "no threshold"),
        ("{name: Churn, owner: finance, threshold: 4}", "which side"),
        ("{name: Churn, owner: finance, threshold: 'low'}", "cannot read"),
    ],
)
def test_kpi_without_threshold(kpi: str, words: str) -> None:
    [f] = lint_snippet(kpis(kpi), only="kpi-without-threshold")
    assert (f.severity, f.node, f.line) == (Severity.WARNING, "kpis[0]", 3)
    assert words in f.message


@pytest.mark.parametrize(
    "threshold", ["'< 4'", "'<= 4 %'", "'>= 99.9'", "'95..99'", "{min: 95}", "{max: 4, min: 1}"]
)
def test_readable_thresholds_are_fine(threshold: str) -> None:
    kpi = f"{{name: Churn, owner: finance, threshold: {threshold}}}"
    assert lint_snippet(kpis(kpi), only="kpi-without-threshold") == []


def test_kpi_without_owner() -> None:
    [f] = lint_snippet(
        kpis("{name: Churn, threshold: '< 4'}", "{name: Uptime, owner: ops, threshold: '>= 99.9'}"),
        only="kpi-without-owner",
    )
    assert (f.node, f.severity) == ("kpis[0]", Severity.WARNING)


def test_key_result_without_owner_only_when_the_objective_has_none() -> None:
    text = """\
        cycle: 2026-Q3
        objectives:
          - title: Owned
            owner: dana
            key_results: [Increase activation from 61% to 75%]
          - title: Not owned
            key_results:
              - Increase NPS from 30 to 45
              - title: Cut onboarding from 10 to 6 days
                owner: lee
        """
    [f] = lint_snippet(text, only="key-result-without-owner")
    assert (f.node, f.severity) == ("objectives[1].key_results[0]", Severity.INFO)


@pytest.mark.parametrize(
    "kr",
    [
        "'Head of Growth: grow NPS from 30 to 45'",
        "'Marketing (Demand Gen): lift SQLs from 40 to 60 a week'",
        "'Owner: Lee - cut onboarding from 10 to 6 days'",
        "'Ship the importer (@dana)'",
    ],
)
def test_an_owner_named_in_the_text_is_an_owner(kr: str) -> None:
    text = f"cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    key_results: [{kr}]\n"
    assert lint_snippet(text, only="key-result-without-owner") == []


def test_a_team_word_inside_the_text_is_no_owner() -> None:
    kr = "Grow marketing SQLs from 40 to 60"
    text = f"cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    key_results: [{kr}]\n"
    [f] = lint_snippet(text, only="key-result-without-owner")
    assert f.node == "objectives[0].key_results[0]"


def test_unknown_kpi_points_at_the_kpi_field_with_a_suggestion() -> None:
    text = kpis(
        "{id: churn, name: Churn, owner: finance, threshold: '< 4'}",
        krs="      - title: Bring churn from 4.6% to 3.5%\n        kpi: chrun\n",
    )
    [f] = lint_snippet(text, only="unknown-kpi")
    assert (f.severity, f.node, f.line, f.column) == (
        Severity.ERROR,
        "objectives[0].key_results[0]",
        9,
        14,
    )
    assert f.hint == "did you mean kpi: churn?"


def test_a_known_kpi_is_fine() -> None:
    text = kpis(
        "{id: churn, name: Churn, owner: finance, threshold: '< 4'}",
        krs="      - title: Bring churn from 4.6% to 3.5%\n        kpi: churn\n",
    )
    assert lint_snippet(text, only="unknown-kpi") == []


def test_red_kpi_without_okr() -> None:
    text = kpis(
        "{id: churn, name: Churn, owner: finance, unit: '%', threshold: '< 4', current: 4.6}",
        "{id: up, name: Uptime, owner: ops, unit: '%', threshold: '>= 99.9', current: 99.95}",
    )
    [f] = lint_snippet(text, only="red-kpi-without-okr")
    assert (f.severity, f.node, f.line) == (Severity.INFO, "kpis[0]", 3)
    assert "4.6" in f.message and "< 4" in f.message


def test_a_red_kpi_with_a_bet_on_it_is_fine() -> None:
    text = kpis(
        "{id: churn, name: Churn, owner: finance, unit: '%', threshold: '< 4', current: 4.6}",
        krs="      - title: Bring churn from 4.6% to 3.5%\n        kpi: churn\n",
    )
    assert lint_snippet(text, only="red-kpi-without-okr") == []


@pytest.mark.parametrize("current", ["3.9", "'3.5%'"])
def test_a_healthy_kpi_is_not_red(current: str) -> None:
    text = kpis(f"{{name: Churn, owner: f, unit: '%', threshold: '< 4', current: {current}}}")
    assert lint_snippet(text, only="red-kpi-without-okr") == []
