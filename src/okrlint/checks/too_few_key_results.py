"""too-few-key-results: fewer key results on an objective than the minimum."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives with at least one but fewer than ``min`` key results."""
    minimum = int(options["min"])
    for objective in board.objectives:
        count = len(objective.key_results)
        if 0 < count < minimum:
            noun = "key result" if count == 1 else "key results"
            yield Hit(
                objective.path,
                f'objective "{objective.model.title}" has {count} {noun}; one number alone '
                "invites gaming",
                "add a key result that balances the first (quality beside speed, retention "
                "beside acquisition)",
                field="title",
            )
