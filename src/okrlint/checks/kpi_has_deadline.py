"""kpi-has-deadline: a KPI with an end date or a from-to target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.understanding.meaning import Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "kpi-has-deadline"
KIND: Final = RuleKind.BOARD

_HINT = "move the change to an objective as a key result; keep the KPI for its threshold"


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag KPIs that carry ``due``/``from``/``to``, or whose name reads as a bet with an end."""
    for kpi in board.kpis:
        model = kpi.model
        fields = [
            name
            for name, value in (("due", model.due), ("from", model.from_), ("to", model.to))
            if value is not None
        ]
        if fields:
            listed = ", ".join(fields)
            yield Hit(
                kpi.path,
                f'KPI "{model.name}" has {listed}: a vital sign has no end and no from-to',
                _HINT,
                field=fields[0] if fields[0] == "due" else None,
            )
            continue
        m = kpi.name_meaning
        full_change = m.intent is Intent.CHANGE and m.baseline is not None and m.target is not None
        if full_change or (m.intent is Intent.CHANGE and m.deadline and m.target is not None):
            yield Hit(
                kpi.path,
                f'KPI "{model.name}" reads as a bet ({m.evidence or "a change with an end"}), '
                "not a level to watch",
                _HINT,
                field="name",
            )
