"""``okrlint init``: a configuration that documents every key and changes nothing, a starter
board that lints clean, and never an overwritten file."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from okrlint.api import lint_text
from okrlint.catalog import rule_defaults
from okrlint.checks import RULE_IDS
from okrlint.cli import app
from okrlint.config import Config
from okrlint.config_files import KEYS, load_config_file
from okrlint.files import DEFAULT_LIMITS
from okrlint.scaffold import CONFIG_KEYS, config_text, quarter_of, starter_board_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def init(*args: str) -> Result:
    result = CliRunner().invoke(app, ["init", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def okrlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "okrlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# -- the configuration -------------------------------------------------------------------


def test_init_writes_a_commented_configuration_and_says_so(workdir: Path) -> None:
    result = init()
    assert result.exit_code == 0, result.output
    assert "wrote .okrlint.yaml" in result.stdout
    assert (workdir / ".okrlint.yaml").read_text(encoding="utf-8") == config_text()


def test_every_key_of_the_loader_is_documented() -> None:
    assert set(CONFIG_KEYS) == set(KEYS)
    text = config_text()
    for key in KEYS:
        # written out, or a commented example; always with a comment above it
        assert re.search(rf"^(# )?{re.escape(key)}:", text, re.MULTILINE), key


def _defaults() -> dict[str, Any]:
    config = Config()
    return {
        "ignore": [],
        "extend-select": [],
        "severity": {},
        "rules": {
            rule_id: dict(rule_defaults(rule_id).options)
            for rule_id in RULE_IDS
            if rule_defaults(rule_id).options
        },
        "fail-on": config.fail_on.value,
        "exclude": list(config.exclude),
        "extend-exclude": [],
        "per-file-ignores": {},
        "max-file-size": DEFAULT_LIMITS.max_file_size,
        "max-depth": DEFAULT_LIMITS.max_depth,
        "max-alias-nodes": DEFAULT_LIMITS.max_alias_nodes,
    }


def test_every_key_written_out_holds_its_default() -> None:
    active = yaml.safe_load(config_text())
    assert active == _defaults()
    # the keys without a default value are commented examples
    assert not {"select", "language", "custom-rules"} & set(active)


def test_the_configuration_loads(workdir: Path) -> None:
    init()
    settings = load_config_file((workdir / ".okrlint.yaml").resolve())
    assert set(settings.values) == set(_defaults())


def _copy_examples(target: Path) -> Path:
    shutil.copytree(ROOT / "examples", target)
    return target


def test_the_configuration_changes_no_result(tmp_path: Path) -> None:
    plain = _copy_examples(tmp_path / "plain")
    configured = _copy_examples(tmp_path / "configured")
    (configured / ".okrlint.yaml").write_text(config_text(), encoding="utf-8")
    runs = [
        okrlint(p, "check", "--format", "json", "--exit-zero", ".") for p in (plain, configured)
    ]
    assert [r.returncode for r in runs] == [0, 0], [r.stderr for r in runs]
    findings = [json.loads(r.stdout)["findings"] for r in runs]
    assert findings[0] and findings[0] == findings[1]


def _uncommented(text: str) -> str:
    """The configuration with its commented examples made real."""
    out, in_block = [], False
    for line in text.splitlines():
        key = re.match(r"^# ([a-z-]+):", line)
        if key and key.group(1) in KEYS:
            in_block = True
            out.append(line[2:])
        elif in_block and line.startswith("#   "):
            out.append(line[2:])
        else:
            in_block = False
            out.append(line)
    return "\n".join(out) + "\n"


def test_the_commented_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    text = _uncommented(config_text())
    assert "\nselect:" in text and "\nlanguage: en" in text and "\ncustom-rules:" in text
    (tmp_path / ".okrlint.yaml").write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "healthy.yaml", tmp_path / "board.yaml")
    # the baseline the example names must exist: write it, then lint with it
    written = okrlint(tmp_path, "check", "--write-baseline", "okrlint-baseline.json", ".")
    assert written.returncode == 0, written.stderr
    run = okrlint(tmp_path, "check", "--exit-zero", "board.yaml")
    assert run.returncode == 0, run.stderr


# -- the starter board -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (dt.date(2026, 1, 1), "2026-Q1"),
        (dt.date(2026, 3, 31), "2026-Q1"),
        (dt.date(2026, 4, 1), "2026-Q2"),
        (dt.date(2026, 8, 15), "2026-Q3"),
        (dt.date(2027, 12, 31), "2027-Q4"),
    ],
)
def test_the_starter_board_is_for_the_quarter_of_the_day_and_lints_clean(
    day: dt.date, quarter: str
) -> None:
    text = starter_board_text(day)
    data = yaml.safe_load(text)
    assert data["cycle"] == quarter
    result = lint_text(text, "growth.yaml", Config())
    assert not result.input_errors
    assert list(result.findings) == []


def test_the_starter_board_shows_the_format() -> None:
    data = yaml.safe_load(starter_board_text(dt.date(2026, 8, 15)))
    [kpi] = data["kpis"]
    assert {"id", "name", "owner", "unit", "threshold"} <= set(kpi)
    [objective] = data["objectives"]
    assert any(
        isinstance(kr, dict) and {"from", "to"} <= set(kr) for kr in objective["key_results"]
    )


def test_init_with_a_board_writes_both_and_the_board_lints_clean(workdir: Path) -> None:
    result = init("--board", "goals/growth.yaml")
    assert result.exit_code == 0, result.output
    board = workdir / "goals" / "growth.yaml"
    assert "wrote .okrlint.yaml" in result.stdout
    assert "wrote goals/growth.yaml" in result.stdout
    assert yaml.safe_load(board.read_text(encoding="utf-8"))["cycle"] == quarter_of(dt.date.today())
    run = okrlint(workdir, "check", "--fail-on", "info", "--format", "json", "goals/")
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(run.stdout)
    assert report["findings"] == []
    assert report["summary"]["files"] == 1


def test_path_names_the_folder_and_is_created(workdir: Path) -> None:
    result = init("--path", "repo", "--board", "goals/growth.yaml")
    assert result.exit_code == 0, result.output
    assert (workdir / "repo" / ".okrlint.yaml").is_file()
    assert (workdir / "repo" / "goals" / "growth.yaml").is_file()
    assert "wrote repo/.okrlint.yaml" in result.stdout


# -- never overwrite ---------------------------------------------------------------------


def test_init_refuses_to_overwrite_the_configuration(workdir: Path) -> None:
    (workdir / ".okrlint.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    result = init()
    assert result.exit_code == 2
    assert ".okrlint.yaml already exists" in result.stderr
    assert (workdir / ".okrlint.yaml").read_text(encoding="utf-8") == "fail-on: warning\n"


def test_init_refuses_to_overwrite_a_board_and_writes_nothing(workdir: Path) -> None:
    (workdir / "growth.yaml").write_text("kpis: []\n", encoding="utf-8")
    result = init("--board", "growth.yaml")
    assert result.exit_code == 2
    assert "growth.yaml already exists" in result.stderr
    assert not (workdir / ".okrlint.yaml").exists()
    assert (workdir / "growth.yaml").read_text(encoding="utf-8") == "kpis: []\n"


def test_a_path_that_is_a_file_is_a_usage_error(workdir: Path) -> None:
    (workdir / "file").write_text("", encoding="utf-8")
    result = init("--path", "file")
    assert result.exit_code == 2
    assert "not a folder" in result.stderr


def test_help_shows_the_options() -> None:
    result = CliRunner().invoke(app, ["init", "--help"])
    assert result.exit_code == 0
    assert "--path" in result.stdout and "--board" in result.stdout
