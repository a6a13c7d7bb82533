"""Fuzzing the real command line: whatever the files hold, okrlint reports, never crashes.

Each example writes a few generated files (random and mutated boards, random bytes,
deep nesting, huge strings, every class of unicode, YAML anchors, aliases, merge
keys, tags, several documents, flow style, duplicate keys) into a temporary folder
and runs ``okrlint check`` in-process through typer's ``CliRunner``. The properties:
no traceback; exit status 0, 1 or 2 exactly as documented; every file given is in
the output once, with its findings or its load error; every position is inside its
file. Bounded and derandomized: the same examples on every run, in a few seconds.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import traceback
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from okrlint.cli import app
from okrlint.errors import ErrorKind

from .boards import ANY_FILE, MARKER, lines_of, repository_board

RUNNER = CliRunner(
    env={"NO_COLOR": "1", "FORCE_COLOR": None, "GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None}
)


#: OKRLINT_FUZZ_SCALE=50 runs fifty times as many examples, random ones, for a longer
#: hunt; by default the examples are few and the same on every run (CI stays stable).
SCALE = int(os.environ.get("OKRLINT_FUZZ_SCALE", "1"))


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.filter_too_much,
        ],
    )


#: File names, some of them awkward; a name is used once per example.
NAMES = (
    "board.yaml",
    "b é.yaml",
    "😀.yml",
    "q3 growth.yaml",
    "Ω-2026.yaml",
    "notes.txt",
    "-dash.yaml",
)
FILES = st.lists(
    st.tuples(st.sampled_from(NAMES), ANY_FILE), min_size=1, max_size=4, unique_by=lambda t: t[0]
)
KINDS = {kind.value for kind in ErrorKind}
SEVERITIES = {"error", "warning", "info"}


def write(folder: str, files: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """Write the files; return their contents by the path given on the command line."""
    given_paths: dict[str, bytes] = {}
    for name, data in files:
        path = Path(folder, name)
        path.write_bytes(data)
        given_paths[path.as_posix()] = data
    return given_paths


def invoke(*args: str) -> Any:
    """Run the real CLI in-process; it must exit, never raise."""
    assert not os.path.exists(MARKER)
    result = RUNNER.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            "okrlint raised:\n" + "".join(traceback.format_exception(*result.exc_info))
        )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert not os.path.exists(MARKER), "a YAML tag ran a command"
    return result


def assert_inside(lines: list[str], line: int, column: int, what: Any) -> None:
    """A 1-based position that lies inside the file (or just after a line's end)."""
    assert 1 <= line <= len(lines), (what, len(lines))
    assert 1 <= column <= len(lines[line - 1]) + 1, (what, lines[line - 1][:80])


def check_json(result: Any, given_paths: dict[str, bytes]) -> dict[str, Any]:
    """The JSON report's contract, and the exit status it implies."""
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["version"] == 1
    listed = [entry["file"] for entry in data["files"]]
    assert sorted(listed) == sorted(given_paths), "every file given, exactly once"
    lines = {name: lines_of(content) for name, content in given_paths.items()}
    input_errors = 0
    for entry in data["files"]:
        assert entry["ok"] is (not entry["errors"]), entry
        event("file: " + (entry["errors"][0]["kind"] if entry["errors"] else "loaded"))
        for error in entry["errors"]:
            assert error["kind"] in KINDS, error
            assert error["message"].strip(), error
            assert_inside(lines[entry["file"]], error["line"], error["column"], error)
            assert (error["end_line"], error["end_column"]) >= (error["line"], error["column"])
            input_errors += 1
    for finding in data["findings"]:
        assert finding["file"] in given_paths, finding
        assert finding["severity"] in SEVERITIES, finding
        assert finding["message"].strip(), finding
        assert_inside(lines[finding["file"]], finding["line"], finding["column"], finding)
        assert finding["end_line"] >= finding["line"], finding
    summary = data["summary"]
    assert summary["files"] == len(given_paths)
    assert summary["input_errors"] == input_errors
    internal = any(f["rule"] == "internal-error" for f in data["findings"])
    failing = any(f["severity"] == "error" for f in data["findings"])
    expected = 2 if input_errors or internal else 1 if failing else 0
    event(f"exit {expected}" + (" (internal error)" if internal else ""))
    assert result.exit_code == expected, (result.exit_code, expected, summary)
    return data


@fuzz_settings(150)
@given(files=FILES)
def test_any_files_are_reported_in_json(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        given_paths = write(folder, files)
        result = invoke("check", "--format", "json", "--isolated", *given_paths)
        check_json(result, given_paths)


@fuzz_settings(30)
@given(files=FILES)
def test_human_and_sarif_name_every_file_with_something_to_say(
    files: list[tuple[str, bytes]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        given_paths = write(folder, files)
        data = check_json(
            invoke("check", "--format", "json", "--isolated", *given_paths), given_paths
        )
        reported = {f["file"] for f in data["findings"]}
        reported |= {entry["file"] for entry in data["files"] if entry["errors"]}

        human = invoke("check", "--format", "human", "--no-color", "--isolated", *given_paths)
        assert human.exit_code == data_exit(data)
        text = human.stdout + human.stderr
        for name in reported:
            assert name in text, name

        sarif = invoke("check", "--format", "sarif", "--isolated", *given_paths)
        assert sarif.exit_code == data_exit(data)
        log = json.loads(sarif.stdout)
        assert log["version"] == "2.1.0"
        uris = {
            unquote(location["physicalLocation"]["artifactLocation"]["uri"])
            for result in log["runs"][0]["results"]
            for location in result.get("locations", [])
        }
        for name in reported:
            assert any(uri.endswith("/" + Path(name).name) for uri in uris), (name, uris)


def data_exit(data: dict[str, Any]) -> int:
    if any(entry["errors"] for entry in data["files"]) or any(
        f["rule"] == "internal-error" for f in data["findings"]
    ):
        return 2
    return 1 if any(f["severity"] == "error" for f in data["findings"]) else 0


@fuzz_settings(2)
@given(seed=st.integers(0, 2**32 - 1))
def test_jobs_give_the_same_report_as_one_process(seed: int) -> None:
    rng = random.Random(seed)  # 120 boards' worth of choices: too many for hypothesis
    teams = [f"team-{k:02}" for k in range(40)]
    with tempfile.TemporaryDirectory() as folder:
        for quarter in (1, 2, 3):
            cycle = f"2026-Q{quarter}"
            Path(folder, cycle).mkdir()
            for team in teams:
                text = repository_board(rng, team.title(), cycle)
                Path(folder, cycle, f"{team}.yaml").write_bytes(
                    text.encode("utf-8", "surrogatepass")
                )
        one = invoke("check", "--format", "json", "--isolated", "--jobs", "1", folder)
        two = invoke("check", "--format", "json", "--isolated", "--jobs", "2", folder)
        assert json.loads(one.stdout)["summary"]["files"] == 120
        assert two.stdout == one.stdout
        assert (two.exit_code, two.stderr) == (one.exit_code, one.stderr)
