"""Amounts with units: ``61%``, ``£20k``, ``72 hours``, ``3h 10min``, ``1.200 €``, ``x2``.

:func:`read_quantities` finds every amount in a token list; :func:`parse_amount`
reads one structured value (``from: "€0.6M"``, ``to: 6`` with ``unit: days``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from okrlint.understanding.lexicon import Lexicon
from okrlint.understanding.tokens import Kind, Token, tokenize


class UnitKind(StrEnum):
    NONE = "none"  # a plain count or score
    PERCENT = "percent"
    POINTS = "points"  # percentage points
    BPS = "bps"
    CURRENCY = "currency"
    DURATION = "duration"  # value in seconds
    MULTIPLE = "multiple"  # 2x
    LABEL = "label"  # "donors", "tickets": compared by text


@dataclass(frozen=True, slots=True)
class Unit:
    kind: UnitKind = UnitKind.NONE
    code: str = ""  # currency code ("GBP") or label text ("donors")

    def compatible(self, other: Unit) -> bool:
        """Can amounts in these units be compared? A bare number fits any unit."""
        a, b = self.kind, other.kind
        if UnitKind.NONE in (a, b):
            return True
        if a is UnitKind.LABEL and b is UnitKind.LABEL:
            return _same_label(self, other)
        if UnitKind.LABEL in (a, b):
            return False  # "10 tickets" vs "40%": a label compares with counts only
        if {a, b} <= {UnitKind.PERCENT, UnitKind.POINTS}:
            return True
        if a is not b:
            return False
        if a is UnitKind.CURRENCY:
            return not self.code or not other.code or self.code == other.code
        return True

    def describe(self) -> str:
        if self.kind is UnitKind.CURRENCY:
            return self.code or "money"
        if self.kind is UnitKind.LABEL:
            return self.code
        return self.kind.value


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _same_label(a: Unit, b: Unit) -> bool:
    return _stem(a.code) == _stem(b.code)


NO_UNIT = Unit()
PERCENT = Unit(UnitKind.PERCENT)


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount as written: its value in base units, its unit, and where it stood.

    Durations are in seconds and money in whole units (``£20k`` is 20000), so that
    ``72 hours`` and ``3 days`` compare. ``start``/``end`` are character offsets in
    the text (−1 for structured fields); ``per`` is a rate's period ("week").
    """

    value: float
    unit: Unit = NO_UNIT
    text: str = ""
    start: int = -1
    end: int = -1
    per: str = ""
    first: int = -1  # token indexes covered: [first, last)
    last: int = -1

    def with_unit(self, unit: Unit) -> Quantity:
        return replace(self, unit=unit)

    def same_amount(self, other: Quantity) -> bool:
        return math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=1e-12)

    def __str__(self) -> str:
        return self.text or format_amount(self.value, self.unit)


_CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
_CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}
_ORDINALS = frozenset({"st", "nd", "rd", "th", "er", "e", "te", "ten", "º", "ª", "o", "a"})


def format_amount(value: float, unit: Unit = NO_UNIT) -> str:
    """Render an amount the way people write it: ``4%``, ``£20k``, ``36 hours``."""

    def num(v: float) -> str:
        if v == int(v) and abs(v) < 1e15:
            return str(int(v))
        return f"{v:.6g}"

    kind = unit.kind
    if kind is UnitKind.PERCENT:
        return f"{num(value)}%"
    if kind is UnitKind.POINTS:
        return f"{num(value)}pp"
    if kind is UnitKind.BPS:
        return f"{num(value)} bps"
    if kind is UnitKind.MULTIPLE:
        return f"{num(value)}x"
    if kind is UnitKind.CURRENCY:
        sign = _CURRENCY_SIGNS.get(unit.code, "")
        for size, mark in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
            if abs(value) >= size and value % (size / 100) == 0:
                return f"{sign}{num(value / size)}{mark}" + ("" if sign else f" {unit.code}")
        return f"{sign}{num(value)}" + ("" if sign else f" {unit.code}".rstrip())
    if kind is UnitKind.DURATION:
        for size, name in ((86400, "days"), (3600, "hours"), (60, "min"), (1, "s")):
            if abs(value) >= size and value % size == 0:
                return f"{num(value / size)} {name}"
        return f"{num(value * 1000)} ms"
    if kind is UnitKind.LABEL:
        return f"{num(value)} {unit.code}"
    return num(value)


def parse_number(digits: str, lexicon: Lexicon) -> float | None:
    """Read ``1,200.5`` / ``1.200,5`` / ``2,5`` / ``1'000`` by the language's conventions.

    A separator followed by exactly three digits is a thousands separator when it is
    the language's; any other separator is the decimal point (lenient: ``2,5`` reads
    as 2.5 even in English, ``99.9`` as 99.9 in German).
    """
    clean = digits.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    parts: list[str] = []
    seps: list[str] = []
    current = ""
    for ch in clean:
        if ch.isdigit():
            current += ch
        else:
            parts.append(current)
            seps.append(ch)
            current = ""
    parts.append(current)
    if not seps:
        return float(parts[0])
    integer = parts[0]
    decimal = ""
    for sep, group in zip(seps, parts[1:], strict=True):
        if decimal:
            return None  # "1.2.3" after a decimal point: not a number
        if sep == " " or (len(group) == 3 and sep == lexicon.thousands):
            integer += group
        elif len(group) == 3 and sep != lexicon.decimal and len(seps) > 1 and sep == seps[0]:
            integer += group  # "1.200.000" in English text: clearly grouping
        else:
            decimal = group
    try:
        return float(f"{integer}.{decimal}" if decimal else integer)
    except ValueError:  # pragma: no cover - digits only
        return None


def _word_at(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].low if 0 <= i < len(tokens) else ""


def read_quantities(tokens: Sequence[Token], lows: Sequence[str], lex: Lexicon) -> list[Quantity]:
    """Every amount in the tokens, in order."""
    out: list[Quantity] = []
    i = 0
    n = len(tokens)
    while i < n:
        q = _quantity_at(tokens, lows, i, lex)
        if q is None:
            i += 1
            continue
        # "3h 10min": a duration followed by a smaller duration is one amount
        while q.unit.kind is UnitKind.DURATION and q.last < n:
            nxt = _quantity_at(tokens, lows, q.last, lex)
            if nxt is None or nxt.unit.kind is not UnitKind.DURATION or nxt.value >= q.value:
                break
            q = replace(
                q,
                value=q.value + nxt.value,
                end=nxt.end,
                last=nxt.last,
                text=f"{q.text} {nxt.text}",
            )
        out.append(q)
        i = q.last
    return out


def _quantity_at(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon
) -> Quantity | None:
    tok = tokens[i]
    first = i
    value: float | None
    suffix = ""
    if tok.kind is Kind.NUM:
        value = parse_number(tok.low, lex)
        suffix = tok.suffix.rstrip(".")
        if value is None:
            return None
        # "tier-1", "COVID-19": a number glued to a word by a hyphen is a name
        if i > 0 and tokens[i - 1].low == "-" and tokens[i - 1].start == tokens[i].start - 1:
            if i > 1 and tokens[i - 2].kind is Kind.WORD and tokens[i - 2].end == tokens[i - 1].start:
                return None
        if i > 0 and lows[i - 1] in lex.table("name_prefixes") and not suffix:
            return None
        j = i + 1
    else:
        m = lex.number_words.match(lows, i)
        if m is None:
            return None
        k, value = m
        if tok.low == "one" and _word_at(tokens, i + k) in ("of", "another", "-", "day", "off"):
            return None
        j = i + k
    unit = NO_UNIT
    multiplier = 1.0
    # currency before the number: "$80k", "USD 20k", "£ 20k"
    if i > 0 and tokens[i - 1].kind is Kind.SYM and tokens[i - 1].text in _CURRENCY_SYMBOLS:
        unit = Unit(UnitKind.CURRENCY, _CURRENCY_SYMBOLS[tokens[i - 1].text])
        first = i - 1
        if i > 1 and lows[i - 2] in ("us", "au", "ca", "nz"):
            first = i - 2
    elif i > 0 and tokens[i - 1].kind is Kind.WORD:
        cur = lex.table("currencies").match(lows, i - 1)
        if cur is not None and cur[0] == 1 and len(lows[i - 1]) == 3:
            unit = Unit(UnitKind.CURRENCY, cur[1])
            first = i - 1
    # glued suffix: "10k", "3x", "36h", "5pp", "2nd"
    if suffix:
        parsed = _suffix_unit(suffix, lex)
        if parsed is None:
            return None  # an ordinal or a code like "3D": not an amount
        mult, suffix_unit = parsed
        multiplier *= mult
        if suffix_unit is not None:
            unit = suffix_unit
    # words after the number: multiplier, then unit
    if multiplier == 1.0 and j < len(tokens):
        m = lex.table("multipliers").match(lows, j)
        if m is not None and not (lows[j] in ("m", "b") and unit.kind is not UnitKind.CURRENCY):
            multiplier *= m[1]
            j += m[0]
            if j < len(tokens) and lows[j] == ".":
                j += 1  # "Mio."
    if unit.kind in (UnitKind.NONE, UnitKind.CURRENCY) and j < len(tokens):
        unit, j, factor = _unit_after(tokens, lows, j, lex, unit)
        multiplier *= factor
    value *= multiplier
    label_end = j
    if unit.kind is UnitKind.NONE:
        label, label_end = _label_after(tokens, lows, j, lex)
        if label:
            unit = Unit(UnitKind.LABEL, label)
    per = _rate_after(tokens, lows, j, lex) or _rate_after(tokens, lows, label_end, lex)
    start, end = tokens[first].start, tokens[j - 1].end
    return Quantity(
        value=value,
        unit=unit,
        text="",
        start=start,
        end=end,
        per=per,
        first=first,
        last=j,
    )


def _suffix_unit(suffix: str, lex: Lexicon) -> tuple[float, Unit | None] | None:
    """Read letters glued to a number: (multiplier, unit) or None when not an amount."""
    s = suffix.lower()
    if s in ("x", "×"):
        return 1.0, Unit(UnitKind.MULTIPLE)
    if s in _ORDINALS:
        return None
    lows = [s]
    for name, kind in _SCALE_UNITS:
        if lex.table(name).match(lows, 0):
            return 1.0, Unit(kind)
    m = lex.table("multipliers").match(lows, 0)
    if m is not None:
        return float(m[1]), None
    d = lex.table("durations").match(lows, 0)
    if d is not None:
        return float(d[1]), Unit(UnitKind.DURATION)
    c = lex.table("currencies").match(lows, 0)
    if c is not None:
        return 1.0, Unit(UnitKind.CURRENCY, str(c[1]))
    # "10kg", "5G": something else
    return None


def _unit_after(
    tokens: Sequence[Token], lows: Sequence[str], j: int, lex: Lexicon, unit: Unit
) -> tuple[Unit, int, float]:
    """The unit written after a number: (unit, next token index, factor to base units)."""
    if lows[j] == "%":
        return PERCENT, j + 1, 1.0
    if tokens[j].kind is Kind.SYM and tokens[j].text in _CURRENCY_SYMBOLS:
        return Unit(UnitKind.CURRENCY, _CURRENCY_SYMBOLS[tokens[j].text]), j + 1, 1.0
    if tokens[j].kind is not Kind.WORD:
        return unit, j, 1.0
    for name, kind in _SCALE_UNITS:
        m = lex.table(name).match(lows, j)
        if m is not None:
            return Unit(kind), j + m[0], 1.0
    m = lex.table("currencies").match(lows, j)
    if m is not None:
        return Unit(UnitKind.CURRENCY, str(m[1])), j + m[0], 1.0
    if unit.kind is UnitKind.CURRENCY:
        return unit, j, 1.0
    m = lex.table("multiple").match(lows, j)
    if m is not None:
        return Unit(UnitKind.MULTIPLE), j + m[0], 1.0
    m = lex.table("durations").match(lows, j)
    # single letters ("s", "d", "h") count only when glued ("36h"), never as words
    if m is not None and not (m[0] == 1 and len(lows[j]) == 1):
        return Unit(UnitKind.DURATION), j + m[0], float(m[1])
    return unit, j, 1.0


_SCALE_UNITS = (
    ("percent", UnitKind.PERCENT),
    ("points", UnitKind.POINTS),
    ("bps", UnitKind.BPS),
)


def _rate_after(tokens: Sequence[Token], lows: Sequence[str], j: int, lex: Lexicon) -> str:
    """The period of a rate after an amount: "40 a week", "$90k/month" → "week", "month"."""
    if j + 1 < len(tokens) and lows[j] in lex.table("rate_words") and lows[j] not in (
        "each",
        "every",
    ):
        period = lex.table("periods").match(lows, j + 1)
        if period is not None:
            return " ".join(lows[j + 1 : j + 1 + period[0]])
    return ""


def _label_after(
    tokens: Sequence[Token], lows: Sequence[str], j: int, lex: Lexicon
) -> tuple[str, int]:
    """The noun counted by a bare number: "10 new enterprise customers" → "customers"."""
    label = ""
    end = j
    function_words = lex.table("function_words")
    stop = (lex.table("comparator_suffix"), lex.table("continuity"), lex.table("clause_breaks"))
    verbs = _VERB_TABLES
    for k in range(j, min(j + 4, len(tokens))):
        if tokens[k].kind is not Kind.WORD or lows[k] in function_words:
            break
        if any(table.match(lows, k) for table in stop):
            break
        if label and any(lows[k] in lex.table(name) for name in verbs):
            break
        label = lows[k]
        end = k + 1
    return label, end


_VERB_TABLES = ("hold_verbs", "acquisition_verbs", "task_verbs", "target_verbs")


def parse_amount(value: float | str, unit_text: str | None, lex: Lexicon) -> Quantity | None:
    """Read a structured ``from``/``to`` value: a number, or text such as ``"€0.6M"``.

    ``unit_text`` (the item's ``unit`` field) applies when the value carries no unit.
    """
    unit, factor = parse_unit(unit_text, lex) if unit_text else (NO_UNIT, 1.0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = format_amount(float(value)) + (_unit_suffix(unit_text) if unit_text else "")
        return Quantity(float(value) * factor, unit, shown)
    text = str(value).strip()
    tokens = tokenize(text)
    found = read_quantities(tokens, [t.low for t in tokens], lex)
    if not found:
        return None
    q = found[0]
    if q.unit.kind is UnitKind.NONE and unit.kind is not UnitKind.NONE:
        q = replace(q, value=q.value * factor, unit=unit)
        text = text + (_unit_suffix(unit_text) if unit_text else "")
    return replace(q, text=text, start=-1, end=-1, first=-1, last=-1)


def _unit_suffix(unit_text: str) -> str:
    unit_text = unit_text.strip()
    return unit_text if unit_text in ("%", "pp") else f" {unit_text}"


def parse_unit(unit_text: str | None, lex: Lexicon) -> tuple[Unit, float]:
    """Read a ``unit`` field: ``%``, ``pp``, ``£``, ``EUR``, ``days``, or a free label.

    Returns the unit and the factor to its base (86400 for days: durations are seconds).
    """
    if not unit_text:
        return NO_UNIT, 1.0
    text = unit_text.strip()
    if text in _CURRENCY_SYMBOLS:
        return Unit(UnitKind.CURRENCY, _CURRENCY_SYMBOLS[text]), 1.0
    tokens = tokenize(f"1 {text}")
    probe = read_quantities(tokens, [t.low for t in tokens], lex)
    if probe and probe[0].last == len(tokens) and probe[0].unit.kind is not UnitKind.LABEL:
        if probe[0].unit.kind is not UnitKind.NONE or probe[0].value != 1:
            return probe[0].unit, probe[0].value  # "days" → 86400; "k" → 1000
    return Unit(UnitKind.LABEL, text.lower()), 1.0
