"""kpi-without-threshold: a KPI that cannot turn red."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "kpi-without-threshold"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag KPIs with no threshold, or one that cannot be read."""
    for kpi in board.kpis:
        if kpi.threshold is not None:
            continue
        raw = kpi.model.threshold
        name = kpi.model.name
        if raw is None:
            yield Hit(
                kpi.path,
                f'KPI "{name}" has no threshold: nothing can alert when it breaks',
                'add a threshold, e.g. threshold: "< 4" or {min: 99.9}',
                field="name",
            )
        elif isinstance(raw, (int, float)):
            yield Hit(
                kpi.path,
                f'KPI "{name}" has threshold {raw}, which does not say which side is healthy',
                f'write the comparison: threshold: "<= {raw}" or ">= {raw}"',
                field="threshold",
            )
        else:
            yield Hit(
                kpi.path,
                f'KPI "{name}" has a threshold okrlint cannot read ({raw})',
                'write it as "< 4", "<= 4", ">= 99.9", "95..99" or {min: ..., max: ...}',
                field="threshold",
            )
