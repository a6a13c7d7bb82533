"""What the reader hands on: amounts, levels to hold, and a key result's meaning.

These are the types the checks read. The reader (:mod:`~okrlint.understanding.reading`)
makes one :class:`KeyResultMeaning` per text; nothing here reads text, and nothing
here names a rule: which rule judges a meaning is the checks' business.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import StrEnum


class Intent(StrEnum):
    CHANGE = "change"
    HOLD = "hold"
    TASK = "task"
    UNMEASURED = "unmeasured"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class Comparator(StrEnum):
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    EQ = "="
    RANGE = ".."


# -- amounts ------------------------------------------------------------------------


class UnitKind(StrEnum):
    """The kind of an amount's unit; amounts of one kind compare (see Unit.compatible)."""

    NONE = "none"  # a plain count or score
    PERCENT = "percent"
    POINTS = "points"  # percentage points
    BPS = "bps"
    CURRENCY = "currency"
    DURATION = "duration"  # value in seconds
    MULTIPLE = "multiple"  # 2x
    LABEL = "label"  # "donors", "tickets": compared by text


SHARE_KINDS = frozenset({UnitKind.PERCENT, UnitKind.POINTS, UnitKind.BPS})


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: its kind, and for money or a counted noun, which one."""

    kind: UnitKind = UnitKind.NONE
    code: str = ""  # currency code ("GBP") or label text ("donors")

    def compatible(self, other: Unit) -> bool:
        """Can amounts in these units be compared? A bare number fits any unit."""
        a, b = self.kind, other.kind
        if UnitKind.NONE in (a, b):
            return True
        if a is UnitKind.LABEL and b is UnitKind.LABEL:
            return not _stems(self.code).isdisjoint(_stems(other.code))
        if UnitKind.LABEL in (a, b):
            return False  # "10 tickets" vs "40%": a label compares with counts only
        if {a, b} <= SHARE_KINDS:
            return True  # percent, percentage points and basis points share one scale
        if a is not b:
            return False
        if a is UnitKind.CURRENCY:
            codes = {self.code, other.code}
            # "$" is read as USD, but pesos and other dollars are written "$" too:
            # "de $18,000 a $24,000 MXN" is one currency
            return "" in codes or len(codes) == 1 or ("USD" in codes and codes <= _DOLLARS)
        return True

    def describe(self) -> str:
        """For messages: "GBP", "money", "donors", "percent"."""
        if self.kind is UnitKind.CURRENCY:
            return self.code or "money"
        if self.kind is UnitKind.LABEL:
            return self.code
        return self.kind.value


def _stems(word: str) -> set[str]:
    """The word and its possible singulars, roughly: "companies" → "company", "clientes"
    → "cliente", "Kunden" → "kunde", "bureaux" → "bureau". Labels are compared by these,
    whatever the language (a unit carries no language).
    """
    word = word.lower()
    out = {word}
    for suffix in ("ies", "es", "s", "en", "n", "e", "x"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.add(word[: -len(suffix)] + ("y" if suffix == "ies" else ""))
    return out


NO_UNIT = Unit()
PERCENT = Unit(UnitKind.PERCENT)
CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
#: The currencies written with a "$" sign (which is read as USD).
_DOLLARS = frozenset(
    {"USD", "MXN", "CAD", "AUD", "NZD", "SGD", "HKD", "ARS", "CLP", "COP", "UYU", "BRL"}
)
_CURRENCY_SIGNS = {code: sign for sign, code in CURRENCY_SYMBOLS.items()}


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount as written: its value in base units, its unit, and where it stood.

    Durations are in seconds and money in whole units (``£20k`` is 20000), so that
    ``72 hours`` and ``3 days`` compare. ``start``/``end`` are character offsets in
    the text (−1 for structured fields); ``per`` is a rate's period ("week").
    ``scale`` lets a bare number borrow its partner's size: "from 90 to 60 days".
    """

    value: float
    unit: Unit = NO_UNIT
    text: str = ""
    start: int = -1
    end: int = -1
    per: str = ""
    first: int = -1  # token indexes covered: [first, last)
    last: int = -1
    scale: float = 1.0  # the factor its words applied: 1000 for "20k", 86400 for "3 days"

    def with_unit(self, unit: Unit) -> Quantity:
        return replace(self, unit=unit)

    def with_text(self, text: str) -> Quantity:
        """This amount with its words (made directly: ``replace`` is slow, and every
        reading words its amounts)."""
        return Quantity(
            self.value,
            self.unit,
            text,
            self.start,
            self.end,
            self.per,
            self.first,
            self.last,
            self.scale,
        )

    def same_amount(self, other: Quantity) -> bool:
        return math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=1e-12)

    def __str__(self) -> str:
        return self.text or format_amount(self.value, self.unit)


def format_amount(value: float, unit: Unit = NO_UNIT) -> str:
    """Render an amount the way people write it: ``4%``, ``£20k``, ``36 hours``."""
    kind = unit.kind
    if kind is UnitKind.PERCENT:
        return f"{_number(value)}%"
    if kind is UnitKind.POINTS:
        return f"{_number(value)}pp"
    if kind is UnitKind.BPS:
        return f"{_number(value * 100)} bps"
    if kind is UnitKind.MULTIPLE:
        return f"{_number(value)}x"
    if kind is UnitKind.CURRENCY:
        sign = _CURRENCY_SIGNS.get(unit.code, "")
        for size, mark in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
            if abs(value) >= size and value % (size / 100) == 0:
                return f"{sign}{_number(value / size)}{mark}" + ("" if sign else f" {unit.code}")
        return f"{sign}{_number(value)}" + ("" if sign else f" {unit.code}".rstrip())
    if kind is UnitKind.DURATION:
        for size, name in ((86400, "days"), (3600, "hours"), (60, "min"), (1, "s")):
            if abs(value) >= size and value % size == 0:
                return f"{_number(value / size)} {name}"
        return f"{_number(value * 1000)} ms"
    if kind is UnitKind.LABEL:
        return f"{_number(value)} {unit.code}"
    return _number(value)


def _number(v: float) -> str:
    if not math.isfinite(v):
        return str(v)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"


def share_units(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    """ "61 to 75 percent", "from 90 to 60 days": a bare amount takes its partner's unit.

    A bare number also borrows its partner's size ("from 80 to 120k" is 80k) when
    that brings the two closer together ("from 500 to 2k" stays 500).
    """
    if a.unit.kind is UnitKind.NONE and b.unit.kind is not UnitKind.NONE:
        a = _borrow_scale(a, b).with_unit(b.unit)
    elif b.unit.kind is UnitKind.NONE and a.unit.kind is not UnitKind.NONE:
        b = _borrow_scale(b, a).with_unit(a.unit)
    elif a.unit.kind is b.unit.kind and a.unit.compatible(b.unit):
        a, b = _borrow_scale(a, b), _borrow_scale(b, a)
    return a, b


def _borrow_scale(q: Quantity, other: Quantity) -> Quantity:
    """``q`` scaled like ``other`` when it was written without a size of its own."""
    if q.scale != 1.0 or other.scale == 1.0 or q.value <= 0 or other.value <= 0:
        return q
    scaled = q.value * other.scale
    if abs(math.log(scaled / other.value)) < abs(math.log(q.value / other.value)):
        return replace(q, value=scaled, scale=other.scale)
    return q


# -- levels to hold -----------------------------------------------------------------

_COMPARATOR_WORDS = {
    Comparator.LT: "below",
    Comparator.LE: "at most",
    Comparator.GT: "above",
    Comparator.GE: "at least",
    Comparator.EQ: "at",
}


@dataclass(frozen=True, slots=True)
class Hold:
    """A level to hold: "below 4%", "zero missed payroll runs", "every Friday".

    ``comparator`` and ``level`` are None when the text names no level ("keep
    customers happy"); ``cadence`` is set for a duty repeated with no end.
    """

    comparator: Comparator | None
    level: Quantity | None
    metric: str
    text: str
    upper: Quantity | None = None
    cadence: str = ""
    lower_is_better: bool | None = None  # guessed from the metric when no bound is written

    def threshold(self) -> str:
        """The KPI threshold this hold would be: ``< 4``, ``>= 99.9``, ``95..99``."""
        if self.level is None or math.isnan(self.level.value):
            return ""  # no level, or one kept private ("below X%")
        value = format_amount(self.level.value, _bare(self.level.unit))
        if self.comparator is Comparator.RANGE and self.upper is not None:
            return f"{value}..{format_amount(self.upper.value, _bare(self.upper.unit))}"
        if self.comparator in (None, Comparator.EQ):
            if self.level.value == 0:
                return "<= 0"
            if self.lower_is_better is None:
                return value
            return f"{'<=' if self.lower_is_better else '>='} {value}"
        return f"{self.comparator.value} {value}"

    def unit_text(self) -> str:
        """The KPI ``unit`` this hold's level is in: "%", "seconds", "GBP", "donors"."""
        if self.level is None:
            return ""
        unit = self.level.unit
        if unit.kind is UnitKind.PERCENT:
            return "%"
        if unit.kind is UnitKind.DURATION:
            return "seconds"
        if unit.kind in (UnitKind.CURRENCY, UnitKind.LABEL):
            return unit.code
        return "" if unit.kind is UnitKind.NONE else unit.kind.value

    def describe(self) -> str:
        """In words, for messages: "below 4%", "zero", "every Friday", "at 99.9%"."""
        if self.cadence and self.level is None:
            return self.cadence
        if self.level is None:
            return ""
        if self.level.value == 0 and self.comparator in (None, Comparator.EQ, Comparator.LE):
            return "zero"
        shown = str(self.level)
        if self.comparator is Comparator.RANGE and self.upper is not None:
            return f"between {shown} and {self.upper}"
        word = _COMPARATOR_WORDS.get(self.comparator or Comparator.EQ, "at")
        return f"{word} {shown}"


def _bare(unit: Unit) -> Unit:
    """Units a threshold writes as a bare number (the KPI's ``unit`` carries the rest)."""
    if unit.kind in (UnitKind.PERCENT, UnitKind.LABEL, UnitKind.NONE):
        return NO_UNIT
    return unit


# -- a key result's meaning -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyResultMeaning:
    """What a goal's text asks for: a **change** (a number moves from a baseline to a
    target), to **hold** a level, a **task**, or nothing measurable (**unmeasured**)."""

    intent: Intent
    direction: Direction | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    bound: Comparator | None = None
    relative: Quantity | None = None
    from_zero: bool = False
    holds: tuple[Hold, ...] = ()
    output: bool = False
    metric: str = ""
    evidence: str = ""
    verb: str = ""
    deadline: bool = False
    language: str = "en"
    owner: str = ""  # who the text names as its owner: "Head of Growth", "@dana"

    @property
    def guard_rails(self) -> tuple[Hold, ...]:
        """Holds beside a real change: "... while keeping churn below 3%".

        An unmeasured bet ("Grow MRR while keeping churn below 3%") carries its holds
        too; they become guard-rails when structured numbers make it a change.
        """
        return self.holds if self.intent is Intent.CHANGE else ()

    @property
    def has_target(self) -> bool:
        """Does it name where the number should go (a target or a relative step)?"""
        return self.target is not None or self.relative is not None

    @property
    def moves_nothing(self) -> bool:
        """Baseline and target are the same amount: "from 95% to 95%"."""
        base, target = self.baseline, self.target
        return base is not None and target is not None and base.same_amount(target)

    @property
    def units_clash(self) -> bool:
        """Baseline and target in units that cannot be compared ("10 days to 40%")."""
        base, target = self.baseline, self.target
        return base is not None and target is not None and not base.unit.compatible(target.unit)

    def moves_up(self) -> bool | None:
        """Which way the numbers move (baseline → target); None when they do not say."""
        base, target = self.baseline, self.target
        if base is None or target is None or not base.unit.compatible(target.unit):
            return None
        if math.isnan(base.value) or math.isnan(target.value):
            return None  # a number kept private ("from X% to Y%") goes no known way
        if base.same_amount(target):
            return None
        return target.value > base.value

    @property
    def direction_clash(self) -> bool:
        """The verb says one way, the numbers the other ("reduce churn from 3% to 4%")."""
        up = self.moves_up()
        if up is None or self.direction is None:
            return False
        return up != (self.direction is Direction.UP)

    def with_numbers(self, baseline: Quantity | None, target: Quantity | None) -> KeyResultMeaning:
        """Apply structured ``from``/``to``: given fields win over the text."""
        base = baseline if baseline is not None else self.baseline
        goal = target if target is not None else self.target
        if base is not None and goal is not None:
            base, goal = share_units(base, goal)
        moves = base is not None and goal is not None and not base.same_amount(goal)
        if moves and self.intent is not Intent.CHANGE:
            # numbers that move make it a bet, whatever the title's wording; a held level
            # was the title's own ask, while an unmeasured bet's holds are its guard-rails
            return replace(
                self,
                intent=Intent.CHANGE,
                baseline=base,
                target=goal,
                holds=self.holds if self.intent is Intent.UNMEASURED else (),
                # a task named by its verb ("Launch ...") counts output; a bare noun
                # phrase with numbers that move ("Weekly active users") is the metric
                output=bool(self.verb) if self.intent is Intent.TASK else self.output,
                from_zero=False,
                bound=None,
            )
        intent = self.intent
        if goal is not None and intent in (Intent.UNMEASURED, Intent.TASK):
            intent = Intent.CHANGE
        from_zero = self.from_zero and base is None
        return replace(self, intent=intent, baseline=base, target=goal, from_zero=from_zero)
