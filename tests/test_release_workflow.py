"""The release workflow (.github/workflows/release.yml): on a tag v*, it builds the
sdist and the wheel, checks them, installs the wheel in a fresh virtual environment and
runs it, and publishes the files on a GitHub release; nothing goes to PyPI."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def _runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _uses(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_it_runs_on_a_version_tag(workflow: dict[str, Any]) -> None:
    trigger = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert trigger == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "read"}  # write only where it releases


def test_it_builds_and_checks_the_sdist_and_the_wheel(workflow: dict[str, Any]) -> None:
    build = workflow["jobs"]["build"]
    assert _uses(build, "actions/checkout")
    script = "\n".join(_runs(build))
    assert "python -m build" in script  # the sdist, then the wheel built from it
    assert "twine check --strict dist/*" in script
    # the tag must name the version the files are built with
    assert '"$TAG" != "v$version"' in script and "src/okrlint/__init__.py" in script


def test_it_installs_the_wheel_in_a_fresh_venv_and_runs_it(workflow: dict[str, Any]) -> None:
    build = workflow["jobs"]["build"]
    runs = _runs(build)
    [smoke] = [r for r in runs if "dist/*.whl" in r]
    lines = [line.strip() for line in smoke.splitlines()]
    venv = next(i for i, line in enumerate(lines) if "-m venv" in line)
    install = next(i for i, line in enumerate(lines) if "pip install" in line)
    assert venv < install and "dist/*.whl" in lines[install]
    assert "-e " not in lines[install] and " ." not in lines[install]  # the wheel, not the tree
    for command in ("okrlint rules", "okrlint check --exit-zero examples/"):
        assert command in lines and lines.index(command) > install, command
    assert any(line.startswith('export PATH="$RUNNER_TEMP/venv/bin:') for line in lines)
    # the build runs before the smoke test, which runs before the upload
    build_step = next(i for i, r in enumerate(runs) if "python -m build" in r)
    assert build_step < runs.index(smoke)
    [upload] = _uses(build, "actions/upload-artifact")
    assert upload["with"]["path"] == "dist/"
    assert build["steps"].index(upload) == len(build["steps"]) - 1


def test_it_publishes_a_github_release_of_the_built_files(workflow: dict[str, Any]) -> None:
    release = workflow["jobs"]["github-release"]
    assert release["needs"] == "build"
    assert release["permissions"] == {"contents": "write"}
    [download] = _uses(release, "actions/download-artifact")
    assert download["with"]["path"] == "dist/"
    [publish] = _runs(release)
    assert publish.startswith('gh release create "$TAG" dist/*')
    assert "--verify-tag" in publish


def test_nothing_goes_to_pypi(workflow: dict[str, Any]) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "twine upload" not in text and "gh-action-pypi-publish" not in text
    assert not re.search(r"upload\.pypi\.org|secrets\.", text)


def test_the_release_inputs_are_never_pasted_into_a_script(workflow: dict[str, Any]) -> None:
    for job in workflow["jobs"].values():
        for run in _runs(job):
            assert "${{" not in run
