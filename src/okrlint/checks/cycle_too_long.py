"""cycle-too-long: a cycle longer than the configured maximum."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "cycle-too-long"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag a board whose cycle lasts longer than ``max-days``."""
    cycle = board.cycle
    limit = int(options["max-days"])
    if cycle is None or cycle.days <= limit:
        return
    yield Hit(
        (),
        f"cycle {cycle.label} lasts {cycle.days} days, longer than {limit}: an annual bet is "
        "usually a KPI",
        "use quarterly cycles (e.g. 2026-Q3) and keep year-long levels as kpis",
        field="cycle",
    )
