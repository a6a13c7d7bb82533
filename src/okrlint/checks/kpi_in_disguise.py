"""kpi-in-disguise: a goal that holds a level instead of moving it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard
from okrlint.understanding.key_results import Comparator, Hold


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives and key results that hold a level; note guard-rails on real bets."""
    for objective in board.objectives:
        if objective.meaning.holds:
            hold = objective.meaning.holds[0]
            yield Hit(
                objective.path,
                f'objective "{objective.model.title}" holds a level instead of changing anything: '
                f"{_what(hold)}",
                _kpi_hint(hold),
                field="title",
            )
        for kr in objective.key_results:
            m = kr.meaning
            if kr.verdict == "kpi-in-disguise" and m.holds:
                hold = m.holds[0]
                yield Hit(
                    kr.path,
                    f'"{kr.text}" holds a level instead of moving it: {_what(hold)}',
                    _kpi_hint(hold),
                    field=kr.field,
                )
            elif kr.verdict == "kpi-in-disguise":
                yield Hit(
                    kr.path,
                    f'"{kr.text}" asks to keep things as they are; a key result moves a number',
                    "move it to kpis with a threshold, or rewrite it as a change: from X to Y",
                    field=kr.field,
                )
            for guard in m.guard_rails:
                yield Hit(
                    kr.path,
                    f'a bet with a guard-rail: "{guard.text}" is a level to hold, not part of '
                    "the bet",
                    _kpi_hint(guard),
                    field=kr.field,
                    variant="guard-rail",
                )


def _what(hold: Hold) -> str:
    """ "gross churn < 4%", "missed payroll runs = 0", "a duty repeated every Friday"."""
    if hold.cadence and hold.level is None:
        return f"a duty repeated {hold.cadence} with no end"
    metric = hold.metric or "the level"
    if hold.level is None:
        return f"{metric} as it is"
    if hold.level.value == 0 and hold.comparator in (None, Comparator.EQ, Comparator.LE):
        return f"{metric} = 0"
    if hold.comparator is Comparator.RANGE and hold.upper is not None:
        return f"{metric} between {hold.level} and {hold.upper}"
    symbol = hold.comparator.value if hold.comparator not in (None, Comparator.EQ) else "at"
    return f"{metric} {symbol} {hold.level}"


def _kpi_hint(hold: Hold) -> str:
    if hold.cadence and hold.level is None:
        return (
            'track the duty as a KPI (e.g. the share done on time, threshold ">= 100", '
            'unit "%") and keep the board for bets'
        )
    name = hold.metric or "..."
    threshold = hold.threshold()
    if not threshold:
        return f"move it to kpis: {{name: {name}, threshold: ...}}, and bet on a change instead"
    unit = hold.unit_text()
    unit_part = f', unit: "{unit}"' if unit else ""
    return f'move it to kpis: {{name: {name}, threshold: "{threshold}"{unit_part}}}'
