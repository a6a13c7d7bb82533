"""direction-mismatch: the verb and the numbers disagree."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.understanding.meaning import Direction, Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView

ID: Final = "direction-mismatch"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose verb goes one way and whose numbers go the other."""
    for kr in board.judged_as(ID):
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


def applies(kr: KeyResultView) -> bool:
    """A change whose verb and numbers point different ways."""
    return kr.meaning.intent is Intent.CHANGE and kr.meaning.direction_clash
