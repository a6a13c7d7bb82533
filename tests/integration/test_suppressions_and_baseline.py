"""Inline suppressions and the baseline through the real command line."""

from __future__ import annotations

import json

from tests.integration.conftest import BOARD, Repo, findings

SUPPRESSED = """\
board: Growth
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless for new teams
    owner: dana
    key_results:
      - Maintain 99.9% uptime  # okrlint: disable=kpi-in-disguise -- moving to kpis in Q4
      # okrlint: disable-next-line=no-baseline,not-a-rule
      - Increase NPS to 60
      - Increase activation from 61% to 75%  # okrlint: disable=no-baseline
      - Cut onboarding time from 10 days to 6 days
"""


def test_suppressions_silence_report_unused_and_unknown(repo: Repo) -> None:
    repo.write("b.yaml", SUPPRESSED)
    code, data = repo.json("b.yaml", "--show-suppressed")
    assert findings(data) == [
        ("b.yaml", 8, "unknown-rule-in-suppression"),
        ("b.yaml", 10, "unused-suppression"),
    ]
    assert [(f["line"], f["rule"]) for f in data["suppressed"]] == [
        (7, "kpi-in-disguise"),
        (9, "no-baseline"),
    ]
    assert data["summary"]["suppressed"] == 2
    assert code == 0  # the reports are warnings
    _code, plain = repo.json("b.yaml")
    assert "suppressed" not in plain  # listed only with --show-suppressed


def test_disable_file_and_selection_of_the_meta_rules(repo: Repo) -> None:
    repo.write("b.yaml", "# okrlint: disable-file=kpi-in-disguise,no-baseline\n" + BOARD)
    assert findings(repo.json("b.yaml")[1]) == []
    repo.write("c.yaml", SUPPRESSED)
    _code, data = repo.json("c.yaml", "--ignore", "unused-suppression,unknown-rule-in-suppression")
    assert findings(data) == []


def test_a_suppressed_rule_that_did_not_run_is_not_unused(repo: Repo) -> None:
    repo.write("b.yaml", SUPPRESSED)
    _code, data = repo.json("b.yaml", "--select", "kpi-in-disguise,unused-suppression")
    assert findings(data) == []


def test_baseline_reports_only_new_findings_and_counts_stale_entries(repo: Repo) -> None:
    board = repo.write("goals/b.yaml", BOARD)
    proc = repo.run("check", "goals", "--write-baseline", "okrlint-baseline.json")
    assert proc.returncode == 0 and "wrote 2 findings" in proc.stdout
    recorded = json.loads((repo.root / "okrlint-baseline.json").read_text())
    assert {e["rule"] for e in recorded["findings"]} == {"kpi-in-disguise", "no-baseline"}
    # nothing new: clean exit, the summary counts what the baseline hid
    code, data = repo.json("goals", "--baseline", "okrlint-baseline.json")
    assert (code, findings(data), data["baseline"]) == (0, [], {"hidden": 2, "stale": 0})
    # edits elsewhere in the board do not resurrect old findings (matched by node text)
    text = BOARD.replace("board: Growth\n", "board: Growth\nowner: growth\n# a new comment\n")
    board.write_text(text.replace("    board:", "board:"), encoding="utf-8")
    board.write_text(
        "board: Growth\nowner: growth\n\ncycle: 2026-Q3\nobjectives:\n"
        "  - title: Make onboarding effortless for new teams\n    owner: dana\n"
        "    key_results:\n      - Maintain 99.9% uptime\n      - Reach 40% activation\n"
        "      - Increase activation from 61% to 75%\n"
        "      - Cut onboarding time from 10 days to 6 days\n",
        encoding="utf-8",
    )
    code, data = repo.json("goals", "--baseline", "okrlint-baseline.json")
    assert findings(data) == [("goals/b.yaml", 10, "no-baseline")]  # the new one only
    assert data["baseline"] == {"hidden": 1, "stale": 1}
    human = repo.run("check", "goals", "--baseline", "okrlint-baseline.json", "--format", "human")
    assert "1 baseline entry no longer occurs" in human.stdout


def test_a_broken_baseline_file_is_a_usage_error(repo: Repo) -> None:
    repo.write("b.yaml", BOARD)
    repo.write("bad.json", "{not json")
    proc = repo.run("check", "b.yaml", "--baseline", "bad.json")
    assert proc.returncode == 2 and "bad.json" in proc.stderr
    proc = repo.run("check", "b.yaml", "--baseline", "missing.json")
    assert proc.returncode == 2 and "no such baseline file" in proc.stderr
