"""The pre-commit hook: the manifest, and a real ``pre-commit try-repo`` run against a goals
repository (pre-commit builds the hook's environment with pip, from PyPI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
#: What pre-commit needs to pip-install okrlint from a copy of this repository.
HOOK_REPO_FILES = ("src", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")

needs_git = pytest.mark.skipif(
    shutil.which("git") is None, reason="git is not installed: pre-commit try-repo needs it"
)

BAD_BOARD = """\
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless for new teams
    owner: growth
    key_results:
      - Maintain 99.9% uptime
      - Increase activation from 61% to 75%
"""
FIXED_BOARD = BAD_BOARD.replace(
    "Maintain 99.9% uptime", "Cut median onboarding time from 10 days to 6 days"
)
GOOD_BOARD = """\
cycle: 2026-Q3
kpis:
  - {id: uptime, name: API availability, owner: platform, unit: "%", threshold: ">= 99.9"}
objectives:
  - title: Make checkout fast on mobile
    owner: platform
    key_results:
      - Cut median page load from 3.2s to 1.5s
      - Cut p95 API latency from 900 ms to 400 ms
"""
#: Not a board: a hidden folder, which the default ``exclude`` keeps out (--force-exclude).
WORKFLOW = "on: push\njobs: {}\n"


def test_the_manifest_exposes_the_okrlint_hook() -> None:
    [hook] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["id"] == "okrlint"
    assert hook["name"] and hook["description"]
    assert hook["entry"] == "okrlint check --force-exclude"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["yaml", "markdown"]
    assert hook["require_serial"] is True


def _environment(tmp: Path) -> dict[str, str]:
    """No GIT_* from an outer git hook; a git identity; pre-commit's cache in tmp."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        HOME=str(tmp / "home"),
        PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
        GIT_AUTHOR_NAME="okrlint tests",
        GIT_AUTHOR_EMAIL="tests@okrlint.invalid",
        GIT_COMMITTER_NAME="okrlint tests",
        GIT_COMMITTER_EMAIL="tests@okrlint.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        NO_COLOR="1",
    )
    (tmp / "home").mkdir(exist_ok=True)
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _git(cwd: Path, env: dict[str, str], *args: str) -> None:
    done = _run(["git", *args], cwd, env)
    assert done.returncode == 0, done.stderr


def _commit_all(repo: Path, env: dict[str, str]) -> None:
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "test")


def _hook_repo(tmp: Path, env: dict[str, str]) -> Path:
    """This repository's files (committed or not) committed into a fresh git repository."""
    repo = tmp / "okrlint"
    repo.mkdir()
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
            shutil.copytree(source, repo / name, ignore=ignore)
        else:
            shutil.copy2(source, repo / name)
    _git(repo, env, "init", "-q")
    _commit_all(repo, env)
    return repo


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A copy of okrlint committed to a git repository, and the environment to run in."""
    tmp = tmp_path_factory.mktemp("pre-commit")
    env = _environment(tmp)
    return _hook_repo(tmp, env), env


def _goals_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    """A goals repository: a bad board, a good one, and YAML that is not a board."""
    goals = tmp_path / "goals-repo"
    (goals / "goals" / "2026-Q3").mkdir(parents=True)
    (goals / ".github" / "workflows").mkdir(parents=True)
    (goals / "goals" / "2026-Q3" / "growth.yaml").write_text(BAD_BOARD, encoding="utf-8")
    (goals / "goals" / "2026-Q3" / "platform.yaml").write_text(GOOD_BOARD, encoding="utf-8")
    (goals / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    _git(goals, env, "init", "-q")
    _commit_all(goals, env)
    return goals


def _pre_commit(*args: str) -> list[str]:
    return [sys.executable, "-m", "pre_commit", *args]


@needs_git
def test_pre_commit_try_repo_fails_on_a_bad_board_then_passes(
    sandbox: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    hook_repo, env = sandbox
    goals = _goals_repo(tmp_path, env)
    try_repo = _pre_commit("try-repo", str(hook_repo), "okrlint", "--all-files")

    failed = _run(try_repo, goals, env)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    [finding] = [line for line in output.splitlines() if "kpi-in-disguise" in line]
    # the concise format: the rule, then its severity (no [*]: --fix does not move a level
    # whose bound is a guess)
    assert finding.startswith("goals/2026-Q3/growth.yaml:6:9: kpi-in-disguise error "), output
    assert "[*]" not in finding, output
    assert "platform.yaml" not in output, output  # a clean board
    assert "ci.yml" not in output, output  # not a board: excluded by --force-exclude

    (goals / "goals" / "2026-Q3" / "growth.yaml").write_text(FIXED_BOARD, encoding="utf-8")
    _commit_all(goals, env)
    passed = _run(try_repo, goals, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def _readme_pre_commit_config() -> Any:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit", 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


@needs_git
def test_the_readme_configuration_lints_only_the_boards(
    sandbox: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    hook_repo, env = sandbox
    goals = _goals_repo(tmp_path, env)
    # YAML outside goals/ that is not a board: `files: ^goals/` keeps it from the hook
    (goals / "docker-compose.yml").write_text("services: {}\n", encoding="utf-8")
    config = _readme_pre_commit_config()
    [repo] = config["repos"]
    assert repo["repo"].startswith("https://github.com/") and repo["hooks"][0]["id"] == "okrlint"
    assert repo["hooks"][0]["files"] == "^goals/"
    head = _run(["git", "rev-parse", "HEAD"], hook_repo, env).stdout.strip()
    repo.update(repo=str(hook_repo), rev=head)
    (goals / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _commit_all(goals, env)

    run = _run(_pre_commit("run", "--all-files"), goals, env)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "goals/2026-Q3/growth.yaml:6:9:" in output
    assert "docker-compose.yml" not in output
