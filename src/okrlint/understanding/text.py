"""A key result's text, prepared once for reading: tokens, amounts, dates and lookups.

:class:`Text` is the reader's one context. It is built once per text (tokens, their
matching forms, the phrase tables each word can start, the amounts with their units,
the tokens that belong to dates, whether the text names a deadline) and never
changes after; every reading step (:mod:`~okrlint.understanding.clauses`,
:mod:`~okrlint.understanding.changes`, :mod:`~okrlint.understanding.holds`, ...)
asks it questions. A clause is a stretch of its tokens, :class:`ClauseSpan`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import replace
from typing import NamedTuple

from okrlint.understanding.lexicon import (
    ACTIVITY_NOUNS,
    AMBIGUOUS_MONTHS,
    CADENCE_ADVERBS,
    COMPARATOR_PREFIX,
    COMPARATOR_SUFFIX,
    DATE_JOINERS,
    DEADLINE_OBJECTS,
    DEADLINE_WORDS,
    FILLER_WORDS,
    FUNCTION_WORDS,
    MONTHS,
    OPENING_WORDS,
    PERIOD_PREFIXES,
    PERIOD_WORDS,
    YEAR_WORDS,
    ZERO_DETERMINERS,
    ZERO_NOT_BEFORE,
    ZERO_WORDS,
    Lexicon,
)
from okrlint.understanding.meaning import (
    NO_UNIT,
    Comparator,
    Direction,
    Quantity,
    Unit,
    UnitKind,
)
from okrlint.understanding.numbers import read_quantities
from okrlint.understanding.tokens import Aside, Kind, Token

#: Arrows read as "to": "61% → 75%" (every arrow's matching form is "->").
ARROWS = frozenset({"->"})
#: Words of a ratio: "tickets per customer", "Tickets pro Kunde", "Anrufe je Vertreter".
PER_WORDS = frozenset({"per", "pro", "je", "/"})
#: A cadence as an amount: "weekly" is 52 times a year.
PER_YEAR = Unit(UnitKind.LABEL, "times a year")


class ClauseSpan(NamedTuple):
    """A clause's tokens ``[first, last)`` and how it is joined to the one before:
    ``"and"`` (coordinated), a subordinator of the language ("while", "without"),
    ``"("`` (an aside), or ``""`` for the first clause."""

    first: int
    last: int
    joined_by: str = ""


class Text:
    """One text, prepared for reading. Built once, then only asked (see the module)."""

    __slots__ = (
        "asides",
        "date_tokens",
        "deadline",
        "lex",
        "lows",
        "memo",
        "n",
        "original",
        "period",
        "q_at",
        "q_covering",
        "q_starts",
        "quantities",
        "shown",
        "starts",
        "tables",
        "text",
        "tokens",
    )

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        lex: Lexicon,
        asides: tuple[Aside, ...] = (),
        original: str | None = None,
    ) -> None:
        self.text = text  # with the noise blanked out (see tokens.set_aside)
        self.original = text if original is None else original  # as written
        self.asides = asides
        self.tokens = tokens
        self.lows = [t.low for t in tokens]
        self.memo: dict[tuple[str, int, int], bool] = {}  # answers asked again per clause
        self.lex = lex
        self.tables = lex.tables
        index, nothing = lex.first_index, frozenset[str]()
        self.starts = [index.get(low, nothing) for low in self.lows]
        self.n = len(tokens)
        self.date_tokens = _find_dates(self)
        self.deadline = _has_deadline(self)
        self.period = any(
            self.match(PERIOD_WORDS, i) for i in range(self.n) if PERIOD_WORDS in self.starts[i]
        )
        self.quantities = [
            q
            for q in read_quantities(tokens, self.lows, lex)
            if not any(k in self.date_tokens for k in range(q.first, q.last))
        ]
        hidden = [(a.start, a.end) for a in asides if a.kind == "placeholder"]
        self.shown = text  # what messages quote: the noise left out, placeholders as written
        if hidden:  # "X%", "$N": a number is there, but not its value
            chars = list(text)
            for start, end in hidden:
                chars[start:end] = self.original[start:end]
            self.shown = "".join(chars)
            self.quantities = [
                replace(q, value=math.nan)
                if any(start < q.end and q.start < end for start, end in hidden)
                else q
                for q in self.quantities
            ]
        self.q_starts = [q.first for q in self.quantities]
        self.q_at: dict[int, Quantity] = {q.first: q for q in self.quantities}
        self.q_covering: dict[int, Quantity] = {
            k: q for q in self.quantities for k in range(q.first, q.last)
        }

    # -- words ----------------------------------------------------------------------

    def match(self, table: str, i: int) -> tuple[int, object] | None:
        """The longest phrase of ``table`` at token ``i``: (token count, payload)."""
        if not 0 <= i < self.n or table not in self.starts[i]:
            return None  # no phrase of the table starts with this word (most calls)
        return self.tables[table].match(self.lows, i)

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def is_word(self, i: int, table: str) -> bool:
        """Is token ``i`` a one-word phrase of ``table`` ("from", "von", "desde")?"""
        return 0 <= i < self.n and self.lows[i] in self.tables[table].words

    def is_sym(self, i: int) -> bool:
        return self.tokens[i].kind is Kind.SYM

    def change_word(self, k: int) -> bool:
        """Is token ``k`` a word of a change's amounts: "from", "to", "by"?"""
        return 0 <= k < self.n and self.lows[k] in self.lex.change_words

    def skip_openers(self, i: int, last: int) -> int:
        """The index after the opening words and symbols from ``i``: "We will", "Vamos a"."""
        while i < last:
            m = self.match(OPENING_WORDS, i)
            if m is not None:
                i += m[0]
            elif self.tokens[i].kind is Kind.SYM:
                i += 1
            else:
                break
        return i

    def span_text(self, first: int, last: int) -> str:
        """The text of tokens [first, last), as written (noise left out)."""
        first, last = max(first, 0), min(last, self.n)
        if last <= first:
            return ""
        words = self.shown[self.tokens[first].start : self.tokens[last - 1].end]
        return " ".join(words.split()) if self.text is not self.original else words

    # -- amounts --------------------------------------------------------------------

    def quantities_in(self, span: ClauseSpan) -> list[Quantity]:
        lo = bisect_left(self.q_starts, span.first)
        hi = bisect_left(self.q_starts, span.last)
        return self.quantities[lo:hi]

    def inside_quantity(self, i: int) -> bool:
        q = self.q_covering.get(i)
        return q is not None and q.first < i

    def quantity_after(
        self, i: int, last: int, reach: int = 3
    ) -> tuple[Quantity, Comparator | None] | None:
        """The amount at or just after token ``i`` (before ``last``), skipping fillers
        ("a", "the") and a bound ("under 50"): (amount, bound). "About" and "around"
        bound nothing.
        """
        k, steps = i, 0
        bound: Comparator | None = None
        fillers = self.tables[FILLER_WORDS]
        while k < last and steps <= reach:
            if k in self.q_at:
                return self.q_at[k], bound
            signed = self.signed_at(k)
            if signed is not None:
                return signed, bound
            if self.zero_at(k):
                return self.zero_quantity(k), bound
            m = self.match(COMPARATOR_PREFIX, k)
            if m is not None and not (m[0] == 1 and self.lows[k] in fillers):
                comparator = comparator_of(m[1])
                bound = None if comparator is Comparator.EQ else comparator
                k += m[0]
            elif self.lows[k] in fillers:
                k += 1
            else:
                return None
            steps += 1
        return None

    def signed_at(self, k: int) -> Quantity | None:
        """ "-5%", "+12" written where a value is expected ("from -5% to +2%")."""
        q = self.q_at.get(k + 1)
        if q is None or self.lows[k] not in ("+", "-") or self.tokens[k].end != q.start:
            return None
        value = -q.value if self.lows[k] == "-" else q.value
        return replace(q, value=value, start=self.tokens[k].start, first=k, text="")

    def quantity_before(self, i: int, first: int) -> Quantity | None:
        """The amount that ends just before token ``i`` ("61%" in "61% → 75%")."""
        k = i - 1
        while k >= first and self.lows[k] in (")", "(", "'", '"'):
            k -= 1
        q = self.q_covering.get(k)
        return q if q is not None and q.first >= first else None

    def zero_at(self, k: int) -> bool:
        """A zero level at ``k``: "zero", "no P1s"; not "no more than"."""
        if not 0 <= k < self.n or ZERO_WORDS not in self.starts[k]:
            return False
        m = self.match(ZERO_WORDS, k)
        if m is None:
            return False
        nxt = k + m[0]
        if self.match(ZERO_NOT_BEFORE, nxt):
            return False
        if self.match(ZERO_DETERMINERS, k) is None:
            return True
        return nxt < self.n and self.tokens[nxt].kind is Kind.WORD  # "no P1s", not "no."

    def zero_quantity(self, k: int) -> Quantity:
        """The zero level written at ``k`` ("zero", "no", "none")."""
        m = self.match(ZERO_WORDS, k)
        last = k + (m[0] if m else 1)
        start, end = self.tokens[k].start, self.tokens[last - 1].end
        return Quantity(0.0, NO_UNIT, self.text[start:end], start, end, first=k, last=last)

    def multiple(self, at: int, length: int, payload: object) -> Quantity:
        """A relative word as an amount: "double" is ×2, "halve" ×0.5."""
        start, end = self.tokens[at].start, self.tokens[at + length - 1].end
        return Quantity(
            float(str(payload)),
            Unit(UnitKind.MULTIPLE),
            self.text[start:end],
            start,
            end,
            first=at,
            last=at + length,
        )

    def frequency_at(self, k: int) -> Quantity | None:
        """A cadence adverb as a frequency: "weekly" is 52 times a year."""
        m = self.match(CADENCE_ADVERBS, k)
        if m is None:
            return None
        last = k + m[0]
        start, end = self.tokens[k].start, self.tokens[last - 1].end
        return Quantity(
            float(str(m[1])), PER_YEAR, self.text[start:end], start, end, first=k, last=last
        )

    # -- bounds ---------------------------------------------------------------------

    def bound_word(self, j: int) -> bool:
        """A bound at ``j`` ("below", "mindestens"); not "of" or "von", which bound nothing."""
        m = self.match(COMPARATOR_PREFIX, j)
        return m is not None and comparator_of(m[1]) is not Comparator.EQ

    def comparator_ending(self, k: int, first: int) -> tuple[Comparator, int] | None:
        """A comparator that ends right before token ``k``, not before ``first``:
        (comparator, its first token)."""
        for length in (4, 3, 2, 1):
            j = k - length
            m = self.match(COMPARATOR_PREFIX, j) if j >= first else None
            if m is not None and m[0] == length:
                return comparator_of(m[1]), j
        return None

    def bound_before(self, k: int, first: int) -> tuple[Comparator, int] | None:
        """A comparator that ends right before token ``k``: (comparator, its first token).

        An article may stand between them: "al menos el 99,9 %", "au moins 95 %".
        """
        found = self.comparator_ending(k, first)
        if (
            found is None
            and k - 1 > first
            and (self.is_word(k - 1, FILLER_WORDS) or self.lows[k - 1] == ".")
        ):
            # an article ("al menos el 99,9 %") or an abbreviation's dot ("max. 4,5 %")
            found = self.comparator_ending(k - 1, first)
        return found

    def bound_after(self, q: Quantity, last: int) -> tuple[Comparator, int] | None:
        """A comparator right after an amount ("4% or less"): (comparator, its end)."""
        m = self.match(COMPARATOR_SUFFIX, q.last) if q.last < last else None
        return None if m is None else (comparator_of(m[1]), q.last + m[0])


# -- helpers of payloads ----------------------------------------------------------------

_COMPARATORS = {
    "lt": Comparator.LT,
    "le": Comparator.LE,
    "gt": Comparator.GT,
    "ge": Comparator.GE,
}


def comparator_of(payload: object) -> Comparator:
    """A comparator table's payload ("lt", "ge", ...) as a :class:`Comparator`."""
    return _COMPARATORS.get(str(payload), Comparator.EQ)


def direction_of(up_or_down: object) -> Direction | None:
    """A change verb's or particle's payload ("up", "down") as a :class:`Direction`."""
    return {"up": Direction.UP, "down": Direction.DOWN}.get(str(up_or_down))


def factor_direction(factor: object) -> Direction:
    """A relative word's factor as a direction: "double" (2) is up, "halve" (0.5) down."""
    return Direction.UP if float(str(factor)) >= 1 else Direction.DOWN


def countable(q: Quantity) -> bool:
    return q.unit.kind in (UnitKind.NONE, UnitKind.LABEL, UnitKind.CURRENCY)


#: Units of a level rather than of a count: a share, money, a time.
LEVEL_UNITS = frozenset(
    {UnitKind.PERCENT, UnitKind.POINTS, UnitKind.BPS, UnitKind.CURRENCY, UnitKind.DURATION}
)


def counts_activity(lex: Lexicon, q: Quantity) -> bool:
    """Does ``q`` count the team's own activity ("4 workshops", "10 blog posts")?"""
    return q.unit.kind is UnitKind.LABEL and lex.noun(ACTIVITY_NOUNS, q.unit.code)


def texted(q: Quantity | None, text: str) -> Quantity | None:
    """``q`` with its words from the text, as written ("£20k")."""
    if q is None or q.text or q.start < 0:
        return q
    return q.with_text(text[q.start : q.end])


# -- dates and deadlines ------------------------------------------------------------------


def _find_dates(t: Text) -> set[int]:
    """Token indexes that belong to a date: "by 30 September", "in 2026", "Q3 2026"."""
    dates: set[int] = set()
    for i, tok in enumerate(t.tokens):
        if tok.kind is Kind.DATE or (tok.kind is Kind.NUM and _is_year(t, i)):
            dates.add(i)
        elif MONTHS in t.starts[i] and _is_month(t, i):
            dates.add(i)  # the month, with its day and year around it
            day = i - 1
            while day > 0 and (t.lows[day] == "." or t.match(DATE_JOINERS, day)):
                day -= 1  # "30. September", "30 de septiembre"
            dates.update(k for k in (day, i + 1) if _date_number(t, k, (1, 2, 4)))
            if day < i - 1 and day in dates:
                dates.update(range(day + 1, i))
            # the year after the day ("September 30 2026") or a joiner ("de 2026"),
            # not an amount further on ("30. September auf 2 %")
            year = i + 2
            if _date_number(t, year, (4,)) and (i + 1 in dates or t.match(DATE_JOINERS, i + 1)):
                dates.update((i + 1, year))
    return dates


def _date_number(t: Text, k: int, lengths: tuple[int, ...]) -> bool:
    return 0 <= k < t.n and t.tokens[k].kind is Kind.NUM and len(t.tokens[k].low) in lengths


def _is_month(t: Text, i: int) -> bool:
    """A month name; "may" and abbreviations ("mar", "dec") only when capitalised."""
    tok = t.tokens[i]
    if not t.match(MONTHS, i):
        return False
    if tok.text[:1].isupper():
        return True
    return i > 0 and tok.low not in t.tables[AMBIGUOUS_MONTHS]


def _is_year(t: Text, i: int) -> bool:
    """A year after a date word or a quarter: "in 2026", "Q3 2026", "FY 2027"."""
    tok = t.tokens[i]
    if tok.kind is not Kind.NUM or tok.suffix or len(tok.low) != 4 or not tok.low.isdigit():
        return False
    if not 1990 <= int(tok.low) <= 2100 or i == 0:
        return False
    prev = t.tokens[i - 1]
    return prev.low in t.tables[YEAR_WORDS] or period_name(t, prev)


def period_name(t: Text, tok: Token) -> bool:
    """ "Q3", "H2" (and "T3" in French and Spanish): a quarter or half as a word."""
    return tok.low[1:].isdigit() and tok.low[:1] in t.tables[PERIOD_PREFIXES]


def _has_deadline(t: Text) -> bool:
    """Does the text say when it is due: "by 30 September", "by end of Q3"?"""
    for i in range(t.n):
        if DEADLINE_WORDS not in t.starts[i]:
            continue
        m = t.match(DEADLINE_WORDS, i)
        if m is None:
            continue
        k = i + m[0]
        if m[0] > 1:
            if t.lows[k - 1] not in t.tables[FUNCTION_WORDS]:
                return True  # "this quarter", "by q3"
            while k < t.n and k < i + m[0] + 2 and t.lows[k] in t.tables[FUNCTION_WORDS]:
                k += 1  # "by the end of the quarter", "hasta el cierre del trimestre"
        if _due_at(t, k) or _object_due(t, k):
            return True
    return False


def _due_at(t: Text, k: int) -> bool:
    """Is token ``k`` a date or a period's name ("30 September", "Q3")?"""
    return k < t.n and (k in t.date_tokens or period_name(t, t.tokens[k]))


def _object_due(t: Text, k: int) -> bool:
    """ "by launch", "by end of Q3", "al cierre del trimestre": a deadline's object that
    stands alone or names a period; "hasta el cierre del proceso" names no date."""
    objects = t.tables[DEADLINE_OBJECTS]
    if k >= t.n or t.lows[k] not in objects:
        return False
    j = k + 1
    if j >= t.n or (t.tokens[j].kind is Kind.SYM and not _due_at(t, j)):
        return True  # "by launch", "by launch."
    while j < t.n and j <= k + 3 and t.lows[j] in t.tables[FUNCTION_WORDS]:
        j += 1
    return _due_at(t, j) or (j < t.n and t.lows[j] in objects)
