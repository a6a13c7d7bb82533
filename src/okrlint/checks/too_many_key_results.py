"""too-many-key-results: more key results on an objective than the maximum."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "too-many-key-results"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives with more than ``max`` key results."""
    limit = int(options["max"])
    for objective in board.objectives:
        count = len(objective.key_results)
        if count > limit:
            yield Hit(
                objective.path,
                f'objective "{objective.model.title}" has {count} key results, more than {limit}',
                f"keep the {limit} numbers that best show it happened; watch the rest as kpis",
                field="title",
            )
