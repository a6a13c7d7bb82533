"""A board's structured values: amounts with a ``unit`` field, and KPI thresholds.

:func:`parse_amount` reads a structured ``from``/``to``/``current`` (``"€0.6M"``, or
``6`` with ``unit: days``) and :func:`parse_unit` a ``unit`` field. A threshold is
the healthy range of a vital sign (``< 4``, ``>= 99.9``, ``95..99`` or ``{min,
max}``): :func:`parse_threshold` reads one in the KPI's unit, and
:meth:`Threshold.healthy` says whether a reading is inside. :func:`watches` says
whether a KPI already watches the level a key result holds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from okrlint.models import Kpi, ThresholdRange
from okrlint.understanding.lexicon import FUNCTION_WORDS, Lexicon
from okrlint.understanding.meaning import (
    CURRENCY_SYMBOLS,
    NO_UNIT,
    Hold,
    Quantity,
    Unit,
    UnitKind,
    format_amount,
)
from okrlint.understanding.metric import head_noun
from okrlint.understanding.numbers import read_quantities
from okrlint.understanding.tokens import Kind, tokenize

_COMPARISON = re.compile(r"^\s*(<=|>=|=<|=>|≤|≥|<|>|==|=)?\s*(.+?)\s*$")
_RANGE = re.compile(r"^\s*(.+?)\s*\.\.\s*(.+?)\s*$")
_NORMAL = {"=<": "<=", "=>": ">=", "≤": "<=", "≥": ">=", "==": "="}


@dataclass(frozen=True, slots=True)
class Threshold:
    """Healthy when ``low`` (inclusive unless ``low_open``) ≤ reading ≤ ``high``."""

    low: Quantity | None = None
    high: Quantity | None = None
    low_open: bool = False
    high_open: bool = False
    text: str = ""

    def healthy(self, reading: Quantity) -> bool | None:
        """Is ``reading`` inside the threshold? None when units cannot be compared."""
        for bound in (self.low, self.high):
            if bound is not None and not bound.unit.compatible(reading.unit):
                return None
        low, high = self.low, self.high
        if low is not None and (
            reading.value < low.value or (self.low_open and reading.same_amount(low))
        ):
            return False
        return not (
            high is not None
            and (reading.value > high.value or (self.high_open and reading.same_amount(high)))
        )

    @property
    def lower_is_better(self) -> bool | None:
        """A ceiling only ("< 4"): lower is better; a floor only: higher is better."""
        if self.high is not None and self.low is None:
            return True
        if self.low is not None and self.high is None:
            return False
        return None

    def describe(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{self.low}..{self.high}"
        if self.high is not None:
            return f"{'<' if self.high_open else '<='} {self.high}"
        if self.low is not None:
            return f"{'>' if self.low_open else '>='} {self.low}"
        return self.text

    def same_as(self, other: Threshold) -> bool:
        """The same healthy range: the same bounds, open or closed alike, in units that
        compare (``< 4`` with ``unit: "%"`` is "below 4%")."""
        return (
            _same_bound(self.low, other.low)
            and _same_bound(self.high, other.high)
            and (self.low_open, self.high_open) == (other.low_open, other.high_open)
        )


def _same_bound(a: Quantity | None, b: Quantity | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.unit.compatible(b.unit) and a.same_amount(b)


@lru_cache(maxsize=2048, typed=True)
def parse_threshold(value: object, unit: str | None, lex: Lexicon) -> Threshold | None:
    """Read a KPI's ``threshold`` field; None when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, ThresholdRange):
        low = _amount(value.min, unit, lex)
        high = _amount(value.max, unit, lex)
        if low is None and high is None:
            return None
        return Threshold(low=low, high=high, text=_range_text(value))
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        # a bare number names a level without saying which side is healthy
        return None
    text = str(value)
    m = _RANGE.match(text)
    if m is not None:
        low, high = _amount(m.group(1), unit, lex), _amount(m.group(2), unit, lex)
        if low is None or high is None:
            return None
        return Threshold(low=low, high=high, text=text)
    m = _COMPARISON.match(text)
    if m is None or m.group(1) is None:
        return None
    op = _NORMAL.get(m.group(1), m.group(1))
    amount = _amount(m.group(2), unit, lex)
    if amount is None:
        return None
    if op == "<":
        return Threshold(high=amount, high_open=True, text=text)
    if op == "<=":
        return Threshold(high=amount, text=text)
    if op == ">":
        return Threshold(low=amount, low_open=True, text=text)
    if op == ">=":
        return Threshold(low=amount, text=text)
    return Threshold(low=amount, high=amount, text=text)


def kpi_threshold(kpi: Kpi, lex: Lexicon) -> Threshold | None:
    return parse_threshold(kpi.threshold, kpi.unit, lex)


def kpi_reading(kpi: Kpi, lex: Lexicon) -> Quantity | None:
    return _amount(kpi.current, kpi.unit, lex)


def _amount(value: float | str | None, unit: str | None, lex: Lexicon) -> Quantity | None:
    if value is None:
        return None
    return parse_amount(value, unit, lex)


def _range_text(value: ThresholdRange) -> str:
    parts = []
    if value.min is not None:
        parts.append(f"min: {value.min}")
    if value.max is not None:
        parts.append(f"max: {value.max}")
    return "{" + ", ".join(parts) + "}"


@lru_cache(maxsize=4096, typed=True)  # typed: False is not 0
def parse_amount(value: float | str, unit_text: str | None, lex: Lexicon) -> Quantity | None:
    """Read a structured ``from``/``to`` value: a number, or text such as ``"€0.6M"``.

    ``unit_text`` (the item's ``unit`` field) applies when the value carries no unit:
    ``to: 6`` with ``unit: days`` is six days. Returns None for a value that is no
    amount (``"soon"``, a boolean, NaN or infinity).
    """
    unit, factor = parse_unit(unit_text, lex)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number) or not math.isfinite(number * factor):
            return None
        shown = _with_unit(format_amount(number), unit_text)
        return Quantity(number * factor, unit, shown, scale=factor)
    text = str(value).strip()
    tokens = tokenize(text, lex.space_groups)
    found = read_quantities(tokens, [t.low for t in tokens], lex)
    if not found:
        return None
    q = found[0]
    if q.unit.kind is UnitKind.NONE and unit_text:
        if q.scale == 1.0:
            q = replace(q, value=q.value * factor, scale=factor)
        q = q.with_unit(unit)
        text = _with_unit(text, unit_text)
    return replace(q, text=text, start=-1, end=-1, first=-1, last=-1)


def _with_unit(number: str, unit_text: str | None) -> str:
    """ "61" and "%" → "61%"; "20" and "£" → "£20"; "6" and "days" → "6 days"."""
    unit_text = (unit_text or "").strip()
    if not unit_text:
        return number
    if unit_text in CURRENCY_SYMBOLS:
        return f"{unit_text}{number}"
    return f"{number}{unit_text}" if unit_text in ("%", "pp") else f"{number} {unit_text}"


@lru_cache(maxsize=512)
def parse_unit(unit_text: str | None, lex: Lexicon) -> tuple[Unit, float]:
    """Read a ``unit`` field: ``%``, ``pp``, ``£``, ``EUR``, ``days``, or a free label.

    Returns the unit and the factor to its base (86400 for days: durations are seconds).
    """
    text = (unit_text or "").strip()
    if not text:
        return NO_UNIT, 1.0
    if text in CURRENCY_SYMBOLS:
        return Unit(UnitKind.CURRENCY, CURRENCY_SYMBOLS[text]), 1.0
    tokens = tokenize(f"1 {text}", lex.space_groups)
    probe = read_quantities(tokens, [t.low for t in tokens], lex)
    whole = probe[0] if probe and probe[0].last == len(tokens) else None
    if (
        whole is not None
        and whole.unit.kind is not UnitKind.LABEL
        and (whole.unit.kind is not UnitKind.NONE or whole.value != 1)
    ):
        return whole.unit, whole.value  # "days" → 86400; "k" → 1000
    return Unit(UnitKind.LABEL, text.lower()), 1.0


def watches(
    hold: Hold, name: str, kpi_id: str | None, threshold: Threshold | None, lex: Lexicon
) -> bool | None:
    """Does a KPI (its ``name``, ``id`` and ``threshold``) watch what ``hold`` holds?

    True: the same metric at the same threshold; False: the same metric at another
    threshold, or none; None: nothing says it is the same metric. The same metric is a
    name with the hold's metric words (case and function words aside: "Monthly churn"
    for "keep monthly churn below 4%") or an id spelled from them (``monthly-churn``);
    at the same threshold, also a name whose words hold the metric's, or are held by
    them, around the same head noun ("Monthly gross churn" and "churn below 4%").
    """
    if not hold.metric:
        return None
    metric, named = _metric_words(hold.metric, lex), _metric_words(name, lex)
    same = bool(metric) and (metric == named or _slug(kpi_id or "") == _slug(hold.metric))
    nested = bool(metric and named) and (set(metric) <= set(named) or set(named) <= set(metric))
    if not (same or nested):
        return None  # nothing says it is the same metric: its level need not be read
    ours = parse_threshold(hold.threshold() or None, hold.unit_text() or None, lex)
    same_level = ours is not None and threshold is not None and threshold.same_as(ours)
    if same:
        return same_level
    if same_level and head_noun(hold.metric, lex) == head_noun(name, lex):
        return True
    return None


@lru_cache(maxsize=1024)  # a board's KPI names, asked once for each hold
def _metric_words(text: str, lex: Lexicon) -> tuple[str, ...]:
    function_words = lex.table(FUNCTION_WORDS)
    return tuple(
        t.low for t in tokenize(text) if t.kind is Kind.WORD and t.low not in function_words
    )


def _slug(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", text.lower()))
