"""no-baseline: a target with no starting value."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind
from okrlint.understanding.meaning import Comparator, Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView

ID: Final = "no-baseline"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results that name a target (or a relative change) but no baseline."""
    for kr in board.judged_as(ID):
        m = kr.meaning
        if m.target is not None:
            bound = _bound_words(m.bound)
            yield Hit(
                kr.path,
                f'"{kr.text}" sets a target ({bound}{m.target}) but no baseline',
                f'state the baseline: "from ? to {m.target}"'
                + (" (the from: field)" if kr.spec is not None else ""),
                field=kr.field,
            )
        elif m.relative is not None:
            yield Hit(
                kr.path,
                f'"{kr.text}" asks for a relative change ({m.relative}) without saying where '
                "the number starts",
                "state the baseline and the target it implies: from X to Y",
                field=kr.field,
                variant="relative",
            )


def _bound_words(bound: Comparator | None) -> str:
    return (
        {
            Comparator.LT: "under ",
            Comparator.LE: "at most ",
            Comparator.GT: "over ",
            Comparator.GE: "at least ",
        }.get(bound, "")
        if bound is not None
        else ""
    )


def applies(kr: KeyResultView) -> bool:
    """A change with a target or a step and no starting value, that is not a count from
    zero."""
    m = kr.meaning
    return m.intent is Intent.CHANGE and m.baseline is None and not m.from_zero and m.has_target
