"""no-change: baseline equals target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose target equals their baseline."""
    for kr in board.key_results:
        m = kr.meaning
        if kr.verdict == "no-change" and m.baseline is not None:
            yield Hit(
                kr.path,
                f'"{kr.text}" goes from {m.baseline} to {m.target}: nothing is meant to move',
                "set a target that differs from today, or move it to kpis with a threshold",
                field=kr.field,
            )
