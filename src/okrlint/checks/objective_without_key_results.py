"""objective-without-key-results: an objective with no key results."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "objective-without-key-results"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives that have no key results."""
    for objective in board.objectives:
        if not objective.key_results:
            yield Hit(
                objective.path,
                f'objective "{objective.model.title}" has no key results: nothing says how '
                "anyone will know it happened",
                "add 2 to 5 key results, each moving a number from a baseline to a target",
                field="title",
            )
