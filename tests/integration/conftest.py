"""Helpers for tests that run the real command line in a temporary goals repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


class Repo:
    """A temporary folder to write boards and configuration into, and run okrlint in."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def run(
        self, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "OKRLINT"))}
        full_env.update({"NO_COLOR": "1", "HOME": str(self.root)})
        full_env.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "okrlint", *args],
            cwd=self.root,
            input=stdin,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=120,
        )
        assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
        return proc

    def json(self, *args: str, stdin: str | None = None) -> tuple[int, dict[str, Any]]:
        proc = self.run("check", "--format", "json", *args, stdin=stdin)
        return proc.returncode, json.loads(proc.stdout)

    def git_init(self) -> None:
        subprocess.run(["git", "init", "-q"], cwd=self.root, check=True)


def findings(data: dict[str, Any]) -> list[tuple[str, int, str]]:
    return [(f["file"], f["line"], f["rule"]) for f in data["findings"]]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path)


BOARD = """\
    board: Growth
    cycle: 2026-Q3
    objectives:
      - title: Make onboarding effortless for new teams
        owner: dana
        key_results:
          - Maintain 99.9% uptime
          - Increase NPS to 60
          - Increase activation from 61% to 75%
          - Cut onboarding time from 10 days to 6 days
    """
"""Line 7: kpi-in-disguise (error) · line 8: no-baseline (warning)."""

Factory = Callable[..., Path]
