"""The command line, in-process through typer's CliRunner: flags, output, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from okrlint import __version__
from okrlint.checks import RULE_IDS
from okrlint.cli import app
from okrlint.errors import ErrorKind

# Line 7: kpi-in-disguise (error) · line 8: no-baseline (warning) ·
# line 9: kpi-in-disguise guard-rail (info)
MIXED = """\
board: Growth
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless for new teams
    owner: growth
    key_results:
      - Maintain 99.9% uptime
      - Increase NPS to 60
      - Grow MRR from $80k to $120k while keeping churn below 3%
      - Cut onboarding time from 10 days to 6 days
"""

FOUR_OBJECTIVES = "cycle: 2026-Q3\nobjectives:\n" + "".join(
    f"  - title: Objective {n}\n    key_results:\n      - Grow X from {n} to {n + 1}\n"
    for n in range(1, 5)
)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    # the default format follows these; a test that needs them sets them
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "mixed.yaml").write_text(MIXED, encoding="utf-8")
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(app, list(args), env=env)
    # an exit code is a SystemExit; anything else escaped the CLI
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result


def finding_lines(result: Result) -> list[str]:
    return [line for line in result.stdout.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]


# -- help and version ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), ("check", "rules", "explain", "--version")),
        (("check",), ("--format", "--select", "--ignore", "--fail-on", "--rule-option", "Exit")),
        (("rules",), ("--format",)),
        (("explain",), ("RULE",)),
    ],
)
def test_help(args: tuple[str, ...], expected: tuple[str, ...]) -> None:
    result = run(*args, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    for word in expected:
        assert word.lower() in result.stdout.lower()


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"okrlint {__version__}"


def test_an_unknown_command_is_a_usage_error() -> None:
    result = run("lint")
    assert result.exit_code == 2


# -- rules and explain --------------------------------------------------------------------


def test_rules_lists_every_rule_and_the_input_errors() -> None:
    result = run("rules")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    for rule_id in RULE_IDS:
        assert rule_id in ids
    for kind in ErrorKind:
        assert kind.value in ids
    assert ids.index(RULE_IDS[-1]) < ids.index(ErrorKind.IO_ERROR.value)


def test_rules_as_json() -> None:
    result = run("rules", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == [
        *RULE_IDS,
        "unused-suppression",
        "unknown-rule-in-suppression",
    ]
    for row in rows:
        assert row["severity"] in ("error", "warning", "info")
        assert row["summary"]


def test_explain_a_rule() -> None:
    result = run("explain", "kpi-in-disguise")
    assert result.exit_code == 0
    assert result.stdout.startswith("kpi-in-disguise")
    assert "Why it matters" in result.stdout
    # the policies for reading real text where RULES.md is silent
    reading = result.stdout.split("How real text is read", 1)[1].split("\nFix", 1)[0]
    assert '"Audit 100% of vendor contracts"' in " ".join(reading.split())
    assert reading.count("\n  - ") >= 3


def test_explain_an_unknown_rule_suggests_the_closest() -> None:
    result = run("explain", "kpi-in-disgise")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown rule id 'kpi-in-disgise'" in result.stderr
    assert "did you mean kpi-in-disguise" in result.stderr


# -- check: findings and exit codes ---------------------------------------------------------


def test_check_reports_findings_with_positions(workdir: Path) -> None:
    result = run("check", "--format", "human", "mixed.yaml", "--no-color")
    assert result.exit_code == 1
    lines = finding_lines(result)
    assert lines[0].startswith("mixed.yaml:7:9: error kpi-in-disguise ")
    assert any(line.startswith("mixed.yaml:8:9: warning no-baseline ") for line in lines)
    assert any(line.startswith("mixed.yaml:9:9: info kpi-in-disguise ") for line in lines)
    assert "7 |       - Maintain 99.9% uptime" in result.stdout  # the source line
    assert result.stdout.rstrip().splitlines()[-1].startswith("Found ")


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (("--select", "no-baseline"), 0),
        (("--select", "no-baseline", "--fail-on", "warning"), 1),
        (("--select", "no-baseline", "--fail-on", "info"), 1),
        (("--select", "kpi-in-disguise"), 1),
        (("--ignore", "kpi-in-disguise", "--fail-on", "warning"), 1),
        (("--ignore", "kpi-in-disguise,no-baseline", "--fail-on", "warning"), 0),
        (("--ignore", "kpi-in-disguise,no-baseline", "--fail-on", "info"), 0),
    ],
)
def test_fail_on_sets_the_exit_code(workdir: Path, options: tuple[str, ...], code: int) -> None:
    assert run("check", "mixed.yaml", *options).exit_code == code


def test_an_info_finding_fails_only_with_fail_on_info(workdir: Path) -> None:
    (workdir / "guard.yaml").write_text(
        "cycle: 2026-Q3\nobjectives:\n  - title: Grow revenue\n    owner: sales\n"
        "    key_results:\n      - Grow MRR from $80k to $120k while keeping churn below 3%\n",
        encoding="utf-8",
    )
    base = ("check", "--format", "human", "guard.yaml", "--select", "kpi-in-disguise", "-q")
    assert run(*base).exit_code == 0
    assert run(*base, "--fail-on", "warning").exit_code == 0
    result = run(*base, "--fail-on", "info")
    assert result.exit_code == 1
    assert finding_lines(result)[0].startswith("guard.yaml:6:9: info kpi-in-disguise")


@pytest.mark.parametrize(
    "options",
    [
        ("--select", "kpi-in-disguise,no-baseline"),
        ("--select", "kpi-in-disguise", "--select", "no-baseline"),
        ("--select", " kpi-in-disguise , no-baseline ,"),
        ("--select", "ALL", "--ignore", "not-measurable,missing-cycle"),
    ],
)
def test_select_is_comma_separated_and_repeatable(workdir: Path, options: tuple[str, ...]) -> None:
    result = run("check", "--format", "human", "mixed.yaml", "-q", "--no-color", *options)
    rules = {line.split()[2] for line in finding_lines(result)}
    assert {"kpi-in-disguise", "no-baseline"} <= rules
    assert not rules & {"not-measurable", "missing-cycle"}


def test_ignore_is_repeatable(workdir: Path) -> None:
    result = run(
        "check",
        "--format",
        "human",
        "mixed.yaml",
        "-q",
        "--ignore",
        "kpi-in-disguise",
        "--ignore",
        "no-baseline",
    )
    rules = {line.split()[2] for line in finding_lines(result)}
    assert not rules & {"kpi-in-disguise", "no-baseline"}


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_an_unknown_rule_id_is_a_usage_error(workdir: Path, flag: str) -> None:
    result = run("check", "mixed.yaml", flag, "no-baselin")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown rule id 'no-baselin'" in result.stderr
    assert "did you mean no-baseline" in result.stderr


def test_an_unknown_language_is_a_usage_error(workdir: Path) -> None:
    result = run("check", "mixed.yaml", "--language", "xx")
    assert result.exit_code == 2
    assert "unknown language 'xx'" in result.stderr


def test_an_unknown_format_is_a_usage_error(workdir: Path) -> None:
    assert run("check", "mixed.yaml", "--format", "xml").exit_code == 2


# -- rule options ------------------------------------------------------------------------


def test_rule_option_changes_a_rule(workdir: Path) -> None:
    (workdir / "four.yaml").write_text(FOUR_OBJECTIVES, encoding="utf-8")
    base = ("check", "four.yaml", "--select", "too-many-objectives", "-q")
    result = run(*base)
    assert result.exit_code == 1
    assert "too-many-objectives" in finding_lines(result)[0]
    result = run(*base, "--rule-option", "too-many-objectives.max=4")
    assert result.exit_code == 0
    assert finding_lines(result) == []


@pytest.mark.parametrize(
    ("option", "words"),
    [
        ("too-many-objectives.max", "RULE.OPTION=VALUE"),
        ("too-many-objectives=4", "RULE.OPTION=VALUE"),
        ("too-many-objectivs.max=4", "did you mean too-many-objectives"),
        ("too-many-objectives.maximum=4", "has no option 'maximum'"),
        ("too-many-objectives.max=four", "expects int"),
        ("too-many-objectives.max=-1", "must not be negative"),
    ],
)
def test_bad_rule_options_are_usage_errors(workdir: Path, option: str, words: str) -> None:
    result = run("check", "mixed.yaml", "--rule-option", option)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("okrlint: error:")
    assert words in result.stderr


# -- output: quiet, colour ------------------------------------------------------------------


def test_quiet_prints_only_the_findings(workdir: Path) -> None:
    result = run("check", "--format", "human", "mixed.yaml", "--quiet", "--no-color")
    lines = result.stdout.splitlines()
    assert lines == finding_lines(result)
    assert len(lines) == 3


def test_no_colour_when_not_a_terminal(workdir: Path) -> None:
    assert not ANSI.search(run("check", "--format", "human", "mixed.yaml").stdout)


@pytest.mark.parametrize(
    ("env", "args", "coloured"),
    [
        ({"FORCE_COLOR": "1"}, (), True),
        ({"FORCE_COLOR": "1"}, ("--no-color",), False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, (), False),
        ({"NO_COLOR": "1"}, (), False),
        ({"NO_COLOR": "", "FORCE_COLOR": "1"}, (), True),  # an empty NO_COLOR is unset
    ],
)
def test_colour_settings(
    workdir: Path, env: dict[str, str], args: tuple[str, ...], coloured: bool
) -> None:
    result = run("check", "--format", "human", "mixed.yaml", *args, env=env)
    assert bool(ANSI.search(result.stdout)) is coloured
    assert (
        ANSI.sub("", result.stdout)
        == run("check", "--format", "human", "mixed.yaml", "--no-color").stdout
    )


# -- input errors -------------------------------------------------------------------------


def test_a_broken_file_is_reported_and_the_others_are_still_linted(workdir: Path) -> None:
    (workdir / "broken.yaml").write_text("objectives:\n  - title: A\n    tittle: B\n")
    result = run("check", "--format", "human", "broken.yaml", "mixed.yaml", "--no-color")
    assert result.exit_code == 2
    assert "broken.yaml:3:5: error schema-error unknown field 'tittle'" in result.stderr
    assert "did you mean 'title'" in result.stderr
    assert "mixed.yaml:7:9: error kpi-in-disguise" in result.stdout
    assert "1 file could not be linted" in result.stdout


def test_a_missing_file_is_reported(workdir: Path) -> None:
    result = run("check", "--format", "human", "missing.yaml", "mixed.yaml")
    assert result.exit_code == 2
    assert "missing.yaml:1:1: error io-error" in result.stderr
    assert "mixed.yaml:7:9" in result.stdout


def test_a_folder_without_boards_is_a_notice(workdir: Path) -> None:
    (workdir / "empty").mkdir()
    result = run("check", "--format", "human", "empty")
    assert result.exit_code == 0
    assert "empty: no board files" in result.stderr
    assert "No problems in 0 files" in result.stdout


def test_check_without_paths_lints_the_current_folder(workdir: Path) -> None:
    result = run("check", "--format", "human", "-q", "--select", "no-baseline")
    [line] = finding_lines(result)
    assert line.startswith("mixed.yaml:8:9: warning no-baseline")


# -- JSON ---------------------------------------------------------------------------------


FINDING_KEYS = {
    "rule": str,
    "severity": str,
    "message": str,
    "file": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "node": str,
}


def json_run(*args: str) -> tuple[Result, dict[str, Any]]:
    result = run("check", "--format", "json", *args)
    return result, json.loads(result.stdout)


def test_json_shape(workdir: Path) -> None:
    (workdir / "broken.yaml").write_text("kpis:\n  - name: Uptime\n    threshold: >= 99.9\n")
    result, data = json_run("mixed.yaml", "broken.yaml", "nope.yaml")
    assert result.exit_code == 2
    assert set(data) >= {"version", "files", "findings", "summary"}
    assert data["version"] == 1
    files = {f["file"]: f for f in data["files"]}
    assert set(files) == {"mixed.yaml", "broken.yaml", "nope.yaml"}
    for f in data["files"]:
        assert set(f) >= {"file", "ok", "errors"}
        assert isinstance(f["ok"], bool) and isinstance(f["errors"], list)
        assert f["ok"] is (f["errors"] == [])
    assert files["mixed.yaml"]["ok"] is True
    [error] = files["broken.yaml"]["errors"]
    assert (error["line"], error["column"]) == (3, 16)
    assert "block scalar" in error["message"]
    for e in [*files["broken.yaml"]["errors"], *files["nope.yaml"]["errors"]]:
        assert isinstance(e["message"], str) and e["message"]
        assert isinstance(e["line"], int) and e["line"] >= 1
        assert isinstance(e["column"], int) and e["column"] >= 1
    assert data["findings"]
    for finding in data["findings"]:
        for key, kind in FINDING_KEYS.items():
            assert isinstance(finding[key], kind), (key, finding)
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert (finding["end_line"], finding["end_column"]) >= (
            finding["line"],
            finding["column"],
        )
    summary = data["summary"]
    assert set(summary) >= {"files", "errors", "warnings", "infos"}
    assert all(isinstance(summary[k], int) for k in ("files", "errors", "warnings", "infos"))
    severities = [f["severity"] for f in data["findings"]]
    assert summary["errors"] == severities.count("error")
    assert summary["warnings"] == severities.count("warning")
    assert summary["infos"] == severities.count("info")
    assert summary["files"] == 3


def test_json_nodes(workdir: Path) -> None:
    (workdir / "four.yaml").write_text(FOUR_OBJECTIVES, encoding="utf-8")
    _result, data = json_run("mixed.yaml", "four.yaml", "--select", "ALL")
    nodes = {(f["file"], f["line"], f["rule"]): f["node"] for f in data["findings"]}
    assert nodes[("mixed.yaml", 7, "kpi-in-disguise")] == "objectives[0].key_results[0]"
    assert nodes[("mixed.yaml", 8, "no-baseline")] == "objectives[0].key_results[1]"
    board_level = [f for f in data["findings"] if f["rule"] == "too-many-objectives"]
    assert board_level and all(isinstance(f["node"], str) for f in board_level)


def test_json_findings_are_sorted_by_file_and_line(workdir: Path) -> None:
    (workdir / "a.yaml").write_text(MIXED, encoding="utf-8")
    (workdir / "z.yaml").write_text(MIXED, encoding="utf-8")
    _result, data = json_run("z.yaml", "mixed.yaml", "a.yaml")
    keys = [(f["file"], f["line"], f["column"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert keys[0][0] == "a.yaml"
    assert [f["file"] for f in data["files"]] == ["a.yaml", "mixed.yaml", "z.yaml"]


def test_human_findings_are_sorted_by_file_and_line(workdir: Path) -> None:
    (workdir / "a.yaml").write_text(MIXED, encoding="utf-8")
    result = run("check", "--format", "human", "mixed.yaml", "a.yaml", "-q")
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in finding_lines(result)]
    assert keys == sorted(keys) and keys[0][0] == "a.yaml"


def test_json_with_only_input_errors(workdir: Path) -> None:
    (workdir / "empty.yaml").write_text("", encoding="utf-8")
    result, data = json_run("empty.yaml")
    assert result.exit_code == 2
    assert data["findings"] == []
    [f] = data["files"]
    assert f["ok"] is False
    assert f["errors"][0]["line"] == 1 and "empty" in f["errors"][0]["message"]


# -- the human format is safe to print ------------------------------------------------------


def test_control_characters_in_boards_never_reach_the_terminal(workdir: Path) -> None:
    # YAML escapes put real control characters into the data: ESC, BEL, a C1 CSI
    (workdir / "esc.yaml").write_text(
        "cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    owner: x\n    key_results:\n"
        '      - "Maintain \\e]0;pwned\\a 99.9% uptime \\x9b31m"\n',
        encoding="utf-8",
    )
    result = run(
        "check", "--format", "human", "esc.yaml", "--no-color", "--select", "kpi-in-disguise"
    )
    assert result.exit_code == 1
    assert finding_lines(result)[0].startswith("esc.yaml:6:9: error kpi-in-disguise")
    for char in ("\x1b", "\x07", "\x9b"):
        assert char not in result.stdout + result.stderr
    assert "␛]0;pwned␇" in result.stdout


def test_a_control_character_in_a_broken_file_is_shown_visibly(workdir: Path) -> None:
    (workdir / "nul.yaml").write_bytes(b"objectives:\n  - title: a\x1b[2Jb\n")
    result = run("check", "--format", "human", "nul.yaml")
    assert result.exit_code == 2
    assert "nul.yaml:2:13: error parse-error" in result.stderr
    assert "U+001B" in result.stderr
    assert "\x1b" not in result.stderr
    assert "2 |   - title: a␛[2Jb" in result.stderr


def test_long_lines_are_cut_around_the_column(workdir: Path) -> None:
    (workdir / "deep.yaml").write_text("objectives: " + "[" * 2000 + "]" * 2000 + "\n")
    result = run("check", "--format", "human", "deep.yaml", "--no-color")
    assert result.exit_code == 2
    [head, _gutter, source, caret, *_rest] = result.stderr.splitlines()
    assert head.startswith("deep.yaml:1:")
    assert len(source) < 140 and "…" in source
    # the caret still sits under the column reported
    column = int(head.split(":")[2])
    assert source[caret.index("^")] == "["
    assert column > 140


def test_no_source_is_shown_for_a_file_that_does_not_exist(workdir: Path) -> None:
    result = run("check", "--format", "human", "missing.yaml")
    assert (
        result.stderr.splitlines()[0] == "missing.yaml:1:1: error io-error no such file or folder"
    )
    assert " | " not in result.stderr and "^" not in result.stderr


# -- output formats: auto, --output-file, the GitHub step summary ------------------------


def test_auto_is_the_default_and_concise_when_piped(workdir: Path) -> None:
    result = run("check", "mixed.yaml")  # CliRunner's stdout is not a terminal
    assert result.stdout == run("check", "mixed.yaml", "--format", "concise").stdout
    assert result.stdout.splitlines()[0].startswith("mixed.yaml:7:9: kpi-in-disguise ")
    assert run("check", "mixed.yaml", "--format", "auto").stdout == result.stdout


def test_auto_is_github_under_github_actions(workdir: Path) -> None:
    result = run("check", "mixed.yaml", env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert result.exit_code == 1
    # only the exact value counts; an explicit format always wins
    assert run("check", "mixed.yaml", env={"GITHUB_ACTIONS": "false"}).stdout[:2] != "::"
    explicit = run("check", "mixed.yaml", "-f", "human", env={"GITHUB_ACTIONS": "true"})
    assert explicit.stdout.startswith("mixed.yaml:7:9: error kpi-in-disguise")


@pytest.mark.parametrize(
    ("env", "tty", "output_file", "expected"),
    [
        ({}, True, None, "human"),
        ({}, False, None, "concise"),
        ({}, True, "report.txt", "concise"),
        ({"GITHUB_ACTIONS": "true"}, True, None, "github"),
        ({"GITHUB_ACTIONS": "true"}, False, "report.txt", "github"),
    ],
)
def test_resolve_auto_format(
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    tty: bool,
    output_file: str | None,
    expected: str,
) -> None:
    import io

    from okrlint.cli import OutputFormat, resolve_format

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr("sys.stdout", Stream())
    assert resolve_format(OutputFormat.auto, output_file) == expected
    assert resolve_format(OutputFormat.junit, output_file) == "junit"


@pytest.mark.parametrize("fmt", ["concise", "sarif", "github", "junit", "gitlab"])
def test_every_format_from_the_command_line(workdir: Path, fmt: str) -> None:
    (workdir / "broken.yaml").write_text("objectives:\n  - title: A\n    tittle: B\n")
    result = run("check", "--format", fmt, "mixed.yaml", "broken.yaml")
    assert result.exit_code == 2
    if fmt in ("sarif", "gitlab"):
        text = json.dumps(json.loads(result.stdout))
    elif fmt == "junit":
        import xml.etree.ElementTree as ET

        text = ET.tostring(ET.fromstring(result.stdout), encoding="unicode")
    else:
        text = result.stdout + result.stderr
    assert "schema-error" in text and "kpi-in-disguise" in text and "broken.yaml" in text


def test_output_file_holds_the_report_and_stdout_stays_empty(workdir: Path) -> None:
    (workdir / "broken.yaml").write_text("objectives:\n  - title: A\n    tittle: B\n")
    expected = run("check", "--format", "sarif", "mixed.yaml", "broken.yaml").stdout
    # a folder that does not exist: a usage error (mixed.yaml alone exits 1)
    result = run("check", "-f", "sarif", "--output-file", "out/okrlint.sarif", "mixed.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("okrlint: error: cannot write out/okrlint.sarif")
    (workdir / "out").mkdir()
    result = run(
        "check", "-f", "sarif", "--output-file", "out/okrlint.sarif", "mixed.yaml", "broken.yaml"
    )
    assert result.exit_code == 2  # the input error's exit status, as without the option
    assert result.stdout == ""
    assert (workdir / "out" / "okrlint.sarif").read_text(encoding="utf-8") == expected
    assert [p.name for p in (workdir / "out").iterdir()] == ["okrlint.sarif"]  # no temp file


def test_output_file_replaces_a_file_and_keeps_diagnostics_on_stderr(workdir: Path) -> None:
    report = workdir / "report.txt"
    report.write_text("an old, longer report\n" * 100, encoding="utf-8")
    result = run("check", "mixed.yaml", "missing.yaml", "-o", "report.txt", "-f", "concise")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "missing.yaml:1:1: io-error" in result.stderr
    assert report.read_text(encoding="utf-8") == run("check", "mixed.yaml", "-f", "concise").stdout


def test_output_file_is_never_coloured(workdir: Path) -> None:
    run("check", "mixed.yaml", "-f", "human", "-o", "report.txt", env={"FORCE_COLOR": "1"})
    text = (workdir / "report.txt").read_text(encoding="utf-8")
    assert "mixed.yaml:7:9: error kpi-in-disguise" in text and not ANSI.search(text)


def test_github_step_summary_is_appended(workdir: Path) -> None:
    summary = workdir / "summary.md"
    summary.write_text("# an earlier step\n", encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    first = run("check", "mixed.yaml", env=env)
    assert first.stdout.startswith("::")
    run("check", "mixed.yaml", "-f", "github", env=env)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# an earlier step\n## okrlint\n")
    assert text.count("## okrlint") == 2
    assert "| `kpi-in-disguise` | 1 | 0 | 1 |" in text
    assert "| mixed.yaml:7 | error | `kpi-in-disguise` |" in text
    # other formats leave the summary alone
    run("check", "mixed.yaml", "-f", "concise", env=env)
    assert summary.read_text(encoding="utf-8") == text


def test_an_unwritable_step_summary_is_a_warning_only(workdir: Path) -> None:
    env = {"GITHUB_STEP_SUMMARY": str(workdir / "no" / "such" / "summary.md")}
    result = run("check", "mixed.yaml", "-f", "github", env=env)
    assert result.exit_code == 1
    assert "cannot append to" in result.stderr
    assert result.stdout.startswith("::")


# -- first use: -h, completion, help placeholders, usage errors ------------------------------

COMMANDS = [command.name or "" for command in app.registered_commands]


def test_every_command_is_known_to_these_tests() -> None:
    assert COMMANDS == [
        "check",
        "rules",
        "explain",
        "report",
        "schema",
        "convert",
        "init",
        "server",
    ]


@pytest.mark.parametrize("command", [(), *((c,) for c in COMMANDS)])
def test_dash_h_is_help(command: tuple[str, ...]) -> None:
    short = run(*command, "-h")
    assert short.exit_code == 0
    assert short.stdout.startswith("Usage: ")
    assert short.stdout == run(*command, "--help").stdout
    assert "-h, --help" in short.stdout


@pytest.mark.parametrize("command", [(), *((c,) for c in COMMANDS)])
def test_help_shows_no_python_type_placeholders(command: tuple[str, ...]) -> None:
    text = run(*command, "--help").stdout
    # typer writes a value's Python type where no metavar is given: <list[str]>, <str>,
    # <int range>, <auto|human|...>; every value has a name such as RULE, FILE, FORMAT
    assert re.findall(r"<[^>\n]*>", text) == []
    assert "list[" not in text


def test_check_help_names_the_values() -> None:
    text = run("check", "-h").stdout
    for option in (
        "--format, --output-format FORMAT",
        "--select RULE",
        "--ignore RULE",
        "--fail-on SEVERITY",
        "--rule-option RULE.OPTION=VALUE",
        "--language CODE",
        "--config FILE",
        "--jobs N",
        "--max-file-size BYTES",
    ):
        assert option in text, option
    assert "PATH..." in text and "Usage: " in text and "[PATH]..." in text


def test_shell_completion(workdir: Path) -> None:
    assert "--install-completion" in run("--help").stdout
    assert "--show-completion" in run("--help").stdout
    env = {"_OKRLINT_COMPLETE": "complete_bash", "COMP_WORDS": "okrlint ch", "COMP_CWORD": "1"}
    done = CliRunner().invoke(app, [], prog_name="okrlint", env=env)
    assert done.stdout.split() == ["check"]
    env.update(COMP_WORDS="okrlint check --format j", COMP_CWORD="3")
    done = CliRunner().invoke(app, [], prog_name="okrlint", env=env)
    assert done.stdout.split() == ["json", "junit"]
    env.update(COMP_WORDS="okrlint check --fail-on ", COMP_CWORD="3")
    done = CliRunner().invoke(app, [], prog_name="okrlint", env=env)
    assert done.stdout.split() == ["error", "warning", "info"]


#: Every value the command line checks, and words the error must hold.
BAD_VALUES = [
    (("check", "--format", "xml"), "'--format' / '--output-format' / '-f': 'xml' is not one of"),
    (("check", "--output-format", "xml"), "'xml' is not one of auto, human, concise, json"),
    (("check", "-f", "XML"), "'XML' is not one of"),
    (("check", "--fail-on", "fatal"), "'--fail-on': 'fatal' is not one of error, warning, info"),
    (("check", "--jobs", "0"), "'--jobs' / '-j': must be 1 or more, got 0"),
    (("check", "-j", "two"), "'two' is not a whole number"),
    (("check", "--max-file-size", "0"), "'--max-file-size': must be 1 or more, got 0"),
    (("check", "--max-file-size", "5MiB"), "'5MiB' is not a whole number"),
    (("check", "--max-depth", "0"), "'--max-depth': must be 1 or more, got 0"),
    (("check", "--max-alias-nodes", "-1"), "'--max-alias-nodes': must be 0 or more, got -1"),
    (("check", "--select", "nope"), "unknown rule id 'nope'"),
    (("check", "--extend-select", "nope"), "unknown rule id 'nope'"),
    (("check", "--ignore", "nope"), "unknown rule id 'nope'"),
    (("check", "--rule-option", "nope"), "--rule-option expects RULE.OPTION=VALUE"),
    (("check", "--rule-option", "too-many-objectives.max=x"), "expects int, got 'x'"),
    (("check", "--language", "xx"), "unknown language 'xx'"),
    (("check", "--config", "missing.yaml"), "no such configuration file"),
    (("check", "--baseline", "missing.json"), "no such baseline file"),
    (("rules", "--format", "yaml"), "'yaml' is not one of human, json"),
    (("report", "--format", "pdf"), "'pdf' is not one of markdown, json, html"),
    (("explain",), "Missing argument 'RULE'"),
]


@pytest.mark.parametrize(("args", "words"), BAD_VALUES)
def test_usage_errors_are_in_okrlints_words(
    workdir: Path, args: tuple[str, ...], words: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert words in result.stderr
    for foreign in ("Value error", "Input should", "pydantic", "validation error", "<"):
        assert foreign not in result.stderr, result.stderr


def test_output_format_is_an_alias_of_format(workdir: Path) -> None:
    by_alias = run("check", "mixed.yaml", "--output-format", "json")
    assert by_alias.exit_code == 1
    assert by_alias.stdout == run("check", "mixed.yaml", "--format", "json").stdout
    assert json.loads(by_alias.stdout)["findings"]


# -- concise: severity and [*] ---------------------------------------------------------------

# Line 7: a disguised KPI whose bound is written (a safe fix) · line 8: one whose level is
# a guess (a suggested fix: not --fix's) · line 9: a warning · line 10: an info (guard-rail)
FIXABLE = """\
board: Growth
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless for new teams
    owner: growth
    key_results:
      - Keep churn below 4%
      - Maintain 99.9% uptime
      - Increase NPS to 60
      - Grow MRR from $80k to $120k while keeping churn below 3%
      - Cut onboarding time from 10 days to 6 days
"""


def test_concise_lines_show_the_severity_and_what_fix_can_fix(workdir: Path) -> None:
    (workdir / "fixable.yaml").write_text(FIXABLE, encoding="utf-8")
    (workdir / "OKR.md").write_text(
        "# Growth 2026-Q3\n\n## Objective: Make onboarding effortless\n\n"
        "- KR: Keep churn below 4%\n- KR: Increase activation from 61% to 75%\n",
        encoding="utf-8",
    )
    (workdir / "broken.yaml").write_text("objectives:\n  - tittle: A\n", encoding="utf-8")
    result = run("check", "fixable.yaml", "OKR.md", "broken.yaml", "-f", "concise")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()

    def line_at(start: str) -> str:
        [line] = [line for line in lines if line.startswith(start)]
        return line

    assert line_at("fixable.yaml:7:9: kpi-in-disguise error [*] ").endswith(
        ' "Keep churn below 4%" holds a level instead of moving it: churn < 4%'
    )
    assert line_at('fixable.yaml:8:9: kpi-in-disguise error "Maintain 99.9% uptime" ')
    assert line_at("fixable.yaml:9:9: no-baseline warning ")
    assert line_at("fixable.yaml:10:9: kpi-in-disguise info ")
    assert line_at("OKR.md:5:7: kpi-in-disguise error ")  # Markdown boards are not rewritten
    assert sum("[*]" in line for line in lines) == 1
    assert result.stderr.startswith("broken.yaml:2:5: schema-error error ")
    # what carries [*] is exactly what --fix fixes
    fixed = run("check", "fixable.yaml", "--fix", "-f", "concise")
    assert "okrlint: fixed 1 finding in 1 file" in fixed.stderr
    assert "Keep churn below 4%" not in fixed.stdout and "[*]" not in fixed.stdout


# -- --statistics ----------------------------------------------------------------------------


def test_statistics_counts_findings_per_rule(workdir: Path) -> None:
    (workdir / "fixable.yaml").write_text(FIXABLE, encoding="utf-8")
    result = run("check", "fixable.yaml", "mixed.yaml", "--statistics")
    assert result.exit_code == 1  # as without --statistics
    assert result.stdout == (
        "5  kpi-in-disguise    [*] A key result or objective that asks to hold a level "
        "instead of moving it.\n"
        "2  no-baseline        [ ] A target with no starting value.\n"
        "1  board-mostly-kpis  [ ] A third or more of the board holds levels or describes the "
        "job; it is a dashboard.\n"
    )
    assert result.stderr == ""
    # the same counts whatever the text format; no [*] column when nothing is fixable
    assert run("check", "fixable.yaml", "mixed.yaml", "--statistics", "-f", "human").stdout == (
        result.stdout
    )
    assert run("check", "mixed.yaml", "--statistics").stdout == (
        "2  kpi-in-disguise  A key result or objective that asks to hold a level instead of "
        "moving it.\n"
        "1  no-baseline      A target with no starting value.\n"
    )
    assert run("check", "mixed.yaml", "--statistics", "--select", "no-baseline").exit_code == 0
    assert run("check", "mixed.yaml", "--statistics", "--ignore", "ALL").stdout == ""


def test_statistics_as_json(workdir: Path) -> None:
    (workdir / "fixable.yaml").write_text(FIXABLE, encoding="utf-8")
    (workdir / "broken.yaml").write_text("objectives: [\n", encoding="utf-8")
    result = run("check", "fixable.yaml", "broken.yaml", "--statistics", "--output-format", "json")
    assert result.exit_code == 2  # the input error, as without --statistics
    assert json.loads(result.stdout) == [
        {
            "rule": "kpi-in-disguise",
            "count": 3,
            "fixable": True,
            "summary": "A key result or objective that asks to hold a level instead of moving it.",
        },
        {
            "rule": "board-mostly-kpis",
            "count": 1,
            "fixable": False,
            "summary": "A third or more of the board holds levels or describes the job; "
            "it is a dashboard.",
        },
        {
            "rule": "no-baseline",
            "count": 1,
            "fixable": False,
            "summary": "A target with no starting value.",
        },
    ]
    assert result.stderr.startswith("broken.yaml:")
    assert " parse-error error " in result.stderr
