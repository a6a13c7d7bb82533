"""target-already-met: the targeted KPI already reads at or beyond the target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results whose KPI's current reading already meets their target."""
    for kr in board.key_results:
        kpi = kr.kpi
        if kr.verdict != "target-already-met" or kpi is None:
            continue
        name = kpi.model.id or kpi.model.name
        yield Hit(
            kr.path,
            f'"{kr.text}" aims for {kr.meaning.target}, but KPI {name} already reads '
            f"{kpi.reading}: a guaranteed green",
            "set a target beyond today's reading, or drop the key result and keep the KPI",
            field=kr.field,
        )
