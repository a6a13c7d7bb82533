"""kpi-in-disguise: a goal that holds a level instead of moving it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final

from okrlint.findings import Applicability, Fix, Hit, RuleKind
from okrlint.positions import NodePath
from okrlint.understanding.meaning import Comparator, Hold, Intent

if TYPE_CHECKING:
    from okrlint.checks import Judged
    from okrlint.understanding.board import KeyResultView, KpiView

ID: Final = "kpi-in-disguise"
KIND: Final = RuleKind.BOARD


def check(board: Judged, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag objectives and key results that hold a level; note guard-rails on real bets."""
    taken = {k.model.id for k in board.kpis if k.model.id}  # KPI ids, new ones included
    last: dict[str, tuple[str, int]] = {}  # per slug, the last id made from it
    owner_of_board = board.model.owner
    for objective in board.objectives:
        if objective.meaning.holds:
            hold = objective.meaning.holds[0]
            yield Hit(
                objective.path,
                f'objective "{objective.model.title}" holds a level instead of changing anything: '
                f"{_what(hold)}",
                _kpi_hint(hold),
                field="title",
            )
        for kr in objective.key_results:
            m = kr.meaning
            owner = kr.owner or objective.model.owner or owner_of_board
            if board.verdict(kr) == ID and m.holds:
                hold = next((h for h in m.holds if h.level is not None), m.holds[0])
                kpi, same = _watching(board, kr, hold)
                if kpi is None:
                    hint = _kpi_hint(hold)
                    fix = _kpi_fix(hold, kr.path, owner, "move-to-kpis", taken, last)
                else:
                    hint, fix = _kept(kpi, same, kr.path, hold)
                yield Hit(
                    kr.path,
                    f'"{kr.text}" holds a level instead of moving it: {_what(hold)}',
                    hint,
                    field=kr.field,
                    fix=fix,
                )
            elif board.verdict(kr) == ID:
                yield Hit(
                    kr.path,
                    f'"{kr.text}" asks to keep things as they are; a key result moves a number',
                    "move it to kpis with a threshold, or rewrite it as a change: from X to Y",
                    field=kr.field,
                )
            for guard in m.guard_rails:
                kpi, same = _watching(board, kr, guard)
                if same:
                    continue  # the guard-rail is on the KPI list already: nothing to say
                # a new KPI needs an owner: with none on the board, adding one makes a defect
                fix = (
                    None
                    if kpi or not owner
                    else _kpi_fix(guard, kr.path, owner, "add-kpi", taken, last)
                )
                yield Hit(
                    kr.path,
                    f'a bet with a guard-rail: "{guard.text}" is a level to hold, not part of '
                    "the bet",
                    _kpi_hint(guard, "add it to kpis") if kpi is None else _on_kpis(kpi),
                    field=kr.field,
                    variant="guard-rail",
                    # the bet stays: adding its guard-rail to kpis is only ever suggested
                    fix=replace(fix, applicability=Applicability.SUGGESTED) if fix else None,
                )


def _what(hold: Hold) -> str:
    """ "gross churn < 4%", "missed payroll runs = 0", "a duty repeated every Friday"."""
    if hold.cadence and hold.level is None:
        return f"a duty repeated {hold.cadence} with no end"
    metric = hold.metric or "the level"
    if hold.level is None:
        return f"{metric} as it is"
    if hold.level.value == 0 and hold.comparator in (None, Comparator.EQ, Comparator.LE):
        return f"{metric} = 0"
    if hold.comparator is Comparator.RANGE and hold.upper is not None:
        return f"{metric} between {hold.level} and {hold.upper}"
    symbol = hold.comparator.value if hold.comparator not in (None, Comparator.EQ) else "at"
    return f"{metric} {symbol} {hold.level}"


def _watching(board: Judged, kr: KeyResultView, hold: Hold) -> tuple[KpiView | None, bool]:
    """The board's KPI that already watches what ``hold`` holds, and whether at the same
    threshold (one at the same threshold first); (None, False) when none does."""
    from okrlint.understanding.fields import watches  # the reader: loaded only to judge
    from okrlint.understanding.lexicon import lexicon

    lex = lexicon(kr.meaning.language)
    other: KpiView | None = None
    for kpi in board.kpis:
        same = watches(hold, kpi.model.name, kpi.id, kpi.threshold, lex)
        if same:
            return kpi, True
        if same is False and other is None:
            other = kpi
    return other, False


def _on_kpis(kpi: KpiView) -> str:
    threshold = f' (threshold "{kpi.threshold.text}")' if kpi.threshold else " (no threshold)"
    return f"kpis already has it: {kpi.id or kpi.model.name}{threshold}"


def _kept(kpi: KpiView, same: bool, path: NodePath, hold: Hold) -> tuple[str, Fix | None]:
    """The hint and fix for a hold the board's KPIs already watch: drop the key result
    when the KPI holds the same threshold; else only say so (which threshold is right
    is the team's call)."""
    ref = kpi.id or kpi.model.name
    if not same:
        settle = "settle one threshold there, and " if hold.threshold() else ""
        return f"{_on_kpis(kpi)}: {settle}drop this key result", None
    return _on_kpis(kpi), Fix(
        f"drop it: kpis already has it ({ref})",
        _applicability(hold),
        "drop",
        path,
        (("kpi", ref),),
    )


def _kpi_fix(
    hold: Hold,
    path: NodePath,
    owner: str | None,
    action: str,
    taken: set[str],
    last: dict[str, tuple[str, int]],
) -> Fix | None:
    """The KPI this hold becomes: safe to move when the text wrote its bound (or zero)."""
    threshold = hold.threshold()
    if hold.level is None or not hold.metric or not threshold:
        return None
    name = hold.metric[:1].upper() + hold.metric[1:]
    kpi_id = unique_id(name, taken, last)
    taken.add(kpi_id)
    values: list[tuple[str, str]] = [("id", kpi_id), ("name", name), ("threshold", threshold)]
    unit = hold.unit_text()
    if unit:
        values.append(("unit", unit))
    if owner:
        values.append(("owner", owner))
    shown = ", ".join(
        f'{k}: "{v}"' if k in ("threshold", "unit") else f"{k}: {v}" for k, v in values if k != "id"
    )
    verb = "move to kpis" if action == "move-to-kpis" else "add to kpis"
    return Fix(
        f"{verb}: {{{shown}}}",
        _applicability(hold),
        action,
        path,
        tuple(values),
    )


def _applicability(hold: Hold) -> Applicability:
    """Safe when the text wrote its bound (or zero); suggested when it was read into it."""
    zero = hold.level is not None and hold.level.value == 0
    written = hold.comparator not in (None, Comparator.EQ) or zero
    return Applicability.SAFE if written else Applicability.SUGGESTED


def unique_id(name: str, taken: set[str], last: dict[str, tuple[str, int]]) -> str:
    """A KPI id from its name: "Gross churn" → "gross-churn" (made unique on the board).

    ``taken`` only grows, so the search for a slug resumes where the last one ended
    (``last``): a board with a thousand holds of one metric tries each number once.
    """
    slug = "-".join(re.findall(r"[^\W_]+", name.lower())) or "kpi"
    candidate, n = last.get(slug, (slug, 2))
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    last[slug] = (candidate, n)
    return candidate


def _kpi_hint(hold: Hold, verb: str = "move it to kpis") -> str:
    if hold.cadence and hold.level is None:
        return (
            'track the duty as a KPI (e.g. the share done on time, threshold ">= 100", '
            'unit "%") and keep the board for bets'
        )
    name = hold.metric or "..."
    threshold = hold.threshold()
    if not threshold:
        return f"move it to kpis: {{name: {name}, threshold: ...}}, and bet on a change instead"
    unit = hold.unit_text()
    unit_part = f', unit: "{unit}"' if unit else ""
    return f'{verb}: {{name: {name}, threshold: "{threshold}"{unit_part}}}'


def applies(kr: KeyResultView) -> bool:
    """A key result that asks to hold a level (its verdict, unless an earlier rule wins)."""
    return kr.meaning.intent is Intent.HOLD
