"""A goals repository as teams keep it: boards beside other YAML files."""

from __future__ import annotations

from tests.integration.conftest import Repo, findings

BOARD = (
    "board: Growth\ncycle: 2026-Q3\nobjectives:\n  - title: Make onboarding effortless\n"
    "    owner: dana\n    key_results:\n      - Raise activation from 61% to 75%\n"
    "      - Keep uptime above 99.9%\n"
)


def _repository(repo: Repo) -> None:
    repo.write("goals/growth.yaml", BOARD)
    repo.write("docker-compose.yml", "services:\n  web:\n    image: nginx\n")
    repo.write("tools/mkdocs.yml", "site_name: Goals\nnav: []\n")
    repo.write("tools/hooks.yaml", "- id: lint\n  entry: make lint\n")
    repo.write("README.md", "# Our goals\n")


def test_a_folder_walk_skips_yaml_that_is_no_board_with_one_notice(repo: Repo) -> None:
    _repository(repo)
    proc = repo.run("check", ".", "--select", "kpi-in-disguise")
    assert proc.returncode == 1  # the board's finding; the other files never fail the run
    assert "goals/growth.yaml:8:9: kpi-in-disguise" in proc.stdout
    notices = [line for line in proc.stderr.splitlines() if "skipped" in line]
    # the README is Markdown with no board's marks: skipped with the YAML that is no board
    assert notices == ["okrlint: skipped 4 files that are not boards (--verbose lists them)"]
    code, data = repo.json(".", "--select", "kpi-in-disguise")
    assert (code, [f["file"] for f in data["files"]]) == (1, ["goals/growth.yaml"])
    assert findings(data) == [("goals/growth.yaml", 8, "kpi-in-disguise")]


def test_verbose_lists_the_skipped_files(repo: Repo) -> None:
    _repository(repo)
    proc = repo.run("check", ".", "--verbose", "--quiet")
    assert [line for line in proc.stderr.splitlines() if "(not a board)" in line] == [
        "okrlint: skipped (not a board): README.md",
        "okrlint: skipped (not a board): docker-compose.yml",
        "okrlint: skipped (not a board): tools/hooks.yaml",
        "okrlint: skipped (not a board): tools/mkdocs.yml",
    ]


def test_a_near_miss_of_a_board_and_broken_yaml_stay_errors(repo: Repo) -> None:
    _repository(repo)
    repo.write("goals/typo.yaml", "cycle: 2026-Q3\nobjetives:\n  - title: Grow\n")
    repo.write("goals/broken.yaml", "objectives: [\n")
    proc = repo.run("check", ".")
    assert proc.returncode == 2
    assert "goals/typo.yaml:2:1: schema-error error unknown field 'objetives'" in proc.stderr
    assert "goals/broken.yaml" in proc.stderr


def test_a_named_file_that_is_no_board_is_an_error_unless_force_exclude(repo: Repo) -> None:
    _repository(repo)
    proc = repo.run("check", "docker-compose.yml")
    assert proc.returncode == 2
    assert "docker-compose.yml:1:1: not-a-board error not a board" in proc.stderr
    # pre-commit names every changed file: treated as in a walk
    proc = repo.run("check", "--force-exclude", "docker-compose.yml", "goals/growth.yaml")
    assert proc.returncode == 1, proc.stderr  # the board's own finding only
    assert "skipped 1 file that is not a board" in proc.stderr


def test_include_chooses_the_files_a_walk_reads(repo: Repo) -> None:
    _repository(repo)
    repo.write(".okrlint.yaml", 'include: ["goals/**/*.yaml"]\n')
    proc = repo.run("check", ".", "--select", "kpi-in-disguise")
    assert proc.returncode == 1
    assert "skipped" not in proc.stderr  # nothing outside goals/ was read
