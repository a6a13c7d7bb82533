"""not-measurable: no number and no target, and not a task."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results that name nothing to measure."""
    for kr in board.key_results:
        if kr.verdict != "not-measurable":
            continue
        m = kr.meaning
        if m.baseline is not None:
            message = f'"{kr.text}" states where the number starts ({m.baseline}) but no target'
            hint = f'add the target: "from {m.baseline} to ?"'
        else:
            message = f'"{kr.text}" names no number and no target'
            hint = "name the metric and where it should go: from X to Y by the end of the cycle"
        yield Hit(kr.path, message, hint, field=kr.field)
