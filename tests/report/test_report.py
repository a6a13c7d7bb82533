"""okrlint report: the health of a goals repository, per team and cycle.

Golden files for markdown and json (update with --update-golden); the numbers are
checked against the findings they count; board text is inert in every format.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import check_golden
from okrlint.api import lint_paths, lint_text
from okrlint.cli import app
from okrlint.config import Config
from okrlint.health import build_health, render_health, safe_link

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
EPOCH = "1780000000"  # SOURCE_DATE_EPOCH: a fixed time, so the output is reproducible
EPOCH_ISO = "2026-05-28T20:26:40Z"
RUNNER = CliRunner(
    env={
        "NO_COLOR": "1",
        "GITHUB_ACTIONS": None,
        "GITHUB_SERVER_URL": None,
        "GITHUB_REPOSITORY": None,
        "GITHUB_SHA": None,
        "SOURCE_DATE_EPOCH": EPOCH,
    }
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the test goals repository, as the current folder (no git, no config)."""
    target = tmp_path / "goals"
    shutil.copytree(HERE / "repo", target)
    monkeypatch.chdir(target)
    return target


@pytest.mark.parametrize(("fmt", "name"), [("markdown", "report.md"), ("json", "report.json")])
def test_report_matches_golden(repo: Path, fmt: str, name: str, update_golden: bool) -> None:
    result = RUNNER.invoke(app, ["report", ".", "--isolated", "--format", fmt])
    assert result.exit_code == 2  # drafts/broken.yaml cannot be read: listed, and exit 2
    check_golden(GOLDEN / name, result.stdout, update_golden)


def test_markdown_is_the_default_and_json_agrees(repo: Path) -> None:
    markdown = RUNNER.invoke(app, ["report", "--isolated"]).stdout
    data = json.loads(RUNNER.invoke(app, ["report", "--isolated", "-f", "json"]).stdout)
    assert markdown.startswith("# Goals health\n")
    for team in data["teams"]:
        for cycle in team["cycles"]:
            share = cycle["disguised_share"]
            shown = "–" if share is None else f"{share * 100:.0f}%"
            if not cycle["boards"]:  # only a board that failed to load: nothing counted
                assert f"| {cycle['cycle']} | 0 | – | – | – |" in markdown
                continue
            assert f"| {cycle['cycle']} | {cycle['boards']} | {cycle['key_results']} " in markdown
            assert f"| {cycle['disguised_kpis']} | {shown} |" in markdown


def _cycles(data: dict[str, Any], team: str) -> dict[str, dict[str, Any]]:
    [found] = [t for t in data["teams"] if t["team"] == team]
    return {c["cycle"]: c for c in found["cycles"]}


def test_the_numbers_count_the_findings(repo: Path) -> None:
    data = json.loads(RUNNER.invoke(app, ["report", "--isolated", "-f", "json"]).stdout)
    growth = _cycles(data, "Growth")
    assert list(growth) == ["2026-Q1", "2026-Q2", "2026-Q3"]  # in time order
    # two held levels; the guard-rail beside a real bet is not a disguised KPI
    assert (growth["2026-Q1"]["key_results"], growth["2026-Q1"]["disguised_kpis"]) == (3, 2)
    assert growth["2026-Q2"]["no_baseline"] == 1
    assert growth["2026-Q2"]["red_kpis_without_okr"] == 1
    assert growth["2026-Q3"]["evergreen"] == 1
    # the tracker fields the board carries: the mean progress reported, the stretch bets
    assert (growth["2026-Q3"]["progress"], growth["2026-Q3"]["stretch_bets"]) == (0.6, 1)
    assert (growth["2026-Q2"]["progress"], growth["2026-Q2"]["stretch_bets"]) == (None, 0)
    assert _cycles(data, "Ops | <Night> shift")["2026-Q3"]["boards_over_focus_limits"] == 1
    # a board without a cycle is its own column, after the dated ones
    assert list(_cycles(data, "Research")) == ["no cycle"]
    trends = [t["trend"] for t in data["teams"]]
    assert trends == ["no board loaded", "improving", "one cycle", "one cycle"]  # Broken first
    assert data["totals"]["cycles"] == 3 and data["totals"]["boards"] == 5
    assert [u["file"] for u in data["unreadable"]] == ["drafts/broken.yaml"]
    worst = data["worst"]
    assert len(worst) == 10
    assert [w["severity"] for w in worst] == sorted(
        (w["severity"] for w in worst), key=["error", "warning", "info"].index
    )
    assert worst[0]["rule"] == "kpi-in-disguise"
    assert worst[0]["link"] == f"{worst[0]['file']}#L{worst[0]['line']}"


def test_exit_0_when_written_whatever_the_findings(repo: Path) -> None:
    (repo / "drafts" / "broken.yaml").unlink()
    out = repo / "health.html"
    result = RUNNER.invoke(app, ["report", "--isolated", "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and out.read_text(encoding="utf-8").startswith("<!DOCTYPE")


def test_usage_errors_exit_2(repo: Path) -> None:
    assert RUNNER.invoke(app, ["report", "--format", "pdf"]).exit_code == 2
    (repo / ".okrlint.yaml").write_text("selct: [kpi-in-disguise]\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["report"])
    assert result.exit_code == 2 and "selct" in result.stderr
    result = RUNNER.invoke(app, ["report", "--isolated", "-o", str(repo / "no" / "such.md")])
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_links_follow_the_output_file_and_the_forge(repo: Path) -> None:
    (repo / "docs").mkdir()
    RUNNER.invoke(app, ["report", "--isolated", "-f", "json", "-o", "docs/health.json"])
    data = json.loads((repo / "docs" / "health.json").read_text(encoding="utf-8"))
    assert data["worst"][0]["link"].startswith("../2026-Q1/growth.yaml#L")
    forge = CliRunner(
        env={
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "acme/goals",
            "GITHUB_SHA": "abc123",
        }
    )
    data = json.loads(forge.invoke(app, ["report", "--isolated", "-f", "json"]).stdout)
    assert data["worst"][0]["link"].startswith("https://github.com/acme/goals/blob/abc123/2026-Q1/")
    explicit = ["report", "--isolated", "-f", "json", "--link-base", "https://git.example/g/"]
    data = json.loads(forge.invoke(app, explicit).stdout)
    assert data["worst"][0]["link"].startswith("https://git.example/g/2026-Q1/growth.yaml#L")


def test_board_text_is_inert_in_every_format() -> None:
    board = (
        'board: "<script>alert(1)</script> | *x* [y](javascript:z)"\ncycle: 2026-Q3\n'
        "objectives:\n  - title: Grow\n    owner: a\n    key_results:\n"
        "      - Keep <b>churn</b> below 4% | [x](y)\n      - Cut onboarding from 10 to 6 days\n"
    )
    health = build_health(lint_text(board, "javascript:evil.yaml", Config()))
    html = render_health(health, "html")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>churn" not in html
    assert 'href="./javascript:evil.yaml#L' in html
    markdown = render_health(health, "markdown")
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "\\| \\*x\\* \\[y\\](javascript:z)" in markdown
    assert "](./javascript:evil.yaml#L" in markdown


def test_safe_links() -> None:
    assert safe_link("goals/a.yaml#L3") == "goals/a.yaml#L3"
    assert safe_link("https://x/a.yaml#L3") == "https://x/a.yaml#L3"
    assert safe_link("JavaScript:alert(1)") == "./JavaScript:alert(1)"
    assert safe_link("data:text/html,x") == "./data:text/html,x"


def test_an_empty_run_still_writes_a_report(tmp_path: Path) -> None:
    health = build_health(lint_paths([tmp_path], Config()))
    assert "No boards were read." in render_health(health, "markdown")
    assert "No boards were read." in render_health(health, "html")
    assert json.loads(render_health(health, "json"))["teams"] == []


def test_a_report_from_the_cache_is_the_same_report(repo: Path) -> None:
    cold = RUNNER.invoke(app, ["report", "--isolated", "-f", "json", "--no-cache"]).stdout
    assert not (repo / ".okrlint_cache").exists()
    first = RUNNER.invoke(app, ["report", "--isolated", "-f", "json"]).stdout
    assert list((repo / ".okrlint_cache").rglob("*.json"))  # the boards are cached
    warm = RUNNER.invoke(app, ["report", "--isolated", "-f", "json"]).stdout
    assert json.loads(cold) == json.loads(first) == json.loads(warm)
