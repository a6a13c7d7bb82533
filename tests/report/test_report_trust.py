"""What a report says about itself, so it can be trusted: boards that failed to load
are rows with their error, findings silenced inline are counted apart, the time and
commit it was made of are given, and the HTML's colours and zeros can be seen."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from okrlint.cli import app

HERE = Path(__file__).parent
EPOCH, EPOCH_ISO = "1780000000", "2026-05-28T20:26:40Z"
ENV = {
    "NO_COLOR": "1",
    "GITHUB_ACTIONS": None,
    "GITHUB_SERVER_URL": None,
    "GITHUB_REPOSITORY": None,
    "GITHUB_SHA": None,
    "SOURCE_DATE_EPOCH": EPOCH,
}
RUNNER = CliRunner(env=ENV)
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")

BROKEN_GROWTH = """\
board: Growth
cycle: 2026-Q4
objectives:
  - title: Make the first month of a new team count
    kee_results:
      - Increase activation from 64% to 70%
"""
BROKEN_SUPPORT = "objectives:\n  - title: [unclosed\n"  # no board: line; cycle in the path
SUPPRESSED = """\
board: Support
cycle: 2026-Q3
objectives:
  - title: Make support feel effortless
    owner: sam
    key_results:
      - Keep first response under 4 hours  # okrlint: disable=kpi-in-disguise -- a guard-rail
      - Cut median resolution time from 30 hours to 20 hours
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test goals repository with two boards that fail to load, as the current folder."""
    target = tmp_path / "goals"
    shutil.copytree(HERE / "repo", target)
    (target / "2026-Q4").mkdir()
    (target / "2026-Q4" / "growth.yaml").write_text(BROKEN_GROWTH, encoding="utf-8")
    (target / "2026-Q4" / "support.yaml").write_text(BROKEN_SUPPORT, encoding="utf-8")
    monkeypatch.chdir(target)
    return target


def _report(fmt: str, *args: str, runner: CliRunner = RUNNER) -> str:
    result = runner.invoke(app, ["report", "--isolated", "--no-cache", "-f", fmt, *args])
    assert result.exit_code in (0, 2), result.output
    return result.stdout


def _cycles(data: dict[str, Any], team: str) -> dict[str, dict[str, Any]]:
    [found] = [t for t in data["teams"] if t["team"] == team]
    return {c["cycle"]: c for c in found["cycles"]}


# -- boards that failed to load ------------------------------------------------------------


def test_a_failed_board_is_a_row_of_its_team_and_cycle_with_its_error(repo: Path) -> None:
    data = json.loads(_report("json"))
    growth = _cycles(data, "Growth")
    assert list(growth) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]  # Q4 is not lost
    [failed] = growth["2026-Q4"]["failed"]
    assert (failed["file"], failed["kind"]) == ("2026-Q4/growth.yaml", "schema-error")
    assert "kee_results" in failed["message"] and failed["line"] == 5
    assert growth["2026-Q4"]["boards"] == 0 and growth["2026-Q3"]["failed"] == []
    # no board: line: the file's name is the team, the path's folder the cycle
    [support] = _cycles(data, "support")["2026-Q4"]["failed"]
    assert support["kind"] == "parse-error"
    assert data["totals"]["boards_failed"] == 3  # and drafts/broken.yaml, in its team
    assert list(_cycles(data, "Broken")) == ["cycle unknown"]


def test_the_failed_row_shows_its_error_in_markdown_and_html(repo: Path) -> None:
    markdown = _report("markdown")
    [row] = [line for line in markdown.splitlines() if line.startswith("| Growth | 2026-Q4 |")]
    assert "| 0 | – | – | – |" in row  # nothing counted is not zero
    assert "**failed:** 2026-Q4/growth.yaml:5:5 schema-error:" in row
    assert "kee\\_results" in row
    html = _report("html").replace("\n", "")
    rows = re.findall(r'<tr data-index="\d+" class="failed">(.*?)</tr>', html)
    [tr] = [row for row in rows if ">Growth</td>" in row]
    assert '<td data-value="2026-10-01 2026-Q4">2026-Q4<div class="failure"' in tr
    assert 'failed to load: <a href="#unreadable-' in tr and "2026-Q4/growth.yaml:5:5</a>" in tr
    assert "kee_results" in tr  # the message, as a tooltip; in full below, where it links to
    target = re.search(r'href="#(unreadable-\d+)">2026-Q4/growth', tr)
    assert target and f'<tr id="{target.group(1)}"><td>2026-Q4/growth.yaml:5:5</td>' in html
    assert html.count('class="failed"') == 3


def test_a_failed_board_from_the_cache_is_the_same_row(repo: Path) -> None:
    cold = _report("json")
    RUNNER.invoke(app, ["report", "--isolated", "-f", "json"])  # fills the cache
    warm = RUNNER.invoke(app, ["report", "--isolated", "-f", "json"]).stdout
    assert list((repo / ".okrlint_cache").rglob("*.json"))
    assert json.loads(warm) == json.loads(cold)


# -- findings silenced inline ----------------------------------------------------------------


def test_suppressed_findings_are_counted_apart_in_every_form(repo: Path) -> None:
    (repo / "2026-Q3" / "support.yaml").write_text(SUPPRESSED, encoding="utf-8")
    data = json.loads(_report("json"))
    support = _cycles(data, "Support")["2026-Q3"]
    assert support["suppressed"] == 1
    assert support["disguised_kpis"] == 0  # silenced, so not counted as a disguised KPI
    assert data["totals"]["suppressed"] == 1
    assert _cycles(data, "Growth")["2026-Q1"]["suppressed"] == 0
    markdown = _report("markdown")
    assert "· 1 finding suppressed inline ·" in markdown.splitlines()[2]
    assert "| Suppressed |" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| Support | 2026-Q3 |"))
    assert row.endswith("| – | 1 |  |")  # progress, suppressed, no failure
    html = _report("html")
    assert "Suppressed</button></th>" in html
    [tr] = [line for line in html.splitlines() if ">Support</td>" in line]
    assert tr.endswith('<td class="n" data-value="1">1</td></tr>')
    # from the cache too: suppressions are applied on every run
    RUNNER.invoke(app, ["report", "--isolated", "-f", "json"])
    warm = json.loads(RUNNER.invoke(app, ["report", "--isolated", "-f", "json"]).stdout)
    assert _cycles(warm, "Support")["2026-Q3"]["suppressed"] == 1


# -- when and of what -------------------------------------------------------------------------


def test_the_report_says_when_it_was_made_source_date_epoch_fixes_it(repo: Path) -> None:
    assert json.loads(_report("json"))["generated_at"] == EPOCH_ISO
    assert f"Generated {EPOCH_ISO}." in _report("markdown")
    assert f'Generated <time datetime="{EPOCH_ISO}">{EPOCH_ISO}</time>' in _report("html")
    now = CliRunner(env={**ENV, "SOURCE_DATE_EPOCH": None})
    stamp = json.loads(_report("json", runner=now))["generated_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp) and stamp != EPOCH_ISO
    bad = CliRunner(env={**ENV, "SOURCE_DATE_EPOCH": "yesterday"})
    result = bad.invoke(app, ["report", "--isolated"])
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH" in result.stderr


def test_outside_git_there_is_no_commit(repo: Path) -> None:
    assert json.loads(_report("json"))["commit"] is None
    assert "from commit" not in _report("markdown")


def _git(cwd: Path, *args: str) -> str:
    assert GIT is not None
    done = subprocess.run(
        [GIT, "-c", "user.name=okrlint-test", "-c", "user.email=test@okrlint.invalid", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def git_repo(repo: Path) -> tuple[Path, str]:
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "boards")
    return repo, _git(repo, "rev-parse", "HEAD")


@needs_git
def test_the_report_names_the_commit_without_needing_git(git_repo: tuple[Path, str]) -> None:
    repo, full = git_repo
    short = full[:7]
    assert json.loads(_report("json"))["commit"] == short
    assert f"Generated {EPOCH_ISO} from commit {short}." in _report("markdown")
    assert f"from commit <code>{short}</code>" in _report("html")
    # with no git on the PATH, the commit is read from .git itself
    no_git = CliRunner(env={**ENV, "PATH": ""})
    assert json.loads(_report("json", runner=no_git))["commit"] == short
    # packed refs, a detached HEAD, a linked work tree
    from okrlint.repository import head_commit

    _git(repo, "pack-refs", "--all")
    assert head_commit(repo) == short
    _git(repo, "checkout", "-q", "--detach")
    assert head_commit(repo / "2026-Q1") == short
    _git(repo, "worktree", "add", "-q", str(repo.parent / "linked"), "HEAD")
    assert (repo.parent / "linked" / ".git").is_file()
    assert head_commit(repo.parent / "linked") == short


@needs_git
def test_a_git_folder_that_cannot_be_read_gives_no_commit_and_a_report(
    git_repo: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrlint.repository import head_commit

    repo, _full = git_repo
    (repo / ".git" / "HEAD").write_text("garbage\n", encoding="utf-8")
    monkeypatch.setattr(shutil, "which", lambda name: None)  # and no git to ask
    assert head_commit(repo) is None
    assert json.loads(_report("json"))["commit"] is None


# -- the HTML: colours with words, and zeros that show -------------------------------------------


def test_html_cells_are_coloured_by_health_with_a_legend_and_keep_their_text(repo: Path) -> None:
    html = _report("html")
    legend = re.search(r'<p class="legend">(.*?)</p>', html)
    assert legend is not None
    for grade in ("good", "fair", "poor", "none"):
        assert re.search(rf'<span class="key {grade}">\w[^<]+</span>', legend.group(1)), grade
    shares = re.findall(
        r'<td class="n (good|fair|poor|none)" data-value="([\d.]*)">([^<]*)</td>', html
    )
    graded = {(grade, text) for grade, _value, text in shares}
    assert ("poor", "67%") in graded and ("poor", "50%") in graded and ("good", "0%") in graded
    assert all(text for _g, _v, text in shares)  # never colour alone
    # a problem counted (a bet without a baseline in Growth's Q2) is tinted, with its number
    assert '<td class="n fair" data-value="1">1</td>' in html


def test_a_zero_bar_shows_an_empty_track_and_its_zero(repo: Path) -> None:
    html = _report("html")
    bars = re.findall(
        r'<g class="bar [a-z]+" data-cycle="([^"]+)" data-share="([^"]*)">(.*?)</g>', html
    )
    zero = [body for _cycle, share, body in bars if share == "0.0000"]
    assert zero
    for body in zero:
        track = re.search(r'<rect class="track" [^>]*height="([\d.]+)"', body)
        level = re.search(r'<rect class="level" [^>]*height="([\d.]+)"', body)
        assert track and float(track.group(1)) > 0
        assert level and float(level.group(1)) == 0
        assert ">0%</text>" in body
    assert ".bar .track {" in html
