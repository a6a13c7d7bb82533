"""Markdown boards through the command line, beside YAML boards and other files."""

from __future__ import annotations

import json

from tests.integration.conftest import Repo, findings

OKR_MD = """\
---
board: Support
cycle: 2026-Q3
---

# Support OKRs

## Objective 1: Make support feel effortless

- KR1: Cut first reply time from 9h to 2h (@lee)
- KR2: Keep CSAT above 90%
- KR3: Launch the help-center search

## Objective 2: Stop tickets before they start

- KR1: Reduce tickets per customer from 1.4 to 0.9
- KR2: Publish 30 help articles <!-- okrlint: disable=output-not-outcome -- planned work -->
"""

YAML_BOARD = (
    "board: Growth\ncycle: 2026-Q3\nobjectives:\n  - title: Make onboarding effortless\n"
    "    owner: dana\n    key_results:\n      - Raise activation from 61% to 75%\n"
    "      - Keep uptime above 99.9%\n"
)


def _repository(repo: Repo) -> None:
    repo.write("goals/support/OKR.md", OKR_MD)
    repo.write("goals/growth.yaml", YAML_BOARD)
    repo.write("docker-compose.yml", "services:\n  web:\n    image: nginx\n")
    repo.write("README.md", "# Our goals\n\nHow we write them:\n\n- short\n- with numbers\n")
    repo.write("docs/process.md", "# Process\n\nWe review goals every Monday.\n")


def test_a_mixed_repository_lints_both_kinds_of_board(repo: Repo) -> None:
    _repository(repo)
    proc = repo.run("check", ".", "--select", "kpi-in-disguise,output-not-outcome")
    assert proc.returncode == 1, proc.stderr
    notices = [line for line in proc.stderr.splitlines() if line.startswith("okrlint:")]
    assert notices == ["okrlint: skipped 3 files that are not boards (--verbose lists them)"]
    code, data = repo.json(".", "--select", "kpi-in-disguise,output-not-outcome")
    assert findings(data) == [
        ("goals/growth.yaml", 8, "kpi-in-disguise"),
        ("goals/support/OKR.md", 11, "kpi-in-disguise"),
        ("goals/support/OKR.md", 12, "output-not-outcome"),
    ]
    first = data["findings"][1]
    assert (first["column"], first["message"]) == (
        8,
        '"Keep CSAT above 90%" holds a level instead of moving it: CSAT > 90%',
    )
    assert code == 1


def test_an_html_comment_suppresses_a_markdown_finding(repo: Repo) -> None:
    _repository(repo)
    _code, data = repo.json(
        "goals/support/OKR.md", "--select", "output-not-outcome", "--show-suppressed"
    )
    assert [f["line"] for f in data["findings"]] == [12]
    assert [f["line"] for f in data["suppressed"]] == [17]  # its comment is on its line


def test_a_named_markdown_file_without_a_board_is_an_input_error(repo: Repo) -> None:
    _repository(repo)
    proc = repo.run("check", "README.md")
    assert proc.returncode == 2
    assert "README.md:1:1: not-a-board error no board in this Markdown file" in proc.stderr


def test_convert_prints_the_yaml_board(repo: Repo) -> None:
    _repository(repo)
    proc = repo.run("convert", "goals/support/OKR.md")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[:6] == [
        "# converted by okrlint from goals/support/OKR.md",
        "board: Support",
        "cycle: 2026-Q3",
        "objectives:",
        "- title: Make support feel effortless",
        "  key_results:",
    ]
    repo.write("converted.yaml", proc.stdout)
    code, data = repo.json("converted.yaml", "--select", "kpi-in-disguise")
    assert [f["rule"] for f in data["findings"]] == ["kpi-in-disguise"]
    assert code == 1
    proc = repo.run("convert", "README.md")
    assert proc.returncode == 2 and "no board" in proc.stderr


def test_fix_leaves_markdown_boards_alone_and_says_so(repo: Repo) -> None:
    _repository(repo)
    proc = repo.run("check", "goals/support/OKR.md", "--fix", "--unsafe-fixes")
    assert "not rewritten" in proc.stderr
    assert (repo.root / "goals/support/OKR.md").read_text(encoding="utf-8") == OKR_MD


def test_no_output_offers_a_fix_that_fix_would_not_write_to_markdown(repo: Repo) -> None:
    _repository(repo)
    human = repo.run("check", "goals/support/OKR.md", "--format", "human").stdout
    assert "Keep CSAT above 90%" in human
    assert "fixable with --fix" not in human and "(with --fix)" not in human
    concise = repo.run("check", "goals/support/OKR.md", "--format", "concise").stdout
    assert "kpi-in-disguise error" in concise and "[*]" not in concise
    sarif = json.loads(repo.run("check", "goals/support/OKR.md", "--format", "sarif").stdout)
    assert all("fixes" not in r for r in sarif["runs"][0]["results"])
    # the same key result on a YAML board is fixable, and says so
    yaml_human = repo.run("check", "goals/growth.yaml", "--format", "human").stdout
    assert "fixable with --fix" in yaml_human
