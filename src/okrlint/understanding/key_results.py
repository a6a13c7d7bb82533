"""The key-result reader: what a goal's text asks for.

A key result either asks for a **change** (a number moves from a baseline to a
target: "Reduce churn from 4% to 2.5%"), asks to **hold** a level ("Keep churn
below 4%", "Zero missed payroll runs", "Release notes go out every Friday"),
names a **task** ("Launch the new pricing page"), or is **unmeasured** ("Improve
the onboarding experience"). :func:`read_key_result` answers that once per text;
the rules consume its :class:`KeyResultMeaning` and never re-read the text.

How it reads, in short: the text is tokenized, amounts are read with their units
(:mod:`~okrlint.understanding.numbers`), dates are set aside, and the text is cut
into clauses at connectors ("while", "without", "and", ";"). In each clause the
leading verb (or, in a nominal text such as "Uptime stays above 99.9%", any
inflected verb) and the patterns around the amounts decide: ``from X to Y``,
``X → Y``, ``by 20%``, ``to Y``, a bound ("below 4%", "4% or less"), a zero level,
a cadence ("every month") or a continuity marker ("all quarter"). Clauses are then
combined: a real change with a hold beside it is a bet with a guard-rail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from okrlint.understanding.lexicon import Lexicon, lexicon
from okrlint.understanding.numbers import (
    NO_UNIT,
    Quantity,
    Unit,
    UnitKind,
    format_amount,
    read_quantities,
)
from okrlint.understanding.tokens import Kind, Token, tokenize


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

    @property
    def has_level(self) -> bool:
        return self.level is not None

    def threshold(self) -> str:
        """The KPI threshold this hold would be: ``< 4``, ``>= 99.9``, ``95..99``."""
        if self.level is None:
            return ""
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


@dataclass(frozen=True, slots=True)
class KeyResultMeaning:
    """What a goal's text asks for; see the module docstring."""

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

    @property
    def guard_rails(self) -> tuple[Hold, ...]:
        """Holds beside a real change: "... while keeping churn below 3%"."""
        return self.holds if self.intent is Intent.CHANGE else ()

    @property
    def has_target(self) -> bool:
        return self.target is not None or self.relative is not None

    def with_numbers(
        self, baseline: Quantity | None, target: Quantity | None
    ) -> KeyResultMeaning:
        """Apply structured ``from``/``to``: given fields win over the text."""
        base = baseline if baseline is not None else self.baseline
        goal = target if target is not None else self.target
        if base is not None and goal is not None:
            base, goal = _share_units(base, goal)
        intent = self.intent
        holds = self.holds
        moves = base is not None and goal is not None and not base.same_amount(goal)
        if moves and intent is not Intent.CHANGE:
            # numbers that move make it a bet, whatever the title's wording
            output = self.output or intent is Intent.TASK
            holds = ()
            intent = Intent.CHANGE
            return replace(
                self, intent=intent, baseline=base, target=goal, holds=holds, output=output,
                from_zero=False, bound=None,
            )
        if goal is not None and intent in (Intent.UNMEASURED, Intent.TASK):
            intent = Intent.CHANGE
        return replace(self, intent=intent, baseline=base, target=goal, holds=holds)


# -- the reader -----------------------------------------------------------------------


@dataclass(slots=True)
class _Clause:
    first: int
    last: int  # exclusive
    joined_by: str = ""  # "and" (coordinating) or "while" (subordinating) or ""
    intent: Intent = Intent.UNMEASURED
    verb_kind: str = ""
    verb: str = ""
    verb_at: int = -1
    verb_len: int = 0
    direction: Direction | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    bound: Comparator | None = None
    relative: Quantity | None = None
    from_zero: bool = False
    holds: list[Hold] = field(default_factory=list)
    output: bool = False
    metric: str = ""
    evidence: tuple[int, int] = (-1, -1)
    has_comparator: bool = False
    quantities: list[Quantity] = field(default_factory=list)
    stated_baseline: Quantity | None = None  # "(currently 3.4s)"


_LEADING_SKIP = frozenset(
    {"we", "will", "to", "should", "must", "shall", "can", "i", "team", "kr", "kr:", "-", ":",
     "*", "•", "successfully", "significantly", "further", "materially", "substantially",
     "dramatically", "drastically", "meaningfully", "fully", "measurably", "sustainably",
     "rapidly", "quickly", "gradually", "steadily"}
)
_SUBORDINATE = frozenset(
    {"while", "whilst", "without", "but", "whereas", "as long as", "provided", "provided that",
     "so long as", "at the same time as", "with", "whereby", "where"}
)


@lru_cache(maxsize=4096)
def read_key_result(text: str, language: str = "en") -> KeyResultMeaning:
    """Read what ``text`` asks for. Never raises; unreadable text is UNMEASURED."""
    lex = lexicon(language)
    tokens = tokenize(text)
    if not tokens:
        return KeyResultMeaning(Intent.UNMEASURED, language=language)
    lows = [t.low for t in tokens]
    reader = _Reader(text, tokens, lows, lex)
    return reader.read()


class _Reader:
    def __init__(self, text: str, tokens: list[Token], lows: list[str], lex: Lexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.lows = lows
        self.lex = lex
        self.n = len(tokens)
        self.date_tokens = self._find_dates()
        self.deadline = self._has_deadline()
        quantities = [
            q for q in read_quantities(tokens, lows, lex) if not self._in_date(q.first, q.last)
        ]
        quantities.extend(self._multiples(quantities))
        quantities.sort(key=lambda q: q.first)
        self.quantities = quantities
        self.q_at: dict[int, Quantity] = {q.first: q for q in quantities}
        self.q_covering: dict[int, Quantity] = {}
        for q in quantities:
            for k in range(q.first, q.last):
                self.q_covering[k] = q

    # -- preparation ----------------------------------------------------------------

    def _match(self, table: str, i: int) -> tuple[int, object] | None:
        if not 0 <= i < self.n:
            return None
        return self.lex.table(table).match(self.lows, i)

    def _find_dates(self) -> set[int]:
        """Token indexes that belong to a date: "by 30 September", "in 2026", "Q3"."""
        dates: set[int] = set()
        lows, toks = self.lows, self.tokens
        for i, tok in enumerate(toks):
            if tok.kind is Kind.DATE:
                dates.add(i)
            elif self._match("months", i) and (tok.text[:1].isupper() or i > 0):
                # a month name, with the day and year around it
                if tok.low == "may" and not tok.text[:1].isupper():
                    continue
                if tok.low in ("mar", "jun", "sep", "dec", "jan", "oct", "nov", "aug", "apr", "feb",
                               "jul") and not tok.text[:1].isupper():
                    continue
                dates.add(i)
                for k in (i - 1, i + 1, i + 2):
                    if 0 <= k < self.n and toks[k].kind is Kind.NUM and len(toks[k].low) in (1, 2, 4):
                        dates.add(k)
                    elif 0 <= k < self.n and lows[k] == ",":
                        continue
            elif tok.kind is Kind.NUM and len(tok.low) == 4 and not tok.suffix:
                year = int(tok.low) if tok.low.isdigit() else 0
                prev = lows[i - 1] if i > 0 else ""
                if 1990 <= year <= 2100 and (
                    prev in ("by", "in", "since", "until", "till", "before", "after", "of", "during",
                             "through", "throughout", "fy", "for", "end")
                    or (i > 0 and toks[i - 1].kind is Kind.WORD and toks[i - 1].low[:1] in "qh"
                        and toks[i - 1].low[1:].isdigit())
                ):
                    dates.add(i)
        return dates

    def _in_date(self, first: int, last: int) -> bool:
        return any(k in self.date_tokens for k in range(first, last))

    def _has_deadline(self) -> bool:
        for i in range(self.n):
            m = self._match("deadline_words", i)
            if m is None:
                continue
            k = i + m[0]
            if m[0] > 1:
                return True  # "by end of", "this quarter", "by q3"
            if k < self.n and (
                k in self.date_tokens
                or self.tokens[k].kind is Kind.DATE
                or (self.lows[k][:1] in "qh" and self.lows[k][1:].isdigit())
                or self.lows[k] in ("end", "eoq", "eoy", "the", "launch", "quarter", "year")
            ):
                return True
        return False

    def _multiples(self, found: list[Quantity]) -> list[Quantity]:
        """ "x2" and "×2": multiples written before the number."""
        taken = {k for q in found for k in range(q.first, q.last)}
        out: list[Quantity] = []
        for i, tok in enumerate(self.tokens):
            if i in taken:
                continue
            value: float | None = None
            last = i + 1
            if tok.kind is Kind.WORD and tok.low[:1] == "x" and _is_number(tok.low[1:]):
                value = float(tok.low[1:])
            elif tok.low == "×" and i + 1 < self.n and self.tokens[i + 1].kind is Kind.NUM:
                value = _float(self.tokens[i + 1].low)
                last = i + 2
            if value is not None:
                out.append(
                    Quantity(value, Unit(UnitKind.MULTIPLE), "", tok.start,
                             self.tokens[last - 1].end, first=i, last=last)
                )
        return out

    # -- clauses --------------------------------------------------------------------

    def _clauses(self) -> list[_Clause]:
        clauses: list[_Clause] = []
        start = 0
        joined = ""
        i = 0
        protected = self._protected_ands()
        while i < self.n:
            m = self._match("clause_breaks", i)
            if m is not None and i > start and i not in protected and not self._inside_quantity(i):
                word = " ".join(self.lows[i : i + m[0]])
                if word == "," and not self._comma_breaks(i):
                    i += 1
                    continue
                if word in ("with", "where") and not self._with_breaks(i + m[0]):
                    i += m[0]
                    continue
                clauses.append(_Clause(start, i, joined))
                joined = word if word in _SUBORDINATE else "and"
                start = i + m[0]
                i = start
                continue
            if self.lows[i] in ("(", ")") and i > start and (
                self.lows[i] == ")" or self._comma_breaks(i)
            ):
                clauses.append(_Clause(start, i, joined))
                joined = "while" if self.lows[i] == "(" else "and"
                start = i + 1
            i += 1
        clauses.append(_Clause(start, self.n, joined))
        return [c for c in clauses if c.last > c.first]

    def _inside_quantity(self, i: int) -> bool:
        q = self.q_covering.get(i)
        return q is not None and q.first < i

    def _protected_ands(self) -> set[int]:
        """The "and" of "between 50 and 250" does not start a clause."""
        out: set[int] = set()
        for i, low in enumerate(self.lows):
            if low == "between":
                for k in range(i + 1, min(i + 6, self.n)):
                    if self.lows[k] == "and":
                        out.add(k)
                        break
        return out

    def _comma_breaks(self, i: int) -> bool:
        """A comma starts a clause when a verb or a bound follows it."""
        k = i + 1
        while k < self.n and self.lows[k] in ("and", "but", "while"):
            k += 1
        return k < self.n and (
            self._verb_at(k) is not None
            or self._match("comparator_prefix", k) is not None
            or self._match("zero_words", k) is not None
            or self._match("measurement_words", k) is not None
            or any(self._match("comparator_prefix", j) for j in range(k, min(k + 4, self.n)))
        )

    def _with_breaks(self, k: int) -> bool:
        """ "with churn below 3%" is a guard-rail clause; "with FTSE 250 companies" is not."""
        for j in range(k, min(k + 6, self.n)):
            if self._match("comparator_prefix", j) or self._match("hold_verbs", j):
                nxt = j + (self._match("comparator_prefix", j) or (1, None))[0]
                if nxt in self.q_at or self._match("zero_words", nxt):
                    return True
                if self._match("hold_verbs", j):
                    return True
            if self._match("zero_words", j) and j == k:
                return True
        return False

    # -- verbs ----------------------------------------------------------------------

    _VERB_ORDER = (
        "hold_verbs",
        "relative_words",
        "change_verbs",
        "target_verbs",
        "acquisition_verbs",
        "task_verbs",
        "vague_verbs",
    )

    def _verb_at(self, i: int) -> tuple[str, int, object] | None:
        """The verb table matching at token ``i``: (table, length, payload)."""
        best: tuple[str, int, object] | None = None
        for table in self._VERB_ORDER:
            m = self._match(table, i)
            if m is not None and (best is None or m[0] > best[1]):
                best = (table, m[0], m[1])
        return best

    def _leading_verb(self, c: _Clause) -> tuple[int, str, int, object] | None:
        i = c.first
        while i < c.last and (
            self.lows[i] in _LEADING_SKIP or self.tokens[i].kind is Kind.SYM
        ):
            i += 1
        if i >= c.last:
            return None
        found = self._verb_at(i)
        if found is None:
            return None
        return i, *found

    def _inner_verb(self, c: _Clause) -> tuple[int, str, int, object] | None:
        """A verb inside a nominal text: "Uptime stays above 99.9%", "Churn reduced to 3%"."""
        for i in range(c.first, c.last):
            if i in self.q_covering:
                continue
            low = self.lows[i]
            for table in ("hold_verbs", "change_verbs", "target_verbs", "task_verbs",
                          "acquisition_verbs"):
                m = self._match(table, i)
                if m is None:
                    continue
                if table != "hold_verbs" and not _participle(low):
                    continue
                if table == "hold_verbs" and low in ("hold", "keep", "meet", "end", "meeting"):
                    continue
                return i, table, m[0], m[1]
        return None

    # -- reading one clause ---------------------------------------------------------

    def read(self) -> KeyResultMeaning:
        clauses = self._clauses()
        previous: _Clause | None = None
        for c in clauses:
            self._read_clause(c, previous if c.joined_by == "and" else None)
            previous = c
        return self._combine(clauses)

    def _read_clause(self, c: _Clause, previous: _Clause | None) -> None:
        c.quantities = [q for q in self.quantities if c.first <= q.first < c.last]
        found = self._leading_verb(c)
        if found is None:
            found = self._inner_verb(c)
        if found is not None:
            at, table, length, payload = found
            c.verb_at, c.verb_kind, c.verb_len = at, table, length
            c.verb = " ".join(self.lows[at : at + length])
            c.direction = _direction(table, payload)
            if table == "relative_words":
                c.relative = Quantity(float(str(payload)), Unit(UnitKind.MULTIPLE), c.verb,
                                      self.tokens[at].start, self.tokens[at + length - 1].end,
                                      first=at, last=at + length)
            self._refine_verb(c)
        elif previous is not None and previous.verb_kind and not self._has_bound(c):
            # "Grow revenue and margin by 10%": the verb carries over
            c.verb_kind, c.verb, c.direction = previous.verb_kind, previous.verb, previous.direction
        self._find_change(c)
        self._find_holds(c)
        c.metric = self._metric(c)
        c.output = self._is_output(c)
        self._decide(c)
        stated = c.stated_baseline
        if (
            c.intent is Intent.CHANGE and c.baseline is None and stated is not None
            and c.target is not stated and not c.from_zero
        ):
            c.baseline = stated
            if c.target is not None:
                c.baseline, c.target = _share_units(stated, c.target)

    def _refine_verb(self, c: _Clause) -> None:
        """Resolve words that belong to several verb tables by what follows them."""
        after = c.verb_at + c.verb_len
        if c.verb_kind == "hold_verbs" and c.verb.split()[0] in ("hold", "holds", "holding", "held",
                                                                  "keep", "keeps", "keeping"):
            for k in range(after, min(after + 4, c.last)):
                if self._match("event_nouns", k):
                    c.verb_kind = "task_verbs"
                    return
        if c.verb_kind == "hold_verbs":
            # "keep growing", "continue to reduce": a hold of a movement; from-to may still win
            nxt = self._verb_at(after) if after < c.last else None
            if nxt is not None and nxt[0] in ("change_verbs", "relative_words"):
                c.direction = _direction(nxt[0], nxt[2])
            return
        later = [q for q in c.quantities if q.first >= after]
        first_q = later[0] if later else None
        # "add", "raise", "get", "generate", "secure": change or acquisition by context
        acquisition = self._match("acquisition_verbs", c.verb_at)
        if (
            acquisition is not None
            and c.verb_kind != "acquisition_verbs"
            and acquisition[0] >= c.verb_len
        ):
            if (
                first_q is not None
                and self._countable(first_q)
                and not self._has_change_words(c)
                and self._right_after(after, first_q)
            ):
                c.verb_kind = "acquisition_verbs"
        elif c.verb_kind == "acquisition_verbs" and self._has_change_words(c):
            change = self._match("change_verbs", c.verb_at)
            target = self._match("target_verbs", c.verb_at)
            if change is not None:
                c.verb_kind = "change_verbs"
                c.direction = _direction("change_verbs", change[1])
            elif target is not None:
                c.verb_kind = "target_verbs"
        if c.verb_kind == "task_verbs" and first_q is not None:
            target = self._match("target_verbs", c.verb_at)
            if target is not None and not self._counts_activity(first_q):
                c.verb_kind = "target_verbs"  # "deliver $2M in savings"

    def _right_after(self, k: int, q: Quantity) -> bool:
        """Is ``q`` the verb's object ("sign 10 ...", "get another 3 ...")?"""
        while k < q.first:
            if self.lows[k] not in ("a", "an", "another", "at", "least", "over", "more", "than",
                                    "up", "to", "some", "around", "about", "additional"):
                return False
            k += 1
        return True

    def _countable(self, q: Quantity) -> bool:
        return q.unit.kind in (UnitKind.NONE, UnitKind.LABEL, UnitKind.CURRENCY)

    def _has_change_words(self, c: _Clause) -> bool:
        """ "from X to Y", "to Y", "by X": words that make an amount a change."""
        for i in range(c.first, c.last):
            if self.lows[i] in ("from", "by", "->") and (i + 1 in self.q_at or i + 2 in self.q_at):
                return True
            if self.lows[i] == "to" and self._quantity_after(i + 1, c) is not None:
                return True
        return False

    def _has_bound(self, c: _Clause) -> bool:
        return any(
            self._match("comparator_prefix", i) and self._quantity_after(i, c, skip_bound=True)
            for i in range(c.first, c.last)
        ) or any(self._match("zero_words", i) for i in range(c.first, min(c.first + 1, c.last)))

    def _quantity_after(
        self, i: int, c: _Clause, skip_bound: bool = False, reach: int = 3
    ) -> tuple[Quantity, Comparator | None] | None:
        """The amount starting at or just after token ``i`` (skipping "a", "the", a bound)."""
        k = i
        bound: Comparator | None = None
        steps = 0
        while k < c.last and steps <= reach:
            if k in self.q_at:
                return self.q_at[k], bound
            if self._zero_at(k):
                return self._zero_quantity(k), bound
            m = self._match("comparator_prefix", k)
            if m is not None and (skip_bound or True) and self.lows[k] not in ("of", "at", "about"):
                bound = Comparator(str(m[1]).replace("lt", "<").replace("le", "<=").replace(
                    "gt", ">").replace("ge", ">=").replace("eq", "=")) if str(m[1]) in (
                    "lt", "le", "gt", "ge", "eq") else None
                k += m[0]
                steps += 1
                continue
            if self.lows[k] in ("a", "an", "the", "of", "around", "about", "approximately",
                                "roughly", "~", "target", "baseline", "current", "today's",
                                "level", "rate", "score", "value", "just", "only", "up", "down",
                                "back", "at", "our", "its", "their", "new", "record", "level", ":"):
                k += 1
                steps += 1
                continue
            return None
        return None

    def _zero_at(self, k: int) -> bool:
        m = self._match("zero_words", k)
        if m is None:
            return False
        nxt = k + m[0]
        if nxt < self.n and self._match("zero_not_before", nxt):
            return False
        return self.lows[k] != "no" or (nxt < self.n and self.tokens[nxt].kind is Kind.WORD)

    def _zero_quantity(self, k: int) -> Quantity:
        m = self._match("zero_words", k)
        length = m[0] if m else 1
        return Quantity(0.0, NO_UNIT, self.text[self.tokens[k].start : self.tokens[k + length - 1].end],
                        self.tokens[k].start, self.tokens[k + length - 1].end, first=k, last=k + length)

    # -- change patterns ------------------------------------------------------------

    def _find_change(self, c: _Clause) -> None:
        lows = self.lows
        for i in range(c.first, c.last):
            low = lows[i]
            if low == "from" and c.baseline is None:
                got = self._quantity_after(i + 1, c, reach=4)
                if got is None:
                    continue
                base, _ = got
                to_at = self._next_to(base.last, c)
                if to_at is not None:
                    target = self._quantity_after(to_at, c, skip_bound=True)
                    if target is not None:
                        c.baseline, c.target = _share_units(base, target[0])
                        c.bound = target[1]
                        c.evidence = (i, target[0].last)
                        continue
                c.baseline = base
                c.evidence = (i, base.last)
            elif c.baseline is None and self._match("baseline_words", i) and i > c.first:
                m = self._match("baseline_words", i)
                assert m is not None
                got = self._quantity_after(i + m[0], c, reach=2)
                if got is not None:
                    c.stated_baseline = got[0]
            elif low == "->" and c.target is None:
                before = self._quantity_before(i, c)
                after = self._quantity_after(i + 1, c, skip_bound=True)
                if before is not None and after is not None:
                    c.baseline, c.target = _share_units(before, after[0])
                    c.bound = after[1]
                    c.evidence = (before.first, after[0].last)
            elif low in ("to", "until") and c.target is None and i > c.first:
                got = self._quantity_after(i + 1, c, skip_bound=True)
                if got is None:
                    continue
                before = self._quantity_before(i, c)
                if before is not None and c.baseline is None and self._changing(c):
                    # "Reduce churn 4% to 2.5%"
                    c.baseline, target = _share_units(before, got[0])
                    c.target, c.bound = target, got[1]
                    c.evidence = (before.first, got[0].last)
                elif self._changing(c) or (c.baseline is not None):
                    c.target, c.bound = got
                    if c.baseline is not None:
                        c.baseline, c.target = _share_units(c.baseline, c.target)
                    c.evidence = (i, got[0].last)
            elif low == "by" and c.relative is None:
                got = self._quantity_after(i + 1, c, reach=1)
                if got is not None and got[0].value != 0:
                    c.relative = got[0]
            elif low == "between" and c.target is None:
                got = self._quantity_after(i + 1, c)
                if got is not None:
                    upper = self._quantity_after(got[0].last + 1, c)
                    if upper is not None and self.lows[got[0].last : got[0].last + 1] == ["and"]:
                        c.holds.append(Hold(Comparator.RANGE, *_share_units(got[0], upper[0])[:1],
                                            metric="", text=self._span_text(i, upper[0].last),
                                            upper=_share_units(got[0], upper[0])[1]))
        self._find_relative(c)

    def _next_to(self, k: int, c: _Clause) -> int | None:
        """Index after "to" / "->" / "down to" following a baseline."""
        steps = 0
        while k < c.last and steps < 3:
            low = self.lows[k]
            if low in ("to", "->", "until", "-", "through"):
                return k + 1
            if low in ("up", "down", "all", "the", "way", ",", "back"):
                k += 1
                steps += 1
                continue
            return None
        return None

    def _quantity_before(self, i: int, c: _Clause) -> Quantity | None:
        k = i - 1
        while k >= c.first and self.lows[k] in (")", "(", "'", '"'):
            k -= 1
        q = self.q_covering.get(k)
        return q if q is not None and q.first >= c.first else None

    def _changing(self, c: _Clause) -> bool:
        return c.verb_kind in ("change_verbs", "target_verbs", "relative_words", "vague_verbs") or (
            c.verb_kind == "" and False
        )

    def _find_relative(self, c: _Clause) -> None:
        if c.relative is not None:
            return
        for i in range(c.first, c.last):
            m = self._match("relative_words", i)
            if m is not None and i != c.verb_at:
                c.relative = Quantity(float(str(m[1])), Unit(UnitKind.MULTIPLE),
                                      self._span_text(i, i + m[0]), self.tokens[i].start,
                                      self.tokens[i + m[0] - 1].end, first=i, last=i + m[0])
                return
        for q in c.quantities:
            if q.first > 0 and self.lows[q.first - 1] in ("+", "-") and (
                self.tokens[q.first - 1].end == self.tokens[q.first].start
            ) and not (q.first > 1 and (q.first - 2) in self.q_covering):
                c.relative = q  # "NPS +10 points"
                if c.direction is None:
                    c.direction = Direction.UP if self.lows[q.first - 1] == "+" else Direction.DOWN
                return
        for q in c.quantities:
            if q.unit.kind is UnitKind.MULTIPLE and q is not c.target and q is not c.baseline:
                c.relative = q
                return
            nxt = self.lows[q.last] if q.last < self.n else ""
            if q.unit.kind in (UnitKind.PERCENT, UnitKind.POINTS, UnitKind.BPS) and nxt in (
                "more", "less", "fewer", "higher", "lower", "faster", "slower", "increase",
                "decrease", "reduction", "growth", "improvement", "uplift", "lift", "drop", "cut",
                "boost", "gain", "rise", "decline", "better", "cheaper", "shorter", "longer",
                "mom", "qoq", "yoy", "wow",
            ):
                c.relative = q
                if c.direction is None:
                    c.direction = (
                        Direction.DOWN
                        if nxt in ("less", "fewer", "lower", "decrease", "reduction", "drop", "cut",
                                   "decline", "cheaper", "shorter", "faster")
                        else Direction.UP
                    )
                return
        if (
            c.verb_kind in ("change_verbs", "vague_verbs")
            and c.target is None
            and c.baseline is None
        ):
            # "Increase revenue 20%": a bare percentage after a change verb is relative
            for q in c.quantities:
                if q.first > c.verb_at and q.unit.kind in (UnitKind.PERCENT, UnitKind.POINTS,
                                                          UnitKind.BPS):
                    prev = self.lows[q.first - 1] if q.first > 0 else ""
                    if prev in ("of", "at", "a") or self._bound_before(q.first, c) is not None:
                        continue
                    c.relative = q
                    return

    # -- hold patterns --------------------------------------------------------------

    def _bound_before(self, k: int, c: _Clause) -> tuple[Comparator, int] | None:
        """A comparator that ends right before token ``k``: (comparator, its first token)."""
        for length in (4, 3, 2, 1):
            j = k - length
            if j < c.first:
                continue
            m = self._match("comparator_prefix", j)
            if m is not None and m[0] == length:
                return _comparator(m[1]), j
        return None

    def _bound_after(self, q: Quantity, c: _Clause) -> tuple[Comparator, int] | None:
        k = q.last
        if k < c.last:
            m = self._match("comparator_suffix", k)
            if m is not None:
                return _comparator(m[1]), k + m[0]
        return None

    def _find_holds(self, c: _Clause) -> None:
        # bounds: "below 4%", "at least 95%", "4% or less", ">= 99.9%"
        for q in c.quantities:
            if q is c.target or q is c.baseline or q is c.relative:
                continue
            before = self._bound_before(q.first, c)
            after = self._bound_after(q, c)
            if before is not None:
                comp, start = before
                if comp is Comparator.EQ and c.verb_kind != "hold_verbs":
                    continue  # "uptime of 99.9%" names a level, it bounds nothing
                c.has_comparator = True
                c.holds.append(Hold(comp, q, "", self._span_text(start, q.last)))
            elif after is not None:
                comp, end = after
                c.has_comparator = True
                c.holds.append(Hold(comp, q, "", self._span_text(q.first, end)))
        # zero levels: "zero missed payroll runs", "no P1 incidents"
        for i in range(c.first, c.last):
            if self._zero_at(i) and not (i in self.q_covering and self.q_covering[i] is c.target):
                prev = self.lows[i - 1] if i > c.first else ""
                if prev in ("to", "->", "from", "by") or prev in self.lex.table("target_verbs"):
                    continue
                if i != c.first and not (c.verb_kind == "hold_verbs" and i <= c.verb_at + c.verb_len + 2) and i - c.first > 2:
                    continue
                zero = self._zero_quantity(i)
                end = self._noun_end(zero.last, c)
                if end == zero.last:
                    continue  # "zero" alone names nothing
                c.has_comparator = True
                c.holds.append(Hold(Comparator.LE, zero, "", self._span_text(i, end)))
                break
        # cadence: "every month", "each sprint", a trailing "weekly"
        cadence = self._cadence(c)
        if cadence:
            c.holds.append(Hold(None, None, "", cadence, cadence=cadence))

    def _noun_end(self, k: int, c: _Clause) -> int:
        while k < c.last and self.tokens[k].kind is Kind.WORD and self.lows[k] not in (
            "by", "in", "during", "for", "this", "across", "from", "to", "while", "and"
        ):
            k += 1
        return k

    def _cadence(self, c: _Clause) -> str:
        lows = self.lows
        for i in range(c.first, c.last):
            if self._match("measurement_words", i):
                return ""
            m = self._match("cadence_words", i)
            if m is not None:
                k = i + m[0]
                q = self.q_covering.get(k)
                if q is not None and q.unit.kind is UnitKind.DURATION:
                    return self._span_text(i, q.last)  # "every 2 weeks"
                if k < c.last and (q is not None or self.lows[k] in ("other", "single")):
                    k = q.last if q is not None else k + 1
                p = self._match("periods", k)
                if p is not None:
                    return self._span_text(i, k + p[0])
            m = self._match("continuity", i)
            if m is not None:
                return self._span_text(i, i + m[0])
            if c.verb_kind == "" and self._match("steady_words", i):
                return self._span_text(i, i + 1)
        # a cadence adverb that ends the clause: "send the investor update monthly"
        k = c.last - 1
        while k > c.first and (self.tokens[k].kind is Kind.SYM or k in self.date_tokens):
            k -= 1
        if k > c.first and self._match("cadence_adverbs", k) and k - 1 not in self.q_covering:
            return self.tokens[k].text
        m = None
        for i in range(c.first, c.last):
            if lows[i] == "on" and i + 3 < self.n + 1 and self._match("continuity", i):
                return self._span_text(i, i + 4)
        return ""

    # -- metric and output ----------------------------------------------------------

    def _metric(self, c: _Clause) -> str:
        """The words naming what is measured: "Keep gross churn below 4%" → "gross churn"."""
        excluded: set[int] = set(self.date_tokens)
        for q in c.quantities:
            excluded.update(range(q.first, q.last))
        if c.verb_at >= 0:
            excluded.update(range(c.verb_at, c.verb_at + c.verb_len))
            if c.verb_at == c.first or all(
                self.lows[k] in _LEADING_SKIP or self.tokens[k].kind is Kind.SYM
                for k in range(c.first, c.verb_at)
            ):
                excluded.update(range(c.first, c.verb_at))
        for i in range(c.first, c.last):
            for table in ("comparator_prefix", "comparator_suffix", "continuity", "zero_words",
                          "cadence_words", "deadline_words"):
                m = self._match(table, i)
                if m is not None and (table != "comparator_prefix" or self._quantity_after(i, c)):
                    if table == "zero_words" and not self._zero_at(i):
                        continue
                    excluded.update(range(i, i + m[0]))
            if self.lows[i] in ("from", "to", "by", "->", "between", "until"):
                excluded.add(i)
        runs: list[tuple[int, int]] = []
        start = -1
        for i in range(c.first, c.last + 1):
            inside = i < c.last and i not in excluded and self.tokens[i].kind is not Kind.SYM or (
                i < c.last and self.lows[i] in ("'", '"', "&", "/", "-")
            )
            if inside and i not in excluded and start < 0:
                start = i
            elif (not inside or i in excluded) and start >= 0:
                runs.append((start, i))
                start = -1
        function_words = self.lex.table("function_words")
        for a, b in runs:
            while a < b and (self.lows[a] in function_words or self.tokens[a].kind is Kind.SYM):
                a += 1
            while b > a and (self.lows[b - 1] in function_words or self.tokens[b - 1].kind is Kind.SYM):
                b -= 1
            if b > a:
                return self.text[self.tokens[a].start : self.tokens[b - 1].end]
        return ""

    def _is_output(self, c: _Clause) -> bool:
        """Does the clause count the team's own activity ("demo calls", "blog posts")?"""
        words = [w for w in c.metric.lower().split() if w]
        if not words:
            head = ""
        else:
            # the head noun: the last word before "of", or the word after "number of"
            lows = [w.strip("'\".,") for w in words]
            if "of" in lows and lows[0] in ("number", "count", "amount", "volume", "#"):
                head = lows[lows.index("of") + 1] if lows.index("of") + 1 < len(lows) else ""
                head = lows[-1]
            elif "of" in lows:
                head = lows[lows.index("of") - 1] if lows.index("of") > 0 else lows[-1]
            else:
                head = lows[-1]
        activity = self.lex.table("activity_nouns")
        if head and head in activity:
            return True
        for q in c.quantities:
            if q.unit.kind is UnitKind.LABEL and q.unit.code in activity:
                return True
        return False

    def _counts_activity(self, q: Quantity) -> bool:
        return q.unit.kind is UnitKind.LABEL and q.unit.code in self.lex.table("activity_nouns")

    def _counts_outcome(self, q: Quantity) -> bool:
        return q.unit.kind is UnitKind.CURRENCY or (
            q.unit.kind is UnitKind.LABEL and q.unit.code in self.lex.table("outcome_nouns")
        )

    def _new_count(self, c: _Clause) -> Quantity | None:
        """ "Sign 10 new enterprise customers", "Close $2M in new business"."""
        for q in c.quantities:
            if q is c.baseline or q is c.relative or not self._countable(q) or q.per:
                continue
            if q.unit.kind is UnitKind.NONE and not any(
                self._match("new_words", k) for k in range(q.last, min(q.last + 3, c.last))
            ):
                if c.verb_kind != "acquisition_verbs":
                    continue
            window = range(max(c.first, q.first - 2), min(q.last + 4, c.last))
            marked = any(self._match("new_words", k) for k in window)
            if c.verb_kind == "acquisition_verbs" or (
                marked and c.verb_kind in ("", "target_verbs", "change_verbs")
                and q.unit.kind is not UnitKind.CURRENCY
            ):
                return q
        return None

    # -- decision -------------------------------------------------------------------

    def _decide(self, c: _Clause) -> None:
        full_change = (
            c.baseline is not None and c.target is not None and not c.baseline.same_amount(c.target)
        )
        level_holds = [h for h in c.holds if h.level is not None]
        cadence = [h for h in c.holds if h.cadence]
        if full_change:
            c.intent = Intent.CHANGE
            c.holds = [h for h in c.holds if h.level is not None and h.comparator is Comparator.RANGE
                       and False]
            return
        if c.verb_kind == "hold_verbs" and c.joined_by == "without" and not level_holds:
            c.intent = Intent.UNMEASURED  # "without keeping ..." is not itself a hold
            return
        if c.verb_kind == "hold_verbs":
            if not level_holds and not cadence and not c.quantities and self.deadline:
                c.intent, c.output = Intent.TASK, True  # "ensure the CRM is live by Q3"
                return
            c.intent = Intent.HOLD
            c.holds = self._hold_levels(c, level_holds, cadence)
            return
        if c.joined_by == "without" and c.verb_kind in ("change_verbs", "target_verbs"):
            # "without letting CAC rise above $200": a limit, not a second bet
            c.intent = Intent.HOLD if level_holds else Intent.UNMEASURED
            c.holds = self._hold_levels(c, level_holds, [])
            return
        if c.baseline is not None and c.target is not None:  # from X to X
            c.intent = Intent.CHANGE
            c.holds = []
            return
        if cadence and not (c.verb_kind == "task_verbs" and not cadence[0].text):
            c.intent = Intent.HOLD
            c.holds = self._hold_levels(c, level_holds, cadence)
            return
        changing = c.verb_kind in ("change_verbs", "target_verbs", "relative_words")
        if level_holds and not changing and c.verb_kind != "acquisition_verbs":
            qualifier = self._qualified_level(c, level_holds)
            if qualifier is not None:
                c.holds = []
                c.target = qualifier
                c.intent = Intent.CHANGE
                return
            if self.deadline:
                hold = level_holds[0]
                c.target, c.bound = hold.level, hold.comparator
                c.holds = []
                c.intent = Intent.CHANGE
                return
            c.intent = Intent.HOLD
            c.holds = self._hold_levels(c, level_holds, [])
            return
        new = self._new_count(c)
        if new is not None:
            if self._counts_activity(new) and not self._counts_outcome(new):
                c.intent, c.output = Intent.TASK, True
            else:
                c.intent, c.target, c.from_zero = Intent.CHANGE, new, True
                own = [h for h in level_holds if h.level is new]
                c.bound = own[0].comparator if own else None
            c.holds = []
            return
        if changing or c.verb_kind in ("vague_verbs", ""):
            if c.target is None and level_holds and changing:
                hold = level_holds[0]
                c.target, c.bound = hold.level, hold.comparator  # "cut latency below 300ms"
            if c.target is None and c.verb_kind == "target_verbs":
                after = [q for q in c.quantities if q.first > c.verb_at and q is not c.relative]
                if after:
                    c.target = after[0]
            if c.target is None and c.relative is None and changing and c.quantities:
                spare = [q for q in c.quantities if q is not c.baseline]
                if spare:
                    c.target = spare[0]
            if c.target is not None or c.relative is not None:
                c.intent = Intent.CHANGE
                c.holds = []
                return
        if c.verb_kind == "task_verbs":
            c.intent, c.output = Intent.TASK, True
            c.holds = []
            return
        if c.baseline is not None:
            c.intent = Intent.UNMEASURED  # a baseline with nowhere to go
            return
        if c.quantities and c.verb_kind not in ("acquisition_verbs",):
            c.target = c.quantities[0]
            c.intent = Intent.CHANGE  # a bare level: "40% activation"
            c.holds = []
            return
        if c.quantities:
            c.target = c.quantities[0]
            c.intent = Intent.CHANGE
            return
        c.intent = Intent.UNMEASURED
        c.holds = []

    def _qualified_level(self, c: _Clause, holds: list[Hold]) -> Quantity | None:
        """ "90% of tickets answered within 4 hours": the 90% is the level, not the bound."""
        bounded = {id(h.level) for h in holds}
        for q in c.quantities:
            if id(q) in bounded:
                continue
            nxt = self.lows[q.last] if q.last < self.n else ""
            if q.unit.kind is UnitKind.PERCENT and nxt == "of":
                return q
        return None

    def _hold_levels(self, c: _Clause, level_holds: list[Hold], cadence: list[Hold]) -> list[Hold]:
        metric = c.metric
        holds: list[Hold] = []
        lower = self._lower_is_better(metric)
        if not level_holds and c.verb_kind == "hold_verbs":
            # "Maintain 99.9% uptime": the level is named without a bound
            spare = [q for q in c.quantities if q is not c.relative]
            if spare:
                q = spare[0]
                holds.append(Hold(None, q, metric, self._clause_text(c), lower_is_better=lower))
            elif c.baseline is not None:
                holds.append(Hold(None, c.baseline, metric, self._clause_text(c),
                                  lower_is_better=lower))
        for h in level_holds:
            text = self._clause_text(c) if c.verb_kind == "hold_verbs" else h.text
            holds.append(replace(h, metric=metric, text=text, lower_is_better=lower))
        if c.verb_kind == "hold_verbs" and not holds:
            if metric and metric.lower() not in self.lex.table("pronouns") or cadence:
                holds.append(Hold(None, None, metric, self._span_text(c.verb_at, c.last)))
        for h in cadence:
            holds.append(replace(h, metric=metric))
        return holds

    def _lower_is_better(self, metric: str) -> bool | None:
        if not metric:
            return None
        table = self.lex.table("lower_is_better")
        lows = [t.low for t in tokenize(metric)]
        return any(table.match(lows, i) for i in range(len(lows)))

    def _clause_text(self, c: _Clause) -> str:
        """The clause from its verb on: "keeping churn below 3%"."""
        start = c.verb_at if c.verb_at >= 0 else c.first
        last = c.last
        while last > start and self.lows[last - 1] in (".", ",", ";", ":", "!", "?", "(", ")"):
            last -= 1
        return self._span_text(start, last)

    # -- combining clauses ----------------------------------------------------------

    def _combine(self, clauses: list[_Clause]) -> KeyResultMeaning:
        lex = self.lex
        changes = [c for c in clauses if c.intent is Intent.CHANGE]
        holds = [c for c in clauses if c.intent is Intent.HOLD]
        tasks = [c for c in clauses if c.intent is Intent.TASK]
        if changes:
            main = max(changes, key=_change_strength)
            guard = [h for c in holds for h in c.holds if h.level is not None or
                     (h.cadence == "" and c.verb_kind == "hold_verbs" and h.metric)]
            return self._meaning(main, Intent.CHANGE, tuple(guard))
        if holds:
            main = holds[0]
            all_holds = tuple(h for c in holds for h in c.holds)
            return self._meaning(main, Intent.HOLD, all_holds)
        if tasks:
            return self._meaning(tasks[0], Intent.TASK, ())
        main = clauses[0]
        del lex
        return self._meaning(main, Intent.UNMEASURED, ())

    def _meaning(self, c: _Clause, intent: Intent, holds: tuple[Hold, ...]) -> KeyResultMeaning:
        evidence = ""
        if intent is Intent.HOLD and holds:
            evidence = holds[0].text
        elif c.evidence[0] >= 0:
            evidence = self._span_text(*c.evidence)
        elif c.target is not None and c.target.start >= 0:
            evidence = self.text[c.target.start : c.target.end]
        elif c.relative is not None and c.relative.start >= 0:
            evidence = self.text[c.relative.start : c.relative.end]
        target = _texted(c.target, self.text)
        baseline = _texted(c.baseline, self.text)
        relative = _texted(c.relative, self.text)
        direction = c.direction
        if relative is not None and relative.unit.kind is UnitKind.MULTIPLE and direction is None:
            direction = Direction.UP if relative.value >= 1 else Direction.DOWN
        return KeyResultMeaning(
            intent=intent,
            direction=direction,
            baseline=baseline,
            target=target,
            bound=c.bound,
            relative=relative,
            from_zero=c.from_zero,
            holds=tuple(replace(h, level=_texted(h.level, self.text),
                                upper=_texted(h.upper, self.text)) for h in holds),
            output=c.output,
            metric=c.metric,
            evidence=evidence.strip(),
            verb=c.verb,
            deadline=self.deadline,
            language=self.lex.language,
        )

    def _span_text(self, first: int, last: int) -> str:
        first = max(first, 0)
        last = min(last, self.n)
        if last <= first:
            return ""
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]


def _change_strength(c: _Clause) -> int:
    if c.baseline is not None and c.target is not None:
        return 3
    if c.target is not None or c.relative is not None:
        return 2 if not c.from_zero else 1
    return 0


def _texted(q: Quantity | None, text: str) -> Quantity | None:
    if q is None or q.text or q.start < 0:
        return q
    return replace(q, text=text[q.start : q.end])


def _share_units(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    """ "61 to 75 percent": an amount without a unit takes the other's unit."""
    if a.unit.kind is UnitKind.NONE and b.unit.kind is not UnitKind.NONE:
        a = a.with_unit(b.unit)
        if b.unit.kind is UnitKind.CURRENCY and a.value * 1000 <= b.value and _bare_multiplied(b):
            pass
    elif b.unit.kind is UnitKind.NONE and a.unit.kind is not UnitKind.NONE:
        b = b.with_unit(a.unit)
    return a, b


def _bare_multiplied(q: Quantity) -> bool:
    return False


def _direction(table: str, payload: object) -> Direction | None:
    if table == "change_verbs":
        if payload == "up":
            return Direction.UP
        if payload == "down":
            return Direction.DOWN
        return None
    if table == "relative_words":
        return Direction.UP if float(str(payload)) >= 1 else Direction.DOWN
    return None


def _comparator(payload: object) -> Comparator:
    return {
        "lt": Comparator.LT,
        "le": Comparator.LE,
        "gt": Comparator.GT,
        "ge": Comparator.GE,
    }.get(str(payload), Comparator.EQ)


def _participle(word: str) -> bool:
    """Verbs inside a nominal text count only as participles: "churn reduced to 3%"."""
    return word.endswith("ed") or word in (
        "kept", "held", "cut", "won", "grew", "grown", "fell", "rose", "hit", "met", "built",
        "went", "brought", "sold", "drove", "shrunk", "done", "run", "begun", "written",
    )


def _is_number(text: str) -> bool:
    return _float(text) is not None


def _float(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def texts_language(texts: Sequence[str]) -> str:  # pragma: no cover - replaced in issue 4
    return "en"
