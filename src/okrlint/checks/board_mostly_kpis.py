"""board-mostly-kpis: a third or more of the board is a dashboard."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "board-mostly-kpis"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Report the tally once per board when the share reaches ``share``."""
    share = float(options["share"])
    krs = board.key_results
    held = sum(1 for kr in krs if board.holds_level(kr))
    objectives = board.objectives
    job = sum(1 for o in objectives if o.meaning.business_as_usual or o.meaning.holds)
    parts = []
    if krs and held / len(krs) >= share - 1e-9:
        parts.append(f"{held} of {len(krs)} key results hold a level")
    if objectives and job / len(objectives) >= share - 1e-9:
        parts.append(f"{job} of {len(objectives)} objectives describe the job or a level")
    if not parts:
        return
    yield Hit(
        (),
        f"{' and '.join(parts)}: this board is a dashboard, not a strategy",
        "move the vital signs to kpis with thresholds; keep the board for the few bets that "
        "change something this cycle",
        field="objectives",
    )
