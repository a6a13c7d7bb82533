"""unit-mismatch: baseline and target in units that cannot be compared."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.understanding.meaning import Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView

ID: Final = "unit-mismatch"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose baseline and target are in incompatible units."""
    for kr in board.judged_as(ID):
        m = kr.meaning
        if m.baseline is None or m.target is None:
            continue
        yield Hit(
            kr.path,
            f'"{kr.text}" starts in {m.baseline.unit.describe()} ({m.baseline}) and ends in '
            f"{m.target.unit.describe()} ({m.target}): the two cannot be compared",
            "write the baseline and the target in the same unit",
            field=kr.field,
        )


def applies(kr: KeyResultView) -> bool:
    """A change whose baseline and target cannot be compared."""
    return kr.meaning.intent is Intent.CHANGE and kr.meaning.units_clash
