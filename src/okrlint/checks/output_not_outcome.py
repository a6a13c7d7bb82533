"""output-not-outcome: a task, a deliverable, or a count of the team's own activity."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from okrlint.findings import Hit
from okrlint.understanding.board import UnderstoodBoard
from okrlint.understanding.key_results import Intent


def check(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results that measure work done rather than a result changed."""
    for kr in board.key_results:
        if kr.verdict != "output-not-outcome":
            continue
        m = kr.meaning
        if m.intent is Intent.TASK:
            message = f'"{kr.text}" is a task or deliverable, not a change in a result'
        else:
            what = m.metric or "the team's own activity"
            message = f'"{kr.text}" counts the team\'s own activity ({what}), not a result'
        yield Hit(
            kr.path,
            message,
            "keep the work in the plan and put the result it should change on the board: "
            "from X to Y",
            field=kr.field,
        )
