"""The human format's source lines: the text the run read, never the file read again."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import board_with
from okrlint.api import lint_paths
from okrlint.config import Config
from okrlint.reporters import get

BOARD = board_with("Maintain 99.9% uptime")  # quoted; kpi-in-disguise on line 6, column 9


def human(path: Path) -> str:
    result = lint_paths([path], Config(select=("kpi-in-disguise",)))
    return get("human")(result, color=False, quiet=False).out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_the_line_is_shown_whatever_the_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "board.yaml"
    path.write_text(BOARD, encoding=encoding)
    lines = human(path).splitlines()
    assert lines[0].startswith(f"{path.as_posix()}:6:9: error kpi-in-disguise")
    assert lines[1:4] == [
        "  |",
        '6 |       - "Maintain 99.9% uptime"',
        "  |         ^^^^^^^^^^^^^^^^^^^^^^^",
    ]


def test_the_lines_are_those_linted_even_when_the_file_changed_since(tmp_path: Path) -> None:
    path = tmp_path / "board.yaml"
    path.write_text(BOARD, encoding="utf-8")
    result = lint_paths([path], Config(select=("kpi-in-disguise",)))
    path.write_text("# rewritten after the run\n" * 10, encoding="utf-8")
    out = get("human")(result, color=False, quiet=False).out
    assert '6 |       - "Maintain 99.9% uptime"' in out
    path.unlink()
    assert get("human")(result, color=False, quiet=False).out == out
