"""red-kpi-without-okr: a broken KPI that no key result targets."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "red-kpi-without-okr"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag KPIs whose reading breaks the threshold when no key result targets them."""
    targeted = {id(kr.kpi) for kr in board.key_results if kr.kpi is not None}
    for kpi in board.kpis:
        if not kpi.red or id(kpi) in targeted or kpi.threshold is None:
            continue
        name = kpi.model.name
        ref = kpi.model.id
        yield Hit(
            kpi.path,
            f'KPI "{name}" reads {kpi.reading}, outside its threshold '
            f"{kpi.threshold.describe()}, and no key result targets it",
            (
                f"decide: fix it within normal work, or bet on it with a key result (kpi: {ref})"
                if ref
                else "decide: fix it within normal work, or give it an id and bet on it"
            ),
            field="current",
        )
