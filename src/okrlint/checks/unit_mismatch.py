"""unit-mismatch: baseline and target in units that cannot be compared."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose baseline and target are in incompatible units."""
    for kr in board.key_results:
        m = kr.meaning
        if kr.verdict != "unit-mismatch" or m.baseline is None or m.target is None:
            continue
        yield Hit(
            kr.path,
            f'"{kr.text}" starts in {m.baseline.unit.describe()} ({m.baseline}) and ends in '
            f"{m.target.unit.describe()} ({m.target}): the two cannot be compared",
            "write the baseline and the target in the same unit",
            field=kr.field,
        )
