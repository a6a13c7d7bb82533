"""output-not-outcome: a task, a deliverable, or a count of the team's own activity."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Applicability, Fix, Hit, RuleKind
from okrlint.understanding.meaning import Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView

ID: Final = "output-not-outcome"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag key results that measure work done rather than a result changed."""
    for kr in board.judged_as(ID):
        m = kr.meaning
        if m.intent is Intent.TASK:
            message = f'"{kr.text}" is a task or deliverable, not a change in a result'
        else:
            what = m.metric or "the team's own activity"
            message = f'"{kr.text}" counts the team\'s own activity ({what}), not a result'
        fix = None
        if m.intent is Intent.TASK:  # the work itself: it belongs with the initiatives
            fix = Fix(
                "move it to the objective's initiatives",
                Applicability.SUGGESTED,
                "move-to-initiatives",
                kr.path,
                (("title", kr.text),),
            )
        yield Hit(
            kr.path,
            message,
            "keep the work in the plan (initiatives:) and put the result it should change on "
            "the board: from X to Y",
            field=kr.field,
            fix=fix,
        )


def applies(kr: KeyResultView) -> bool:
    """A task, or a change that counts the team's own output."""
    m = kr.meaning
    return m.intent is Intent.TASK or (m.intent is Intent.CHANGE and m.output)
