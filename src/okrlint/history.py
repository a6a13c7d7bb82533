"""The goals-repository view: one team's boards over time, in cycle order.

Cross-cycle rules cannot look at one board alone. While boards are linted, each
leaves a small :class:`BoardTrace` (its team, cycle and key results with their
positions); the parsed tree is not kept, so memory stays small on large repos.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from okrlint.cycles import Cycle
from okrlint.findings import Hit
from okrlint.positions import NodePath, Span, pickled_by_fields

if TYPE_CHECKING:  # a history is read without the reader: records only
    from okrlint.loader import LoadedBoard
    from okrlint.understanding.board import UnderstoodBoard
    from okrlint.understanding.meaning import KeyResultMeaning

_AMOUNT = re.compile(r"[£$€¥₹]?\s?[-+]?\d[\d.,'\u00a0\u202f]*\s?(?:%|[a-zA-Z]{1,3}\b)?")
_NOISE = re.compile(r"[^\w#]+")


def normalize_goal(text: str) -> str:
    """Text with amounts blanked, for "near-identical" comparison across cycles."""
    blanked = _AMOUNT.sub(" # ", text.lower())
    return " ".join(_NOISE.sub(" ", blanked).split())


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class GoalTrace:
    """What cross-cycle rules need of one key result."""

    path: NodePath
    text: str
    key: str
    metric: str | None
    span: Span
    subject: str = ""  # the measured thing as the reader names it ("activation")

    def identities(self) -> tuple[str, ...]:
        """What makes two key results "the same" across cycles: the metric field, the
        measured subject, or the text with its amounts blanked."""
        out = [f"text:{self.key}"] if self.key else []
        if self.metric:
            out.append(f"metric:{self.metric.lower()}")
        if self.subject:
            out.append(f"subject:{self.subject}")
        return tuple(out)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ObjectiveTrace:
    """What cross-board rules need of one objective: its id and the parent it names."""

    path: NodePath
    id: str  # as written, else O1, O2, ... by position
    parent: str  # "" when it names none
    span: Span  # where its parent is written


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class BoardTrace:
    file: str
    team: str
    cycle: Cycle
    key_results: tuple[GoalTrace, ...]
    report: bool = True  # False for boards loaded only as history (not given to lint)
    objectives: tuple[ObjectiveTrace, ...] = ()


@dataclass(frozen=True, slots=True)
class PlacedHit:
    """A hit from a cross-board rule: it names its file and position itself."""

    file: str
    span: Span
    hit: Hit
    text: str = ""  # the judged item's words, for the finding's fingerprint
    node_line: int = 0


def _subject(meaning: KeyResultMeaning) -> str:
    """The reader's name for what a bet or a hold measures, normalized; "" for tasks."""
    from okrlint.understanding.meaning import Intent

    if meaning.intent not in (Intent.CHANGE, Intent.HOLD):
        return ""
    words = _NOISE.sub(" ", meaning.metric.lower()).split()
    return " ".join(words) if any(len(w) >= 3 for w in words) else ""


def team_of(board: UnderstoodBoard) -> str:
    """The board name, else the file name (boards of one team share it across cycles)."""
    return board.name


def trace(board: UnderstoodBoard, loaded: LoadedBoard, report: bool = True) -> BoardTrace | None:
    """The trace of a board, or None when it has no cycle to be ordered by."""
    if board.cycle is None:
        return None
    goals = tuple(
        GoalTrace(
            path=kr.path,
            text=kr.text,
            key=normalize_goal(kr.text),
            metric=kr.spec.metric if kr.spec is not None else None,
            span=loaded.span_of(kr.path, kr.field),
            subject=_subject(kr.meaning),
        )
        for kr in board.key_results
    )
    objectives = tuple(
        ObjectiveTrace(
            path=o.path,
            id=o.model.id or f"O{o.index + 1}",
            parent=(o.model.parent or "").strip(),
            span=loaded.span_of(o.path, "parent"),
        )
        for o in board.objectives
    )
    return BoardTrace(loaded.file, team_of(board), board.cycle, goals, report, objectives)


@dataclass(slots=True)
class History:
    """Boards grouped by team, each team's cycles in order (boards of one cycle together)."""

    boards: list[BoardTrace] = field(default_factory=list)

    def add(self, board: BoardTrace | None) -> None:
        if board is not None:
            self.boards.append(board)

    def teams(self) -> dict[str, list[list[BoardTrace]]]:
        grouped: dict[str, dict[tuple[object, ...], list[BoardTrace]]] = {}
        for board in self.boards:
            cycles = grouped.setdefault(board.team, {})
            cycles.setdefault((board.cycle.start, board.cycle.end), []).append(board)
        return {
            team: [sorted(boards, key=lambda b: b.file) for _, boards in sorted(cycles.items())]
            for team, cycles in sorted(grouped.items())
        }
