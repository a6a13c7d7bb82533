"""Hover: what okrlint reads in a key result or a KPI, and what a rule id in a
suppression comment means.

A key result's reading is the reader's :class:`~okrlint.understanding.meaning.
KeyResultMeaning` put in words (:func:`word_reading`): "a bet: activation 61% → 75% by
2026-09-30", "holds a level: uptime ≥ 99.9%", "a task: ...". The board is read again
from the text under the cursor, as the checks read it (structured ``from``/``to`` win
over the title's numbers).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from okrlint.checks import META_RULES, RULE_IDS
from okrlint.positions import NodePath, Span
from okrlint.server.session import Linted
from okrlint.server.values import Hover, Place, Range

if TYPE_CHECKING:
    from okrlint.loader import LoadedBoard
    from okrlint.understanding.board import KeyResultView, KpiView, UnderstoodBoard
    from okrlint.understanding.meaning import Hold, KeyResultMeaning, Quantity

#: A suppression comment's rule list (YAML or Markdown), and one id in it.
SUPPRESSION = re.compile(
    r"(?:#|<!--)\s*okrlint:\s*(?:disable-next-line|disable-file|disable)\s*=\s*"
    r"(?P<rules>[A-Za-z0-9_,\s-]*)"
)
RULE_WORD = re.compile(r"[A-Za-z0-9_-]+")

_SYMBOLS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "="}


def hover(linted: Linted, place: Place) -> Hover | None:
    """The hover at ``place``: a rule id's summary in a suppression comment, else the
    reading of the key result or KPI under the cursor; None elsewhere."""
    found = rule_at(linted, place)
    if found is not None:
        rule, where = found
        text = rule_summary(linted, rule)
        return Hover(text, where) if text else None
    if linted.result is None:
        return None
    return _goal_hover(linted, place)


def rule_at(linted: Linted, place: Place) -> tuple[str, Range] | None:
    """The rule id under the cursor in a suppression comment, and its range."""
    index = linted.index
    line = index.line_text(place.line)
    column = index.column_at(place)
    for directive in SUPPRESSION.finditer(line):
        start = directive.start("rules")
        for word in RULE_WORD.finditer(directive.group("rules")):
            lo, hi = start + word.start(), start + word.end()
            if lo <= column <= hi:
                units = index.encoding.units
                where = Range(
                    Place(place.line, units(line[:lo])), Place(place.line, units(line[:hi]))
                )
                return word.group(), where
    return None


def rule_summary(linted: Linted, rule: str) -> str:
    """A rule's id, default severity and summary, in Markdown ("" for an unknown id)."""
    if rule in (*RULE_IDS, *META_RULES):
        from okrlint.catalog import load_rule_doc

        doc = load_rule_doc(rule)
        return (
            f"**{rule}** ({doc.severity.value})\n\n{doc.summary}\n\n"
            f"`okrlint explain {rule}` says why, with examples."
        )
    custom = linted.config.custom_rules if linted.config is not None else ()
    for house in custom:
        if house.id == rule:
            return f"**{rule}** ({house.severity.value}, a house rule)\n\n{house.message}"
    if rule.lower() == "all":
        return "**all**: every rule"
    return ""


# -- key results and KPIs ---------------------------------------------------------------


def _understood(linted: Linted) -> tuple[UnderstoodBoard, LoadedBoard] | None:
    from okrlint.loader import load_text
    from okrlint.understanding.board import understand

    config = linted.config
    if config is None:
        return None
    loaded = load_text(linted.text, linted.file, config.limits)
    if loaded.board is None:
        return None
    try:
        board = understand(
            loaded.board, linted.file, language=config.language, fiscal=config.fiscal_year
        )
    except Exception:  # a reader bug: no hover (the diagnostics say it)
        return None
    return board, loaded


def _goal_hover(linted: Linted, place: Place) -> Hover | None:
    understood = _understood(linted)
    if understood is None:
        return None
    board, loaded = understood
    index = linted.index
    offset = index.offset_at(place)
    goals: list[tuple[Span, KeyResultView | KpiView]] = [
        (_extent(loaded, kr.path), kr) for kr in board.key_results
    ]
    goals += [(_extent(loaded, kpi.path), kpi) for kpi in board.kpis]
    best: tuple[int, int, KeyResultView | KpiView] | None = None
    for span, goal in goals:
        lo, hi = index.offset_of(span.start), index.offset_of(span.end)
        while hi > lo and index.text[hi - 1].isspace():
            hi -= 1  # a block mapping ends where the next item starts
        if lo <= offset <= hi and (best is None or hi - lo < best[1] - best[0]):
            best = (lo, hi, goal)
    if best is None:
        return None
    lo, hi, goal = best
    from okrlint.understanding.board import KpiView

    text = _kpi_text(goal) if isinstance(goal, KpiView) else _kr_text(goal, board)
    return Hover(text, Range(index.place(lo), index.place(hi)))


def _extent(loaded: LoadedBoard, path: NodePath) -> Span:
    """All of a node, from its first character to its last (a mapping's lines too)."""
    node = loaded.tree.lookup(path)[1] if loaded.tree is not None else None
    if node is None:
        return loaded.span_of(path)
    return Span(node.start, node.end)


def _kr_text(kr: KeyResultView, board: UnderstoodBoard) -> str:
    due = None
    if kr.spec is not None and kr.spec.due is not None:
        due = kr.spec.due.isoformat()
    else:
        objective = board.objectives[kr.objective].model
        if objective.due is not None:
            due = objective.due.isoformat()
        elif board.cycle is not None:
            due = board.cycle.end.isoformat()
    text = f"**Key result**: {word_reading(kr.meaning, due)}"
    if kr.kpi is not None:
        text += f"\n\nIt moves the KPI {_kpi_name(kr.kpi)}."
    return text


def _kpi_name(kpi: KpiView) -> str:
    name = kpi.model.name
    return f"`{kpi.id}` ({name})" if kpi.id else name


def _kpi_text(kpi: KpiView) -> str:
    unit = kpi.model.unit or ""
    unit = unit if unit in ("%", "") else f" {unit}"
    watched = f"{kpi.threshold.text}{unit}" if kpi.threshold is not None else "no threshold"
    text = f"**KPI**: a vital sign, watched against a threshold: {kpi.model.name} {watched}"
    if kpi.reading is not None:
        text += f"; it reads {kpi.reading}" + (", outside its threshold" if kpi.red else "")
    return text


def _amount(q: Quantity) -> str:
    from okrlint.understanding.meaning import format_amount

    if math.isnan(q.value) or q.text:
        return q.text or str(q)
    return format_amount(q.value, q.unit)


def _hold(hold: Hold) -> str:
    from okrlint.understanding.meaning import Comparator

    metric = hold.metric or "the number"
    level = hold.level
    if level is None:
        return f"a duty repeated {hold.cadence}" if hold.cadence else metric
    if level.value == 0 and hold.comparator in (None, Comparator.EQ, Comparator.LE):
        return f"{metric} = 0"
    if hold.comparator is Comparator.RANGE and hold.upper is not None:
        return f"{metric} between {_amount(level)} and {_amount(hold.upper)}"
    symbol = _SYMBOLS.get(hold.comparator.value if hold.comparator else "", "at")
    return f"{metric} {symbol} {_amount(level)}"


def _holds(holds: tuple[Hold, ...]) -> str:
    levelled = [h for h in holds if h.level is not None] or list(holds)
    return ", ".join(dict.fromkeys(_hold(h) for h in levelled))


def word_reading(meaning: KeyResultMeaning, due: str | None = None) -> str:
    """A key result's reading in a line: what okrlint takes it to ask for."""
    from okrlint.understanding.meaning import Direction, Intent

    metric = meaning.metric or "the number"
    if meaning.intent is Intent.HOLD:
        return f"holds a level: {_holds(meaning.holds)}"
    if meaning.intent is Intent.TASK:
        return "a task: work to deliver, not a result that moves"
    if meaning.intent is Intent.UNMEASURED:
        return "nothing measurable: no number, no target"
    way = {Direction.UP: "up", Direction.DOWN: "down"}.get(meaning.direction or Direction.UP)
    way = way if meaning.direction is not None else None
    if meaning.baseline is not None and meaning.target is not None:
        text = f"a bet: {metric} {_amount(meaning.baseline)} → {_amount(meaning.target)}"
    elif meaning.target is not None:
        text = f"a bet: {metric} to {_amount(meaning.target)} (no baseline)"
    elif meaning.relative is not None:
        text = f"a bet: {metric} {way or 'moves'} by {_amount(meaning.relative)}"
    else:
        text = f"a bet: {metric} {way or 'moves'} (no target)"
    if due:
        text += f" by {due}"
    if meaning.guard_rails:
        text += f", keeping {_holds(meaning.guard_rails)}"
    if meaning.output:
        text += " (counts the team's own output)"
    return text
