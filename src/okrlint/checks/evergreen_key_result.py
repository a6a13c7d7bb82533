"""evergreen-key-result: the same key result in three or more consecutive cycles."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.history import BoardTrace, GoalTrace, History, PlacedHit

#: How alike two key results' texts (amounts blanked) must be to count as the same.
SIMILARITY = 0.85


def same_goal(a: GoalTrace, b: GoalTrace) -> bool:
    """Same metric field, or near-identical text once amounts are blanked."""
    if a.metric is not None and a.metric == b.metric:
        return True
    if a.key == b.key:
        return bool(a.key)
    matcher = difflib.SequenceMatcher(None, a.key, b.key)
    return matcher.real_quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY


def check(history: History, options: Mapping[str, Any]) -> Iterator[PlacedHit]:
    """Report, on the latest board of each run, key results that keep coming back."""
    minimum = int(options["min-cycles"])
    for team, cycles in history.teams().items():
        previous: list[tuple[BoardTrace, GoalTrace, int, str]] = []
        for position, boards in enumerate(cycles):
            current: list[tuple[BoardTrace, GoalTrace, int, str]] = []
            for board in boards:
                for goal in board.key_results:
                    match = next((p for p in previous if same_goal(p[1], goal)), None)
                    run = match[2] + 1 if match is not None else 1
                    first = match[3] if match is not None else board.cycle.label
                    current.append((board, goal, run, first))
            following = cycles[position + 1] if position + 1 < len(cycles) else []
            for board, goal, run, first in current:
                if run < minimum or not board.report:
                    continue
                continues = any(same_goal(goal, g) for b in following for g in b.key_results)
                if continues:
                    continue  # reported at the end of the run
                yield PlacedHit(
                    board.file,
                    goal.span,
                    Hit(
                        goal.path,
                        f'"{goal.text}" has been on {team}\'s board for {run} cycles in a row '
                        f"({first} to {board.cycle.label}): a KPI that wandered onto the board",
                        "move it to kpis with a threshold and keep the board for this cycle's bets",
                    ),
                )
            previous = current
