"""direction-mismatch: the verb and the numbers disagree."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard
from okrlint.understanding.key_results import Direction


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose verb goes one way and whose numbers go the other."""
    for kr in board.key_results:
        if kr.verdict != "direction-mismatch":
            continue
        m = kr.meaning
        verb_way = "up" if m.direction is Direction.UP else "down"
        numbers_way = "down" if verb_way == "up" else "up"
        yield Hit(
            kr.path,
            f'"{kr.text}": "{m.verb}" says {verb_way}, but {m.baseline} to {m.target} goes '
            f"{numbers_way}",
            "swap the baseline and the target, or use a verb that matches the numbers",
            field=kr.field,
        )
