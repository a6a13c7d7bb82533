"""The real thing, in a subprocess: bad input is reported with file and line, exit
status 2, never a traceback, and the good boards given alongside are still linted.

Several bad files share one run to keep the subprocesses few.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import billion_laughs

GOOD = """\
board: Growth
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless for new teams
    owner: growth
    key_results:
      - Maintain 99.9% uptime
      - Increase NPS to 60
"""
# what GOOD must produce
GOOD_FINDINGS = [("good.yaml", 7, 9, "kpi-in-disguise"), ("good.yaml", 8, 9, "no-baseline")]


# name: (content, line, column, kind) — every bad-input case of the contract
BAD: dict[str, tuple[bytes, int, int, str]] = {
    "empty.yaml": (b"", 1, 1, "schema-error"),
    "latin1.yaml": (b"objectives:\n  - title: Caf\xe9\n", 2, 15, "parse-error"),
    "list.yaml": (b"- title: A\n- title: B\n", 1, 1, "schema-error"),
    "tabs.yaml": (b"objectives:\n\t- title: A\n", 2, 1, "parse-error"),
    "date.yaml": (
        b"cycle: 2026-Q3\nobjectives:\n  - title: A\n    due: 2026-02-30\n",
        4,
        10,
        "schema-error",
    ),
    "deep.yaml": (b"objectives: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", 1, 0, "limit-exceeded"),
    "deep-block.yaml": (b"objectives:\n  " + b"- " * 5_000 + b"x\n", 2, 0, "limit-exceeded"),
    "bomb.yaml": (billion_laughs().encode(), 5, 8, "limit-exceeded"),
    "dupkey.yml": (
        b"cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    title: Grow revenue\n"
        b"    owner: sales\n    key_results:\n      - Increase NPS to 60\n",
        4,
        5,
        "duplicate-key",
    ),
    "dupid.yaml": (
        b"objectives:\n  - id: O1\n    title: A\n  - id: O1\n    title: B\n",
        4,
        9,
        "duplicate-id",
    ),
    "unknown.yaml": (b"objectives:\n  - title: A\n    keyresults: []\n", 3, 5, "schema-error"),
    "wrongtype.yaml": (b"objectives:\n  - title: [a, b]\n", 2, 12, "schema-error"),
    "yes.yaml": (b"objectives:\n  - title: yes\n", 2, 12, "schema-error"),
    "threshold.yaml": (
        b"kpis:\n  - name: Uptime\n    threshold: >= 99.9\n",
        3,
        16,
        "parse-error",
    ),
    "multidoc.yaml": (b"objectives: []\n---\nkpis: []\n", 2, 1, "limit-exceeded"),
    "pyobject.yaml": (
        b"objectives:\n  - !!python/object/apply:os.system ['echo pwned > pwned.txt']\n",
        2,
        5,
        "parse-error",
    ),
    "utf16-no-bom.yaml": ("objectives: []\n".encode("utf-16-le"), 1, 2, "parse-error"),
}


def okrlint(
    cwd: Path,
    *args: str,
    program: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    # colour and the default format follow these: a test that needs one sets it
    unset = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")
    environ = {k: v for k, v in os.environ.items() if k not in unset}
    done = subprocess.run(
        [*(program or [sys.executable, "-m", "okrlint"]), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=60,
        env={**environ, **(env or {})},
        check=False,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def boards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("boards")
    (root / "good.yaml").write_text(GOOD, encoding="utf-8")
    (root / "bad").mkdir()
    for name, (content, *_where) in BAD.items():
        (root / "bad" / name).write_bytes(content)
    (root / "empty-folder").mkdir()
    return root


def test_every_bad_input_in_human_format(boards: Path) -> None:
    done = okrlint(
        boards, "check", "--format", "human", "--no-color", "bad", "good.yaml", "missing.yaml"
    )
    assert done.returncode == 2
    for name, (_content, line, column, kind) in BAD.items():
        where = f"bad/{name}:{line}:{column if column else ''}"
        matching = [row for row in done.stderr.splitlines() if row.startswith(where)]
        assert matching, f"{name}: nothing reported at {where}\n{done.stderr}"
        assert f": error {kind} " in matching[0]
    assert "missing.yaml:1:1: error io-error" in done.stderr
    # the good board, and the board with a duplicate key, were still linted
    for file, line, column, rule in GOOD_FINDINGS:
        assert f"{file}:{line}:{column}: " in done.stdout and rule in done.stdout
    assert "bad/dupkey.yml:7:9: warning no-baseline" in done.stdout
    assert not (boards / "pwned.txt").exists()


def test_every_bad_input_in_json(boards: Path) -> None:
    done = okrlint(boards, "check", "--format", "json", "bad", "good.yaml", "missing.yaml")
    assert done.returncode == 2
    data = json.loads(done.stdout)
    files = {f["file"]: f for f in data["files"]}
    for name, (_content, line, column, kind) in BAD.items():
        entry = files[f"bad/{name}"]
        assert entry["ok"] is False, name
        first = entry["errors"][0]
        assert (first["kind"], first["line"]) == (kind, line), (name, first)
        if column:
            assert first["column"] == column, (name, first)
        assert first["message"]
    assert files["missing.yaml"]["ok"] is False
    assert files["good.yaml"] == {"file": "good.yaml", "ok": True, "errors": []}
    found = {(f["file"], f["line"], f["column"], f["rule"]) for f in data["findings"]}
    assert set(GOOD_FINDINGS) <= found
    assert ("bad/dupkey.yml", 7, 9, "no-baseline") in found
    assert data["summary"]["files"] == len(BAD) + 2


def test_a_folder_without_boards_is_a_notice_not_a_failure(boards: Path) -> None:
    done = okrlint(boards, "check", "empty-folder")
    assert done.returncode == 0
    assert "empty-folder: no board files" in done.stderr
    done = okrlint(
        boards, "check", "--format", "human", "empty-folder", "good.yaml", "--select", "no-baseline"
    )
    assert done.returncode == 0
    assert "good.yaml:8:9: warning no-baseline" in done.stdout


def test_exit_codes(boards: Path) -> None:
    assert okrlint(boards, "check", "good.yaml").returncode == 1
    done = okrlint(boards, "check", "good.yaml", "--select", "no-baseline", "--fail-on", "warning")
    assert done.returncode == 1
    assert okrlint(boards, "check", "good.yaml", "--select", "nope").returncode == 2


def test_the_console_script(boards: Path) -> None:
    script = shutil.which("okrlint", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the okrlint console script is not installed next to this Python")
    version = okrlint(boards, "--version", program=[script])
    assert version.returncode == 0 and version.stdout.startswith("okrlint ")
    done = okrlint(
        boards,
        "check",
        "--format",
        "human",
        "-q",
        "good.yaml",
        "bad/threshold.yaml",
        program=[script],
    )
    assert done.returncode == 2
    assert "bad/threshold.yaml:3:16: error parse-error" in done.stderr
    assert "good.yaml:7:9: error kpi-in-disguise" in done.stdout


def test_python_dash_m(boards: Path) -> None:
    done = okrlint(boards, "--version")
    assert done.returncode == 0 and done.stdout.startswith("okrlint ")
    done = okrlint(boards, "--help")
    assert done.returncode == 0 and "check" in done.stdout


def test_an_output_encoding_that_cannot_show_the_board_text(boards: Path) -> None:
    (boards / "emoji.yaml").write_text(
        "cycle: 2026-Q3\nobjectives:\n  - title: Grow 😀\n    owner: x\n    key_results:\n"
        "      - Maintain 99.9% uptime 😀\n",
        encoding="utf-8",
    )
    ascii_out = {"PYTHONIOENCODING": "ascii"}
    done = okrlint(
        boards, "check", "--format", "human", "emoji.yaml", "bad/latin1.yaml", env=ascii_out
    )
    assert done.returncode == 2
    assert "emoji.yaml:6:9: error kpi-in-disguise" in done.stdout
    assert "\\U0001f600" in done.stdout  # escaped, not a UnicodeEncodeError
    assert "bad/latin1.yaml:2:15: error parse-error" in done.stderr
    done = okrlint(boards, "check", "--format", "json", "emoji.yaml", env=ascii_out)
    assert done.returncode == 1
    [finding] = [f for f in json.loads(done.stdout)["findings"] if f["line"] == 6]
    assert "uptime 😀" in finding["message"]  # JSON escapes decode to the real text


def test_the_default_format_when_piped_and_under_github_actions(boards: Path) -> None:
    import re

    piped = okrlint(boards, "check", "good.yaml", "bad/threshold.yaml")
    assert piped.returncode == 2
    lines = piped.stdout.splitlines()
    assert lines and all(re.match(r"^good\.yaml:\d+:\d+: [a-z-]+ ", line) for line in lines)
    assert any(line.startswith("good.yaml:7:9: kpi-in-disguise ") for line in lines)
    assert piped.stderr.startswith("bad/threshold.yaml:3:16: parse-error error ")
    actions = okrlint(
        boards, "check", "good.yaml", "bad/threshold.yaml", env={"GITHUB_ACTIONS": "true"}
    )
    assert actions.returncode == 2
    lines = actions.stdout.splitlines()
    assert len(lines) == len(piped.stdout.splitlines()) + 1  # and the input error
    assert lines[0].startswith("::error file=bad/threshold.yaml,line=3,col=16,")
    assert any(line.startswith("::error file=good.yaml,line=7,col=9,") for line in lines)
    assert actions.stderr == ""


def test_machine_formats_survive_an_ascii_stream(boards: Path) -> None:
    import xml.etree.ElementTree as ET

    (boards / "emoji-2.yaml").write_text(
        "cycle: 2026-Q3\nobjectives:\n  - title: Grow 😀\n    owner: x\n    key_results:\n"
        "      - Maintain 99.9% uptime 😀\n",
        encoding="utf-8",
    )
    ascii_out = {"PYTHONIOENCODING": "ascii"}
    junit = okrlint(boards, "check", "-f", "junit", "emoji-2.yaml", env=ascii_out)
    assert junit.returncode == 1
    assert "&#128512;" in junit.stdout  # an XML character reference
    messages = [f.get("message", "") for f in ET.fromstring(junit.stdout).iter("failure")]
    assert any("uptime 😀" in m for m in messages)
    for fmt in ("sarif", "gitlab"):
        done = okrlint(boards, "check", "-f", fmt, "emoji-2.yaml", env=ascii_out)
        assert done.returncode == 1
        assert "uptime 😀" in json.dumps(json.loads(done.stdout), ensure_ascii=False)


def test_first_use(boards: Path) -> None:
    """-h, okrlint's own words for a bad value, concise severities and [*], --statistics."""
    import re

    helped = okrlint(boards, "check", "-h")
    assert helped.returncode == 0 and helped.stdout.startswith("Usage: ")
    assert "--output-format FORMAT" in helped.stdout
    assert re.findall(r"<[^>\n]*>", helped.stdout) == []
    bad = okrlint(boards, "check", "good.yaml", "--output-format", "xml")
    assert bad.returncode == 2 and bad.stdout == ""
    assert "'xml' is not one of auto, human, concise" in bad.stderr
    assert "Value error" not in bad.stderr

    (boards / "churn.yaml").write_text(
        "cycle: 2026-Q3\nobjectives:\n  - title: Keep customers\n    owner: cs\n"
        "    key_results:\n      - Keep churn below 4%\n      - Cut refunds from 30 to 10\n",
        encoding="utf-8",
    )
    concise = okrlint(boards, "check", "good.yaml", "churn.yaml", "--output-format", "concise")
    assert concise.returncode == 1
    lines = concise.stdout.splitlines()
    assert 'churn.yaml:6:9: kpi-in-disguise error [*] "Keep churn below 4%" holds' in (
        concise.stdout
    )
    assert any(line.startswith("good.yaml:7:9: kpi-in-disguise error ") for line in lines)
    assert any(line.startswith("good.yaml:8:9: no-baseline warning ") for line in lines)

    stats = okrlint(boards, "check", "good.yaml", "churn.yaml", "--statistics")
    assert stats.returncode == 1
    rows = [line[: line.index("]") + 1].split() for line in stats.stdout.splitlines()]
    assert rows == [
        ["2", "board-mostly-kpis", "[", "]"],
        ["2", "kpi-in-disguise", "[*]"],
        ["1", "business-as-usual-objective", "[", "]"],
        ["1", "no-baseline", "[", "]"],
    ]
    as_json = okrlint(boards, "check", "good.yaml", "churn.yaml", "--statistics", "-f", "json")
    assert as_json.returncode == 1
    counts = [(row["rule"], row["count"], row["fixable"]) for row in json.loads(as_json.stdout)]
    assert counts == [
        ("board-mostly-kpis", 2, False),
        ("kpi-in-disguise", 2, True),
        ("business-as-usual-objective", 1, False),
        ("no-baseline", 1, False),
    ]


def test_shell_completion_of_the_console_script(boards: Path) -> None:
    script = shutil.which("okrlint", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the okrlint console script is not installed next to this Python")
    shown = okrlint(
        boards,
        "--show-completion",
        "bash",
        program=[script],
        env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
    )
    assert shown.returncode == 0
    assert "_OKRLINT_COMPLETE=complete_bash" in shown.stdout
    completion = {
        "_OKRLINT_COMPLETE": "complete_bash",
        "COMP_WORDS": "okrlint check --output-format s",
        "COMP_CWORD": "3",
    }
    done = okrlint(boards, program=[script], env=completion)
    assert done.stdout.split() == ["sarif"]
