"""Configuration files: ``.okrlint.yaml`` or ``[tool.okrlint]`` in ``pyproject.toml``.

Found by searching upward from each linted path; the nearest wins. This module
finds and reads them; :mod:`okrlint.config` turns them into a run's settings.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

YAML_NAMES = (".okrlint.yaml", ".okrlint.yml")


def _pyproject_has_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "okrlint" in tool


@lru_cache(maxsize=1024)
def find_config_file(folder: Path) -> Path | None:
    """The nearest configuration file at or above ``folder`` (absolute), or None."""
    for candidate in (folder, *folder.parents):
        for name in YAML_NAMES:
            path = candidate / name
            if path.is_file():
                return path
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_has_table(pyproject):
            return pyproject
    return None
