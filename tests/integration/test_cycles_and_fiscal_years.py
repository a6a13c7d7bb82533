"""Cycles as teams write them, through the command line: fiscal periods dated by the
configured fiscal year, semesters and tertials, and due dates given as a month."""

from __future__ import annotations

import pytest
from tests.integration.conftest import Repo, findings


def _board(cycle: str, due: str = "", team: str = "Growth") -> str:
    due_line = f"\n        due: {due}" if due else ""
    return (
        f"board: {team}\ncycle: {cycle}\nobjectives:\n  - title: Make onboarding effortless\n"
        f"    owner: dana\n    key_results:\n      - title: Raise CSAT from 80% to 85%"
        f"{due_line}\n      - Cut onboarding time from 10 days to 6 days\n"
    )


@pytest.mark.parametrize(
    "cycle",
    ["FY2026-Q3", "FY26-Q3", "Q3 FY26", "FY26-H1", "FY26", "2026-S1", "S2 2026", "2026-T2"],
)
def test_every_cycle_form_is_accepted(repo: Repo, cycle: str) -> None:
    repo.write("b.yaml", _board(cycle))
    code, data = repo.json("b.yaml")
    assert code == 0, data
    assert [f["errors"] for f in data["files"]] == [[]]


def test_a_due_month_is_due_on_its_last_day(repo: Repo) -> None:
    repo.write("in.yaml", _board("2026-Q3", due="2026-09"))
    repo.write("out.yaml", _board("2026-Q3", due="2026-10"))
    _code, data = repo.json("in.yaml", "out.yaml", "--select", "due-outside-cycle")
    assert findings(data) == [("out.yaml", 8, "due-outside-cycle")]


def test_a_bad_cycle_or_month_names_the_forms(repo: Repo) -> None:
    repo.write("cycle.yaml", _board("FY26-Q5"))
    repo.write("due.yaml", _board("2026-Q3", due="2026-13"))
    proc = repo.run("check", "cycle.yaml", "due.yaml")
    assert proc.returncode == 2
    assert "FY26-Q3" in proc.stderr and "cycle.yaml:2" in proc.stderr
    assert "a month such as 2026-09" in proc.stderr and "due.yaml:8" in proc.stderr


def test_the_fiscal_year_dates_fiscal_periods(repo: Repo) -> None:
    """FY26-Q1 of a July fiscal year is July to September 2025: a key result due in
    August 2025 is inside it, one due in August 2026 is not."""
    repo.write(".okrlint.yaml", "fiscal-year: {starts: july, named-by: end}\n")
    repo.write("in.yaml", _board("FY26-Q1", due="2025-08"))
    repo.write("out.yaml", _board("FY26-Q1", due="2026-08"))
    _code, data = repo.json("in.yaml", "out.yaml", "--select", "due-outside-cycle")
    assert findings(data) == [("out.yaml", 8, "due-outside-cycle")]
    proc = repo.run("check", "--show-settings", "in.yaml")
    assert "fiscal-year" in proc.stdout and "starts in July" in proc.stdout


def test_the_team_history_orders_fiscal_quarters_by_their_dates(repo: Repo) -> None:
    """With a fiscal year starting in October, FY26-Q1 is October to December 2025 and
    comes before 2026-Q1 (FY26-Q2's months): three cycles in a row, an evergreen bet."""
    repo.git_init()
    repo.write(".okrlint.yaml", "fiscal-year: 10\n")
    for cycle in ("FY26-Q1", "2026-Q1", "FY26-Q3"):
        repo.write(f"goals/{cycle}/growth.yaml", _board(cycle))
    _code, data = repo.json("goals", "--select", "evergreen-key-result")
    assert {f[0] for f in findings(data)} == {"goals/FY26-Q3/growth.yaml"}
    assert "(FY2026-Q1 to FY2026-Q3)" in data["findings"][0]["message"]
    # as calendar years the fiscal quarters fall elsewhere: no three in a row
    repo.write(".okrlint.yaml", "fiscal-year: 1\n")
    _code, data = repo.json("goals", "--select", "evergreen-key-result")
    assert findings(data) == []


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ("fiscal-year: 13\n", "starts must be a month"),
        ("fiscal-year: {starts: 7, named-by: middle}\n", "named-by must be end"),
        ("fiscal-year: {start: 7}\n", "takes starts and named-by"),
    ],
)
def test_fiscal_year_mistakes_are_usage_errors(repo: Repo, config: str, words: str) -> None:
    repo.write(".okrlint.yaml", config)
    repo.write("b.yaml", _board("FY26-Q1"))
    proc = repo.run("check", "b.yaml")
    assert proc.returncode == 2
    assert words in proc.stderr and ".okrlint.yaml:1" in proc.stderr
