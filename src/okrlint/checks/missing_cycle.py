"""missing-cycle: no cycle and no due date, so the bet never resolves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Applicability, Fix, Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "missing-cycle"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives that have no end: no board cycle, no due date on them or their KRs."""
    if board.model.cycle is not None:
        return
    today = dt.date.today()
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    for objective in board.objectives:
        if objective.model.due is not None:
            continue
        specs = [kr.spec for kr in objective.key_results]
        if specs and all(s is not None and s.due is not None for s in specs):
            continue  # every key result has its own end
        yield Hit(
            objective.path,
            f'objective "{objective.model.title}" never resolves: the board has no cycle and '
            "the objective no due date",
            f"add cycle: {quarter} (or the cycle you mean) at the top of the board, or due: on "
            "the objective",
            field="title",
            fix=Fix(
                f"add cycle: {quarter} at the top of the board (the current quarter)",
                Applicability.SUGGESTED,
                "set",
                (),
                (("cycle", quarter),),
            ),
        )
