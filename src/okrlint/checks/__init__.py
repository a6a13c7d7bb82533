"""The checks: one module per rule, listed here by hand (the registry is a constant).

A check reads an :class:`~okrlint.understanding.board.UnderstoodBoard` and yields
:class:`~okrlint.findings.Hit` values. It never knows its own severity, never reads
text itself (the reader did), and never imports another check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from okrlint.checks import (
    business_as_usual_objective,
    cycle_too_long,
    kpi_in_disguise,
    missing_cycle,
    no_baseline,
    no_change,
    not_measurable,
    objective_without_key_results,
    too_many_objectives,
)
from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard

Options = Mapping[str, Any]
Check = Callable[[UnderstoodBoard, Options], Iterator[Hit]]

#: Every rule id and its check, in the order rules are listed and run.
CHECKS: dict[str, Check] = {
    "kpi-in-disguise": kpi_in_disguise.check,
    "business-as-usual-objective": business_as_usual_objective.check,
    "no-change": no_change.check,
    "no-baseline": no_baseline.check,
    "not-measurable": not_measurable.check,
    "missing-cycle": missing_cycle.check,
    "cycle-too-long": cycle_too_long.check,
    "too-many-objectives": too_many_objectives.check,
    "objective-without-key-results": objective_without_key_results.check,
}

RULE_IDS: tuple[str, ...] = tuple(CHECKS)
