"""Reading a board from stdin, and a team's other boards as history (pre-commit)."""

from __future__ import annotations

from tests.integration.conftest import BOARD, Repo, findings


def test_stdin_with_a_file_name_for_positions_and_config(repo: Repo) -> None:
    repo.write("goals/.okrlint.yaml", "ignore: [kpi-in-disguise]\n")
    _code, data = repo.json("-", "--stdin-filename", "goals/b.yaml", stdin=BOARD)
    assert findings(data) == [("goals/b.yaml", 8, "no-baseline")]
    _code, data = repo.json("-", stdin=BOARD)
    assert [f[0] for f in findings(data)] == ["<stdin>", "<stdin>"]
    proc = repo.run("check", "-", "--format", "human", stdin="objectives: [\n")
    assert proc.returncode == 2 and "<stdin>:2" in proc.stderr


def test_stdin_cannot_be_mixed_with_paths(repo: Repo) -> None:
    repo.write("b.yaml", BOARD)
    proc = repo.run("check", "-", "b.yaml", stdin=BOARD)
    assert proc.returncode == 2 and "stdin" in proc.stderr


def test_stdin_respects_force_exclude_by_its_file_name(repo: Repo) -> None:
    repo.write(".okrlint.yaml", "extend-exclude: [drafts/]\n")
    code, data = repo.json("-", "--stdin-filename", "drafts/b.yaml", "--force-exclude", stdin=BOARD)
    assert (code, data["findings"]) == (0, [])


def _team_board(cycle: str, extra: str = "") -> str:
    return (
        f"board: Growth\ncycle: {cycle}\nobjectives:\n  - title: Make onboarding effortless\n"
        f"    owner: dana\n    key_results:\n      - Raise CSAT from 80% to 85%\n"
        f"      - Cut onboarding time from 10 days to 6 days\n{extra}"
    )


def test_changed_file_alone_still_sees_its_teams_history(repo: Repo) -> None:
    repo.git_init()
    for cycle in ("2026-Q1", "2026-Q2", "2026-Q3"):
        repo.write(f"goals/{cycle}/growth.yaml", _team_board(cycle))
    repo.write("goals/2026-Q3/support.yaml", BOARD.replace("Growth", "Support"))
    # pre-commit passes only the changed file: the other cycles are read as history
    _code, data = repo.json("goals/2026-Q3/growth.yaml", "--select", "evergreen-key-result")
    assert findings(data) == [
        ("goals/2026-Q3/growth.yaml", 7, "evergreen-key-result"),
        ("goals/2026-Q3/growth.yaml", 8, "evergreen-key-result"),
    ]
    # findings are reported only for the files given, never for the history boards
    _code, data = repo.json("goals/2026-Q2/growth.yaml", "--select", "evergreen-key-result")
    assert findings(data) == []
    assert [f["file"] for f in data["files"]] == ["goals/2026-Q2/growth.yaml"]


def test_outside_a_repository_only_the_given_files_are_compared(repo: Repo) -> None:
    for cycle in ("2026-Q1", "2026-Q2", "2026-Q3"):
        repo.write(f"goals/{cycle}/growth.yaml", _team_board(cycle))
    _code, data = repo.json("goals/2026-Q3/growth.yaml", "--select", "evergreen-key-result")
    assert findings(data) == []


def test_history_boards_are_read_like_linted_ones(repo: Repo) -> None:
    """The team-history scan reads through files.read_source: a UTF-16 board (with its
    byte-order mark) counts as history, a board over the size limit does not."""
    repo.git_init()
    repo.write("goals/2026-Q1/growth.yaml", _team_board("2026-Q1"))
    q2 = repo.root / "goals/2026-Q2/growth.yaml"
    q2.parent.mkdir(parents=True)
    q2.write_text(_team_board("2026-Q2"), encoding="utf-16")
    repo.write("goals/2026-Q3/growth.yaml", _team_board("2026-Q3"))
    args = ("goals/2026-Q3/growth.yaml", "--select", "evergreen-key-result")
    _code, data = repo.json(*args)
    assert findings(data) == [
        ("goals/2026-Q3/growth.yaml", 7, "evergreen-key-result"),
        ("goals/2026-Q3/growth.yaml", 8, "evergreen-key-result"),
    ]
    repo.write("goals/2026-Q1/growth.yaml", _team_board("2026-Q1", "# " + "x" * 400 + "\n"))
    _code, data = repo.json(*args, "--max-file-size", "350")
    assert findings(data) == []  # Q1 is over the limit: a run of two cycles only


def test_history_boards_follow_their_own_configuration(repo: Repo) -> None:
    """A nested configuration's exclude holds for the team-history scan too."""
    repo.git_init()
    repo.write("goals/.okrlint.yaml", "extend-exclude: [archive/]\n")
    repo.write("goals/archive/2026-Q1/growth.yaml", _team_board("2026-Q1"))
    repo.write("goals/2026-Q2/growth.yaml", _team_board("2026-Q2"))
    repo.write("goals/2026-Q3/growth.yaml", _team_board("2026-Q3"))
    _code, data = repo.json("goals/2026-Q3/growth.yaml", "--select", "evergreen-key-result")
    assert findings(data) == []  # the archived Q1 is excluded: a run of two cycles
    repo.write("goals/2026-Q1/growth.yaml", _team_board("2026-Q1"))
    _code, data = repo.json("goals/2026-Q3/growth.yaml", "--select", "evergreen-key-result")
    assert findings(data) == [
        ("goals/2026-Q3/growth.yaml", 7, "evergreen-key-result"),
        ("goals/2026-Q3/growth.yaml", 8, "evergreen-key-result"),
    ]
