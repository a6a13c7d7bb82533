"""The composite GitHub Action (action.yml): its inputs, how the steps use them, and its
shell steps run here the way a runner runs them (bash -eo pipefail, env, GITHUB_OUTPUT)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return data


def _steps(action: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {step["name"]: step for step in action["runs"]["steps"]}


# -- the file ----------------------------------------------------------------------------


def test_inputs_and_their_defaults(action: dict[str, Any]) -> None:
    inputs = action["inputs"]
    assert set(inputs) == {"paths", "config", "fail-on", "sarif-file", "version", "python-version"}
    assert inputs["paths"]["default"] == "."
    assert inputs["fail-on"]["default"] == "error"
    for name in ("config", "sarif-file", "version"):
        assert inputs[name]["default"] == "", name
    for name, spec in inputs.items():
        assert spec["description"] and spec["required"] is False, name
    assert action["name"] and action["description"]
    assert action["runs"]["using"] == "composite"


def test_every_input_is_used_by_a_step(action: dict[str, Any]) -> None:
    used = {
        match.group(1)
        for step in action["runs"]["steps"]
        for match in re.finditer(r"inputs\.([\w-]+)", json.dumps(step))
    }
    assert used == set(action["inputs"])


def test_inputs_reach_scripts_only_through_env(action: dict[str, Any]) -> None:
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], step["name"]  # no script injection


def test_the_steps_lint_with_github_annotations_and_write_sarif(action: dict[str, Any]) -> None:
    steps = _steps(action)
    python = steps["Set up Python for okrlint"]
    assert python["uses"].startswith("actions/setup-python@")
    assert python["with"]["update-environment"] is False
    install = steps["Install okrlint"]
    assert install["env"]["OKRLINT_VERSION"] == "${{ inputs.version }}"
    assert 'spec="okrlint==$OKRLINT_VERSION"' in install["run"]
    assert 'spec="$ACTION_PATH"' in install["run"]
    lint = steps["Lint goal boards"]
    assert lint["env"]["PATHS"] == "${{ inputs.paths }}"
    assert lint["env"]["CONFIG"] == "${{ inputs.config }}"
    assert lint["env"]["FAIL_ON"] == "${{ inputs.fail-on }}"
    assert '--format github --fail-on "$FAIL_ON"' in lint["run"]
    assert '--config "$CONFIG"' in lint["run"]
    sarif = steps["Write SARIF for code scanning"]
    assert sarif["if"] == "inputs.sarif-file != ''"
    assert sarif["env"]["SARIF_FILE"] == "${{ inputs.sarif-file }}"
    assert '--format sarif --output-file "$SARIF_FILE"' in sarif["run"]


def test_the_flags_the_action_passes_exist() -> None:
    from typer.testing import CliRunner

    from okrlint.cli import app

    help_text = CliRunner().invoke(app, ["check", "--help"]).stdout
    for flag in ("--format", "--fail-on", "--config", "--output-file", "--exit-zero"):
        assert flag in help_text, flag
    assert "sarif" in help_text and "github" in help_text


# -- the steps, run as a runner runs them --------------------------------------------------


@dataclass
class Run:
    """One run of the action: each step's exit status and output, and the steps' outputs."""

    status: dict[str, int] = field(default_factory=dict)
    stdout: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)


def _evaluate(expression: str, inputs: dict[str, str], run: Run, temp: Path) -> str:
    if m := re.fullmatch(r"inputs\.([\w-]+)", expression):
        return inputs[m.group(1)]
    if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression):
        return run.outputs.get(m.group(1), {}).get(m.group(2), "")
    known = {"github.action_path": str(ROOT), "runner.temp": str(temp)}
    assert expression in known, f"the test runner does not know ${{{{ {expression} }}}}"
    return known[expression]


def _condition(expression: str, inputs: dict[str, str]) -> bool:
    m = re.fullmatch(r"inputs\.([\w-]+) != ''", expression)
    assert m, f"the test runner does not know the condition {expression!r}"
    return inputs[m.group(1)] != ""


def run_action(
    action: dict[str, Any], given: dict[str, str], cwd: Path, temp: Path, done: Run | None = None
) -> Run:
    """Run the action's steps; steps with outputs in ``done`` are taken as already run."""
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs.update(given)
    run = Run(outputs=dict(done.outputs) if done else {})
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
    for n, step in enumerate(action["runs"]["steps"]):
        name = step["name"]
        if done and step.get("id") in done.outputs:
            continue
        if "if" in step and not _condition(step["if"], inputs):
            continue
        if "uses" in step:  # actions/setup-python: this interpreter stands in for it
            assert step["uses"].startswith("actions/setup-python@")
            run.outputs[step["id"]] = {"python-path": sys.executable}
            continue
        output_file = temp / f"output-{n}"
        output_file.write_text("", encoding="utf-8")
        env = {
            **base_env,
            "GITHUB_OUTPUT": str(output_file),
            "GITHUB_ACTION_PATH": str(ROOT),
            "NO_COLOR": "1",
        }
        for key, value in step.get("env", {}).items():
            env[key] = EXPRESSION.sub(lambda m: _evaluate(m.group(1), inputs, run, temp), value)
        script = temp / f"step-{n}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done_step = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        run.status[name] = done_step.returncode
        run.stdout[name] = done_step.stdout + done_step.stderr
        lines = output_file.read_text(encoding="utf-8").splitlines()
        if "id" in step:
            run.outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
        if done_step.returncode != 0:
            break
    return run


GOOD = """\
cycle: 2026-Q3
objectives:
  - title: Make onboarding effortless for new teams
    owner: growth
    key_results:
      - Cut median onboarding time from 10 days to 6 days
      - Increase activation from 61% to 75%
"""
WARNING_ONLY = GOOD.replace(
    "Cut median onboarding time from 10 days to 6 days", "Increase NPS to 60"
)
ERROR = GOOD.replace("Cut median onboarding time from 10 days to 6 days", "Maintain 99.9% uptime")

LINT = "Lint goal boards"
SARIF = "Write SARIF for code scanning"


@pytest.fixture(scope="module")
def installed(action: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The action's install step, run once: pip installs okrlint from the action's path."""
    temp = tmp_path_factory.mktemp("runner-temp")
    empty = tmp_path_factory.mktemp("empty")
    (empty / "board.yaml").write_text(GOOD, encoding="utf-8")
    run = run_action(action, {}, empty, temp)
    assert run.status.get("Install okrlint") == 0, run.stdout
    assert run.status.get(LINT) == 0, run.stdout
    return run


def _repo(tmp_path: Path, **boards: str) -> Path:
    """A goals repository in ``tmp_path/repo`` (the runner's files stay outside it)."""
    repo = tmp_path / "repo"
    (repo / "goals").mkdir(parents=True)
    for name, text in boards.items():
        (repo / "goals" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return repo


@needs_bash
def test_an_error_fails_the_step_with_annotations_and_sarif_is_written(
    action: dict[str, Any], installed: Run, tmp_path: Path
) -> None:
    repo = _repo(tmp_path, growth=ERROR, platform=GOOD)
    run = run_action(
        action, {"sarif-file": "okrlint.sarif"}, repo, tmp_path, done=installed
    )  # SARIF first (never fails on findings), then the annotations
    assert run.status == {SARIF: 0, LINT: 1}, run.stdout
    assert "::error file=goals/growth.yaml,line=6,col=9," in run.stdout[LINT]
    assert "title=okrlint(kpi-in-disguise)" in run.stdout[LINT]
    sarif = json.loads((repo / "okrlint.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert "kpi-in-disguise" in rules


@needs_bash
def test_a_clean_repository_passes_and_no_sarif_by_default(
    action: dict[str, Any], installed: Run, tmp_path: Path
) -> None:
    repo = _repo(tmp_path, growth=GOOD)
    run = run_action(action, {}, repo, tmp_path, done=installed)
    assert run.status == {LINT: 0}, run.stdout


@needs_bash
@pytest.mark.parametrize(("fail_on", "status"), [("error", 0), ("warning", 1)])
def test_fail_on_sets_the_threshold(
    action: dict[str, Any], installed: Run, tmp_path: Path, fail_on: str, status: int
) -> None:
    repo = _repo(tmp_path, growth=WARNING_ONLY)
    run = run_action(action, {"fail-on": fail_on}, repo, tmp_path, done=installed)
    assert run.status == {LINT: status}, run.stdout
    assert "title=okrlint(no-baseline)" in run.stdout[LINT]


@needs_bash
def test_paths_and_config_are_passed(
    action: dict[str, Any], installed: Run, tmp_path: Path
) -> None:
    repo = _repo(tmp_path, growth=ERROR, platform=GOOD)
    (repo / "team b").mkdir()
    (repo / "team b" / "support.yaml").write_text(ERROR, encoding="utf-8")
    (repo / "ci" / "okrlint.yaml").parent.mkdir()
    (repo / "ci" / "okrlint.yaml").write_text("ignore: [kpi-in-disguise]\n", encoding="utf-8")
    only_platform = run_action(action, {"paths": "goals/platform.yaml"}, repo, tmp_path, installed)
    assert only_platform.status == {LINT: 0}, only_platform.stdout
    # several paths, on lines of their own; a space inside a path is not supported
    two = run_action(
        action, {"paths": "goals/platform.yaml\ngoals/growth.yaml\n"}, repo, tmp_path, installed
    )
    assert two.status == {LINT: 1}, two.stdout
    configured = run_action(
        action, {"paths": "goals", "config": "ci/okrlint.yaml"}, repo, tmp_path, installed
    )
    assert configured.status == {LINT: 0}, configured.stdout


# -- the README's CI snippets ------------------------------------------------------------


def _readme_yaml_blocks(heading: str) -> list[Any]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"\n{heading}\n", 1)[1].split("\n### ", 1)[0]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]


def test_the_readme_workflow_uses_the_action_with_its_inputs(action: dict[str, Any]) -> None:
    workflow, plain = _readme_yaml_blocks("### GitHub Actions")
    steps = workflow["jobs"]["okrlint"]["steps"]
    [ours] = [s for s in steps if s.get("uses", "").startswith("okrlint/okrlint@")]
    assert set(ours["with"]) <= set(action["inputs"])
    [upload] = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/")]
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"]
    assert any("pip install okrlint && okrlint check" in s.get("run", "") for s in plain["steps"])


def test_the_readme_gitlab_job_reports_code_quality() -> None:
    [config] = _readme_yaml_blocks("### GitLab CI")
    job = config["okrlint"]
    report = job["artifacts"]["reports"]["codequality"]
    assert any(f"--format gitlab --output-file {report}" in line for line in job["script"])
    assert job["artifacts"]["when"] == "always"
