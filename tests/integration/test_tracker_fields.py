"""Fields that OKR trackers and spreadsheet exports carry, through the command line."""

from __future__ import annotations

from tests.integration.conftest import Repo, findings

TRACKED = """\
board: Growth
cycle: 2026-Q3
x-tracker-id: 4411
objectives:
  - title: Make onboarding effortless
    owner: dana
    status: on track
    progress: "40%"
    priority: P1
    parent: Company#O1
    links: [https://wiki.example.com/onboarding]
    notes: drafted at the offsite
    tags: [onboarding, q3]
    initiatives:
      - Ship the onboarding wizard
      - {title: Run five user interviews, owner: lee, due: 2026-08}
    key_results:
      - title: Raise activation from 61% to 75%
        progress: 0.85
        stretch: true
        confidence: 7/10
        x-jira: GROW-12
      - title: Maintain uptime above 99.9%
        status: green
"""


def test_tracker_fields_are_accepted_and_initiatives_are_never_bets(repo: Repo) -> None:
    repo.write("growth.yaml", TRACKED)
    code, data = repo.json("growth.yaml", "--select", "kpi-in-disguise,output-not-outcome")
    assert [f["errors"] for f in data["files"]] == [[]]
    # the uptime key result is the only disguised KPI; the initiatives (tasks) are not
    # read as key results, so output-not-outcome finds nothing
    assert findings(data) == [("growth.yaml", 23, "kpi-in-disguise")]
    assert code == 1


def test_an_unknown_field_suggests_the_tracker_field(repo: Repo) -> None:
    repo.write("b.yaml", TRACKED.replace("    status: on track", "    stauts: on track"))
    proc = repo.run("check", "b.yaml")
    assert proc.returncode == 2
    assert "b.yaml:7:5: schema-error error unknown field 'stauts'" in proc.stderr
    assert "any field starting with 'x-'" in proc.stderr
    code, data = repo.json("b.yaml")
    (error,) = data["files"][0]["errors"]
    assert (code, error["hint"]) == (2, "did you mean 'status'?")


def test_a_bad_progress_names_the_forms(repo: Repo) -> None:
    repo.write("b.yaml", TRACKED.replace('progress: "40%"', "progress: 40"))
    proc = repo.run("check", "b.yaml")
    assert proc.returncode == 2
    assert 'a fraction from 0 to 1, or a percentage such as "85%"' in proc.stderr
    assert "b.yaml:8" in proc.stderr


COMPANY = """\
board: Company
cycle: 2026-Q3
objectives:
  - title: Win the mid-market
    key_results: [Grow mid-market ARR from $2M to $3M, Sign 40 new mid-market customers]
"""


def _growth(parent: str) -> str:
    return (
        "board: Growth\ncycle: 2026-Q3\nobjectives:\n  - title: Make onboarding effortless\n"
        f"    parent: {parent}\n    key_results:\n      - Raise activation from 61% to 75%\n"
        "      - Cut onboarding time from 10 days to 6 days\n"
    )


def test_a_parent_resolves_against_the_boards_of_the_run(repo: Repo) -> None:
    repo.write("goals/company.yaml", COMPANY)
    repo.write("goals/growth.yaml", _growth("Company#O1"))
    _code, data = repo.json("goals", "--select", "unknown-parent")
    assert findings(data) == []

    repo.write("goals/growth.yaml", _growth("Company#O2"))
    _code, data = repo.json("goals", "--select", "unknown-parent")
    assert findings(data) == [("goals/growth.yaml", 5, "unknown-parent")]
    assert data["findings"][0]["message"] == (
        "parent 'Company#O2': board 'Company' has no objective 'O2'"
    )
    assert data["findings"][0]["column"] == 13

    repo.write("goals/growth.yaml", _growth("Compnay#O1"))
    _code, data = repo.json("goals", "--select", "unknown-parent")
    assert [f["hint"] for f in data["findings"]] == ["did you mean Company#O1?"]

    repo.write("goals/growth.yaml", _growth("the company objective"))
    _code, data = repo.json("goals", "--select", "unknown-parent")
    assert [f["hint"] for f in data["findings"]] == [
        "write it as board#objective-id, e.g. Company#O2"
    ]


def test_a_board_never_seen_is_not_reported_for_one_file_alone(repo: Repo) -> None:
    """pre-commit passes the changed file only: the company board was not given."""
    repo.write("goals/company.yaml", COMPANY)
    repo.write("goals/growth.yaml", _growth("Compnay#O1"))
    _code, data = repo.json("goals/growth.yaml", "--select", "unknown-parent")
    assert findings(data) == []
