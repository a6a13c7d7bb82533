"""too-many-objectives: more objectives on one board than the maximum."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag a board with more than ``max`` objectives."""
    limit = int(options["max"])
    count = len(board.objectives)
    if count <= limit:
        return
    yield Hit(
        (),
        f"{count} objectives on one board, more than {limit}: nothing is a priority when "
        "everything is",
        f"keep the {limit} bets that matter most this cycle",
        field="objectives",
    )
