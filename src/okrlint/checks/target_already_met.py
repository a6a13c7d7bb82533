"""target-already-met: the targeted KPI already reads at or beyond the target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.understanding.meaning import Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView

ID: Final = "target-already-met"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose KPI's current reading already meets their target."""
    for kr in board.judged_as(ID):
        kpi = kr.kpi
        if kpi is None:
            continue
        name = kpi.model.id or kpi.model.name
        yield Hit(
            kr.path,
            f'"{kr.text}" aims for {kr.meaning.target}, but KPI {name} already reads '
            f"{kpi.reading}: a guaranteed green",
            "set a target beyond today's reading, or drop the key result and keep the KPI",
            field=kr.field,
        )


def applies(kr: KeyResultView) -> bool:
    """A change whose targeted KPI already reads at or beyond the target."""
    return kr.meaning.intent is Intent.CHANGE and kr.target_already_met
