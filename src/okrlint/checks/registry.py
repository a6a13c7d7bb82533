"""The board checks by rule id: every check module, listed here by hand.

Imported only when a board is linted afresh (a run whose boards all come from the
result cache never loads the reader or the checks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from okrlint.checks import (
    board_mostly_kpis,
    business_as_usual_objective,
    cycle_too_long,
    direction_mismatch,
    due_outside_cycle,
    key_result_without_owner,
    kpi_has_deadline,
    kpi_in_disguise,
    kpi_without_owner,
    kpi_without_threshold,
    missing_cycle,
    no_baseline,
    no_change,
    not_measurable,
    objective_without_key_results,
    output_not_outcome,
    red_kpi_without_okr,
    target_already_met,
    too_few_key_results,
    too_many_key_results,
    too_many_objectives,
    unit_mismatch,
    unknown_kpi,
)
from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard

Options = Mapping[str, Any]
Check = Callable[[UnderstoodBoard, Options], Iterator[Hit]]

#: Rules that judge one board at a time, in catalog order (RULES.md).
CHECKS: dict[str, Check] = {
    "kpi-in-disguise": kpi_in_disguise.check,
    "business-as-usual-objective": business_as_usual_objective.check,
    "no-change": no_change.check,
    "target-already-met": target_already_met.check,
    "board-mostly-kpis": board_mostly_kpis.check,
    "no-baseline": no_baseline.check,
    "not-measurable": not_measurable.check,
    "direction-mismatch": direction_mismatch.check,
    "output-not-outcome": output_not_outcome.check,
    "unit-mismatch": unit_mismatch.check,
    "missing-cycle": missing_cycle.check,
    "cycle-too-long": cycle_too_long.check,
    "due-outside-cycle": due_outside_cycle.check,
    "kpi-has-deadline": kpi_has_deadline.check,
    "too-many-objectives": too_many_objectives.check,
    "too-many-key-results": too_many_key_results.check,
    "too-few-key-results": too_few_key_results.check,
    "objective-without-key-results": objective_without_key_results.check,
    "kpi-without-threshold": kpi_without_threshold.check,
    "kpi-without-owner": kpi_without_owner.check,
    "key-result-without-owner": key_result_without_owner.check,
    "unknown-kpi": unknown_kpi.check,
    "red-kpi-without-okr": red_kpi_without_okr.check,
}
