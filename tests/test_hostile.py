"""Hostile input through the real CLI: every limit has a clear error and an option to
raise it, no tag runs code, odd paths are reported while the rest of the run goes on,
and a crashing rule is an internal-error finding, not a dead run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import billion_laughs

GOOD = textwrap.dedent("""\
    board: Growth
    cycle: 2026-Q3
    objectives:
      - title: Make onboarding effortless for new teams
        owner: growth
        key_results:
          - Cut time to first value from 10 days to 6 days
          - Raise week-4 retention from 40% to 55%
    """)


def okrlint(cwd: Path, *args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    program = [sys.executable, "-c", code] if code else [sys.executable, "-m", "okrlint"]
    done = subprocess.run(
        [*program, "check", "--isolated", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=60,
        env=environ,
        check=False,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def report(cwd: Path, *args: str, code: str | None = None) -> tuple[int, dict[str, Any]]:
    done = okrlint(cwd, "--format", "json", *args, code=code)
    return done.returncode, json.loads(done.stdout)


def errors_of(data: dict[str, Any]) -> dict[str, tuple[str, int, str]]:
    return {
        f["file"]: (e["kind"], e["line"], f"{e['message']} ({e['hint']})")
        for f in data["files"]
        for e in f["errors"]
    }


def linted(data: dict[str, Any]) -> set[str]:
    """Files that loaded and were judged."""
    return {f["file"] for f in data["files"] if f["ok"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- limits


def test_file_size_limit_and_its_option(repo: Path) -> None:
    big = GOOD + "# padding\n" * 700
    (repo / "big.yaml").write_text(big, encoding="utf-8")
    code, data = report(repo, "good.yaml", "big.yaml", "--max-file-size", "4096")
    assert code == 2
    kind, line, message = errors_of(data)["big.yaml"]
    assert kind == "limit-exceeded" and line == 1
    assert "4,096" in message and "--max-file-size" in message
    code, data = report(repo, "good.yaml", "big.yaml", "--max-file-size", str(len(big)))
    assert code == 0 and errors_of(data) == {}


def test_nesting_limit_and_its_option(repo: Path) -> None:
    nested = "objectives:\n  - title: A\n    key_results:\n      - x: " + "[" * 30 + "]" * 30
    (repo / "deep.yaml").write_text(nested + "\n", encoding="utf-8")
    code, data = report(repo, "good.yaml", "deep.yaml", "--max-depth", "20")
    assert code == 2
    kind, line, message = errors_of(data)["deep.yaml"]
    assert kind == "limit-exceeded" and line == 4
    assert "--max-depth" in message
    # raised, the board loads far enough to be judged on its schema instead
    _code, data = report(repo, "deep.yaml", "--max-depth", "100")
    assert errors_of(data)["deep.yaml"][0] == "schema-error"


def test_billion_laughs_is_refused_with_small_memory(repo: Path) -> None:
    (repo / "bomb.yaml").write_text(billion_laughs(10), encoding="utf-8")
    # run under a 512 MiB address-space cap: expanding the bomb would need far more
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 29, 1 << 29));"
        "from okrlint.cli import main; sys.argv[0] = 'okrlint'; main()"
    )
    exit_code, data = report(repo, "good.yaml", "bomb.yaml", code=code)
    assert exit_code == 2
    kind, _line, message = errors_of(data)["bomb.yaml"]
    assert kind == "limit-exceeded" and "--max-alias-nodes" in message
    assert "good.yaml" in linted(data)


def test_alias_limit_and_its_option(repo: Path) -> None:
    (repo / "small.yaml").write_text(billion_laughs(3), encoding="utf-8")  # 9 + 81 + 729 nodes
    _code, data = report(repo, "small.yaml", "--max-alias-nodes", "100")
    assert errors_of(data)["small.yaml"][0] == "limit-exceeded"
    _code, data = report(repo, "small.yaml", "--max-alias-nodes", "10000")
    # past the limit, it is simply not a board
    assert errors_of(data)["small.yaml"][0] == "schema-error"


def test_a_second_document_is_an_error_naming_its_line(repo: Path) -> None:
    (repo / "two.yaml").write_text(GOOD + "---\nkpis: []\n", encoding="utf-8")
    code, data = report(repo, "good.yaml", "two.yaml")
    assert code == 2
    kind, line, message = errors_of(data)["two.yaml"]
    assert kind == "limit-exceeded" and line == GOOD.count("\n") + 1
    assert "one document" in message


def test_limits_can_be_raised_in_the_config_file(repo: Path) -> None:
    (repo / "big.yaml").write_text(GOOD + "# padding\n" * 700, encoding="utf-8")
    (repo / ".okrlint.yaml").write_text("max-file-size: 2048\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "okrlint", "check", "--format", "json", "big.yaml"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert errors_of(json.loads(done.stdout))["big.yaml"][0] == "limit-exceeded"


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch pwned']",
        "!!python/name:os.system",
        "!!python/object/new:subprocess.Popen [['touch', 'pwned']]",
        "!custom {a: 1}",
    ],
)
def test_no_tag_constructs_objects_or_runs_code(repo: Path, tag: str) -> None:
    (repo / "tag.yaml").write_text(f"objectives:\n  - {tag}\n", encoding="utf-8")
    code, data = report(repo, "tag.yaml", "good.yaml")
    assert code == 2
    kind, line, _message = errors_of(data)["tag.yaml"]
    assert (kind, line) == ("parse-error", 2)
    assert not (repo / "pwned").exists()


def test_odd_paths_are_reported_and_the_rest_goes_on(repo: Path) -> None:
    (repo / "loop1.yaml").symlink_to("loop2.yaml")
    (repo / "loop2.yaml").symlink_to("loop1.yaml")
    os.mkfifo(repo / "pipe.yaml")
    (repo / "empty").mkdir()
    done = okrlint(
        repo, "--format", "json", "loop1.yaml", "pipe.yaml", "missing.yaml", "empty", "good.yaml"
    )
    code, data = done.returncode, json.loads(done.stdout)
    assert code == 2
    errors = errors_of(data)
    assert errors["loop1.yaml"][0] == "io-error"
    assert "symbolic links" in errors["loop1.yaml"][2]
    assert errors["pipe.yaml"][0] == "io-error" and "not a regular file" in errors["pipe.yaml"][2]
    assert errors["missing.yaml"][0] == "io-error"
    assert "good.yaml" in linted(data)
    assert "empty: no board files" in done.stderr


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_reported(repo: Path) -> None:
    secret = repo / "secret.yaml"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    code, data = report(repo, "secret.yaml", "good.yaml")
    assert code == 2
    assert errors_of(data)["secret.yaml"][0] == "io-error"
    assert "good.yaml" in linted(data)


def test_a_symlinked_folder_loop_does_not_hang_the_walk(repo: Path) -> None:
    (repo / "teams").mkdir()
    (repo / "teams" / "up").symlink_to("..")
    (repo / "teams" / "b.yaml").write_text(GOOD, encoding="utf-8")
    code, data = report(repo, ".")
    assert code == 0
    assert linted(data) == {"good.yaml", "teams/b.yaml"}


# ---------------------------------------------------------------- isolation


def test_a_crashing_rule_is_an_internal_error_and_the_run_goes_on(repo: Path) -> None:
    (repo / "other.yaml").write_text(GOOD.replace("Growth", "Other"), encoding="utf-8")
    code = textwrap.dedent("""\
        import sys
        from okrlint import checks
        def boom(board, options):
            raise RuntimeError("deliberate failure")
            yield
        checks.CHECKS["no-baseline"] = boom
        from okrlint.cli import main
        sys.argv[0] = "okrlint"
        main()
        """)
    exit_code, data = report(repo, "good.yaml", "other.yaml", "--jobs", "1", code=code)
    assert exit_code == 2
    crashes = [f for f in data["findings"] if f["rule"] == "internal-error"]
    assert [c["file"] for c in crashes] == ["good.yaml", "other.yaml"]
    assert all("no-baseline" in c["message"] and "RuntimeError" in c["message"] for c in crashes)
