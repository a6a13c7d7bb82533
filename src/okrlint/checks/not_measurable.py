"""not-measurable: no number and no target, and not a task."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.understanding.meaning import Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView

ID: Final = "not-measurable"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results that name nothing to measure."""
    for kr in board.judged_as(ID):
        m = kr.meaning
        if m.baseline is not None:
            message = f'"{kr.text}" states where the number starts ({m.baseline}) but no target'
            hint = f'add the target: "from {m.baseline} to ?"'
        else:
            message = f'"{kr.text}" names no number and no target'
            hint = "name the metric and where it should go: from X to Y by the end of the cycle"
        yield Hit(kr.path, message, hint, field=kr.field)


def applies(kr: KeyResultView) -> bool:
    """Nothing to measure: no target and no step."""
    return kr.meaning.intent is Intent.UNMEASURED
