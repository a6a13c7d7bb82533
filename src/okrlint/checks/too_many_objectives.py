"""too-many-objectives: more objectives on one board than the maximum."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "too-many-objectives"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
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
