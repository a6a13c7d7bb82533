"""The checks: one module per rule, listed here by hand (the registries are constants).

A board check reads an :class:`~okrlint.understanding.board.UnderstoodBoard` and
yields :class:`~okrlint.findings.Hit` values; a history check reads the
:class:`~okrlint.history.History` of a goals repository and yields placed hits.
A check never knows its own severity, never reads text itself (the reader did),
and never imports another check.

The board checks are registered in :mod:`okrlint.checks.registry`, imported only
when a board is linted afresh; this module stays light (a run served from the result
cache needs only the ids and the cross-cycle rules).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from okrlint.checks import evergreen_key_result
from okrlint.history import History, PlacedHit

Options = Mapping[str, Any]
HistoryCheck = Callable[[History, Options], Iterator[PlacedHit]]

#: Rules that compare a team's boards across cycles.
HISTORY_CHECKS: dict[str, HistoryCheck] = {
    "evergreen-key-result": evergreen_key_result.check,
}

#: Ids okrlint prints that are not checks: they judge inline suppression comments.
META_RULES: tuple[str, ...] = ("unused-suppression", "unknown-rule-in-suppression")

#: Every rule id, in the catalog's order (RULES.md); a test holds it to the registries.
RULE_IDS: tuple[str, ...] = (
    "kpi-in-disguise",
    "business-as-usual-objective",
    "no-change",
    "target-already-met",
    "evergreen-key-result",
    "board-mostly-kpis",
    "no-baseline",
    "not-measurable",
    "direction-mismatch",
    "output-not-outcome",
    "unit-mismatch",
    "missing-cycle",
    "cycle-too-long",
    "due-outside-cycle",
    "kpi-has-deadline",
    "too-many-objectives",
    "too-many-key-results",
    "too-few-key-results",
    "objective-without-key-results",
    "kpi-without-threshold",
    "kpi-without-owner",
    "key-result-without-owner",
    "unknown-kpi",
    "red-kpi-without-okr",
)
