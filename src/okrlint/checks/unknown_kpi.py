"""unknown-kpi: a key result's kpi names no KPI of the board."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Applicability, Fix, Hit, RuleKind

if TYPE_CHECKING:
    from okrlint.checks import Judged

ID: Final = "unknown-kpi"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag ``kpi:`` references that match no KPI id on the board."""
    ids = [kpi.model.id for kpi in board.kpis if kpi.model.id is not None]
    for kr in board.key_results:
        ref = kr.spec.kpi if kr.spec is not None else None
        if ref is None or ref in ids:
            continue
        close = difflib.get_close_matches(ref, ids, n=1)
        fix = None
        if close:
            hint = f"did you mean kpi: {close[0]}?"
            fix = Fix(
                f"set kpi: {close[0]}",
                Applicability.SUGGESTED,
                "set",
                kr.path,
                (("kpi", close[0]),),
            )
        elif ids:
            hint = f"KPI ids on this board: {', '.join(ids)}"
        else:
            hint = "add the KPI to the board's kpis: with this id"
        yield Hit(
            kr.path,
            f'"{kr.text}" names kpi: {ref}, which is not on this board',
            hint,
            field="kpi",
            fix=fix,
        )
