"""The checks: one module per rule, listed here by hand (the registries are constants).

A board check reads an :class:`~okrlint.understanding.board.UnderstoodBoard` and
yields :class:`~okrlint.findings.Hit` values; a history check reads the
:class:`~okrlint.history.History` of a goals repository and yields placed hits.
A check never knows its own severity, never reads text itself (the reader did),
and never imports another check.
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
    evergreen_key_result,
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
from okrlint.history import History, PlacedHit
from okrlint.understanding.board import UnderstoodBoard

Options = Mapping[str, Any]
Check = Callable[[UnderstoodBoard, Options], Iterator[Hit]]
HistoryCheck = Callable[[History, Options], Iterator[PlacedHit]]

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

#: Rules that compare a team's boards across cycles.
HISTORY_CHECKS: dict[str, HistoryCheck] = {
    "evergreen-key-result": evergreen_key_result.check,
}

_ORDER = (
    "kpi-in-disguise",
    "business-as-usual-objective",
    "no-change",
    "target-already-met",
    "evergreen-key-result",
    "board-mostly-kpis",
)

#: Ids okrlint prints that are not checks: they judge inline suppression comments.
META_RULES: tuple[str, ...] = ("unused-suppression", "unknown-rule-in-suppression")

#: Every rule id, in the catalog's order.
RULE_IDS: tuple[str, ...] = (
    *_ORDER,
    *(r for r in CHECKS if r not in _ORDER),
)
