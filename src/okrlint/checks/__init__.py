"""The rules: one module per rule, and the verdict chain that places the text rules.

Each rule module declares itself once: its ``ID`` (the rule id, also its doc file
``rules/<id>.yaml`` and, with underscores, its module name), its ``KIND`` (what its
``check`` reads: one board, or a goals repository's history) and its ``check``. The
registry below, the list of rule ids, configuration checks, ``okrlint explain`` and
``okrlint init`` all derive from these modules. A rule module imports only light
modules at run time (types of the reader under ``TYPE_CHECKING``), so a run served
from the result cache reads this registry without loading the reader.

The text rules judge each key result's meaning, and a key result gets one verdict
(RULES.md: the first that applies wins). :data:`VERDICT_CHAIN` holds their order, and
:class:`Judged` applies it over the *selected* rules: with ``kpi-in-disguise``
ignored, "Keep NPS from 45 to 45" is judged by ``no-change``.

A check never knows its own severity, never reads text itself (the reader did), and
never imports another check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

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
    unknown_parent,
)
from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.cycles import Cycle
    from okrlint.history import History, PlacedHit
    from okrlint.models import Board
    from okrlint.positions import NodePath
    from okrlint.understanding.board import (
        KeyResultView,
        KpiView,
        ObjectiveView,
        UnderstoodBoard,
    )

Options = Mapping[str, Any]
BoardCheck = Callable[["Judged", Options], Iterator[Hit]]
HistoryCheck = Callable[["History", Options], Iterator["PlacedHit"]]

#: Every rule module, in the catalog's order (RULES.md).
MODULES: tuple[ModuleType, ...] = (
    kpi_in_disguise,
    business_as_usual_objective,
    no_change,
    target_already_met,
    evergreen_key_result,
    board_mostly_kpis,
    no_baseline,
    not_measurable,
    direction_mismatch,
    output_not_outcome,
    unit_mismatch,
    missing_cycle,
    cycle_too_long,
    due_outside_cycle,
    kpi_has_deadline,
    too_many_objectives,
    too_many_key_results,
    too_few_key_results,
    objective_without_key_results,
    kpi_without_threshold,
    kpi_without_owner,
    key_result_without_owner,
    unknown_kpi,
    red_kpi_without_okr,
    unknown_parent,
)

#: The text rules in the order they claim a key result (RULES.md, "first match wins").
VERDICT_CHAIN: tuple[ModuleType, ...] = (
    kpi_in_disguise,
    no_change,
    target_already_met,
    unit_mismatch,
    direction_mismatch,
    output_not_outcome,
    not_measurable,
    no_baseline,
)

#: The verdicts that count a key result as a level held, not a bet: what
#: ``board-mostly-kpis`` tallies and the health report calls disguised.
LEVEL_RULES: tuple[ModuleType, ...] = (kpi_in_disguise, no_change, target_already_met)


def _registered(module: ModuleType) -> str:
    """A module's rule id, checked against its module name (one name, two spellings)."""
    rule_id = str(module.ID)
    if module.__name__.rpartition(".")[2] != rule_id.replace("-", "_"):
        raise ImportError(f"{module.__name__} declares rule id {rule_id!r}")
    if not isinstance(module.KIND, RuleKind) or not callable(module.check):
        raise ImportError(f"{module.__name__} must declare KIND and check")
    return rule_id


#: Every rule id, in catalog order.
RULE_IDS: tuple[str, ...] = tuple(_registered(m) for m in MODULES)
#: Ids okrlint prints that are not checks: they judge inline suppression comments (the
#: policy step, :mod:`okrlint.policy`, reports them).
UNUSED: Final = "unused-suppression"
UNKNOWN: Final = "unknown-rule-in-suppression"
META_RULES: tuple[str, ...] = (UNUSED, UNKNOWN)
#: Rules that judge one board at a time.
BOARD_CHECKS: dict[str, BoardCheck] = {m.ID: m.check for m in MODULES if m.KIND is RuleKind.BOARD}
#: Rules that compare a team's boards across cycles.
HISTORY_CHECKS: dict[str, HistoryCheck] = {
    m.ID: m.check for m in MODULES if m.KIND is RuleKind.HISTORY
}
LEVEL_RULE_IDS: frozenset[str] = frozenset(m.ID for m in LEVEL_RULES)
_CHAIN_IDS = frozenset(m.ID for m in VERDICT_CHAIN)
_CHAIN: tuple[tuple[str, Callable[[KeyResultView], bool]], ...] = tuple(
    (m.ID, m.applies) for m in VERDICT_CHAIN
)


def verdict(kr: KeyResultView, selected: frozenset[str] | None = None) -> str | None:
    """The text rule that judges ``kr``: the first of the chain, among the ``selected``
    rules (None: every rule), whose ``applies`` holds."""
    for rule_id, applies in _CHAIN:
        if (selected is None or rule_id in selected) and applies(kr):
            return rule_id
    return None


class Judged:
    """A board as the checks see it: the understood board, and each key result's verdict
    among the selected rules (worked out once, on first asking)."""

    __slots__ = ("_by_rule", "_key_results", "_verdicts", "selected", "understood")

    def __init__(self, understood: UnderstoodBoard, selected: frozenset[str] | None = None):
        self.understood = understood
        self.selected = selected
        self._key_results = understood.key_results
        self._verdicts: dict[NodePath, str | None] | None = None
        self._by_rule: dict[str | None, list[KeyResultView]] = {}

    def _judge(self) -> dict[NodePath, str | None]:
        if self._verdicts is None:
            self._verdicts = {}
            for kr in self._key_results:
                rule_id = verdict(kr, self.selected)
                self._verdicts[kr.path] = rule_id
                self._by_rule.setdefault(rule_id, []).append(kr)
        return self._verdicts

    def verdict(self, kr: KeyResultView) -> str | None:
        """The one text rule that judges ``kr`` (None: a well-formed bet, or not selected)."""
        return self._judge().get(kr.path)

    def judged_as(self, rule_id: str) -> list[KeyResultView]:
        """The key results whose verdict is ``rule_id``, in board order."""
        self._judge()
        return self._by_rule.get(rule_id, [])

    def holds_level(self, kr: KeyResultView) -> bool:
        """Does ``kr`` hold a level instead of moving it, whatever rules are selected?"""
        if self.selected is None or self.selected >= _CHAIN_IDS:
            return self.verdict(kr) in LEVEL_RULE_IDS  # every text rule runs: the same
        return verdict(kr) in LEVEL_RULE_IDS

    # the understood board's parts, as checks read them
    @property
    def file(self) -> str:
        return self.understood.file

    @property
    def name(self) -> str:
        return self.understood.name

    @property
    def model(self) -> Board:
        """The board as loaded (its fields as written)."""
        return self.understood.board

    @property
    def cycle(self) -> Cycle | None:
        return self.understood.cycle

    @property
    def objectives(self) -> tuple[ObjectiveView, ...]:
        return self.understood.objectives

    @property
    def key_results(self) -> tuple[KeyResultView, ...]:
        return self._key_results

    @property
    def kpis(self) -> tuple[KpiView, ...]:
        return self.understood.kpis
