"""--fix and --diff: minimal, idempotent rewrites that keep comments and formatting."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from okrlint.api import lint_paths
from okrlint.cli import app
from okrlint.config import Config
from okrlint.fixing import (
    apply_fixes,
    detect_indent,
    plan_fixes,
    split_lines,
    standalone_replacements,
    unified_diff,
)

ODD = """\
# Platform board -- reviewed every Monday
board:   Platform          # odd spacing stays
cycle: 2026-Q3
objectives:
    - title: Make the API dependable   # four-space lists
      owner: ops
      key_results:
          - Keep gross churn below 4%    # was a KPI all along
          - 'Reduce p95 latency from 800ms to 300ms'
          - Zero missed payroll runs
    - title: Win enterprise
      owner: sales
      key_results: [Sign 10 new enterprise customers, "Uptime stays at or above 99.9% all quarter"]
"""


def run(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint", "check", "--isolated", *args],
        cwd=tmp,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc


def test_moving_disguised_kpis_is_a_minimal_diff(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(ODD, encoding="utf-8")
    [plan] = plan_fixes(lint_paths([board], Config()), unsafe=False)
    diff = unified_diff(plan)
    removed = [
        line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    added = [
        line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")
    ]
    assert removed == [
        "-          - Keep gross churn below 4%    # was a KPI all along",
        "-          - Zero missed payroll runs",
        '-      key_results: [Sign 10 new enterprise customers, "Uptime stays at or above 99.9% '
        'all quarter"]',
    ]
    assert "+      key_results: [Sign 10 new enterprise customers]" in added
    new = plan.new
    # comments, odd spacing, quoting and the four-space style survive
    assert "# Platform board -- reviewed every Monday" in new
    assert "board:   Platform          # odd spacing stays" in new
    assert "'Reduce p95 latency from 800ms to 300ms'" in new
    assert "    - title: Win enterprise" in new
    # the KPIs are what the key results held, with the objective's owner
    assert '    - id: gross-churn\n      name: Gross churn\n      threshold: "< 4"\n' in new
    assert 'threshold: "<= 0"' in new and 'threshold: ">= 99.9"' in new
    assert new.index("kpis:") < new.index("objectives:")


def test_fixing_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(ODD, encoding="utf-8")
    first = run(tmp_path, "b.yaml", "--fix", "--format", "json")
    assert "fixed 3 findings in 1 file" in first.stderr
    after = board.read_text(encoding="utf-8")
    remaining = json.loads(first.stdout)
    assert "kpi-in-disguise" not in {f["rule"] for f in remaining["findings"]}
    second = run(tmp_path, "b.yaml", "--fix", "--format", "json")
    assert "fixed" not in second.stderr
    assert board.read_text(encoding="utf-8") == after
    assert run(tmp_path, "b.yaml", "--diff").returncode == 0


def test_diff_changes_nothing_and_exits_1(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(ODD, encoding="utf-8")
    proc = run(tmp_path, "b.yaml", "--diff")
    assert proc.returncode == 1
    assert proc.stdout.startswith("--- a/b.yaml\n+++ b/b.yaml\n")
    assert "3 fixes would change 1 file" in proc.stderr
    assert board.read_text(encoding="utf-8") == ODD


def test_fix_keeps_the_file_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(ODD, encoding="utf-8")
    board.chmod(0o640)
    run(tmp_path, "b.yaml", "--fix")
    assert stat.S_IMODE(board.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == [".okrlint_cache", "b.yaml"]
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_board_that_fails_to_load_is_never_written(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    broken = ODD + "  tittle: oops\n"  # a schema error at the top level
    board.write_text(
        broken.replace("cycle: 2026-Q3\n", "cycle: 2026-Q3\ncycle: 2026-Q4\n"), encoding="utf-8"
    )
    before = board.read_text(encoding="utf-8")
    proc = run(tmp_path, "b.yaml", "--fix")
    assert proc.returncode == 2
    assert board.read_text(encoding="utf-8") == before


def test_suggested_fixes_need_unsafe_fixes(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(
        textwrap.dedent("""\
        board: Growth
        kpis:
          - {id: churn, name: Churn, owner: finance, unit: "%", threshold: "< 4"}
        objectives:
          - title: Win back new customers
            owner: lee
            key_results:
              - Maintain 99.9% uptime
              - title: Bring churn from 4.6% to 3.5%
                kpi: chrun
        """),
        encoding="utf-8",
    )
    proc = run(tmp_path, "b.yaml", "--fix")
    assert "fixed" not in proc.stderr  # guessed threshold, kpi and cycle are suggestions
    assert "more fixable with --unsafe-fixes" in proc.stderr
    proc = run(tmp_path, "b.yaml", "--fix", "--unsafe-fixes")
    text = board.read_text(encoding="utf-8")
    assert "kpi: churn\n" in text
    assert "cycle: 20" in text.splitlines()[1]  # the current quarter, after board:
    assert 'name: Uptime\n    threshold: ">= 99.9"' in text
    assert "Maintain 99.9% uptime" not in text


def test_a_guard_rail_adds_a_kpi_and_keeps_the_bet_once(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    bet = "Grow MRR from $80k to $120k while keeping churn below 3%"
    board.write_text(
        f"cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    owner: maya\n    key_results:\n"
        f"      - {bet}\n      - Cut onboarding from 10 days to 6 days\n",
        encoding="utf-8",
    )
    run(tmp_path, "b.yaml", "--fix", "--unsafe-fixes")
    second = run(tmp_path, "b.yaml", "--fix", "--unsafe-fixes", "--format", "json")
    text = board.read_text(encoding="utf-8")
    assert bet in text
    assert text.count("name: Churn") == 1
    assert "    owner: maya\n" in text.split("objectives:")[0]
    # the guard-rail is on the KPI list now: nothing more to say about it
    assert json.loads(second.stdout)["findings"] == []


def test_a_guard_rail_nobody_could_own_is_not_added(tmp_path: Path) -> None:
    """A new KPI with no owner would be a new kpi-without-owner: the hint stays, no edit."""
    board = tmp_path / "b.yaml"
    text = (
        "cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    key_results:\n"
        "      - Grow MRR from $80k to $120k while keeping churn below 3%\n"
        "      - Cut onboarding from 10 days to 6 days\n"
    )
    board.write_text(text, encoding="utf-8")
    proc = run(tmp_path, "b.yaml", "--fix", "--unsafe-fixes", "--format", "json")
    assert board.read_text(encoding="utf-8") == text
    [guard] = [f for f in json.loads(proc.stdout)["findings"] if f["rule"] == "kpi-in-disguise"]
    assert guard["fix"]["edit"] is None and guard["hint"].startswith("add it to kpis")


def test_flow_style_and_a_last_key_result_leave_an_empty_objective(tmp_path: Path) -> None:
    text = "cycle: 2026-Q3\nobjectives:\n  - {title: Ops, key_results: [Keep churn below 4%]}\n"
    new, skipped = apply_fixes(
        text,
        [
            f.fix
            for f in lint_paths([_write(tmp_path, text)], Config()).findings
            if f.fix is not None and f.fix.applicability == "safe"
        ],
    )
    assert skipped == ""
    assert "key_results: []" in new  # never an invented bet
    [f] = list(
        lint_paths(
            [_write(tmp_path, new)], Config(select=("objective-without-key-results",))
        ).findings
    )
    assert f.rule == "objective-without-key-results"


def _write(tmp: Path, text: str) -> Path:
    path = tmp / "flow.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "indent"),
    [
        ("a:\n  - b\n", (2, 4, 2)),
        ("a:\n- b\n", (2, 2, 0)),
        ("a:\n    - b\n", (2, 6, 4)),
        ("a:\n    b: 1\n", (4, 4, 2)),
    ],
)
def test_indentation_is_detected(text: str, indent: tuple[int, int, int]) -> None:
    assert detect_indent(text) == indent


def test_no_fixes_leave_the_text_byte_for_byte() -> None:
    odd = "objectives:\n  - title: x\n    key_results: [  'Maintain 99.9% uptime'  ]\n"
    assert apply_fixes(odd, []) == (odd, "")


def test_json_carries_the_fix_and_sarif_only_edits(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(ODD, encoding="utf-8")
    data = json.loads(run(tmp_path, "b.yaml", "--format", "json").stdout)
    fixes = {f["rule"]: f["fix"] for f in data["findings"]}
    move = fixes["kpi-in-disguise"]
    assert move["applicability"] == "safe"
    assert move["edit"]["action"] == "move-to-kpis"
    assert move["edit"]["node"].startswith("objectives[")
    assert fixes["board-mostly-kpis"]["edit"] is None  # advice only
    sarif = json.loads(run(tmp_path, "b.yaml", "--format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    with_fix = [r for r in results if "fixes" in r]
    assert {r["ruleId"] for r in with_fix} == {"kpi-in-disguise"}
    change = with_fix[0]["fixes"][0]["artifactChanges"][0]
    assert change["replacements"][0]["deletedRegion"]["charLength"] >= 0
    assert all("fixes" not in r for r in results if r["ruleId"] == "board-mostly-kpis")


def test_each_sarif_edit_stands_alone_though_the_file_is_parsed_once(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(ODD, encoding="utf-8")
    result = lint_paths([board], Config())
    fixes = [f.fix for f in result.findings if f.fix is not None and f.fix.has_edit]
    assert len(fixes) >= 3  # several fixes of one file: none may leak into the next
    for fix, edits in zip(fixes, standalone_replacements(str(board), fixes), strict=True):
        text = ODD
        for offset, length, inserted in sorted(edits, reverse=True):
            text = text[:offset] + inserted + text[offset + length :]
        assert edits
        assert text == apply_fixes(ODD, [fix])[0]
    assert standalone_replacements(str(tmp_path / "missing.yaml"), fixes[:2]) == [[], []]


def test_a_task_moves_into_its_objectives_initiatives() -> None:
    """output-not-outcome's suggested fix: the work leaves the key results and joins the
    objective's initiatives (created after the other fields, or appended to)."""
    from okrlint.api import lint_text
    from okrlint.config import Config
    from okrlint.fixing import apply_fixes

    board = (
        "cycle: 2026-Q3\n"
        "objectives:\n"
        "  - title: Make onboarding effortless\n"
        "    owner: dana  # the growth lead\n"
        "    key_results:\n"
        "      - Raise activation from 61% to 75%\n"
        "      - Launch the onboarding wizard\n"
        "      - Cut onboarding time from 10 days to 6 days\n"
    )
    result = lint_text(board, "b.yaml", Config(select=("output-not-outcome",)))
    (finding,) = result.findings
    assert finding.fix is not None
    assert (finding.fix.action, finding.fix.applicability.value) == (
        "move-to-initiatives",
        "suggested",
    )
    fixed, why = apply_fixes(board, [finding.fix])
    assert why == ""
    assert fixed == (
        "cycle: 2026-Q3\n"
        "objectives:\n"
        "  - title: Make onboarding effortless\n"
        "    owner: dana  # the growth lead\n"
        "    initiatives:\n"
        "      - Launch the onboarding wizard\n"
        "    key_results:\n"
        "      - Raise activation from 61% to 75%\n"
        "      - Cut onboarding time from 10 days to 6 days\n"
    )
    again = lint_text(fixed, "b.yaml", Config(select=("output-not-outcome",)))
    assert again.findings == ()


# -- the file's own bytes: line endings, final newline, byte-order mark ----------------------

LAYOUT_BOARD = [
    "# Growth, Q3 -- reviewed every Monday",
    "board: Growth",
    "cycle: 2026-Q3",
    "objectives:",
    "  - title: Make onboarding effortless",
    "    owner: maya     # odd spacing stays",
    "    key_results:",
    "      - Cut onboarding time from 10 days to 6 days",
    "      - Keep monthly churn below 4%",
    "      - Raise week-4 retention from 40% to 55%",
]


def cli(*args: str) -> Result:
    result = CliRunner().invoke(app, ["check", "--isolated", "--no-cache", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def patched(old: str, diff: str) -> str:
    """``old`` with a one-file unified diff applied, as ``patch`` would write it."""
    source, out, at, in_hunk = split_lines(old), [], 0, False
    lines = split_lines(diff)
    for k, line in enumerate(lines):
        if line.startswith("@@"):
            start, _, count = line.split()[1][1:].partition(",")
            first = int(start) - (0 if count == "0" else 1)
            out.extend(source[at:first])
            at, in_hunk = first, True
            continue
        if not in_hunk or line.startswith("\\"):
            continue  # the file names, or the no-newline marker (read below)
        text = line[1:]
        if k + 1 < len(lines) and lines[k + 1].startswith("\\"):
            text = text[:-1]  # the "\n" was the diff's own: the line has none
        if line[0] in "- ":
            assert source[at] == text, (source[at], text)
            at += 1
        if line[0] in "+ ":
            out.append(text)
    out.extend(source[at:])
    return "".join(out)


def fix_and_diff(tmp: Path, raw: bytes, *extra: str) -> tuple[bytes, str]:
    """(the bytes --fix writes, the diff --diff prints) for a board's bytes."""
    first, second = tmp / "a.yaml", tmp / "b.yaml"
    first.write_bytes(raw)
    second.write_bytes(raw)
    diff = cli(str(first), "--diff", *extra)
    assert first.read_bytes() == raw
    assert diff.exit_code == 1, diff.output
    cli(str(second), "--fix", *extra)
    written = second.read_bytes()
    shown = diff.stdout_bytes.decode("utf-8").replace(str(first), str(second))
    assert patched(raw.decode("utf-8"), shown) == written.decode("utf-8")
    return written, shown


@pytest.mark.parametrize("ending", ["\r\n", "\n", "\r"])
def test_fix_keeps_the_files_line_endings_and_diff_shows_them(tmp_path: Path, ending: str) -> None:
    raw = ending.join(LAYOUT_BOARD).encode() + ending.encode()
    written, diff = fix_and_diff(tmp_path, raw)
    text = written.decode()
    assert split_lines(text) == [line for line in split_lines(text) if line.endswith(ending)]
    assert all(line.endswith(ending) for line in split_lines(text))
    assert (LAYOUT_BOARD[5] + ending).encode() in written  # untouched, odd spacing and all
    assert b"Keep monthly churn" not in written
    if ending != "\r":
        assert f"-      - Keep monthly churn below 4%{ending}" in diff
        assert f"+    name: Monthly churn{ending}" in diff


def test_mixed_endings_stay_line_by_line_and_new_lines_take_the_commonest(
    tmp_path: Path,
) -> None:
    endings = ["\r\n"] * len(LAYOUT_BOARD)
    endings[1] = endings[5] = "\n"  # two LF lines in a CRLF file
    raw = "".join(line + end for line, end in zip(LAYOUT_BOARD, endings, strict=True)).encode()
    written, _ = fix_and_diff(tmp_path, raw)
    lines = split_lines(written.decode())
    assert "board: Growth\n" in lines and "    owner: maya     # odd spacing stays\n" in lines
    kept = {LAYOUT_BOARD[1], LAYOUT_BOARD[5]}
    for line in lines:
        expected = "\n" if line.rstrip("\r\n") in kept else "\r\n"
        assert line.endswith(expected), line
    assert "    name: Monthly churn\r\n" in lines


@pytest.mark.parametrize("moved_last", [False, True])
def test_a_missing_final_newline_stays_missing(tmp_path: Path, moved_last: bool) -> None:
    board = list(LAYOUT_BOARD)
    if moved_last:  # the fix removes the very last line
        board[8], board[9] = board[9], board[8]
    raw = "\r\n".join(board).encode()
    written, diff = fix_and_diff(tmp_path, raw)
    assert not written.endswith(b"\n")
    assert written.endswith(b"\r\n      - Raise week-4 retention from 40% to 55%")
    if moved_last:  # the line before the removed one is now the last: it ends the same way
        assert diff.endswith(
            "-      - Keep monthly churn below 4%\n\\ No newline at end of file\n"
            "+      - Raise week-4 retention from 40% to 55%\n\\ No newline at end of file\n"
        )


def test_a_byte_order_mark_stays(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + "\n".join(LAYOUT_BOARD).encode() + b"\n"
    written, diff = fix_and_diff(tmp_path, raw)
    assert written.startswith(b"\xef\xbb\xbf# Growth") and written.count(b"\xef\xbb\xbf") == 1
    assert " \ufeff# Growth, Q3" in diff  # a context line, as stored


# -- a fix never copies a KPI the board has, and the moved KPI has an owner ------------------


def _board_with_kpi(kpi: str, key_result: str = "Keep monthly churn below 4%") -> str:
    return (
        "board: Growth\n"
        "owner: growth\n"
        "cycle: 2026-Q3\n"
        "kpis:\n"
        f"  - {kpi}\n"
        "objectives:\n"
        "  - title: Make onboarding effortless\n"
        "    owner: maya\n"
        "    key_results:\n"
        "      - Cut onboarding time from 10 days to 6 days\n"
        f"      - {key_result}\n"
        "      - Raise week-4 retention from 40% to 55%\n"
    )


def _rules(output: str) -> list[str]:
    return sorted(f["rule"] for f in json.loads(output)["findings"])


@pytest.mark.parametrize(
    "kpi",
    [
        '{id: churn, name: Monthly gross churn, owner: finance, unit: "%", threshold: "< 4"}',
        '{id: churn, name: Churn, owner: finance, unit: "%", threshold: "< 4"}',
        '{id: monthly-churn, name: Churn (finance), owner: finance, threshold: "< 4"}',
        '{name: Monthly churn, owner: finance, threshold: "< 4", unit: "%"}',
    ],
)
def test_a_kpi_the_board_already_has_is_reused_not_copied(tmp_path: Path, kpi: str) -> None:
    board = tmp_path / "b.yaml"
    text = _board_with_kpi(kpi)
    board.write_text(text, encoding="utf-8")
    before = cli(str(board), "--format", "json")
    assert "kpi-in-disguise" in _rules(before.stdout)
    fixed = cli(str(board), "--fix", "--format", "json")
    assert "fixed 1 finding in 1 file" in fixed.stderr
    after = board.read_text(encoding="utf-8")
    assert after == text.replace("      - Keep monthly churn below 4%\n", "")  # the KPI stays
    assert _rules(fixed.stdout) == []


def test_a_kpi_at_another_threshold_is_left_for_the_team_to_settle(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    text = _board_with_kpi('{id: churn, name: Monthly churn, owner: finance, threshold: "< 5"}')
    board.write_text(text, encoding="utf-8")
    shown = cli(str(board), "--format", "json")
    assert shown.exit_code == 1
    [finding] = [f for f in json.loads(shown.stdout)["findings"] if f["rule"] == "kpi-in-disguise"]
    assert finding["hint"].startswith('kpis already has it: churn (threshold "< 5"): settle one')
    assert finding["fix"]["edit"] is None
    assert cli(str(board), "--fix", "--unsafe-fixes").exit_code == 1
    assert board.read_text(encoding="utf-8") == text  # never a second churn KPI


@pytest.mark.parametrize(
    ("objective_owner", "key_result", "owner"),
    [
        ("", "Keep monthly churn below 4%", "growth"),  # only the board has one
        ("    owner: maya\n", "Keep monthly churn below 4%", "maya"),
        ("    owner: maya\n", "{title: Keep monthly churn below 4%, owner: dana}", "dana"),
    ],
)
def test_the_moved_kpi_takes_the_key_results_then_objectives_then_boards_owner(
    tmp_path: Path, objective_owner: str, key_result: str, owner: str
) -> None:
    board = tmp_path / "b.yaml"
    board.write_text(
        "board: Growth\nowner: growth\ncycle: 2026-Q3\nobjectives:\n"
        f"  - title: Make onboarding effortless\n{objective_owner}    key_results:\n"
        "      - Cut onboarding time from 10 days to 6 days\n"
        f"      - {key_result}\n"
        "      - Raise week-4 retention from 40% to 55%\n",
        encoding="utf-8",
    )
    fixed = cli(str(board), "--fix", "--format", "json")
    assert "fixed 1 finding in 1 file" in fixed.stderr
    assert f"    owner: {owner}\n" in board.read_text(encoding="utf-8").split("objectives:")[0]
    assert "kpi-without-owner" not in _rules(fixed.stdout)
