"""evergreen-key-result: the same key result in three or more consecutive cycles."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.history import BoardTrace, GoalTrace, History, PlacedHit

ID: Final = "evergreen-key-result"
KIND: Final = RuleKind.HISTORY


def check(history: History, options: Mapping[str, Any]) -> Iterator[PlacedHit]:
    """Report, on the latest board of each run, key results that keep coming back."""
    minimum = int(options["min-cycles"])
    for team, cycles in history.teams().items():
        # identity -> (length of the run ending in the previous cycle, its first cycle)
        previous: dict[str, tuple[int, str]] = {}
        for position, boards in enumerate(cycles):
            current: dict[str, tuple[int, str]] = {}
            runs: list[tuple[BoardTrace, GoalTrace, int, str]] = []
            for board in boards:
                for goal in board.key_results:
                    found = [previous[i] for i in goal.identities() if i in previous]
                    run, first = max(found) if found else (0, board.cycle.label)
                    run += 1
                    runs.append((board, goal, run, first))
                    for identity in goal.identities():
                        if current.get(identity, (0, ""))[0] < run:
                            current[identity] = (run, first)
            next_boards = cycles[position + 1] if position + 1 < len(cycles) else []
            following = {i for b in next_boards for g in b.key_results for i in g.identities()}
            for board, goal, run, first in runs:
                if run < minimum or not board.report:
                    continue
                if not following.isdisjoint(goal.identities()):
                    continue  # the run goes on: reported at its end
                yield PlacedHit(
                    board.file,
                    goal.span,
                    Hit(
                        goal.path,
                        f'"{goal.text}" has been on {team}\'s board for {run} cycles in a row '
                        f"({first} to {board.cycle.label}): a KPI that wandered onto the board",
                        "move it to kpis with a threshold and keep the board for this cycle's bets",
                    ),
                    goal.text,
                    goal.span.start.line,
                )
            previous = current
