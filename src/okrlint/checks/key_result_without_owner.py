"""key-result-without-owner: neither the key result nor its objective has an owner."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "key-result-without-owner"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results with no owner of their own and none on their objective."""
    for objective in board.objectives:
        if objective.model.owner:
            continue
        for kr in objective.key_results:
            if not kr.owner:
                yield Hit(
                    kr.path,
                    f'"{kr.text}" has no owner, and its objective has none either',
                    "add owner: to the objective, or to the key result as a mapping",
                    field=kr.field,
                )
