"""evergreen-key-result: the same key result cycle after cycle."""

from __future__ import annotations

from pathlib import Path

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
