"""The goals repository around a board: its root, and paths relative to it.

The root is the git work tree that holds the files, else the folder of the nearest
okrlint configuration; outside both, there is no root (only the files given are
compared). Found by looking for marker files, without running git.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from okrlint.config_files import find_config_file

CONFIG_NAMES = (".okrlint.yaml", ".okrlint.yml", "pyproject.toml")


@lru_cache(maxsize=1024)
def _git_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def git_root(path: str | Path) -> Path | None:
    """The git work tree that holds ``path``, or None."""
    here = Path(os.path.abspath(path))
    return _git_root(here if here.is_dir() else here.parent)


def find_root(path: str | Path) -> Path | None:
    """The repository root of ``path`` (a file or folder), or None outside any."""
    here = Path(os.path.abspath(path))
    folder = here if here.is_dir() else here.parent
    root = _git_root(folder)
    if root is not None:
        return root
    config = find_config_file(folder)
    return config.parent if config is not None else None


def relative_uri(file: str | Path, root: Path | None) -> str:
    """``file`` relative to ``root`` with forward slashes (as given when outside it)."""
    path = Path(file)
    if root is not None:
        try:
            return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
        except ValueError:  # another drive on Windows
            pass
    return path.as_posix()
