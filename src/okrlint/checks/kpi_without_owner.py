"""kpi-without-owner: a KPI with no owner."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "kpi-without-owner"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag KPIs with no owner."""
    for kpi in board.kpis:
        if not kpi.model.owner:
            yield Hit(
                kpi.path,
                f'KPI "{kpi.model.name}" has no owner: nobody reacts when it drifts',
                "add owner: with the team or person who answers for it",
                field="name",
            )
