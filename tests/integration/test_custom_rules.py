"""Custom rules written as data in the configuration."""

from __future__ import annotations

import textwrap

import pytest
from tests.integration.conftest import BOARD, Repo, findings

CUSTOM = """\
custom-rules:
  - id: owner-from-leads
    severity: error
    message: owners must be team leads
    given: objectives
    field: owner
    one-of: [maya, lee]
  - id: no-maintain-objectives
    message: objective titles must not start with Maintain
    given: objectives
    field: title
    not-pattern: "^(?i:maintain)"
  - id: at-most-one-kpi
    given: kpis
    max-count: 1
  - id: kpis-need-units
    given: kpis
    field: unit
    required: true
"""

BOARD_WITH_KPIS = textwrap.dedent(BOARD) + (
    "kpis:\n"
    '  - {id: up, name: Uptime, owner: ops, threshold: ">= 99.9"}\n'
    '  - {id: churn, name: Churn, owner: finance, unit: "%", threshold: "< 4"}\n'
)


def test_custom_rules_fire_with_their_severity_and_positions(repo: Repo) -> None:
    repo.write(".okrlint.yaml", CUSTOM)
    repo.write("b.yaml", BOARD_WITH_KPIS)
    code, data = repo.json(
        "b.yaml",
        "--select",
        "owner-from-leads,no-maintain-objectives,at-most-one-kpi,kpis-need-units",
    )
    got = [(f["line"], f["rule"], f["severity"], f["node"]) for f in data["findings"]]
    assert got == [
        (5, "owner-from-leads", "error", "objectives[0]"),
        (11, "at-most-one-kpi", "warning", ""),
        (12, "kpis-need-units", "warning", "kpis[0]"),
    ]
    assert code == 1


def test_custom_rules_are_listed_explained_and_suppressible(repo: Repo) -> None:
    repo.write(".okrlint.yaml", CUSTOM)
    listed = repo.run("rules").stdout
    assert "owner-from-leads" in listed and "(custom)" in listed
    explained = repo.run("explain", "no-maintain-objectives")
    assert explained.returncode == 0 and "must not match" in explained.stdout
    # the suppression goes where the judged item (the objective) starts
    title = "title: Make onboarding effortless for new teams"
    repo.write("b.yaml", BOARD.replace(title, f"{title}  # okrlint: disable=owner-from-leads"))
    _code, data = repo.json("b.yaml", "--select", "owner-from-leads,unused-suppression")
    assert findings(data) == []


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("{id: kpi-in-disguise, given: kpis, field: name, required: true}", "clashes"),
        ("{id: x-y, given: goals, field: name, required: true}", "'given' must be"),
        ("{id: x-y, given: kpis, field: name}", "exactly one of"),
        ("{id: x-y, given: kpis, field: name, pattern: '(['}", "bad regular expression"),
        ("{id: x-y, given: kpis, field: name, one-of: []}", "non-empty list"),
        ("{id: x-y, given: kpis, field: name, required: true, code: 'import os'}", "unknown key"),
    ],
)
def test_invalid_definitions_are_config_errors(repo: Repo, rule: str, words: str) -> None:
    repo.write(".okrlint.yaml", f"custom-rules:\n  - {rule}\n")
    repo.write("b.yaml", BOARD)
    proc = repo.run("check", "b.yaml")
    assert proc.returncode == 2
    assert words in proc.stderr and ".okrlint.yaml:1" in proc.stderr
