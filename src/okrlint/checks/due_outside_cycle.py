"""due-outside-cycle: a due date outside the board's cycle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.cycles import Cycle
from okrlint.findings import Hit, RuleKind
from okrlint.positions import NodePath

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "due-outside-cycle"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives and key results due before the cycle starts or after it ends."""
    cycle = board.cycle
    if cycle is None:
        return
    for objective in board.objectives:
        yield from _check_due(objective.path, objective.model.due, cycle, "objective")
        for kr in objective.key_results:
            if kr.spec is not None:
                yield from _check_due(kr.path, kr.spec.due, cycle, "key result")


def _check_due(path: NodePath, due: dt.date | None, cycle: Cycle, what: str) -> Iterator[Hit]:
    if due is None or cycle.contains(due):
        return
    when = "before the cycle starts" if due < cycle.start else "after the cycle ends"
    yield Hit(
        path,
        f"the {what} is due {due.isoformat()}, {when} ({cycle.label}: "
        f"{cycle.start.isoformat()} to {cycle.end.isoformat()})",
        "move it to the board of the cycle it resolves in, or fix the date",
        field="due",
    )
