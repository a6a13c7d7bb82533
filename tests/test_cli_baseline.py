"""The baseline and the summary through the command line (typer's CliRunner): which
entries a run judges, writing the baseline again, the configuration's baseline, input
errors, and what the summary says and where it comes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from okrlint.cli import app

# Line 7: kpi-in-disguise (error) · line 8: no-baseline (warning)
BOARD = """\
board: {team}
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless for new teams
    owner: dana
    key_results:
      - Maintain 99.9% uptime
      - Increase NPS to 60
      - Increase activation from 61% to 75%
      - Cut onboarding time from 10 days to 6 days
"""

DUPLICATE_KEY = BOARD.format(team="Growth").replace(
    "cycle: 2026-Q3\n", "cycle: 2026-Q3\nboard: G\n"
)


@pytest.fixture
def goals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two boards (two findings each), the working folder of the test."""
    monkeypatch.chdir(tmp_path)
    for var in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "goals").mkdir()
    for team in ("growth", "support"):
        board = BOARD.format(team=team.title())
        (tmp_path / "goals" / f"{team}.yaml").write_text(board, encoding="utf-8")
    return tmp_path


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def as_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = run("check", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def entries(path: Path) -> list[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted((e["file"], e["rule"]) for e in data["findings"])


def fix_growth_nps(root: Path) -> None:
    """Growth's no-baseline finding goes away: its baseline entry no longer occurs."""
    board = root / "goals" / "growth.yaml"
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("Increase NPS to 60", "Increase NPS from 30 to 60"), "utf-8")


# -- which entries a run judges -----------------------------------------------------------


def test_linting_one_file_judges_only_its_own_baseline_entries(goals: Path) -> None:
    assert run("check", "goals", "--write-baseline", "b.json").exit_code == 0
    code, data = as_json("goals/growth.yaml", "--baseline", "b.json")
    # support's two entries are not "no longer occurring": support was not linted
    assert (code, data["findings"], data["baseline"]) == (0, [], {"hidden": 2, "stale": 0})
    human = run("check", "--format", "human", "goals/growth.yaml", "--baseline", "b.json")
    assert human.stdout.splitlines()[-1] == "No problems in 1 file; 2 in the baseline."
    fix_growth_nps(goals)
    _code, data = as_json("goals/growth.yaml", "--baseline", "b.json")
    assert data["baseline"] == {"hidden": 1, "stale": 1}


def test_a_full_run_counts_the_entries_of_a_deleted_board_as_stale(goals: Path) -> None:
    run("check", "goals", "--write-baseline", "b.json")
    (goals / "goals" / "support.yaml").unlink()
    _code, data = as_json("goals", "--baseline", "b.json")
    assert data["baseline"] == {"hidden": 2, "stale": 2}


def test_writing_the_baseline_for_one_file_keeps_the_others_entries(goals: Path) -> None:
    run("check", "goals", "--write-baseline", "b.json")
    before = entries(goals / "b.json")
    fix_growth_nps(goals)
    result = run("check", "goals/growth.yaml", "--write-baseline", "b.json")
    assert result.exit_code == 0
    assert result.stdout == (
        "okrlint: wrote 1 finding to b.json and kept 2 entries of files not linted\n"
    )
    # only growth's stale entry was dropped; support's old findings stay hidden
    assert entries(goals / "b.json") == [
        e for e in before if e != ("goals/growth.yaml", "no-baseline")
    ]
    code, data = as_json("goals", "--baseline", "b.json")
    assert (code, data["findings"], data["baseline"]) == (0, [], {"hidden": 3, "stale": 0})


def test_writing_the_baseline_refuses_to_overwrite_a_file_that_is_not_one(goals: Path) -> None:
    (goals / "notes.json").write_text("{not a baseline", encoding="utf-8")
    result = run("check", "goals", "--write-baseline", "notes.json")
    assert result.exit_code == 2
    assert "notes.json: not a readable baseline" in result.stderr
    assert "not overwritten" in result.stderr
    assert (goals / "notes.json").read_text(encoding="utf-8") == "{not a baseline"


# -- --write-baseline and input errors ----------------------------------------------------


def test_write_baseline_reports_input_errors_and_exits_2(goals: Path) -> None:
    run("check", "goals", "--write-baseline", "b.json")
    (goals / "goals" / "support.yaml").write_text("objectives: [\n", encoding="utf-8")
    result = run("check", "goals", "--write-baseline", "b.json")
    assert result.exit_code == 2  # as the exit-status table says for a file not loaded
    assert "goals/support.yaml:2:1: parse-error " in result.stderr
    # the broken board could not be linted: its entries are kept, not dropped
    assert "wrote 2 findings to b.json and kept 2 entries of files not linted" in result.stdout
    assert [f for f, _ in entries(goals / "b.json")].count("goals/support.yaml") == 2
    # the help says what it does
    assert "or 2 on an input error" in " ".join(run("check", "--help").stdout.split())


def test_write_baseline_records_every_finding_whatever_the_baseline(goals: Path) -> None:
    run("check", "goals", "--write-baseline", "b.json")
    result = run("check", "goals", "--baseline", "b.json", "--write-baseline", "b.json")
    assert result.stdout == "okrlint: wrote 4 findings to b.json\n"
    assert len(entries(goals / "b.json")) == 4


# -- the summary --------------------------------------------------------------------------


def test_the_text_formats_say_how_many_entries_no_longer_occur(goals: Path) -> None:
    run("check", "goals", "--write-baseline", "b.json")
    fix_growth_nps(goals)
    human = run("check", "--format", "human", "goals", "--baseline", "b.json")
    assert human.stdout.splitlines()[-1] == (
        "No problems in 2 files; 3 in the baseline; "
        "1 baseline entry no longer occurs; run --write-baseline to drop it."
    )
    concise = run("check", "--format", "concise", "goals", "--baseline", "b.json")
    assert concise.stdout == ""
    assert concise.stderr == (
        "okrlint: 1 baseline entry no longer occurs; run --write-baseline to drop it\n"
    )
    # none stale: nothing said
    run("check", "goals", "--write-baseline", "b.json")
    concise = run("check", "--format", "concise", "goals", "--baseline", "b.json")
    assert concise.stderr == ""


def test_a_missing_file_is_not_called_a_file_without_problems(goals: Path) -> None:
    result = run("check", "--format", "human", "missing.yaml")
    assert result.exit_code == 2
    assert result.stdout == "1 file could not be linted.\n"
    result = run("check", "--format", "human", "missing.yaml", "goals/growth.yaml")
    assert result.stdout.splitlines()[-1].startswith(
        "Found 2 problems (1 error, 1 warning) in 1 file; 1 file could not be linted;"
    )


def test_json_counts_the_files_not_linted_as_the_text_formats_do(goals: Path) -> None:
    (goals / "dup.yaml").write_text(DUPLICATE_KEY, encoding="utf-8")
    result = run("check", "--format", "json", "missing.yaml", "dup.yaml", "goals/growth.yaml")
    summary = json.loads(result.stdout)["summary"]
    assert (summary["files"], summary["not_linted"]) == (3, 1)  # the duplicate key is linted


def test_a_board_with_a_duplicate_key_is_counted_as_linted(goals: Path) -> None:
    (goals / "dup.yaml").write_text(DUPLICATE_KEY, encoding="utf-8")
    result = run("check", "--format", "human", "dup.yaml")
    assert result.exit_code == 2
    assert "dup.yaml:3:1: error duplicate-key" in result.stderr
    assert "dup.yaml:8:9: error kpi-in-disguise" in result.stdout
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith("Found 3 problems (1 error, 1 warning, 1 input error) in 1 file;")
    assert "could not be linted" not in result.output


def test_the_summary_comes_after_the_input_errors(goals: Path) -> None:
    (goals / "dup.yaml").write_text(DUPLICATE_KEY, encoding="utf-8")
    (goals / "broken.yaml").write_text("objectives: [\n", encoding="utf-8")
    # the output as a terminal shows it (stdout and stderr in the order written)
    result = run("check", "--format", "human", "dup.yaml", "broken.yaml")
    lines = result.output.rstrip("\n").splitlines()
    assert lines[-1].startswith("Found 3 problems")
    assert max(i for i, line in enumerate(lines) if "error duplicate-key" in line) < len(lines) - 1
    assert lines.index(next(x for x in lines if "error parse-error" in x)) < len(lines) - 1


def test_the_summary_comes_last_through_a_pipe(goals: Path) -> None:
    (goals / "broken.yaml").write_text("objectives: [\n", encoding="utf-8")
    args = ["check", "-f", "human", "--no-cache", "broken.yaml", "goals"]
    done = subprocess.run(
        [sys.executable, "-m", "okrlint", *args],
        cwd=goals,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
    )
    lines = done.stdout.rstrip("\n").splitlines()
    assert any("error parse-error" in line for line in lines)
    assert lines[-1].startswith("Found 4 problems (2 errors, 2 warnings) in 2 files; 1 file could")


# -- the configuration's baseline ---------------------------------------------------------


def test_the_configuration_names_the_baseline_relative_to_itself(
    goals: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (goals / ".okrlint.yaml").write_text("baseline: ci/okrlint-baseline.json\n", "utf-8")
    (goals / "ci").mkdir()
    assert run("check", "goals", "--write-baseline", "ci/okrlint-baseline.json").exit_code == 0
    code, data = as_json("goals")  # no flag: the configuration's baseline applies
    assert (code, data["findings"], data["baseline"]["hidden"]) == (0, [], 4)
    monkeypatch.chdir(goals / "goals")  # found from a subfolder, relative to the file
    code, data = as_json("growth.yaml")
    assert (code, data["findings"], data["baseline"]) == (0, [], {"hidden": 2, "stale": 0})
    settings = run("check", "--show-settings", "growth.yaml").stdout
    assert str(goals / "ci" / "okrlint-baseline.json") in settings
    # --no-baseline reports everything; --baseline overrides the file's
    code, data = as_json("growth.yaml", "--no-baseline")
    assert (code, len(data["findings"])) == (1, 2)
    (goals / "empty.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    code, data = as_json("growth.yaml", "--baseline", "../empty.json")
    assert (code, len(data["findings"])) == (1, 2)
    result = run("check", "growth.yaml", "--baseline", "../empty.json", "--no-baseline")
    assert result.exit_code == 2 and "cannot be combined" in result.stderr


def test_the_baseline_key_in_pyproject_and_its_errors(goals: Path) -> None:
    (goals / "pyproject.toml").write_text('[tool.okrlint]\nbaseline = "b.json"\n', "utf-8")
    result = run("check", "goals")
    assert result.exit_code == 2
    assert "b.json: no such baseline file" in result.stderr
    assert "pyproject.toml:2" in result.stderr and "--write-baseline" in result.stderr
    run("check", "goals", "--write-baseline", "b.json")
    assert as_json("goals")[0] == 0
    (goals / "bad").mkdir()
    (goals / "bad" / ".okrlint.yaml").write_text("baseline: 3\n", "utf-8")
    result = run("check", "--config", "bad/.okrlint.yaml", "goals")
    assert result.exit_code == 2 and "'baseline' expects a file name" in result.stderr
