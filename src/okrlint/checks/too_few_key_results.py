"""too-few-key-results: fewer key results on an objective than the minimum."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "too-few-key-results"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
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
