"""Amounts with units: ``61%``, ``£20k``, ``72 hours``, ``3h 10min``, ``1.200 €``, ``x2``.

:func:`read_quantities` finds every amount in a token list; :func:`parse_amount`
reads one structured value (``from: "€0.6M"``, ``to: 6`` with ``unit: days``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from okrlint.understanding.lexicon import Lexicon
from okrlint.understanding.tokens import Kind, Token, tokenize


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


_SHARE_KINDS = frozenset({UnitKind.PERCENT, UnitKind.POINTS, UnitKind.BPS})


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
            return _same_label(self, other)
        if UnitKind.LABEL in (a, b):
            return False  # "10 tickets" vs "40%": a label compares with counts only
        if {a, b} <= _SHARE_KINDS:
            return True  # percent, percentage points and basis points share one scale
        if a is not b:
            return False
        if a is UnitKind.CURRENCY:
            return not self.code or not other.code or self.code == other.code
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


def _same_label(a: Unit, b: Unit) -> bool:
    return not _stems(a.code).isdisjoint(_stems(b.code))


NO_UNIT = Unit()
PERCENT = Unit(UnitKind.PERCENT)


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
        if not math.isfinite(v):
            return str(v)
        if v == int(v) and abs(v) < 1e15:
            return str(int(v))
        return f"{v:.6g}"

    kind = unit.kind
    if kind is UnitKind.PERCENT:
        return f"{num(value)}%"
    if kind is UnitKind.POINTS:
        return f"{num(value)}pp"
    if kind is UnitKind.BPS:
        return f"{num(value * 100)} bps"
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
    """Read ``1,200.5`` / ``1.200,5`` / ``2,5`` / ``1'000`` / ``1.200.000`` leniently.

    Spaces and apostrophes always group thousands. Of the other separators, when
    two kinds appear the last one is the decimal point and the others group; one
    kind used twice or more groups (``1.200.000``); one separator used once groups
    only when it is the language's thousands separator before exactly three digits
    (``1,200`` in English), and is the decimal point otherwise (``2,5``, ``99.9``).
    Returns None for digit runs that are not a number (``1.2.3``).
    """
    if not digits[:1].isdecimal() or not digits[-1:].isdecimal():
        return None  # "²", "1.": no digit run
    parts = re.split(r"([^\d])", digits)
    integer = parts[0]
    marks: list[tuple[str, str]] = []  # (separator, digits after it), spaces removed
    for sep, group in zip(parts[1::2], parts[2::2], strict=True):
        if sep in _SPACES:
            if marks:
                return None  # "1,5 000": a space after a decimal point
            integer += group
        else:
            marks.append((sep, group))
    if not marks:
        return float(integer) if integer else None
    kinds = {sep for sep, _ in marks}
    if len(kinds) > 1:
        *grouping, (_, decimal) = marks
        if any(len(group) != 3 for _, group in grouping) or grouping[-1][0] == marks[-1][0]:
            return None
        return float(integer + "".join(g for _, g in grouping) + "." + decimal)
    if len(marks) > 1:
        if any(len(group) != 3 for _, group in marks):
            return None
        return float(integer + "".join(g for _, g in marks))
    sep, group = marks[0]
    if sep == lexicon.thousands and len(group) == 3:
        return float(integer + group)
    return float(f"{integer}.{group}")


_SPACES = frozenset(" '\u00a0\u202f")
#: How a multiple written before its number starts: "x2", "×3" (see _multiple_before).
_MULTIPLE_SIGNS = frozenset("x×")


def read_quantities(tokens: Sequence[Token], lows: Sequence[str], lex: Lexicon) -> list[Quantity]:
    """Every amount in the tokens, in order."""
    out: list[Quantity] = []
    number_words = lex.number_words
    i = 0
    while i < len(tokens):
        if (
            tokens[i].kind is not Kind.NUM
            and lows[i][:1] not in _MULTIPLE_SIGNS
            and number_words.match(lows, i) is None
        ):
            i += 1  # no digits, number word or "x2" here: the common case, made cheap
            continue
        q = _quantity_at(tokens, lows, i, lex)
        if q is None:
            i += 1
            continue
        q = _compound_duration(q, tokens, lows, lex)
        out.append(q)
        i = q.last
    return out


def _compound_duration(
    q: Quantity, tokens: Sequence[Token], lows: Sequence[str], lex: Lexicon
) -> Quantity:
    """ "3h 10min", "7 min 30 s": a duration followed by smaller units is one amount."""
    while q.unit.kind is UnitKind.DURATION and q.last < len(tokens):
        nxt = _quantity_at(tokens, lows, q.last, lex, loose=True)
        if nxt is None or nxt.unit.kind is not UnitKind.DURATION or nxt.scale >= q.scale:
            break
        q = replace(q, value=q.value + nxt.value, end=nxt.end, last=nxt.last, per=nxt.per)
    return q


def _quantity_at(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon, loose: bool = False
) -> Quantity | None:
    """The amount whose number is token ``i``, with its currency, multiplier and unit.

    ``loose`` accepts single-letter unit words ("30 s"), as inside "7 min 30 s".
    """
    read = _read_value(tokens, lows, i, lex)
    if read is None:
        return _multiple_before(tokens, lows, i, lex)
    value, j, suffix = read
    unit, first = _currency_before(tokens, lows, i, lex)
    scale = 1.0
    if suffix:  # glued: "10k", "3x", "36h", "5pp"; "2nd" and "3D" are not amounts
        parsed = _suffix_unit(suffix, lex)
        if parsed is None:
            return None
        scale, glued = parsed
        unit = glued or unit
    n = len(tokens)
    if scale == 1.0 and j < n:
        factor, j = _multiplier_after(lows, j, lex, unit)
        scale *= factor
    of_currency = (
        j + 1 < n and lows[j] in lex.table("of_words") and _currency_at(tokens, j + 1, lex)
    )
    if scale > 1 and of_currency:
        j += 1  # "3,5 millones de euros", "2 millions d'euros"
    if unit.kind in (UnitKind.NONE, UnitKind.CURRENCY) and j < n:
        unit, j, factor = _unit_after(tokens, lows, j, lex, unit, loose)
        scale *= factor
    label_end = j
    if unit.kind is UnitKind.NONE:
        label, label_end = _label_after(tokens, lows, j, lex)
        if label:
            unit = Unit(UnitKind.LABEL, label)
    if unit.kind is UnitKind.BPS:
        scale *= 0.01  # basis points are kept in percent: 8 bps == 0.08%
    per = _rate_after(tokens, lows, j, lex)
    if per:
        # "120/month": the rate belongs to the amount ("-> 40/month" follows it)
        j = _rate_end(lows, j, lex)
    else:
        per = _rate_after(tokens, lows, label_end, lex)
    return Quantity(
        value=value * scale,
        unit=unit,
        start=tokens[first].start,
        end=tokens[j - 1].end,
        per=per,
        first=first,
        last=j,
        scale=scale,
    )


def _multiple_before(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon
) -> Quantity | None:
    """A multiple written before its number: "x2", "×3", "x 1.5"."""
    tok = tokens[i]
    digits, last = "", i + 1
    if tok.kind is Kind.WORD and tok.low[:1] == "x" and tok.low[1:2].isdigit():
        digits = tok.low[1:]
    elif tok.low in ("x", "×") and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.NUM:
        if tokens[i + 1].suffix or (tok.low == "x" and tok.end != tokens[i + 1].start):
            return None  # "x 10k", "x 5": a letter, not a sign
        digits, last = tokens[i + 1].low, i + 2
    value = parse_number(digits, lex) if digits else None
    if value is None:
        return None
    return Quantity(
        value,
        Unit(UnitKind.MULTIPLE),
        start=tok.start,
        end=tokens[last - 1].end,
        first=i,
        last=last,
    )


def _read_value(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon
) -> tuple[float, int, str] | None:
    """The number at token ``i``: (value, next index, glued suffix), or None.

    Digits that are part of a name are not amounts: "tier-1", "COVID-19", "FTSE 250".
    """
    tok = tokens[i]
    if tok.kind is Kind.NUM:
        value = parse_number(tok.low, lex)
        if value is None or _hyphenated_name(tokens, i) or _compound_adjective(tokens, i):
            return None
        if i > 0 and lows[i - 1] in lex.table("name_prefixes") and not tok.suffix:
            return None
        suffix = tok.text[len(tok.text) - len(tok.suffix) :] if tok.suffix else ""
        if len(suffix) == 1 and suffix.isupper() and suffix not in "KMBX":
            return None  # "3D", "5G": a name; "3d" is three days
        return value, i + 1, tok.suffix
    m = lex.number_words.match(lows, i)
    if m is None:
        return None
    k, words_value = m
    if lex.table("not_numbers").match(lows, i) is not None:
        return None  # "one of", "one day"
    return float(words_value), i + k, ""


def _hyphenated_name(tokens: Sequence[Token], i: int) -> bool:
    """Is the number glued to a word by a hyphen ("tier-1", "COVID-19")?"""
    if i < 2 or tokens[i - 1].low != "-":
        return False
    hyphen, word = tokens[i - 1], tokens[i - 2]
    return hyphen.end == tokens[i].start and word.kind is Kind.WORD and word.end == hyphen.start


def _compound_adjective(tokens: Sequence[Token], i: int) -> bool:
    """Is the number the start of a compound ("7-day active users", "24-hour support")?"""
    if i + 2 >= len(tokens) or tokens[i + 1].low != "-" or tokens[i].suffix:
        return False
    hyphen, word = tokens[i + 1], tokens[i + 2]
    return hyphen.start == tokens[i].end and word.kind is Kind.WORD and word.start == hyphen.end


def _currency_before(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon
) -> tuple[Unit, int]:
    """A currency written before the number ("$80k", "US$ 80", "USD 20k"): (unit, first)."""
    if i == 0:
        return NO_UNIT, i
    prev = tokens[i - 1]
    if prev.kind is Kind.SYM and prev.text in _CURRENCY_SYMBOLS:
        first = i - 2 if i > 1 and lows[i - 2] in ("us", "au", "ca", "nz") else i - 1
        return Unit(UnitKind.CURRENCY, _CURRENCY_SYMBOLS[prev.text]), first
    if prev.kind is Kind.WORD and len(prev.low) == 3:
        cur = lex.table("currencies").match(lows, i - 1)
        if cur is not None and cur[0] == 1:
            return Unit(UnitKind.CURRENCY, str(cur[1])), i - 1
    return NO_UNIT, i


def _currency_at(tokens: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Is token ``k`` a currency: a sign ("€") or a word ("euros")?"""
    if tokens[k].text in _CURRENCY_SYMBOLS:
        return True
    return lex.table("currencies").match([t.low for t in tokens[k : k + 3]], 0) is not None


def _multiplier_after(lows: Sequence[str], j: int, lex: Lexicon, unit: Unit) -> tuple[float, int]:
    """A multiplier word after the number ("2 million", "3 Mio."): (factor, next index).

    A lone "m" or "b" counts only next to a currency ("$2 m", "3,5 M€"); elsewhere it
    is a unit.
    """
    m = lex.table("multipliers").match(lows, j)
    if m is None:
        return 1.0, j
    if (
        lows[j] in ("m", "b")
        and unit.kind is not UnitKind.CURRENCY
        and (j + 1 >= len(lows) or lows[j + 1] not in _CURRENCY_SYMBOLS)
    ):
        return 1.0, j
    j += m[0]
    if j < len(lows) and lows[j] == ".":
        j += 1  # "Mio."
    return float(m[1]), j


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
    measure = lex.table("measures").match(lows, 0)
    if measure is not None:
        return 1.0, Unit(UnitKind.LABEL, str(measure[1]))  # "2GB", "40kWh"
    return None  # "3D", "5G", "2FA": a name, not an amount


def _unit_after(
    tokens: Sequence[Token],
    lows: Sequence[str],
    j: int,
    lex: Lexicon,
    unit: Unit,
    loose: bool = False,
) -> tuple[Unit, int, float]:
    """The unit written after a number: (unit, next token index, factor to base units)."""
    if lows[j] == "%":
        return PERCENT, j + 1, 1.0
    if tokens[j].kind is Kind.SYM and tokens[j].text in _CURRENCY_SYMBOLS:
        return Unit(UnitKind.CURRENCY, _CURRENCY_SYMBOLS[tokens[j].text]), j + 1, 1.0
    if tokens[j].kind is not Kind.WORD:
        return unit, j, 1.0
    scaled = [(m[0], kind) for name, kind in _SCALE_UNITS if (m := lex.table(name).match(lows, j))]
    if scaled:
        length, kind = max(scaled, key=lambda found: found[0])  # "percentage points"
        return Unit(kind), j + length, 1.0
    m = lex.table("currencies").match(lows, j)
    if m is not None:
        return Unit(UnitKind.CURRENCY, str(m[1])), j + m[0], 1.0
    if unit.kind is UnitKind.CURRENCY:
        return unit, j, 1.0
    m = lex.table("multiple").match(lows, j)
    if m is not None:
        return Unit(UnitKind.MULTIPLE), j + m[0], 1.0
    # single letters ("s", "d", "h", "t") count only glued ("36h") or inside a compound
    single = len(lows[j]) == 1 and not loose and lows[j] not in lex.spaced_unit_letters
    m = lex.table("durations").match(lows, j)
    if m is not None and not (m[0] == 1 and single):
        return Unit(UnitKind.DURATION), _abbreviated(tokens, j + m[0]), float(m[1])
    m = lex.table("measures").match(lows, j)
    if m is not None and not (m[0] == 1 and single):
        return Unit(UnitKind.LABEL, str(m[1])), j + m[0], 1.0
    return unit, j, 1.0


def _abbreviated(tokens: Sequence[Token], end: int) -> int:
    """Past the dot of an abbreviated unit inside a text: "6 Std. auf 1 Std.", "25 min. to"."""
    if (
        end + 1 < len(tokens)
        and tokens[end].low == "."
        and tokens[end].start == tokens[end - 1].end
        and len(tokens[end - 1].low) <= 4
    ):
        return end + 1
    return end


_SCALE_UNITS = (
    ("percent", UnitKind.PERCENT),
    ("points", UnitKind.POINTS),
    ("bps", UnitKind.BPS),
)


def _rate_after(tokens: Sequence[Token], lows: Sequence[str], j: int, lex: Lexicon) -> str:
    """The period of a rate after an amount: "40 a week", "$90k/month" → "week", "month".

    "Every" makes a cadence, not a rate ("10 new customers every month").
    """
    if j + 1 >= len(tokens):
        return ""
    rate = lex.table("rate_words").match(lows, j)
    if rate is None or lex.table("cadence_words").match(lows, j) is not None:
        return ""
    k = j + rate[0]
    period = lex.table("periods").match(lows, k) if k < len(tokens) else None
    return " ".join(lows[k : k + period[0]]) if period is not None else ""


def _rate_end(lows: Sequence[str], j: int, lex: Lexicon) -> int:
    """The index after a rate's period ("/ month", "per week") that starts at ``j``."""
    rate = lex.table("rate_words").match(lows, j)
    if rate is None:
        return j
    period = lex.table("periods").match(lows, j + rate[0])
    return j + rate[0] + (period[0] if period is not None else 0)


def _label_after(
    tokens: Sequence[Token], lows: Sequence[str], j: int, lex: Lexicon
) -> tuple[str, int]:
    """The noun counted by a bare number: "10 new enterprise customers" → "customers".

    Of the words after the number, the last plural wins ("50 customer reviews", "5
    customers live on v2"), then the last known noun, then the last word. Where the head
    of a noun phrase comes first ("10 clientes nuevos"), the first plural or known noun
    wins; where nouns are capitalised ("10 neue Enterprise-Kunden"), a lower-case word
    is no noun.
    """
    label = noun = ""
    end = j
    function_words = lex.table("function_words")
    new_words = lex.table("new_words")
    stop = (lex.table("comparator_suffix"), lex.table("continuity"), lex.table("clause_breaks"))
    names = lex.table("name_prefixes")
    for k in range(j, min(j + 4, len(tokens))):
        if tokens[k].kind is Kind.NUM and k > j and lows[k - 1] in names:
            continue  # "5 new Fortune 500 customers": the 500 is part of a name
        if tokens[k].kind is not Kind.WORD or lows[k] in function_words:
            break
        if any(table.match(lows, k) for table in stop):
            break
        word = lows[k]
        if (label or lex.capitalized_nouns) and _is_verb(tokens[k], word, lex):
            break  # "95% of tickets answered": a verb ends the label; "reviews" does not
        label = word
        end = k + 1
        if lex.capitalized_nouns and not tokens[k].text[:1].isupper():
            continue  # "neue": an adjective, not the noun
        plural = lex.plural(word)
        known = _known_noun(word, lex)
        if lex.head_first:
            if not noun and (plural or known) and word not in new_words:
                noun = word
        elif plural or (not lex.plural(noun) and known):
            noun = word
    return noun or label, end  # "5 customers live on v2" counts customers


def _is_verb(tok: Token, word: str, lex: Lexicon) -> bool:
    """Is this word after a count a verb ("answered", "gewinnen"), not a plural noun?"""
    if lex.capitalized_nouns:
        # a lower-case word is no noun: "auf 60 steigern", "10 neue Kunden gewinnen"
        tables = (*_VERB_TABLES, "change_verbs", "relative_words")
        return not tok.text[:1].isupper() and any(word in lex.table(n) for n in tables)
    if lex.plural(word):
        return False
    return any(word in lex.table(n) for n in _VERB_TABLES)


def _known_noun(word: str, lex: Lexicon) -> bool:
    return lex.noun("outcome_nouns", word) or lex.noun("activity_nouns", word)


_VERB_TABLES = ("hold_verbs", "acquisition_verbs", "task_verbs", "target_verbs")


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
    if unit_text in _CURRENCY_SYMBOLS:
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
    if text in _CURRENCY_SYMBOLS:
        return Unit(UnitKind.CURRENCY, _CURRENCY_SYMBOLS[text]), 1.0
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
