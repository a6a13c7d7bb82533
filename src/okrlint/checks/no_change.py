"""no-change: baseline equals target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView

ID: Final = "no-change"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose target equals their baseline."""
    for kr in board.judged_as(ID):
        m = kr.meaning
        if m.baseline is not None:
            yield Hit(
                kr.path,
                f'"{kr.text}" goes from {m.baseline} to {m.target}: nothing is meant to move',
                "set a target that differs from today, or move it to kpis with a threshold",
                field=kr.field,
            )


def applies(kr: KeyResultView) -> bool:
    """Baseline and target are the same amount."""
    return kr.meaning.moves_nothing
