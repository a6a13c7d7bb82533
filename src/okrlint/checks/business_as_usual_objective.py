"""business-as-usual-objective: an objective that describes the job, not a change."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "business-as-usual-objective"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives phrased as a job description ("Hit our sales targets")."""
    for objective in board.objectives:
        words = objective.meaning.business_as_usual
        if words and not objective.meaning.holds:
            yield Hit(
                objective.path,
                f'objective "{objective.model.title}" describes the job, not a change',
                "name what will be different at the end of the cycle; watch the running of the "
                "business as kpis",
                field="title",
            )
