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

from okrlint import __version__

ROOT = Path(__file__).resolve().parent.parent
ACTION = ROOT / "action.yml"
REPOSITORY = "https://github.com/okrlint/okrlint"
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
    assert set(inputs) == {
        "paths",
        "config",
        "baseline",
        "args",
        "fail-on",
        "sarif-file",
        "python-version",
    }
    assert inputs["paths"]["default"] == "."
    assert inputs["fail-on"]["default"] == "error"
    for name in ("config", "baseline", "args", "sarif-file"):
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
    for step in (lint, sarif):  # both runs get the baseline and the extra arguments
        assert step["env"]["BASELINE"] == "${{ inputs.baseline }}"
        assert 'options+=(--baseline "$BASELINE")' in step["run"]
        assert step["env"]["ARGS_FILE"] == "${{ runner.temp }}/okrlint-args"
        assert '"${options[@]}" "${extra[@]}" -- "${paths[@]}"' in step["run"]


def test_okrlint_is_installed_from_the_action_itself_never_from_an_index(
    action: dict[str, Any],
) -> None:
    install = _steps(action)["Install okrlint"]
    assert install["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    [pip] = [line for line in install["run"].splitlines() if "pip install" in line]
    assert pip.rstrip().endswith('"$ACTION_PATH"')  # the one thing installed: this checkout
    text = ACTION.read_text(encoding="utf-8")
    assert "okrlint==" not in text and "pypi" not in text.lower().replace("on pypi", "")
    assert "version" not in action["inputs"]  # it installed a release from PyPI: none exists


def test_args_reach_okrlint_split_by_shlex_never_pasted_into_a_script(
    action: dict[str, Any],
) -> None:
    steps = _steps(action)
    users = [s["name"] for s in action["runs"]["steps"] if "inputs.args" in json.dumps(s)]
    assert users == ["Read the extra arguments"]
    read = steps["Read the extra arguments"]
    assert read["env"]["ARGS"] == "${{ inputs.args }}"
    assert 'shlex.split(os.environ["ARGS"])' in read["run"]
    for step in action["runs"]["steps"]:
        assert "inputs.args" not in step.get("run", "") and "$ARGS " not in step.get("run", "")
        assert "eval" not in step.get("run", "").split()


def test_pip_downloads_are_cached_keyed_on_the_action_files(action: dict[str, Any]) -> None:
    steps = _steps(action)
    names = [s["name"] for s in action["runs"]["steps"]]
    assert names.index("Cache pip's downloads") < names.index("Install okrlint")
    find = steps["Find pip's cache"]
    assert find["id"] == "pip-cache" and "pip cache dir" in find["run"]
    assert find["env"]["ACTION_PATH"] == "${{ github.action_path }}"
    assert '"pyproject.toml"' in find["run"]  # the key: the action's dependencies ...
    assert "sys.version_info" in find["run"]  # ... and the Python they are for
    cache = steps["Cache pip's downloads"]
    assert cache["uses"].startswith("actions/cache@")
    assert cache["with"]["path"] == "${{ steps.pip-cache.outputs.dir }}"
    assert "${{ steps.pip-cache.outputs.key }}" in cache["with"]["key"]
    assert "${{ runner.os }}" in cache["with"]["key"]
    # setup-python's cache: pip cannot hash a file outside the workspace (the action's)
    assert "cache" not in steps["Set up Python for okrlint"]["with"]


def test_the_flags_the_action_passes_exist() -> None:
    from typer.testing import CliRunner

    from okrlint.cli import app

    help_text = CliRunner().invoke(app, ["check", "--help"]).stdout
    for flag in ("--format", "--fail-on", "--config", "--output-file", "--exit-zero", "--baseline"):
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


def _condition(expression: str, inputs: dict[str, str], run: Run, temp: Path) -> bool:
    m = re.fullmatch(r"([\w.-]+) != ''", expression)
    assert m, f"the test runner does not know the condition {expression!r}"
    return _evaluate(m.group(1), inputs, run, temp) != ""


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
        if "if" in step and not _condition(step["if"], inputs, run, temp):
            continue
        if "uses" in step:
            if step["uses"].startswith("actions/cache@"):
                continue  # nothing to restore here
            # actions/setup-python: this interpreter stands in for it
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
READ = "Read the extra arguments"


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
    assert run.status == {READ: 0, SARIF: 0, LINT: 1}, run.stdout
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
    assert run.status == {READ: 0, LINT: 0}, run.stdout


@needs_bash
@pytest.mark.parametrize(("fail_on", "status"), [("error", 0), ("warning", 1)])
def test_fail_on_sets_the_threshold(
    action: dict[str, Any], installed: Run, tmp_path: Path, fail_on: str, status: int
) -> None:
    repo = _repo(tmp_path, growth=WARNING_ONLY)
    run = run_action(action, {"fail-on": fail_on}, repo, tmp_path, done=installed)
    assert run.status == {READ: 0, LINT: status}, run.stdout
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
    assert only_platform.status == {READ: 0, LINT: 0}, only_platform.stdout
    # several paths, on lines of their own; a space inside a path is not supported
    two = run_action(
        action, {"paths": "goals/platform.yaml\ngoals/growth.yaml\n"}, repo, tmp_path, installed
    )
    assert two.status == {READ: 0, LINT: 1}, two.stdout
    configured = run_action(
        action, {"paths": "goals", "config": "ci/okrlint.yaml"}, repo, tmp_path, installed
    )
    assert configured.status == {READ: 0, LINT: 0}, configured.stdout


@needs_bash
def test_args_are_passed_as_words_and_never_run(
    action: dict[str, Any], installed: Run, tmp_path: Path
) -> None:
    repo = _repo(tmp_path, growth=ERROR, platform=GOOD)
    ignored = run_action(
        action,
        {"args": '--ignore "kpi-in-disguise"\n--ignore board-mostly-kpis'},
        repo,
        tmp_path,
        installed,
    )
    assert ignored.status == {READ: 0, LINT: 0}, ignored.stdout
    assert "kpi-in-disguise" not in ignored.stdout[LINT]
    # words a shell would run are words: okrlint is handed them, and nothing runs
    hostile = "--ignore kpi-in-disguise $(touch pwned-1) `touch pwned-2`; touch pwned-3 && exit 0"
    run = run_action(action, {"args": hostile}, repo, tmp_path, installed)
    assert run.status[READ] == 0 and run.status[LINT] == 2, run.stdout  # bad paths: input errors
    assert "$(touch" in run.stdout[LINT]
    assert not list(tmp_path.rglob("pwned-*"))


@needs_bash
def test_args_that_cannot_be_split_fail_with_a_clear_message(
    action: dict[str, Any], installed: Run, tmp_path: Path
) -> None:
    repo = _repo(tmp_path, growth=GOOD)
    run = run_action(action, {"args": '--ignore "no-baseline'}, repo, tmp_path, installed)
    assert run.status == {READ: 1}, run.stdout
    assert "the args input cannot be read: No closing quotation" in run.stdout[READ]


@needs_bash
def test_a_baseline_hides_the_findings_it_records(
    action: dict[str, Any], installed: Run, tmp_path: Path
) -> None:
    repo = _repo(tmp_path, growth=ERROR, platform=GOOD)
    okrlint = installed.outputs["install"]["okrlint"]
    recorded = subprocess.run(
        [okrlint, "check", "--write-baseline", "okrlint-baseline.json", "goals"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert recorded.returncode == 0 and (repo / "okrlint-baseline.json").is_file(), recorded
    without = run_action(action, {}, repo, tmp_path, installed)
    assert without.status == {READ: 0, LINT: 1}, without.stdout
    run = run_action(
        action,
        {"baseline": "okrlint-baseline.json", "sarif-file": "o.sarif"},
        repo,
        tmp_path,
        installed,
    )
    assert run.status == {READ: 0, SARIF: 0, LINT: 0}, run.stdout
    sarif = json.loads((repo / "o.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"] == []  # the SARIF run has it too


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
    runs = [s.get("run", "") for s in plain["steps"]]
    assert f'pip install "okrlint @ git+{REPOSITORY}@v{__version__}"' in runs
    assert "okrlint check goals/" in runs


def test_the_readme_gitlab_job_reports_code_quality() -> None:
    [config] = _readme_yaml_blocks("### GitLab CI")
    job = config["okrlint"]
    archive = f"{REPOSITORY}/archive/refs/tags/v{__version__}.tar.gz"
    assert job["script"][0] == f'pip install "okrlint @ {archive}"'  # no git in a slim image
    report = job["artifacts"]["reports"]["codequality"]
    assert any(f"--format gitlab --output-file {report}" in line for line in job["script"])
    assert job["artifacts"]["when"] == "always"


def test_the_readme_pins_the_action_and_the_hook_to_this_version() -> None:
    [workflow, _plain] = _readme_yaml_blocks("### GitHub Actions")
    [ours] = [
        s for s in workflow["jobs"]["okrlint"]["steps"] if s.get("uses", "").startswith("okrlint/")
    ]
    assert ours["uses"] == f"okrlint/okrlint@v{__version__}"
    [config] = _readme_yaml_blocks("### pre-commit")
    [repo] = config["repos"]
    assert (repo["repo"], repo["rev"]) == (REPOSITORY, f"v{__version__}")


#: ``pip install`` and its words, up to the end of the command (a line, &&, ;, |).
PIP_INSTALL = re.compile(r"pip3?\s+install\s+([^\n;&|]*)")


def test_no_documented_recipe_installs_okrlint_from_a_package_index() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
    text = "\n".join([readme, *docs])
    installs = PIP_INSTALL.findall(text)
    assert len(installs) >= 4
    for words in installs:
        requirement = [w for w in re.findall(r"\"[^\"]*\"|'[^']*'|\S+", words) if w[0] != "-"]
        for spec in (w.strip("\"'") for w in requirement):
            if re.match(r"okrlint\b", spec, re.I):  # a name: it must say where it comes from
                pattern = rf"okrlint(\[server\])? @ (git\+)?{REPOSITORY}\S*v{__version__}\S*"
                assert re.fullmatch(pattern, spec), spec
            else:
                assert spec.startswith("."), spec  # the checkout itself (".[server]" too)
    assert "pip install okrlint" not in text
