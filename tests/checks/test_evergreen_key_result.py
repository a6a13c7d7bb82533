"""evergreen-key-result: the same key result cycle after cycle."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.api import lint_paths
from okrlint.config import Config
from okrlint.findings import Severity

RULE = "evergreen-key-result"


def write(
    root: Path,
    cycle: str,
    krs: list[str],
    team: str = "Growth",
    name: str = "growth",
    extra: str = "",
) -> None:
    folder = root / cycle
    folder.mkdir(parents=True, exist_ok=True)
    items = "".join(f"      - {kr}\n" for kr in krs)
    board_line = f"board: {team}\n" if team else ""
    text = f"{board_line}cycle: {cycle}\n{extra}objectives:\n  - title: Grow\n"
    (folder / f"{name}.yaml").write_text(f"{text}    key_results:\n{items}", encoding="utf-8")


def run(root: Path, **options: int) -> list[tuple[str, int, str]]:
    config = Config(select=(RULE,), rule_options={RULE: options} if options else {})
    result = lint_paths([root], config)
    assert not result.input_errors
    return [(f.file.rsplit("/", 2)[-2], f.line, f.severity.value) for f in result.findings]


def test_three_cycles_in_a_row_are_reported_on_the_latest(tmp_path: Path) -> None:
    write(tmp_path, "2026-Q1", ["Increase activation from 48% to 55%", "Launch EU"])
    write(tmp_path, "2026-Q2", ["Increase activation from 55% to 61%", "Ship SSO"])
    write(tmp_path, "2026-Q3", ["Ship SCIM", "Increase activation from 61% to 66%"])
    assert run(tmp_path) == [("2026-Q3", 7, Severity.WARNING.value)]


def test_a_run_is_reported_once_at_its_end(tmp_path: Path) -> None:
    for cycle in ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"):
        write(tmp_path, cycle, ["Maintain weekly active teams above 1,200"])
    assert run(tmp_path) == [("2026-Q4", 6, "warning")]


def test_two_cycles_are_not_enough_and_a_gap_breaks_the_run(tmp_path: Path) -> None:
    write(tmp_path, "2026-Q1", ["Increase activation from 48% to 55%"])
    write(tmp_path, "2026-Q2", ["Increase activation from 55% to 61%"])
    write(tmp_path, "2026-Q3", ["Cut onboarding time from 10 days to 6 days"])
    write(tmp_path, "2026-Q4", ["Increase activation from 61% to 66%"])
    assert run(tmp_path) == []


def test_the_same_metric_field_counts_even_with_new_words(tmp_path: Path) -> None:
    for cycle, title in (
        ("2026-Q1", "Lift activation"),
        ("2026-Q2", "Activation up"),
        ("2026-Q3", "Get more teams active"),
    ):
        write(tmp_path, cycle, [f"{{title: {title}, metric: activation, from: 1, to: 2}}"])
    assert run(tmp_path) == [("2026-Q3", 6, "warning")]


def test_teams_are_apart_and_unnamed_boards_group_by_file_name(tmp_path: Path) -> None:
    for cycle in ("2026-Q1", "2026-Q2", "2026-Q3"):
        write(tmp_path, cycle, ["Increase NPS from 30 to 35"], team="", name="support")
    write(tmp_path, "2026-Q1", ["Increase NPS from 30 to 35"], team="Sales", name="sales")
    assert [r[0] for r in run(tmp_path)] == ["2026-Q3"]


def test_the_number_of_cycles_is_an_option(tmp_path: Path) -> None:
    write(tmp_path, "2026-Q1", ["Increase activation from 48% to 55%"])
    write(tmp_path, "2026-Q2", ["Increase activation from 55% to 61%"])
    assert run(tmp_path, **{"min-cycles": 2}) == [("2026-Q2", 6, "warning")]


def test_boards_of_one_team_in_the_same_cycle_count_once(tmp_path: Path) -> None:
    write(tmp_path, "2026-Q1", ["Increase activation from 48% to 55%"])
    write(tmp_path, "2026-Q1", ["Increase activation from 48% to 55%"], name="growth-2")
    write(tmp_path, "2026-Q2", ["Increase activation from 55% to 61%"])
    assert run(tmp_path) == []


# -- each finding obeys the settings of the file it lands in ------------------------------
# Three cycles of Growth's board under goals/, the same two key results in each: the
# findings land on goals/2026-Q3/growth.yaml, lines 6 and 7.

ROOT_CONFIG = f"select: [{RULE}, no-baseline]\n"


def goals_repository(root: Path, config: str = ROOT_CONFIG, q3_config: str | None = None) -> None:
    goals = root / "goals"
    for cycle in ("2026-Q1", "2026-Q2", "2026-Q3"):
        write(goals, cycle, ["Maintain weekly active teams above 1,200", "Increase NPS to 60"])
    (root / ".okrlint.yaml").write_text(config, encoding="utf-8")
    if q3_config is not None:
        (goals / "2026-Q3" / ".okrlint.yaml").write_text(q3_config, encoding="utf-8")


def on_q3(severity: str) -> list[tuple[str, int, str]]:
    return [("2026-Q3", 6, severity), ("2026-Q3", 7, severity)]


def evergreen(root: Path) -> list[tuple[str, int, str]]:
    """The rule's findings, each file with the settings of its nearest configuration."""
    result = lint_paths([root / "goals"])
    assert not result.input_errors
    return [
        (f.file.rsplit("/", 2)[-2], f.line, f.severity.value)
        for f in result.findings
        if f.rule == RULE
    ]


def test_the_nearest_configuration_runs_it(tmp_path: Path) -> None:
    goals_repository(tmp_path)
    assert evergreen(tmp_path) == on_q3("warning")


def test_per_file_ignores_silence_it(tmp_path: Path) -> None:
    config = ROOT_CONFIG + f"per-file-ignores:\n  'goals/2026-Q3/*.yaml': [{RULE}]\n"
    goals_repository(tmp_path, config)
    assert evergreen(tmp_path) == []


def test_a_nested_configuration_that_ignores_it(tmp_path: Path) -> None:
    goals_repository(tmp_path, q3_config=f"ignore: [{RULE}]\n")
    assert evergreen(tmp_path) == []


def test_a_nested_configuration_whose_select_leaves_it_out(tmp_path: Path) -> None:
    goals_repository(tmp_path, q3_config="select: [no-baseline]\n")
    result = lint_paths([tmp_path / "goals"])
    assert {(f.rule, f.file.rsplit("/", 2)[-2]) for f in result.findings} == {
        ("no-baseline", "2026-Q1"),
        ("no-baseline", "2026-Q2"),
        ("no-baseline", "2026-Q3"),
    }


def test_a_nested_configuration_that_turns_it_off(tmp_path: Path) -> None:
    goals_repository(tmp_path, q3_config=f"severity:\n  {RULE}: off\n")
    assert evergreen(tmp_path) == []


def test_the_finding_carries_the_nested_configurations_severity(tmp_path: Path) -> None:
    root = ROOT_CONFIG + f"severity:\n  {RULE}: info\n"
    goals_repository(tmp_path / "a", root, q3_config=f"severity:\n  {RULE}: error\n")
    assert evergreen(tmp_path / "a") == on_q3("error")
    goals_repository(tmp_path / "b", root, q3_config=ROOT_CONFIG)  # no override: the default
    assert evergreen(tmp_path / "b") == on_q3("warning")


def test_the_root_configuration_still_ignores_it_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files' configuration decides, not the current folder's (it used to)."""
    goals_repository(tmp_path / "ignored", f"ignore: [{RULE}]\n")
    goals_repository(tmp_path / "run", ROOT_CONFIG)
    monkeypatch.chdir(tmp_path / "ignored")
    assert evergreen(tmp_path / "ignored") == []
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no configuration here: every rule would run
    assert evergreen(tmp_path / "ignored") == []
    ignoring = tmp_path / "ignoring"
    ignoring.mkdir()
    (ignoring / ".okrlint.yaml").write_text(f"ignore: [{RULE}]\n", encoding="utf-8")
    monkeypatch.chdir(ignoring)  # this folder ignores the rule, the files run it
    assert evergreen(tmp_path / "run") == on_q3("warning")


def test_each_file_gets_the_options_of_its_own_configuration(tmp_path: Path) -> None:
    for team, folder in (("Growth", "growth"), ("Sales", "sales")):
        for cycle in ("2026-Q1", "2026-Q2"):
            write(tmp_path / folder, cycle, ["Increase NPS from 30 to 35"], team, folder)
    (tmp_path / ".okrlint.yaml").write_text(f"select: [{RULE}]\n", encoding="utf-8")
    (tmp_path / "sales" / ".okrlint.yaml").write_text(
        f"select: [{RULE}]\nrules:\n  {RULE}: {{min-cycles: 2}}\n", encoding="utf-8"
    )
    result = lint_paths([tmp_path])
    assert [(f.file.rsplit("/", 3)[-3:], f.line) for f in result.findings] == [
        (["sales", "2026-Q2", "sales.yaml"], 6)
    ]
