"""unknown-parent: an objective's parent names no objective of the boards linted.

A parent is written ``<board name>#<objective id>`` ("Company#O2"); ``/`` is read the
same ("Company/O2").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.history import BoardTrace, History, ObjectiveTrace, PlacedHit

ID: Final = "unknown-parent"
KIND: Final = RuleKind.HISTORY


def check(history: History, options: Mapping[str, Any]) -> Iterator[PlacedHit]:
    """Resolve every ``parent: Board#objective-id`` against the boards of the run.

    A parent that names a board the run never saw is reported only when the run saw
    other teams' boards (a folder walk): linting one team's file alone (pre-commit)
    cannot tell a missing board from one it was not given.
    """
    boards: dict[str, list[BoardTrace]] = {}
    for board in history.boards:
        boards.setdefault(board.team.strip().lower(), []).append(board)
    walked = len(boards) > 1
    for board in history.boards:
        if not board.report:
            continue
        for objective in board.objectives:
            if objective.parent:
                problem = _problem(objective.parent, board, boards, walked)
                if problem is not None:
                    yield _placed(board, objective, *problem)


def _problem(
    parent: str, board: BoardTrace, boards: dict[str, list[BoardTrace]], walked: bool
) -> tuple[str, str] | None:
    """(message, hint) when ``parent`` resolves to no objective; None when it does."""
    mark = "#" if "#" in parent else "/"
    name, found, wanted = (part.strip() for part in parent.rpartition(mark))
    if not found or not name or not wanted:
        return (
            f"parent {parent!r} names no objective",
            "write it as board#objective-id, e.g. Company#O2",
        )
    targets = boards.get(name.lower())
    if targets is None:
        if not walked:
            return None  # the board may exist outside the files given
        names = sorted({b.team for bs in boards.values() for b in bs})
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"did you mean {close[0]}#{wanted}?" if close else f"boards seen: {', '.join(names)}"
        return (f"parent {parent!r} names board {name!r}, which is not among the boards", hint)
    same_cycle = [t for t in targets if t.cycle == board.cycle] or targets
    ids = sorted({o.id for t in same_cycle for o in t.objectives})
    if wanted.lower() in {i.lower() for i in ids}:
        return None
    return (
        f"parent {parent!r}: board {targets[0].team!r} has no objective {wanted!r}",
        f"its objectives: {', '.join(ids)}" if ids else "that board has no objectives",
    )


def _placed(board: BoardTrace, objective: ObjectiveTrace, message: str, hint: str) -> PlacedHit:
    return PlacedHit(
        board.file,
        objective.span,
        Hit(objective.path, message, hint),
        objective.parent,
        objective.span.start.line,
    )
