"""Hostile input through the real CLI: every limit has a clear error and an option to
raise it, no tag runs code, odd paths are reported while the rest of the run goes on,
and a crashing rule is an internal-error finding, not a dead run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
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


def okrlint(
    cwd: Path, *args: str, code: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    program = [sys.executable, "-c", code] if code else [sys.executable, "-m", "okrlint"]
    done = subprocess.run(
        [*program, "check", "--isolated", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=timeout,
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


# The CLI with every file measured as if it had been ten bytes long when it was looked
# at and opened, and had grown before it was read.
MEASURED_SMALL = textwrap.dedent("""\
    import os
    from okrlint.cli import main
    def measured_before_it_grew(real):
        def measure(*args, **kwargs):
            values = list(real(*args, **kwargs))
            values[6] = min(values[6], 10)  # st_size
            return os.stat_result(values)
        return measure
    os.stat, os.fstat = measured_before_it_grew(os.stat), measured_before_it_grew(os.fstat)
    main()
    """)


def test_a_board_that_grows_after_it_is_measured_is_read_whole_within_the_limit(
    repo: Path,
) -> None:
    """A board is read at the size it had when opened, then to its end: a file that
    grew meanwhile is read whole, and one that grew past the limit is refused."""
    code, data = report(repo, "good.yaml", code=MEASURED_SMALL)
    assert (code, errors_of(data), linted(data)) == (0, {}, {"good.yaml"})
    code, data = report(repo, "good.yaml", "--max-file-size", "100", code=MEASURED_SMALL)
    assert code == 2
    kind, _line, message = errors_of(data)["good.yaml"]
    assert kind == "limit-exceeded" and "the file is 101 bytes, over the limit of 100" in message


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


def test_the_default_file_size_limit_is_5_mib(repo: Path) -> None:
    big = GOOD + ("# " + "x" * 1021 + "\n") * 5 * 1024  # just over 5 MiB
    (repo / "big.yaml").write_text(big, encoding="utf-8")
    code, data = report(repo, "big.yaml", "good.yaml")
    assert code == 2
    kind, line, message = errors_of(data)["big.yaml"]
    assert (kind, line) == ("limit-exceeded", 1)
    assert f"{len(big):,} bytes" in message and "5,242,880" in message
    assert "--max-file-size" in message
    assert "good.yaml" in linted(data)
    # raised, the same file loads and lints clean
    code, data = report(repo, "big.yaml", "--max-file-size", str(6 * 1024 * 1024))
    assert (code, errors_of(data)) == (0, {})


def test_the_default_depth_limit_names_where_it_is_crossed(repo: Path) -> None:
    (repo / "deep.yaml").write_text("objectives: " + "[" * 65 + "]" * 65 + "\n", encoding="utf-8")
    code, data = report(repo, "deep.yaml")
    [error] = data["files"][0]["errors"]
    assert (code, error["kind"], error["line"]) == (2, "limit-exceeded", 1)
    assert error["column"] == len("objectives: ") + 64  # the bracket that opens level 65
    assert "64 levels" in error["message"] and "--max-depth" in error["hint"]
    code, data = report(repo, "deep.yaml", "--max-depth", "100")
    assert data["files"][0]["errors"][0]["kind"] == "schema-error"


def classic_bomb() -> str:
    """The classic billion laughs: nine levels, each ten aliases of the level before
    (10**9 "lol"s if it were expanded)."""
    lines = ["lol1: &lol1 [" + ", ".join(['"lol"'] * 10) + "]"]
    lines += [f"lol{n}: &lol{n} [" + ", ".join([f"*lol{n - 1}"] * 10) + "]" for n in range(2, 10)]
    return "\n".join(lines) + "\n"


def test_the_classic_billion_laughs_is_refused_where_it_crosses_the_limit(repo: Path) -> None:
    bomb = classic_bomb()
    (repo / "bomb.yaml").write_text(bomb, encoding="utf-8")
    code, data = report(repo, "bomb.yaml", "good.yaml")
    assert code == 2
    [error] = next(f["errors"] for f in data["files"] if f["file"] == "bomb.yaml")
    # lol1 to lol3 cost 1,220 nodes; each *lol3 adds 1,111: the 8th crosses 10,000
    line_4 = bomb.splitlines()[3]
    eighth = [k for k in range(len(line_4)) if line_4.startswith("*lol3", k)][7]
    where = (error["kind"], error["line"], error["column"], error["node"])
    assert where == ("limit-exceeded", 4, eighth + 1, "lol4[7]")
    assert "10000 nodes" in error["message"] and "--max-alias-nodes" in error["hint"]
    assert "good.yaml" in linted(data)
    # raising the limit a hundred thousand times only moves the refusal to the last line
    code, data = report(repo, "bomb.yaml", "--max-alias-nodes", "1000000000")
    [error] = data["files"][0]["errors"]
    assert (code, error["kind"], error["line"]) == (2, "limit-exceeded", 9)


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
    assert errors_of(data)["small.yaml"][0] == "not-a-board"


def test_a_second_document_is_an_error_naming_its_line(repo: Path) -> None:
    (repo / "two.yaml").write_text(GOOD + "---\nkpis: []\n", encoding="utf-8")
    code, data = report(repo, "good.yaml", "two.yaml")
    assert code == 2
    kind, line, message = errors_of(data)["two.yaml"]
    assert kind == "limit-exceeded" and line == GOOD.count("\n") + 1
    assert "one document" in message
    assert f"starts at line {line}" in message  # no option raises this one


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


_APPLY = '!!python/object/apply:os.system ["touch PWNED"]'
#: name: (board, line, column of the tag): unsafe and unknown tags in every position
TAGGED: dict[str, tuple[str, int, int]] = {
    "root.yaml": (f"{_APPLY}\n", 1, 1),
    "root-mapping.yaml": ("--- !!python/object/apply:os.system\nargs: [touch PWNED]\n", 1, 5),
    "item.yaml": (f"objectives:\n  - {_APPLY}\n", 2, 5),
    "value.yaml": (f"cycle: 2026-Q3\nobjectives:\n  - title: {_APPLY}\n", 3, 12),
    "complex-key.yaml": (f"objectives:\n  - ? {_APPLY}\n    : x\n", 2, 7),
    "key.yaml": ("objectives:\n  - !!python/name:os.system title: A\n", 2, 5),
    "flow.yaml": (f"objectives: [{{title: A, key_results: [{_APPLY}]}}]\n", 1, 39),
    "anchored.yaml": (f"objectives:\n  - &x {_APPLY}\n  - *x\n", 2, 5),
    "merge.yaml": (f"objectives:\n  - <<: {_APPLY}\n    title: A\n", 2, 9),
    "new.yaml": (
        'kpis:\n  - name: !!python/object/new:subprocess.check_call [["touch", "PWNED"]]\n',
        2,
        11,
    ),
    "object.yaml": ("objectives:\n  - !!python/object:os.system {cmd: touch PWNED}\n", 2, 5),
    "name.yaml": ("cycle: !!python/name:os.system\nobjectives: []\n", 1, 8),
    "module.yaml": ("board: !!python/module:os\nobjectives: []\n", 1, 8),
    "local.yaml": ("objectives:\n  - title: !foo bar\n", 2, 12),
    "local-mapping.yaml": ("kpis:\n  - !foo {name: x}\n", 2, 5),
    "verbatim.yaml": (
        'objectives:\n  - !<tag:yaml.org,2002:python/object/apply:os.system> ["touch PWNED"]\n',
        2,
        5,
    ),
    "tag-directive.yaml": (
        "%TAG !p! tag:yaml.org,2002:python/object/apply:\n---\n"
        'objectives:\n  - !p!os.system ["touch PWNED"]\n',
        4,
        5,
    ),
    "python-tuple.yaml": ("objectives: !!python/tuple [a]\n", 1, 13),
}


def test_tags_in_any_position_never_run_and_are_parse_errors(repo: Path) -> None:
    for name, (text, _line, _column) in TAGGED.items():
        (repo / name).write_text(text, encoding="utf-8")
    code, data = report(repo, "good.yaml", *TAGGED)
    assert code == 2
    errors = {f["file"]: f["errors"] for f in data["files"]}
    for name, (_text, line, column) in TAGGED.items():
        [error] = errors[name]
        assert (error["kind"], error["line"], error["column"]) == ("parse-error", line, column)
        assert "is not allowed" in error["message"], error
    assert "good.yaml" in linted(data)
    # the human report names each file, line and column
    done = okrlint(repo, "--format", "human", "--no-color", "good.yaml", *TAGGED)
    for name, (_text, line, column) in TAGGED.items():
        assert f"{name}:{line}:{column}: error parse-error the YAML tag" in done.stderr, name
    assert not list(repo.rglob("PWNED")), "a YAML tag ran a command"


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


def test_a_folder_tree_deeper_than_the_recursion_limit_is_walked(repo: Path) -> None:
    deep = repo / "goals"
    deep.mkdir()
    for _ in range(sys.getrecursionlimit() + 100):  # os.walk of Python 3.11 recursed
        deep = deep / "a"
        deep.mkdir()
    (deep / "b.yaml").write_text(GOOD, encoding="utf-8")
    try:
        code, data = report(repo, "goals", "good.yaml")
        assert code == 0
        assert linted(data) == {"good.yaml", (deep / "b.yaml").relative_to(repo).as_posix()}
    finally:  # shutil.rmtree of Python 3.11 recurses too: take the tree down by hand
        (deep / "b.yaml").unlink()
        while deep != repo:
            deep.rmdir()
            deep = deep.parent


def _odd_entries(folder: Path) -> dict[str, str]:
    """A symlink loop, a named pipe and a link to nothing in ``folder``: name -> message."""
    folder.mkdir(exist_ok=True)
    (folder / "loop1.yaml").symlink_to("loop2.yaml")
    (folder / "loop2.yaml").symlink_to("loop1.yaml")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "gone.yaml").symlink_to("nowhere.yaml")
    return {
        "loop1.yaml": "cannot read the file: a symbolic link loop",
        "loop2.yaml": "cannot read the file: a symbolic link loop",
        "pipe.yaml": "not a regular file (a named pipe): skipped without reading it",
        "gone.yaml": "a symbolic link to a file that does not exist",
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_odd_entries_of_a_walked_folder_are_reported_by_name_and_never_opened(
    repo: Path,
) -> None:
    odd = _odd_entries(repo / "teams")
    (repo / "teams" / "b.yaml").write_text(GOOD.replace("Growth", "Other"), encoding="utf-8")
    code, data = report(repo, "teams", "good.yaml")
    assert code == 2
    errors = errors_of(data)
    for name, message in odd.items():
        kind, line, text = errors[f"teams/{name}"]
        assert (kind, line) == ("io-error", 1) and text.startswith(message), text
    assert linted(data) == {"good.yaml", "teams/b.yaml"}
    done = okrlint(repo, "--format", "concise", "teams")
    for name, message in odd.items():
        assert f"teams/{name}:1:1: io-error error {message}" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_the_human_report_does_not_open_a_named_pipe(repo: Path) -> None:
    os.mkfifo(repo / "pipe.yaml")
    done = okrlint(repo, "--format", "human", "--no-color", "pipe.yaml", "good.yaml", timeout=30)
    assert done.returncode == 2
    assert "pipe.yaml:1:1: error io-error not a regular file (a named pipe)" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_odd_entries_in_the_goals_repository_do_not_stop_the_team_history_scan(
    repo: Path,
) -> None:
    """One board given (as pre-commit does): the cross-cycle rules read the team's other
    boards from the whole repository, past a loop, a pipe (it used to wait forever for
    a writer) and a dangling link, none of which is reported: only given files are."""
    (repo / ".git").mkdir()
    _odd_entries(repo / "2026-Q2")
    (repo / "2026-Q2" / "growth.yaml").write_text(
        GOOD.replace("2026-Q3", "2026-Q2"), encoding="utf-8"
    )
    code, data = report(repo, "good.yaml")  # a hang ends in a timeout, a crash in a traceback
    assert code == 0
    assert [f["file"] for f in data["files"]] == ["good.yaml"]


_AS_NOBODY = textwrap.dedent("""\
    import contextlib, io, os, sys
    from okrlint.cli import app, main
    # a first run as root imports every module the run needs (the interpreter's own
    # files may be out of reach for nobody), then the real run as nobody
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            app(sys.argv[1:], standalone_mode=False)
        except SystemExit:
            pass
    os.setegid(65534)
    os.seteuid(65534)
    sys.argv[0] = "okrlint"
    main()
    """)


def _can_become_nobody() -> str:
    """Why an unreadable file cannot be made here, or "" when it can."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "not root: test_an_unreadable_file_is_reported covers it with chmod"
    probe = subprocess.run(
        [sys.executable, "-c", "import os; os.setegid(65534); os.seteuid(65534)"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        return "root, but cannot drop privileges to uid 65534 to make a file unreadable"
    return ""


def test_unreadable_files_and_folders_as_an_unprivileged_user() -> None:
    """Root reads anything, so as root the run gives up its rights (to nobody) after
    start-up: then a file and folders without permissions really cannot be read."""
    reason = _can_become_nobody()
    if reason:
        pytest.skip(reason)
    with tempfile.TemporaryDirectory() as name:
        repo = Path(name)
        if any(not os.stat(p).st_mode & 0o001 for p in (repo.parent, *repo.parent.parents)):
            pytest.skip(f"nobody cannot reach {repo}")
        repo.chmod(0o755)
        (repo / "good.yaml").write_text(GOOD, encoding="utf-8")
        (repo / "good.yaml").chmod(0o644)
        (repo / "secret.yaml").write_text(GOOD, encoding="utf-8")
        (repo / "secret.yaml").chmod(0)
        for folder, mode in (("locked", 0), ("no-search", 0o644)):  # no x: no entry's stat
            (repo / folder).mkdir()
            (repo / folder / "b.yaml").write_text(GOOD, encoding="utf-8")
            (repo / folder).chmod(mode)
        args = ("secret.yaml", "locked", "no-search", "good.yaml")
        code, data = report(repo, *args, code=_AS_NOBODY)
        errors = errors_of(data)
        assert code == 2
        assert errors["secret.yaml"][:2] == ("io-error", 1)
        assert errors["secret.yaml"][2].startswith("cannot read the file: permission denied")
        assert errors["locked"][2].startswith("cannot read this folder: Permission denied")
        assert errors["no-search/b.yaml"][2].startswith("cannot read the file: permission denied")
        assert linted(data) == {"good.yaml"}


# ---------------------------------------------------------------- isolation


#: A board with a key result for no-baseline and one for kpi-in-disguise.
JUDGED = textwrap.dedent("""\
    board: {team}
    cycle: 2026-Q3
    objectives:
      - title: Make onboarding effortless for new teams
        owner: growth
        key_results:
          - Increase NPS to 60
          - Maintain 99.9% uptime
    """)

#: The real entry point, with no-baseline crashing on b.yaml only.
_CRASH_ON_B = textwrap.dedent("""\
    import sys
    from okrlint import checks
    real = checks.BOARD_CHECKS["no-baseline"]
    def crashing(board, options):
        if board.file == "b.yaml":
            raise RuntimeError("deliberate failure on b.yaml")
        return real(board, options)
    checks.BOARD_CHECKS["no-baseline"] = crashing
    from okrlint.cli import main
    sys.argv[0] = "okrlint"
    main()
    """)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_crashing_on_one_board_is_an_internal_error_and_the_run_goes_on(
    tmp_path: Path, jobs: str
) -> None:
    boards = ("a.yaml", "b.yaml", "c.yaml")
    for name in boards:
        (tmp_path / name).write_text(JUDGED.format(team=name[0]), encoding="utf-8")
    exit_code, data = report(tmp_path, *boards, "--jobs", jobs, code=_CRASH_ON_B)
    assert exit_code == 2
    assert all(f["ok"] for f in data["files"])
    [crash] = [f for f in data["findings"] if f["rule"] == "internal-error"]
    assert (crash["file"], crash["severity"], crash["line"]) == ("b.yaml", "error", 1)
    assert "rule no-baseline crashed" in crash["message"]
    assert "RuntimeError: deliberate failure on b.yaml" in crash["message"]
    by_rule: dict[str, set[str]] = {}
    for f in data["findings"]:
        by_rule.setdefault(f["rule"], set()).add(f["file"])
    assert by_rule["no-baseline"] == {"a.yaml", "c.yaml"}  # the rule, on the other boards
    assert by_rule["kpi-in-disguise"] == set(boards)  # the other rules, on every board
    if jobs == "1":
        done = okrlint(tmp_path, "--format", "human", "--no-color", *boards, code=_CRASH_ON_B)
        assert done.returncode == 2
        assert "b.yaml:1:1: error internal-error rule no-baseline crashed" in done.stdout
        assert "a.yaml:7:9: warning no-baseline" in done.stdout


def test_an_unexpected_crash_is_one_line_and_exit_2(repo: Path) -> None:
    code = textwrap.dedent("""\
        import sys
        import okrlint.api
        def boom(*args, **kwargs):
            raise RuntimeError("deliberate failure outside any rule")
        okrlint.api.lint_paths = boom
        from okrlint.cli import main
        sys.argv[0] = "okrlint"
        main()
        """)
    done = okrlint(repo, "good.yaml", code=code)
    assert done.returncode == 2
    assert "okrlint: internal error: RuntimeError: deliberate failure" in done.stderr
