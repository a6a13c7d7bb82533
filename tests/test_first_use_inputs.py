"""Bad input a new user writes on day one, through the command line: each mistake is
reported where it was made, in words that say how to fix it (issue 14)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

import okrlint.yamltree as yamltree
from okrlint.cli import app
from okrlint.scaffold import quarter_of

LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result


def errors_of(workdir: Path, text: str, name: str = "board.yaml") -> list[dict[str, Any]]:
    """The input errors ``okrlint check --format json`` reports for a board (exit 2)."""
    (workdir / name).write_text(text, encoding="utf-8")
    result = run("check", "--format", "json", name)
    assert result.exit_code == 2, result.output
    [file] = json.loads(result.stdout)["files"]
    errors: list[dict[str, Any]] = file["errors"]
    return errors


def place(error: dict[str, Any]) -> tuple[str, int, int, str]:
    return (error["kind"], error["line"], error["column"], error["node"])


# -- a typo in a top-level key -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "key", "hint"),
    [
        ("cycle: 2026-Q3\nobjectivs:\n  - title: Grow\n", 2, "objectivs", "'objectives'"),
        (
            "cycle: 2026-Q3\nkpis:\n  - name: Churn\nobjectivs:\n  - title: Grow\n",
            4,
            "objectivs",
            "'objectives'",
        ),
        ("cycle: 2026-Q3\nOBJECTIVES:\n  - title: Grow\n", 2, "OBJECTIVES", "'objectives'"),
        ("board: Growth\nKPIs:\n  - name: Churn\n", 2, "KPIs", "'kpis'"),
        # no near name: the unknown key is still reported, with what a board needs
        ("cycle: 2026-Q3\nokrs:\n  - title: Grow\n", 2, "okrs", "'objectives' or 'kpis'"),
        ("board: Growth\ngoals:\n  - title: Grow\n", 2, "goals", "'objectives' or 'kpis'"),
    ],
)
def test_a_misspelt_top_level_key_is_an_unknown_field_at_its_place(
    workdir: Path, text: str, line: int, key: str, hint: str
) -> None:
    [error] = errors_of(workdir, text)
    assert place(error) == ("schema-error", line, 1, key)
    assert f"unknown field '{key}'" in error["message"]
    assert hint in error["hint"]


# -- a board with nothing on it -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "node"),
    [
        ("cycle: 2026-Q3\nobjectives: []\n", 2, 13, "objectives"),
        ("cycle: 2026-Q3\nobjectives:\n", 2, 1, "objectives"),
        ("cycle: 2026-Q3\nobjectives: ~\nkpis: []\n", 2, 1, "objectives"),
        ("cycle: 2026-Q3\nkpis: []\nobjectives: []\n", 2, 7, "kpis"),
    ],
)
def test_a_board_with_no_objective_and_no_kpi_is_an_input_error(
    workdir: Path, text: str, line: int, column: int, node: str
) -> None:
    [error] = errors_of(workdir, text)
    assert place(error) == ("schema-error", line, column, node)
    assert "a board needs at least one objective or KPI" in error["message"]


def test_an_empty_objectives_list_beside_a_kpi_is_fine(workdir: Path) -> None:
    (workdir / "board.yaml").write_text(
        'cycle: 2026-Q3\nobjectives: []\nkpis:\n  - {name: Churn, owner: x, threshold: "< 4"}\n',
        encoding="utf-8",
    )
    result = run("check", "board.yaml")
    assert result.exit_code == 0, result.output


# -- a quote left open -------------------------------------------------------------------


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "line", "column", "node"),
    [
        # never closed: the parser stops at the end of the file
        (
            'cycle: 2026-Q3\nobjectives:\n  - title: "Grow revenue\n    key_results:\n'
            "      - Raise MRR from 10 to 20\n",
            3,
            12,
            "objectives[0].title",
        ),
        ("cycle: 2026-Q3\nobjectives:\n  - title: 'Grow\n", 3, 12, "objectives[0].title"),
        ('objectives: [{title: "Grow}]\n', 1, 22, "objectives"),
        # closed by the next quote, lines later: the parser stops there
        (
            'cycle: 2026-Q3\nobjectives:\n  - title: "Grow revenue\n    owner: "dana"\n',
            3,
            12,
            "objectives[0]",
        ),
    ],
)
def test_an_unclosed_quote_is_reported_where_it_opens(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    loader: type,
    text: str,
    line: int,
    column: int,
    node: str,
) -> None:
    monkeypatch.setattr(yamltree, "_Loader", loader)
    [error] = errors_of(workdir, text)
    assert place(error) == ("parse-error", line, column, node)
    assert "quoted value that opens here" in error["message"]
    assert "close the quote" in error["hint"]


@pytest.mark.parametrize("loader", LOADERS)
def test_an_apostrophe_that_closes_a_single_quote_says_so(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, loader: type
) -> None:
    monkeypatch.setattr(yamltree, "_Loader", loader)
    [error] = errors_of(workdir, "objectives:\n  - title: 'Don't stop'\n")
    assert place(error)[:3] == ("parse-error", 2, 17)
    assert "'don''t'" in error["hint"]


# -- configuration mistakes inside an option ----------------------------------------------


@pytest.mark.parametrize(
    ("config", "where", "words"),
    [
        ("rules:\n  too-many-objectives: {maxx: 4}\n", "2:25", "(did you mean 'max'?)"),
        ("rules:\n  too-many-objectives:\n    maxx: 4\n", "3:5", "(did you mean 'max'?)"),
        ("rules:\n  too-many-objectives:\n    max: lots\n", "3:10", "expects int"),
        ("severity:\n  no-baseline: loud\n", "2:16", "not 'loud'"),
        ("severity:\n  no-baseline: warn\n", "2:16", "(did you mean 'warning'?)"),
        ("severity:\n  no-basline: error\n", "2:3", "did you mean no-baseline?"),
        ("select:\n  - kpi-in-disguise\n  - no-basline\n", "3:5", "unknown rule id"),
        ("fiscal-year:\n  starts: 7\n  named-by: middle\n", "3:13", "named-by must be"),
        ("fail-on: warn\n", "1:10", "(did you mean 'warning'?)"),
    ],
)
def test_a_mistake_inside_a_configuration_key_points_at_itself(
    workdir: Path, config: str, where: str, words: str
) -> None:
    (workdir / ".okrlint.yaml").write_text(config, encoding="utf-8")
    (workdir / "board.yaml").write_text(
        'kpis:\n  - {name: Churn, owner: x, threshold: "< 4"}\n', encoding="utf-8"
    )
    result = run("check", "board.yaml")
    assert result.exit_code == 2
    assert f".okrlint.yaml:{where}: " in result.stderr, result.stderr
    assert words in result.stderr


@pytest.mark.parametrize(
    ("config", "where"),
    [
        ("[tool.okrlint.rules]\ntoo-many-objectives = {maxx = 4}\n", "2:24"),
        ('[tool.okrlint.severity]\nno-baseline = "loud"\n', "2:15"),
        ('[tool.okrlint]\nseverity = {no-baseline = "loud"}\n', "2:27"),
    ],
)
def test_a_mistake_inside_a_pyproject_option_points_at_itself(
    workdir: Path, config: str, where: str
) -> None:
    (workdir / "pyproject.toml").write_text(config, encoding="utf-8")
    (workdir / "board.yaml").write_text(
        'kpis:\n  - {name: Churn, owner: x, threshold: "< 4"}\n', encoding="utf-8"
    )
    result = run("check", "board.yaml")
    assert result.exit_code == 2
    assert f"pyproject.toml:{where}: " in result.stderr, result.stderr


# -- amounts that are no number ------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e400", "-1e400", ".inf", "-.inf", ".nan", "inf", "nan", "'∞'"])
@pytest.mark.parametrize(
    ("template", "line", "column", "node"),
    [
        (
            "objectives:\n  - title: Grow\n    key_results:\n"
            "      - title: Cut churn\n        from: {v}\n        to: 3\n",
            5,
            15,
            "objectives[0].key_results[0].from",
        ),
        (
            "objectives:\n  - title: Grow\n    key_results:\n"
            "      - {{title: Cut churn, from: 4, to: 3, current: {v}}}\n",
            4,
            53,
            "objectives[0].key_results[0].current",
        ),
        ("kpis:\n  - name: Churn\n    current: {v}\n", 3, 14, "kpis[0].current"),
        ("kpis:\n  - name: Churn\n    threshold: {{max: {v}}}\n", 3, 22, "kpis[0].threshold.max"),
    ],
)
def test_an_infinite_or_nan_amount_is_an_input_error_at_its_value(
    workdir: Path, value: str, template: str, line: int, column: int, node: str
) -> None:
    [error] = errors_of(workdir, "cycle: 2026-Q3\n" + template.format(v=value))
    assert place(error) == ("schema-error", line + 1, column, node)
    assert "finite number" in error["message"]


def test_a_number_too_large_for_any_amount_is_one_clear_error(workdir: Path) -> None:
    text = "kpis:\n  - name: Churn\n    current: 1" + "0" * 400 + "\n"
    [error] = errors_of(workdir, text)
    assert place(error) == ("schema-error", 3, 14, "kpis[0].current")
    assert "too large" in error["message"]


@pytest.mark.parametrize(
    ("template", "line", "column", "node"),
    [
        ("kpis:\n  - name: Churn\n    current: abc\n", 3, 14, "kpis[0].current"),
        (
            "objectives:\n  - title: Grow\n    key_results:\n"
            "      - {title: Cut churn, from: 4, to: 3, current: soon}\n",
            4,
            53,
            "objectives[0].key_results[0].current",
        ),
    ],
)
def test_a_current_reading_without_a_number_is_an_input_error(
    workdir: Path, template: str, line: int, column: int, node: str
) -> None:
    [error] = errors_of(workdir, template)
    assert place(error) == ("schema-error", line, column, node)
    assert "expected a reading" in error["message"]


def test_readings_with_a_number_or_a_placeholder_load(workdir: Path) -> None:
    (workdir / "board.yaml").write_text(
        "cycle: 2026-Q3\nkpis:\n"
        '  - {name: Churn, owner: x, threshold: "< 4", current: "3.1%"}\n'
        '  - {name: Revenue, owner: x, threshold: "> 1", current: "$N"}\n'
        '  - {name: Signups, owner: x, threshold: "> 1", current: 1e5}\n',
        encoding="utf-8",
    )
    result = run("check", "board.yaml")
    assert result.exit_code == 0, result.output


def test_a_number_with_an_exponent_is_read_as_that_number(workdir: Path) -> None:
    # YAML 1.1 reads 1e5 as text; it was read as "1" and "5"
    (workdir / "board.yaml").write_text(
        "cycle: 2026-Q3\nkpis:\n"
        '  - {id: signups, name: Weekly signups, owner: x, threshold: "> 1000", current: 1e5}\n'
        "objectives:\n  - title: Grow\n    owner: x\n    key_results:\n"
        "      - {title: Raise weekly signups, kpi: signups, from: 2e4, to: 5e4}\n"
        "      - Raise activation from 40% to 50%\n",
        encoding="utf-8",
    )
    result = run("check", "--format", "json", "board.yaml")
    findings = json.loads(result.stdout)["findings"]
    # the KPI reads 100000: the key result's target, 50000, is already met
    [met] = [f for f in findings if f["rule"] == "target-already-met"]
    assert "100000" in met["message"]


# -- the health report of nothing -----------------------------------------------------------


def test_a_report_of_an_empty_folder_praises_no_board(workdir: Path) -> None:
    (workdir / "goals").mkdir()
    markdown = run("report", "goals")
    assert "No boards were read." in markdown.stdout
    assert "set of bets" not in markdown.stdout
    html = run("report", "goals", "--format", "html")
    assert "No boards were read." in html.stdout
    assert "set of bets" not in html.stdout
    data = json.loads(run("report", "goals", "--format", "json").stdout)
    assert data["totals"]["boards"] == 0 and data["worst"] == []
    assert "set of bets" not in json.dumps(data)


def test_a_report_of_clean_boards_still_says_so(workdir: Path) -> None:
    (workdir / "goals").mkdir()
    (workdir / "goals" / "b.yaml").write_text(
        'cycle: 2026-Q3\nkpis:\n  - {name: Churn, owner: x, threshold: "< 4"}\n',
        encoding="utf-8",
    )
    assert "None: every board reads as a set of bets." in run("report", "goals").stdout
    assert "every board reads as a set of bets" in run("report", "goals", "-f", "html").stdout


# -- okrlint init in a cycle's folder -------------------------------------------------------


@pytest.mark.parametrize(
    ("board", "cycle"),
    [
        ("goals/2026-Q3/growth.yaml", "2026-Q3"),
        ("goals/growth-2027-Q1.yaml", "2027-Q1"),
        ("goals/FY27-Q2/growth.yaml", "FY2027-Q2"),
        ("goals/2026-Q3/growth-h2-2026.yaml", "2026-H2"),  # the file name wins
    ],
)
def test_init_writes_the_board_for_the_cycle_its_path_names(
    workdir: Path, board: str, cycle: str
) -> None:
    result = run("init", "--board", board)
    assert result.exit_code == 0, result.output
    assert f"(starter board for {cycle})" in result.stdout
    data = yaml.safe_load((workdir / board).read_text(encoding="utf-8"))
    assert data["cycle"] == cycle


def test_init_in_a_quarter_folder_writes_a_board_that_lints_clean(workdir: Path) -> None:
    assert run("init", "--path", "goals/2026-Q3", "--board", "growth.yaml").exit_code == 0
    board = workdir / "goals" / "2026-Q3" / "growth.yaml"
    assert yaml.safe_load(board.read_text(encoding="utf-8"))["cycle"] == "2026-Q3"
    result = run("check", board.as_posix())
    assert result.exit_code == 0, result.output


def test_init_without_a_cycle_in_the_path_uses_the_current_quarter(workdir: Path) -> None:
    assert run("init", "--board", "goals/growth.yaml").exit_code == 0
    data = yaml.safe_load((workdir / "goals" / "growth.yaml").read_text(encoding="utf-8"))
    assert data["cycle"] == quarter_of(dt.date.today())


# -- the kinds of input error, as documented ------------------------------------------------


def test_the_docs_list_every_kind_of_input_error() -> None:
    from okrlint.errors import ErrorKind

    docs = Path(__file__).resolve().parent.parent / "docs" / "input-errors-and-limits.md"
    section = docs.read_text(encoding="utf-8").split("## Input errors\n", 1)[1].split("\n#", 1)[0]
    listed = section.split("One broken file", 1)[0]
    assert [k.value for k in ErrorKind if f"`{k.value}`" not in listed] == []
