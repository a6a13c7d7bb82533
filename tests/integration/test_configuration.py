"""Configuration files through the real command line."""

from __future__ import annotations

import pytest
from tests.integration.conftest import BOARD, Repo, findings


def test_yaml_config_found_upward_changes_rules_severity_and_options(repo: Repo) -> None:
    repo.write(
        ".okrlint.yaml",
        """\
        ignore: [kpi-in-disguise]
        severity:
          no-baseline: error
        fail-on: error
        """,
    )
    repo.write("goals/q3/growth.yaml", BOARD)
    code, data = repo.json("goals/q3/growth.yaml")
    assert findings(data) == [("goals/q3/growth.yaml", 8, "no-baseline")]
    assert data["findings"][0]["severity"] == "error"
    assert code == 1


def test_pyproject_table_and_the_nearest_config_wins(repo: Repo) -> None:
    repo.write(
        "pyproject.toml",
        """\
        [project]
        name = "goals"

        [tool.okrlint]
        ignore = ["no-baseline"]
        """,
    )
    repo.write("goals/growth.yaml", BOARD)
    repo.write("goals/team-b/.okrlint.yaml", "ignore: [kpi-in-disguise]\n")
    repo.write("goals/team-b/b.yaml", BOARD)
    _code, data = repo.json("goals")
    assert findings(data) == [
        ("goals/growth.yaml", 7, "kpi-in-disguise"),
        ("goals/team-b/b.yaml", 8, "no-baseline"),
    ]


def test_off_is_accepted_as_yaml_false(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "severity:\n  kpi-in-disguise: off\n  no-baseline: off\n")
    repo.write("b.yaml", BOARD)
    _code, data = repo.json("b.yaml")
    assert findings(data) == []


def test_rule_options_from_the_file_and_command_line_wins(repo: Repo) -> None:
    objectives = "".join(
        f"  - title: Bet number {i}\n    owner: d\n    key_results: [Raise a from 1% to 2%, "
        f"Raise b from 1% to 2%]\n"
        for i in range(5)
    )
    repo.write("b.yaml", f"cycle: 2026-Q3\nobjectives:\n{objectives}")
    repo.write(".okrlint.yaml", "rules:\n  too-many-objectives:\n    max: 5\n")
    _code, data = repo.json("b.yaml", "--select", "too-many-objectives")
    assert findings(data) == []
    _code, data = repo.json(
        "b.yaml", "--select", "too-many-objectives", "--rule-option", "too-many-objectives.max=4"
    )
    assert [f[2] for f in findings(data)] == ["too-many-objectives"]


@pytest.mark.parametrize(
    ("config", "words", "line"),
    [
        ("selec: [no-baseline]\n", "unknown key 'selec'", 1),
        ("ignore: [no-baseline]\nselect: [no-basline]\n", "unknown rule id 'no-basline'", 2),
        ("rules:\n  too-many-objectives:\n    max: lots\n", "expects int", "3:10"),
        ("rules:\n  too-many-objectives:\n    maximum: 4\n", "has no option 'maximum'", "3:5"),
        ("severity:\n  no-baseline: loud\n", "must be error, warning, info or off", "2:16"),
        ("fail-on: never\n", "'fail-on' must be", 1),
        ("language: klingon\n", "'language' must be one of", 1),
        (
            "custom-rules:\n  - {id: Bad Id, given: kpis, field: name, required: true}\n",
            "kebab-case",
            1,
        ),
    ],
)
def test_mistakes_in_the_config_are_usage_errors_with_the_line(
    repo: Repo, config: str, words: str, line: int | str
) -> None:
    repo.write(".okrlint.yaml", config)
    repo.write("b.yaml", BOARD)
    proc = repo.run("check", "b.yaml")
    assert proc.returncode == 2
    assert words in proc.stderr
    assert f".okrlint.yaml:{line}" in proc.stderr


def test_pyproject_mistake_names_the_line(repo: Repo) -> None:
    repo.write("pyproject.toml", "[tool.okrlint]\nignore = ['x']\nfail-on = 'warning'\n")
    repo.write("b.yaml", BOARD)
    proc = repo.run("check", "b.yaml")
    assert proc.returncode == 2
    assert "pyproject.toml:2" in proc.stderr and "unknown rule id 'x'" in proc.stderr


def test_explicit_config_and_isolated(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "ignore: [kpi-in-disguise, no-baseline]\n")
    repo.write("other.yaml", "ignore: [no-baseline]\n")
    repo.write("goals/b.yaml", BOARD)
    assert findings(repo.json("goals/b.yaml")[1]) == []
    assert [f[2] for f in findings(repo.json("goals/b.yaml", "--config", "other.yaml")[1])] == [
        "kpi-in-disguise"
    ]
    rules = [f[2] for f in findings(repo.json("goals/b.yaml", "--isolated")[1])]
    assert rules == ["kpi-in-disguise", "no-baseline"]
    proc = repo.run("check", "goals/b.yaml", "--config", "missing.yaml")
    assert proc.returncode == 2 and "no such configuration file" in proc.stderr


def test_default_exclude_skips_dot_files_and_exclude_patterns_apply(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "extend-exclude: [drafts/, '*.draft.yaml']\n")
    repo.write(".pre-commit-config.yaml", "repos: []\n")
    repo.write(".github/workflows/ci.yaml", "on: push\n")
    repo.write("goals/b.yaml", BOARD)
    repo.write("goals/next.draft.yaml", BOARD)
    repo.write("drafts/c.yaml", BOARD)
    _code, data = repo.json(".")
    assert [f["file"] for f in data["files"]] == ["goals/b.yaml"]


def test_force_exclude_applies_to_explicit_paths_and_all_excluded_exits_0(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "extend-exclude: [drafts/]\n")
    repo.write("drafts/c.yaml", BOARD)
    code, data = repo.json("drafts/c.yaml")
    assert code == 1 and data["files"]  # explicit paths are linted ...
    code, data = repo.json("drafts/c.yaml", "--force-exclude")
    assert code == 0 and data["files"] == [] and data["findings"] == []  # ... unless forced


def test_per_file_ignores(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "per-file-ignores:\n  'legacy/**': [kpi-in-disguise]\n")
    repo.write("legacy/old.yaml", BOARD)
    repo.write("goals/new.yaml", BOARD)
    _code, data = repo.json(".", "--select", "kpi-in-disguise")
    assert findings(data) == [("goals/new.yaml", 7, "kpi-in-disguise")]


def test_gitignored_boards_are_not_walked(repo: Repo) -> None:
    repo.git_init()
    repo.write(".gitignore", "build/\nscratch.yaml\n")
    repo.write("goals/b.yaml", BOARD)
    repo.write("goals/scratch.yaml", BOARD)
    repo.write("build/out.yaml", BOARD)
    _code, data = repo.json(".")
    assert [f["file"] for f in data["files"]] == ["goals/b.yaml"]


def test_show_settings_says_where_each_value_came_from(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "fail-on: warning\nrules:\n  too-many-objectives: {max: 4}\n")
    repo.write("goals/b.yaml", BOARD)
    proc = repo.run("check", "--show-settings", "goals/b.yaml", "--language", "de")
    assert proc.returncode == 0
    out = proc.stdout
    assert "fail-on" in out and "warning" in out and ".okrlint.yaml:1" in out
    assert "too-many-objectives: max: 4" in out
    assert "language" in out and "command line" in out


def test_language_from_the_config(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "language: de\n")
    repo.write(
        "b.yaml",
        "cycle: 2026-Q3\nobjectives:\n  - title: Aktivierung steigern\n"
        "    owner: d\n    key_results:\n"
        "      - Aktivierung von 1.200 auf 1.500 Teams steigern\n"
        "      - Verfügbarkeit von mindestens 99,9 % halten\n",
    )
    _code, data = repo.json("b.yaml", "--select", "kpi-in-disguise,unit-mismatch,no-change")
    assert findings(data) == [("b.yaml", 7, "kpi-in-disguise")]


def test_the_documented_example_configuration_loads(repo: Repo) -> None:
    import re
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"
    section = docs.read_text(encoding="utf-8").split("## The configuration file", 1)[1]
    example = re.search(r"```yaml\n(# \.okrlint\.yaml\n.*?)```", section, re.S)
    assert example is not None
    repo.write(".okrlint.yaml", example.group(1))
    repo.write("b.yaml", BOARD)
    proc = repo.run("check", "--show-settings", "b.yaml")
    assert proc.returncode == 0, proc.stderr
    assert "no-maintain-objectives" in proc.stdout and "no-baseline: error" in proc.stdout
