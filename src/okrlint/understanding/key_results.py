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

Every word the reader looks for is data of its language (``rules/phrases/<lang>.yaml``):
"from", "von", "de" and "desde" are all ``from_words``. The code knows only symbols and
a few facts of grammar the data declares: the verb may close the clause ("Die Churn-Rate
von 4 % auf 2,5 % senken"), nouns may be capitalised or compounded ("Neukunden"), the
head of a noun phrase may come first ("clientes nuevos"), and a word that is both
"from" and "of" (German "von", Spanish and French "de") makes a baseline only with its
"to".
"""

from __future__ import annotations

import math
from bisect import bisect_left
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
        """Does it name a level ("below 4%"), not only a metric or a cadence?"""
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
        """Holds beside a real change: "... while keeping churn below 3%".

        An unmeasured bet ("Grow MRR while keeping churn below 3%") carries its holds
        too; they become guard-rails when structured numbers make it a change.
        """
        return self.holds if self.intent is Intent.CHANGE else ()

    @property
    def has_target(self) -> bool:
        """Does it name where the number should go (a target or a relative step)?"""
        return self.target is not None or self.relative is not None

    def with_numbers(self, baseline: Quantity | None, target: Quantity | None) -> KeyResultMeaning:
        """Apply structured ``from``/``to``: given fields win over the text."""
        base = baseline if baseline is not None else self.baseline
        goal = target if target is not None else self.target
        if base is not None and goal is not None:
            base, goal = _share_units(base, goal)
        intent = self.intent
        holds = self.holds
        moves = base is not None and goal is not None and not base.same_amount(goal)
        if moves and intent is not Intent.CHANGE:
            # numbers that move make it a bet, whatever the title's wording; a held level
            # was the title's own ask, while an unmeasured bet's holds are its guard-rails
            output = self.output or intent is Intent.TASK
            holds = self.holds if intent is Intent.UNMEASURED else ()
            intent = Intent.CHANGE
            return replace(
                self,
                intent=intent,
                baseline=base,
                target=goal,
                holds=holds,
                output=output,
                from_zero=False,
                bound=None,
            )
        if goal is not None and intent in (Intent.UNMEASURED, Intent.TASK):
            intent = Intent.CHANGE
        from_zero = self.from_zero and base is None
        return replace(
            self, intent=intent, baseline=base, target=goal, holds=holds, from_zero=from_zero
        )


# -- the reader -----------------------------------------------------------------------


@dataclass(slots=True)
class _Clause:
    """One clause of a key result, and what was found in it."""

    first: int  # token indexes: [first, last)
    last: int
    joined_by: str = ""  # "and" (coordinating), a subordinator ("while", "without"), or ""
    intent: Intent = Intent.UNMEASURED
    verb_kind: str = ""  # the phrase table of its verb: "change_verbs", "hold_verbs", ...
    verb: str = ""
    verb_at: int = -1
    verb_len: int = 0
    verb_trailing: bool = False  # the verb closes the clause: "Churn unter 3 % halten"
    direction: Direction | None = None
    baseline: Quantity | None = None
    target: Quantity | None = None
    bound: Comparator | None = None
    relative: Quantity | None = None
    from_zero: bool = False
    holds: list[Hold] = field(default_factory=list)
    output: bool = False
    metric: str = ""
    evidence: tuple[int, int] = (-1, -1)  # token span that shows the change
    quantities: list[Quantity] = field(default_factory=list)
    stated_baseline: Quantity | None = None  # "(currently 3.4s)", "(baseline 61%)"


# Verb tables, in the order that breaks ties between phrases of the same length.
_VERB_TABLES = (
    "hold_verbs",
    "relative_words",
    "change_verbs",
    "target_verbs",
    "acquisition_verbs",
    "task_verbs",
    "vague_verbs",
)
_INNER_VERB_TABLES = (
    "hold_verbs",
    "change_verbs",
    "target_verbs",
    "task_verbs",
    "acquisition_verbs",
)
_CHANGING = frozenset({"change_verbs", "target_verbs", "relative_words"})
_LEVEL_UNITS = frozenset(
    {UnitKind.PERCENT, UnitKind.POINTS, UnitKind.BPS, UnitKind.CURRENCY, UnitKind.DURATION}
)
_SHARES = frozenset({UnitKind.PERCENT, UnitKind.POINTS, UnitKind.BPS})
_PER_YEAR = Unit(UnitKind.LABEL, "times a year")
# How a clause is joined to the one before it, besides by a subordinator of the language:
_AND = "and"  # coordinated (a connector that is no subordinator)
_ASIDE = "("  # an aside: a parenthesis, or a clause opener ("manteniendo ...")
_ARROWS = frozenset({"->"})
#: The tables whose phrases say how often or how steadily (see _Reader._cadence).
_CADENCE_TABLES = frozenset(
    {"measurement_words", "cadence_words", "continuity", "punctuality", "steady_words"}
)


@lru_cache(maxsize=4096)
def read_key_result(text: str, language: str = "en") -> KeyResultMeaning:
    """Read what ``text`` asks for. Never raises; unreadable text is UNMEASURED."""
    lex = lexicon(language)
    tokens = tokenize(text, lex.space_groups)
    if not tokens:
        return KeyResultMeaning(Intent.UNMEASURED, language=language)
    return _Reader(text, tokens, lex).read()


class _Reader:
    """Reads one text: prepares tokens, amounts and dates once, then reads each clause."""

    def __init__(self, text: str, tokens: list[Token], lex: Lexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.lows = [t.low for t in tokens]
        self.lex = lex
        self.tables = lex.tables
        index, nothing = lex.first_index, frozenset[str]()
        self.starts = [index.get(low, nothing) for low in self.lows]
        self.n = len(tokens)
        self.date_tokens = self._find_dates()
        self.deadline = self._has_deadline()
        self.period = any(
            self._match("period_words", i)
            for i in range(self.n)
            if "period_words" in self.starts[i]
        )
        self.quantities = [
            q
            for q in read_quantities(tokens, self.lows, lex)
            if not any(k in self.date_tokens for k in range(q.first, q.last))
        ]
        self.q_starts = [q.first for q in self.quantities]
        self.q_at: dict[int, Quantity] = {q.first: q for q in self.quantities}
        self.q_covering: dict[int, Quantity] = {
            k: q for q in self.quantities for k in range(q.first, q.last)
        }

    def read(self) -> KeyResultMeaning:
        """Read every clause (an "and" clause may borrow its verb), then combine them."""
        clauses = self._clauses()
        previous: _Clause | None = None
        for c in clauses:
            self._read_clause(c, previous if c.joined_by == _AND else None)
            previous = c
        return self._combine(clauses)

    # -- preparation ----------------------------------------------------------------

    def _match(self, table: str, i: int) -> tuple[int, object] | None:
        """The longest phrase of ``table`` at token ``i``: (token count, payload)."""
        if not 0 <= i < self.n or table not in self.starts[i]:
            return None  # no phrase of the table starts with this word (most calls)
        return self.tables[table].match(self.lows, i)

    def _low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def _find_dates(self) -> set[int]:
        """Token indexes that belong to a date: "by 30 September", "in 2026", "Q3 2026"."""
        dates: set[int] = set()
        for i, tok in enumerate(self.tokens):
            if tok.kind is Kind.DATE or (tok.kind is Kind.NUM and self._is_year(i)):
                dates.add(i)
            elif "months" in self.starts[i] and self._is_month(i):
                dates.add(i)  # the month, with its day and year around it
                day = i - 1
                while day > 0 and (self.lows[day] == "." or self._match("date_joiners", day)):
                    day -= 1  # "30. September", "30 de septiembre"
                dates.update(k for k in (day, i + 1) if self._date_number(k, (1, 2, 4)))
                if day < i - 1 and day in dates:
                    dates.update(range(day + 1, i))
                # the year after the day ("September 30 2026") or a joiner ("de 2026"),
                # not an amount further on ("30. September auf 2 %")
                year = i + 2
                if self._date_number(year, (4,)) and (
                    i + 1 in dates or self._match("date_joiners", i + 1)
                ):
                    dates.update((i + 1, year))
        return dates

    def _date_number(self, k: int, lengths: tuple[int, ...]) -> bool:
        return (
            0 <= k < self.n
            and self.tokens[k].kind is Kind.NUM
            and len(self.tokens[k].low) in lengths
        )

    def _is_month(self, i: int) -> bool:
        """A month name; "may" and abbreviations ("mar", "dec") only when capitalised."""
        tok = self.tokens[i]
        if not self._match("months", i):
            return False
        if tok.text[:1].isupper():
            return True
        return i > 0 and tok.low not in self.lex.table("ambiguous_months")

    def _is_year(self, i: int) -> bool:
        """A year after a date word or a quarter: "in 2026", "Q3 2026", "FY 2027"."""
        tok = self.tokens[i]
        if tok.kind is not Kind.NUM or tok.suffix or len(tok.low) != 4 or not tok.low.isdigit():
            return False
        if not 1990 <= int(tok.low) <= 2100 or i == 0:
            return False
        prev = self.tokens[i - 1]
        return prev.low in self.lex.table("year_words") or self._period_name(prev)

    def _period_name(self, tok: Token) -> bool:
        """ "Q3", "H2" (and "T3" in French and Spanish): a quarter or half as a word."""
        return tok.low[1:].isdigit() and tok.low[:1] in self.lex.table("period_prefixes")

    def _has_deadline(self) -> bool:
        """Does the text say when it is due: "by 30 September", "by end of Q3"?"""
        for i in range(self.n):
            if "deadline_words" not in self.starts[i]:
                continue
            m = self._match("deadline_words", i)
            if m is None:
                continue
            if m[0] > 1:
                return True  # "by end of", "this quarter", "by q3"
            k = i + 1
            if k < self.n and (
                k in self.date_tokens
                or self._period_name(self.tokens[k])
                or self.lows[k] in self.lex.table("deadline_objects")
            ):
                return True
        return False

    # -- clauses --------------------------------------------------------------------

    def _clauses(self) -> list[_Clause]:
        """Cut the text at connectors ("while", "and", ";", a comma before a verb...)."""
        clauses: list[_Clause] = []
        start, joined, i = 0, "", 0
        protected = self._protected_ands()
        opened: list[bool] = []  # for each open parenthesis: did it start a clause?
        while i < self.n:
            if i > start and self._opens_clause(i):
                clauses.append(_Clause(start, i, joined))  # "..., manteniendo el churn ..."
                joined, start = _ASIDE, i
                i += 1
                continue
            width = self._break_at(i, start, protected)
            if width:
                word = self._joins(i, width)
                clauses.append(_Clause(start, i, joined))
                joined = word if word in self._subordinators() else _AND
                start = i = i + width
                continue
            low = self.lows[i]
            if low == "(":
                opened.append(i > start and self._comma_breaks(i))
                if opened[-1]:
                    clauses.append(_Clause(start, i, joined))
                    joined, start = _ASIDE, i + 1
            elif low == ")" and (opened.pop() if opened else True) and i > start:
                clauses.append(_Clause(start, i, joined))
                joined, start = _AND, i + 1
            i += 1
        clauses.append(_Clause(start, self.n, joined))
        return [c for c in clauses if c.last > c.first]

    def _break_at(self, i: int, start: int, protected: set[int]) -> int:
        """The width of a connector that starts a new clause at token ``i``, or 0."""
        m = self._match("clause_breaks", i)
        if m is None or i <= start or i in protected or self._inside_quantity(i):
            return 0
        word = " ".join(self.lows[i : i + m[0]])
        if word == ",":
            if not self._comma_breaks(i):
                return 0
            after = self._match("clause_breaks", i + 1)
            if after is not None and self._joins(i + 1, after[0]) in self._subordinators():
                return 1 + after[0]  # ", without ...": the subordinator joins the clause
            return 1
        if word in self.lex.table("conditional_breaks").phrases and not self._with_breaks(i + m[0]):
            return 0
        return m[0]

    def _joins(self, i: int, width: int) -> str:
        """The connector at tokens [i, i + width), without a leading comma."""
        words = self.lows[i : i + width]
        return " ".join(words[1:] if len(words) > 1 and words[0] == "," else words)

    def _subordinators(self) -> frozenset[str]:
        return self.lex.table("subordinators").phrases

    def _opens_clause(self, i: int) -> bool:
        """A word that starts a side clause and belongs to it (a gerund: "manteniendo")."""
        return self._match("clause_openers", i) is not None and not self._inside_quantity(i)

    def _subordinate(self, joined: str) -> bool:
        """Is a clause joined as a side clause ("while ...", "(...)", "manteniendo ...")?"""
        return joined == _ASIDE or joined in self.lex.table("subordinators").phrases

    def _is_word(self, i: int, table: str) -> bool:
        """Is token ``i`` a one-word phrase of ``table`` ("from", "von", "desde")?"""
        return 0 <= i < self.n and self.lows[i] in self.tables[table].words

    def _inside_quantity(self, i: int) -> bool:
        q = self.q_covering.get(i)
        return q is not None and q.first < i

    def _protected_ands(self) -> set[int]:
        """The "and" of "between 50 and 250" does not start a clause."""
        out: set[int] = set()
        between = self.tables["between_words"].words
        for i in range(self.n):
            if self.lows[i] in between:
                ands = [
                    k for k in range(i + 1, min(i + 6, self.n)) if self._is_word(k, "and_words")
                ]
                out.update(ands[:1])
        return out

    def _comma_breaks(self, i: int) -> bool:
        """A comma (or a parenthesis) starts a clause when a verb or a bound follows it."""
        k = i + 1
        while self._is_word(k, "comma_joiners"):
            k += 1
        if k >= self.n or self._match("baseline_words", k) or self._is_word(k, "from_words"):
            return False  # ", up from $3.2M", "(from 12%)": the same clause's baseline
        return (
            self._verb_at(k) is not None
            or (self._zero_at(k) and self._low(k + 1) not in ("", "-", ")"))
            or self._match("measurement_words", k) is not None
            # a bound after a named metric (", churn below 3%"); a bound straight after
            # the comma names no metric and qualifies the noun: "tickets (older than 30 days)"
            or any(self._bound_word(j) for j in range(k + 1, min(k + 4, self.n)))
        )

    def _bound_word(self, j: int) -> bool:
        """A bound at ``j`` ("below", "mindestens"); not "of" or "von", which bound nothing."""
        m = self._match("comparator_prefix", j)
        return m is not None and _comparator(m[1]) is not Comparator.EQ

    def _with_breaks(self, k: int) -> bool:
        """ "with churn below 3%" is a guard-rail clause; "with FTSE 250 companies" is not."""
        if self._match("zero_words", k):
            return True
        for j in range(k, min(k + 6, self.n)):
            if self._match("hold_verbs", j):
                return True
            bound = self._match("comparator_prefix", j)
            if bound is not None and _comparator(bound[1]) is not Comparator.EQ:
                nxt = j + bound[0]
                if nxt in self.q_at or self._match("zero_words", nxt):
                    return True
        return False

    # -- verbs ----------------------------------------------------------------------

    def _verb_at(self, i: int) -> tuple[str, int, object] | None:
        """The verb phrase at token ``i``: (table, length, payload); the longest wins."""
        best: tuple[str, int, object] | None = None
        if not 0 <= i < self.n or self.starts[i].isdisjoint(_VERB_TABLES):
            return None
        for table in _VERB_TABLES:
            m = self._match(table, i)
            if m is not None and (best is None or m[0] > best[1]):
                best = (table, m[0], m[1])
        return best

    def _leading_verb(self, c: _Clause) -> tuple[int, str, int, object] | None:
        """The verb that opens the clause ("Reduce ...", "We will keep ...")."""
        i = self._skip_openers(c.first, c.last)
        found = self._verb_at(i) if i < c.last else None
        return None if found is None else (i, *found)

    def _skip_openers(self, i: int, last: int) -> int:
        """The index after the opening words and symbols from ``i``: "We will", "Vamos a"."""
        while i < last:
            m = self._match("opening_words", i)
            if m is not None:
                i += m[0]
            elif self.tokens[i].kind is Kind.SYM:
                i += 1
            else:
                break
        return i

    def _inner_verb(self, c: _Clause) -> tuple[int, str, int, object] | None:
        """A verb inside a nominal text: "Uptime stays above 99.9%", "Churn reduced to 3%".

        Only hold verbs and participles count: in "Churn rate" nothing is a verb. Where
        the verb closes the clause ("Kündigungsquote unter 3 % halten"), the last verb
        written in lower case counts, whatever its form.
        """
        final = self.lex.verb_final
        # after "without", the verb follows its subject: "sin que el churn supere el 3 %"
        any_form = final or c.joined_by in self.lex.table("without_words").phrases
        tables = (*_INNER_VERB_TABLES, "relative_words") if final else _INNER_VERB_TABLES
        best: tuple[int, str, int, object] | None = None
        for i in range(c.first, c.last):
            if i in self.q_covering:
                continue
            low = self.lows[i]
            if final and not self.tokens[i].text[:1].islower():
                continue  # a capitalised word is a noun ("das Halten") or opens the text
            for table in tables:
                m = self._match(table, i)
                if m is None:
                    continue
                if table == "hold_verbs" and low in self.lex.table("not_inner_verbs"):
                    continue
                if table != "hold_verbs" and not (any_form or self.lex.participle(low)):
                    continue
                if not final:
                    return i, table, m[0], m[1]
                # the verb that ends last closes the clause: "... nicht überschreiten"
                if best is None or i + m[0] > best[0] + best[2]:
                    best = (i, table, m[0], m[1])
        return best

    def _take_verb(self, c: _Clause, previous: _Clause | None) -> None:
        """Find the clause's verb, or carry the previous one over ("Grow revenue and
        margin by 10%")."""
        found = self._leading_verb(c)
        if found is None:
            found = self._inner_verb(c)
            c.verb_trailing = found is not None and self.lex.verb_final
        if found is None:
            if previous is not None and previous.verb_kind and not self._has_bound(c):
                c.verb_kind, c.verb, c.direction = (
                    previous.verb_kind,
                    previous.verb,
                    previous.direction,
                )
            return
        at, table, length, payload = found
        c.verb_at, c.verb_kind, c.verb_len = at, table, length
        c.verb = " ".join(self.lows[at : at + length])
        c.direction = _direction(table, payload)
        if table == "relative_words":
            c.relative = replace(self._multiple(at, length, payload), text=c.verb)
        self._refine_verb(c)

    def _refine_verb(self, c: _Clause) -> None:
        """Resolve words that belong to several verb tables by what follows them."""
        after = c.verb_at + c.verb_len
        if c.verb_kind == "change_verbs" and c.direction is None:
            c.direction = self._particle_direction(c)
        if c.verb_kind == "hold_verbs":
            self._refine_hold_verb(c, after)
            return
        objects = self._objects(c)
        first_q = objects[0] if objects else None
        self._refine_acquisition(c, first_q)
        if c.verb_kind == "task_verbs":
            self._refine_task_verb(c, after, first_q)

    def _objects(self, c: _Clause) -> list[Quantity]:
        """The amounts a verb governs: those after it, or before a clause-final verb."""
        if c.verb_at < 0:
            return list(c.quantities)
        if c.verb_trailing:
            return [q for q in c.quantities if q.last <= c.verb_at]
        return [q for q in c.quantities if q.first > c.verb_at]

    def _object_span(self, c: _Clause) -> range:
        """The few words a verb governs: after it ("hold 4 workshops"), or before it."""
        if c.verb_trailing:
            return range(max(c.first, c.verb_at - 4), c.verb_at)
        after = c.verb_at + c.verb_len
        return range(after, min(after + 4, c.last))

    def _refine_hold_verb(self, c: _Clause, after: int) -> None:
        """ "Hold 4 workshops" is a task; "keep growing" holds a movement."""
        runs_events = c.verb.split()[0] in self.lex.table("event_verbs") and any(
            self._match("event_nouns", k) or self.lex.noun("event_nouns", self.lows[k])
            for k in self._object_span(c)
        )
        if runs_events:
            c.verb_kind = "task_verbs"
            return
        nxt = self._verb_at(after) if after < c.last else None
        if nxt is not None and nxt[0] in ("change_verbs", "relative_words"):
            c.direction = _direction(nxt[0], nxt[2])  # from-to may still make it a bet

    def _refine_acquisition(self, c: _Clause, first_q: Quantity | None) -> None:
        """ "add", "raise", "get", "secure": a change of a level, or a count won."""
        acquisition = self._match("acquisition_verbs", c.verb_at)
        if c.verb_kind == "acquisition_verbs":
            if self._has_change_words(c):  # "Raise NPS from 30 to 50"
                change = self._match("change_verbs", c.verb_at)
                if change is not None:
                    c.verb_kind, c.direction = "change_verbs", _direction("change_verbs", change[1])
                elif self._match("target_verbs", c.verb_at) is not None:
                    c.verb_kind = "target_verbs"
        elif (
            acquisition is not None
            and acquisition[0] >= c.verb_len
            and first_q is not None
            and _countable(first_q)
            and not self._has_change_words(c)
            and self._is_object(c, first_q)
        ):
            c.verb_kind = "acquisition_verbs"  # "Add 2,000 paying subscribers"

    def _refine_task_verb(self, c: _Clause, after: int, first_q: Quantity | None) -> None:
        """ "Hire to 50% women", "Deliver $2M in savings": a task verb naming a level."""
        level: Quantity | None = None
        if c.verb_trailing:
            if first_q is not None and self._is_word(first_q.first - 1, "to_words"):
                level = first_q  # "auf 50 % Frauen einstellen"
        elif self._is_word(after, "to_words"):
            got = self._quantity_after(after + 1, c, reach=1)
            level = got[0] if got is not None else None
        if level is not None and level.unit.kind in _LEVEL_UNITS:
            c.verb_kind = "target_verbs"
            return

        names_amount = first_q is not None and not self._counts_activity(first_q)
        if names_amount and self._match("target_verbs", c.verb_at) is not None:
            c.verb_kind = "target_verbs"

    def _task_level(self, c: _Clause) -> Quantity | None:
        """A task verb with "to <amount>" and a stated baseline names a level to reach."""
        if c.verb_kind != "task_verbs" or c.stated_baseline is None:
            return None
        for k in range(c.verb_at + c.verb_len, c.last):
            if self._is_word(k, "to_words"):
                got = self._quantity_after(k + 1, c, reach=1)
                if got is not None and got[0].unit.compatible(c.stated_baseline.unit):
                    return got[0]
        return None

    def _particle_direction(self, c: _Clause) -> Direction | None:
        """ "Bring DSO down from 62 to 45 days": a neutral verb's particle gives the way."""
        k = c.first if c.verb_trailing else c.verb_at + c.verb_len
        last = c.verb_at if c.verb_trailing else c.last
        while k < last and k not in self.q_at and not self._change_word(k):
            m = self._match("particles", k)
            if m is not None:
                return Direction.DOWN if m[1] == "down" else Direction.UP
            k += 1
        return None

    def _change_word(self, k: int) -> bool:
        """Is token ``k`` a word of a change's amounts: "from", "to", "by"?"""
        return 0 <= k < self.n and self.lows[k] in self.lex.change_words

    def _is_object(self, c: _Clause, q: Quantity) -> bool:
        """Is ``q`` the verb's object ("sign 10 ...", "get another 3 ...", "10 neue Kunden
        gewinnen")?"""
        fillers = self.lex.table("count_fillers")
        if c.verb_trailing:
            openers = self.lex.table("opening_words")
            return all(
                self.lows[j] in fillers or self.lows[j] in openers for j in range(c.first, q.first)
            )
        return all(self.lows[j] in fillers for j in range(c.verb_at + c.verb_len, q.first))

    def _has_change_words(self, c: _Clause) -> bool:
        """ "from X to Y", "to Y", "by X": words that make an amount a change."""
        for i in range(c.first, c.last):
            low = self.lows[i]
            amount_next = i + 1 in self.q_at or i + 2 in self.q_at
            if amount_next and (
                low in _ARROWS or self._is_word(i, "from_words") or self._is_word(i, "by_words")
            ):
                return True
            if self._is_word(i, "to_words") and self._quantity_after(i + 1, c) is not None:
                return True
        return False

    def _has_bound(self, c: _Clause) -> bool:
        """Does the clause bound a level ("below 3%") or open with a zero ("no P1s")?"""
        return self._match("zero_words", c.first) is not None or any(
            self._match("comparator_prefix", i) and self._quantity_after(i, c)
            for i in range(c.first, c.last)
        )

    # -- amounts near a word --------------------------------------------------------

    def _quantity_after(
        self, i: int, c: _Clause, reach: int = 3
    ) -> tuple[Quantity, Comparator | None] | None:
        """The amount at or just after token ``i``, skipping fillers ("a", "the") and a
        bound ("under 50"): (amount, bound). "About" and "around" bound nothing.
        """
        k, steps = i, 0
        bound: Comparator | None = None
        while k < c.last and steps <= reach:
            if k in self.q_at:
                return self.q_at[k], bound
            signed = self._signed_at(k)
            if signed is not None:
                return signed, bound
            if self._zero_at(k):
                return self._zero_quantity(k), bound
            m = self._match("comparator_prefix", k)
            fillers = self.lex.table("filler_words")
            if m is not None and not (m[0] == 1 and self.lows[k] in fillers):
                comparator = _comparator(m[1])
                bound = None if comparator is Comparator.EQ else comparator
                k += m[0]
            elif self.lows[k] in fillers:
                k += 1
            else:
                return None
            steps += 1
        return None

    def _signed_at(self, k: int) -> Quantity | None:
        """ "-5%", "+12" written where a value is expected ("from -5% to +2%")."""
        q = self.q_at.get(k + 1)
        if q is None or self.lows[k] not in ("+", "-") or self.tokens[k].end != q.start:
            return None
        value = -q.value if self.lows[k] == "-" else q.value
        return replace(q, value=value, start=self.tokens[k].start, first=k, text="")

    def _quantity_before(self, i: int, c: _Clause) -> Quantity | None:
        """The amount that ends just before token ``i`` ("61%" in "61% → 75%")."""
        k = i - 1
        while k >= c.first and self.lows[k] in (")", "(", "'", '"'):
            k -= 1
        q = self.q_covering.get(k)
        return q if q is not None and q.first >= c.first else None

    def _zero_at(self, k: int) -> bool:
        """A zero level at ``k``: "zero", "no P1s"; not "no more than"."""
        if not 0 <= k < self.n or "zero_words" not in self.starts[k]:
            return False
        m = self._match("zero_words", k)
        if m is None:
            return False
        nxt = k + m[0]
        if self._match("zero_not_before", nxt):
            return False
        if self._match("zero_determiners", k) is None:
            return True
        return nxt < self.n and self.tokens[nxt].kind is Kind.WORD  # "no P1s", not "no."

    def _zero_quantity(self, k: int) -> Quantity:
        """The zero level written at ``k`` ("zero", "no", "none")."""
        m = self._match("zero_words", k)
        last = k + (m[0] if m else 1)
        start, end = self.tokens[k].start, self.tokens[last - 1].end
        return Quantity(0.0, NO_UNIT, self.text[start:end], start, end, first=k, last=last)

    def _multiple(self, at: int, length: int, payload: object) -> Quantity:
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

    # -- reading one clause ---------------------------------------------------------

    def _read_clause(self, c: _Clause, previous: _Clause | None) -> None:
        """Find a clause's verb, change, holds, metric and output, then decide its intent."""
        lo = bisect_left(self.q_starts, c.first)
        hi = bisect_left(self.q_starts, c.last)
        c.quantities = self.quantities[lo:hi]
        self._take_verb(c, previous)
        self._find_change(c)
        self._find_holds(c)
        c.metric = self._metric(c)
        c.output = self._is_output(c)
        self._decide(c)
        if c.intent is not Intent.CHANGE or c.from_zero:
            return
        if c.baseline is None and c.stated_baseline is not c.target:
            c.baseline = c.stated_baseline  # "Increase activation to 75% (currently 61%)"
        if c.baseline is not None and c.target is not None:
            c.baseline, c.target = _share_units(c.baseline, c.target)

    # -- change patterns ------------------------------------------------------------

    def _find_change(self, c: _Clause) -> None:
        """The amounts of a change: from X to Y, X → Y, to Y, by X, a stated baseline."""
        scan = self.lex.change_scan
        for i in range(c.first, c.last):
            low = self.lows[i]
            if low not in scan and "baseline_words" not in self.starts[i]:
                continue  # no amount hangs on this word (most words)
            if self._is_word(i, "from_words") and c.baseline is None and self._from_to(i, c):
                continue
            if c.baseline is None and i > c.first and self._match("baseline_words", i):
                self._stated_baseline(i, c)
            elif low in _ARROWS and c.target is None:
                self._arrow(i, c)
            elif low == "-" and c.target is None and c.verb_kind in _CHANGING:
                self._dash(i, c)
            elif self._is_word(i, "to_words") and c.target is None and i > c.first:
                self._to_target(i, c)
            elif self._is_word(i, "by_words") and c.relative is None:
                self._by_step(i, c)
            elif self._is_word(i, "between_words") and c.target is None:
                self._between(i, c)
        self._find_relative(c)

    def _by_step(self, i: int, c: _Clause) -> None:
        """ "by 20%": a step. Where "by" is also "of" (French "de"), only after a change verb."""
        if c.verb_kind == "hold_verbs":
            return  # "mantener la disponibilidad en el 99,9 %": a level, not a step
        if self._is_word(i, "of_words") and c.verb_kind not in ("change_verbs", "relative_words"):
            return
        bound = self._comparator_ending(i + 1, c)
        if bound is not None and bound[1] < i:
            return  # the "de" of "moins de 2 heures" belongs to the bound
        got = self._quantity_after(i + 1, c, reach=1)
        if got is None or got[0].value == 0:
            return
        if got[1] in (Comparator.LT, Comparator.LE) and got[0].unit.kind is UnitKind.DURATION:
            return  # "en menos de 4 horas": a time frame, not a step
        c.relative = got[0]  # "by 20%"

    def _from_to(self, i: int, c: _Clause) -> bool:
        """ "from 4% to 2.5%", "from 90 to 60 days", "from weekly to daily", "(from 12%)".

        Where "from" is also "of" (German "von", Spanish and French "de"), a baseline
        needs its "to": "eine Quote von 95 %" names a level. Returns whether it read one.
        """
        got = self._quantity_after(i + 1, c, reach=4)
        if got is None:
            return self._frequency_change(i, c)
        base = got[0]
        to_at = self._next_to(base.last, c)
        target = self._quantity_after(to_at, c) if to_at is not None else None
        if target is None:
            if self._is_word(i, "of_words"):
                return False
            c.baseline, c.evidence = base, (i, base.last)
            return True
        c.baseline, c.target = _share_units(base, target[0])
        c.bound, c.evidence = target[1], (i, target[0].last)
        return True

    def _stated_baseline(self, i: int, c: _Clause) -> None:
        """ "(currently 3.4s)", "(baseline: 61%)", "up from $3.2M"."""
        m = self._match("baseline_words", i)
        got = self._quantity_after(i + m[0], c, reach=2) if m is not None else None
        if got is not None:
            c.stated_baseline = got[0]

    def _arrow(self, i: int, c: _Clause) -> None:
        """ "61% → 75%", "NPS 30 -> 50"."""
        before = self._quantity_before(i, c)
        after = self._quantity_after(i + 1, c)
        if before is not None and after is not None:
            c.baseline, c.target = _share_units(before, after[0])
            c.bound, c.evidence = after[1], (before.first, after[0].last)

    def _dash(self, i: int, c: _Clause) -> None:
        """ "Reduce churn 4%-2.5%": two amounts with units; "5-10%" is a range, not a move."""
        before = self._quantity_before(i, c)
        after = self.q_at.get(i + 1)
        if before is not None and after is not None and before.unit.kind is not UnitKind.NONE:
            self._arrow(i, c)

    def _to_target(self, i: int, c: _Clause) -> None:
        """ "to 75%", "down to under 50", "Reduce churn 4% to 2.5%"."""
        got = self._quantity_after(i + 1, c)
        if got is None:
            return
        before = self._quantity_before(i, c)
        if before is c.relative:
            before = None  # "by 25% to $5M": the 25% is the step, not the start
        changing = c.verb_kind in _CHANGING or c.verb_kind == "vague_verbs"
        if before is not None and not before.unit.compatible(got[0].unit):
            before = None  # "answered within 20 seconds to 80%": not one number moving
        if before is not None and c.baseline is None and changing:
            c.baseline, c.target = _share_units(before, got[0])
            c.bound, c.evidence = got[1], (before.first, got[0].last)
        elif changing or c.baseline is not None:
            c.target, c.bound = got
            if c.baseline is not None:
                c.baseline, c.target = _share_units(c.baseline, c.target)
            c.evidence = (i, got[0].last)

    def _between(self, i: int, c: _Clause) -> None:
        """ "between 95% and 99%": a range to stay in."""
        low = self._quantity_after(i + 1, c)
        if low is None or not self._is_word(low[0].last, "and_words"):
            return
        high = self._quantity_after(low[0].last + 1, c)
        if high is not None:
            lower, upper = _share_units(low[0], high[0])
            text = self._span_text(i, high[0].last)
            c.holds.append(Hold(Comparator.RANGE, lower, "", text, upper=upper))

    def _frequency_change(self, i: int, c: _Clause) -> bool:
        """ "from weekly to daily": a change of cadence, counted in times a year."""
        base = self._frequency_at(i + 1)
        to_at = self._next_to(base.last, c) if base is not None else None
        target = self._frequency_at(to_at) if to_at is not None else None
        if base is not None and target is not None:
            c.baseline, c.target = base, target
            c.evidence = (i, target.last)
            return True
        return False

    def _frequency_at(self, k: int) -> Quantity | None:
        """A cadence adverb as a frequency: "weekly" is 52 times a year."""
        m = self._match("cadence_adverbs", k)
        if m is None:
            return None
        last = k + m[0]
        start, end = self.tokens[k].start, self.tokens[last - 1].end
        return Quantity(
            float(str(m[1])), _PER_YEAR, self.text[start:end], start, end, first=k, last=last
        )

    def _next_to(self, k: int, c: _Clause) -> int | None:
        """The index after the "to" (or "->", "down to") that follows a baseline."""
        for _ in range(3):
            if k >= c.last:
                return None
            to = self._match("to_words", k) or self._match("range_to_words", k)
            if to is not None:
                return k + to[0]
            if self.lows[k] in _ARROWS or self.lows[k] == "-":
                return k + 1
            if self.lows[k] not in self.lex.table("to_fillers"):
                return None
            k += 1
        return None

    def _find_relative(self, c: _Clause) -> None:
        """A step rather than a level: "double", "+10 points", "20% more", "grow 20%"."""
        if c.relative is not None:
            return
        for i in range(c.first, c.last):
            if "relative_words" not in self.starts[i]:
                continue
            m = self._match("relative_words", i)
            if m is not None and i != c.verb_at:
                c.relative = self._multiple(i, m[0], m[1])  # "reduce churn by half"
                return
        for q in c.quantities:
            if self._signed(q, c):
                c.relative = q  # "NPS +10 points"
                c.direction = c.direction or (
                    Direction.UP if self.lows[q.first - 1] == "+" else Direction.DOWN
                )
                return
        for q in c.quantities:
            if q.unit.kind is UnitKind.MULTIPLE and self._multiple_is_step(q, c):
                c.relative = q  # "Grow ARR 3x"
                return
            up = self._match("step_up", q.last) if q.last < c.last else None
            down = self._match("step_down", q.last) if q.last < c.last else None
            if q.unit.kind in _SHARES and (up or down):
                c.relative = q  # "20% more qualified leads", "10% reduction in churn"
                c.direction = c.direction or (Direction.DOWN if down else Direction.UP)
                return
        if c.verb_kind in ("change_verbs", "vague_verbs") and c.target is None is c.baseline:
            c.relative = next((q for q in c.quantities if self._bare_step(q, c)), None)

    def _multiple_is_step(self, q: Quantity, c: _Clause) -> bool:
        """ "Grow ARR 3x" is a step; "coverage of at least 3x", "reach 3x" name a level."""
        if q is c.target or q is c.baseline or c.verb_kind == "target_verbs":
            return False
        return not self._is_word(q.first - 1, "level_words") and (
            self._bound_before(q.first, c) is None and self._bound_after(q, c) is None
        )

    def _signed(self, q: Quantity, c: _Clause) -> bool:
        """ "+10 points": a sign glued to the number, not a hyphen between amounts, and
        not a signed value ("from -5% to +2%")."""
        sign = q.first - 1
        values = (c.baseline, c.target, c.stated_baseline)
        return (
            sign >= 0
            and self.lows[sign] in ("+", "-")
            and self.tokens[sign].end == self.tokens[q.first].start
            and sign - 1 not in self.q_covering
            and not any(v is not None and v.first == sign for v in values)
        )

    def _bare_step(self, q: Quantity, c: _Clause) -> bool:
        """ "Increase revenue 20%": a share after a change verb is a step, unless it names
        a level ("a 15% rate", "40% of new users", "below 3%").
        """
        if q.unit.kind not in _SHARES:
            return False
        if q.first <= c.verb_at and not c.verb_trailing:
            return False
        if self._is_word(q.first - 1, "level_words") or self._of_after(q.last, c):
            return False
        return self._bound_before(q.first, c) is None

    # -- hold patterns --------------------------------------------------------------

    def _bound_before(self, k: int, c: _Clause) -> tuple[Comparator, int] | None:
        """A comparator that ends right before token ``k``: (comparator, its first token).

        An article may stand between them: "al menos el 99,9 %", "au moins 95 %".
        """
        found = self._comparator_ending(k, c)
        if (
            found is None
            and k - 1 > c.first
            and (self._is_word(k - 1, "filler_words") or self.lows[k - 1] == ".")
        ):
            # an article ("al menos el 99,9 %") or an abbreviation's dot ("max. 4,5 %")
            found = self._comparator_ending(k - 1, c)
        return found

    def _comparator_ending(self, k: int, c: _Clause) -> tuple[Comparator, int] | None:
        for length in (4, 3, 2, 1):
            j = k - length
            m = self._match("comparator_prefix", j) if j >= c.first else None
            if m is not None and m[0] == length:
                return _comparator(m[1]), j
        return None

    def _bound_after(self, q: Quantity, c: _Clause) -> tuple[Comparator, int] | None:
        """A comparator right after an amount ("4% or less"): (comparator, its end)."""
        m = self._match("comparator_suffix", q.last) if q.last < c.last else None
        return None if m is None else (_comparator(m[1]), q.last + m[0])

    def _find_holds(self, c: _Clause) -> None:
        """Levels to hold: bounds ("below 4%", "4% or less"), zeros ("no P1 incidents")
        and cadences ("every month", "all quarter")."""
        for q in c.quantities:
            if q is not c.target and q is not c.baseline and q is not c.relative:
                hold = self._bound_hold(q, c)
                if hold is not None:
                    c.holds.append(hold)
        for i in range(c.first, c.last):
            if "zero_words" not in self.starts[i]:
                continue  # a zero hold starts with a zero word
            hold = self._zero_hold(i, c)
            if hold is not None:
                c.holds.append(hold)
                break
        cadence = self._cadence(c)
        if cadence:
            c.holds.append(Hold(None, None, "", cadence, cadence=cadence))

    def _bound_hold(self, q: Quantity, c: _Clause) -> Hold | None:
        """ "below 4%", "at least 95%", "4% or less", ">= 99.9%"."""
        before = self._bound_before(q.first, c)
        if before is not None and before[0] is Comparator.EQ and c.verb_kind != "hold_verbs":
            before = None  # "uptime of 99.9%" names a level, it bounds nothing
        if before is not None:
            return Hold(before[0], q, "", self._span_text(before[1], q.last))
        after = self._bound_after(q, c)
        if after is not None:
            return Hold(after[0], q, "", self._span_text(q.first, after[1]))
        return None

    def _zero_hold(self, i: int, c: _Clause) -> Hold | None:
        """ "Zero missed payroll runs", "no P1 incidents": zero of something named.

        A zero counts near the start of the clause, right after a hold verb, or after
        a named metric ("Critical bugs: none"); after "to", "from", "by" or a target
        verb it is a target ("reduce P1s to zero").
        """
        if not self._zero_at(i) or self.q_covering.get(i) is c.target is not None:
            return None
        prev = self.lows[i - 1] if i > c.first else ""
        if i > c.first and (
            prev in _ARROWS or self._change_word(i - 1) or prev in self.lex.table("target_verbs")
        ):
            return None
        if (
            prev == ":"
            and i - 1 > c.first
            and (self._noun_end(i + 1, c) == i + 1 or self._match("comparator_prefix", i + 1))
        ):
            # "Critical bugs: none": the metric comes first
            return Hold(Comparator.LE, self._zero_quantity(i), "", self._span_text(c.first, i + 1))
        near_start = i - c.first <= 2
        after_hold = c.verb_kind == "hold_verbs" and i <= c.verb_at + c.verb_len + 2
        if not (near_start or after_hold):
            return None
        zero = self._zero_quantity(i)
        end = self._noun_end(zero.last, c)
        if end == zero.last:
            return None  # "zero" alone names nothing
        return Hold(Comparator.LE, zero, "", self._span_text(i, end))

    def _noun_end(self, k: int, c: _Clause) -> int:
        """The end of the noun phrase from ``k``: "missed payroll runs" in "zero missed..."."""
        stops = self.lex.table("noun_stops")
        while k < c.last and self.tokens[k].kind is Kind.WORD and self.lows[k] not in stops:
            if c.verb_trailing and k == c.verb_at:
                break  # "Keine P1-Incidents zulassen": the verb ends the noun
            k += 1
        return k

    def _cadence(self, c: _Clause) -> str:
        """A duty's repetition or a level's continuity: "every Friday", "all quarter",
        "stays flat", a trailing "monthly". Nothing after "measured" ("..., measured
        weekly" says how a bet is tracked).
        """
        universal = self._universal(c)
        for i in range(c.first, c.last):
            if self.starts[i].isdisjoint(_CADENCE_TABLES):
                continue  # no cadence phrase starts here (most words)
            if self._match("measurement_words", i):
                return ""
            every = self._match("cadence_words", i)
            if every is not None:
                period_end = self._period_end(i + every[0], c)
                if period_end:
                    return self._span_text(i, period_end)
            m = self._match("continuity", i)
            if m is None and universal:
                m = self._match("punctuality", i)  # "pay all suppliers on time"
            if m is not None:
                return self._span_text(i, i + m[0])
            if c.verb_kind == "" and self._match("steady_words", i):
                return self._span_text(i, i + 1)
        k = c.last - 1
        while k > c.first and (
            self.tokens[k].kind is Kind.SYM
            or k in self.date_tokens
            or (c.verb_trailing and c.verb_at <= k < c.verb_at + c.verb_len)
        ):
            k -= 1
        if k > c.first and self._match("cadence_adverbs", k) and k - 1 not in self.q_covering:
            return self.tokens[k].text  # "send the investor update monthly"
        if c.verb_kind == "task_verbs" and self._match("duty_verbs", c.verb_at):
            # the cadence word sits after a leading verb ("publish a monthly newsletter"),
            # anywhere before a trailing or inner one ("Monthly board pack sent by ...")
            inner = c.verb_trailing or c.verb_at > self._skip_openers(c.first, c.last)
            start = c.first if inner else c.verb_at + c.verb_len
            for i in range(start, c.last):
                if self._match("cadence_adverbs", i) and i - 1 not in self.q_covering:
                    return self.tokens[i].text  # "publish a monthly newsletter"
        return ""

    def _universal(self, c: _Clause) -> bool:
        """Does the clause speak of every item ("all invoices", "every bin", "100% of")?"""
        return any(
            self._is_word(i, "every_words")
            or (
                i in self.q_at
                and self.q_at[i].unit.kind is UnitKind.PERCENT
                and self.q_at[i].value == 100
            )
            for i in range(c.first, c.last)
        )

    def _period_end(self, k: int, c: _Clause) -> int:
        """After "every": the end of the period ("Friday", "2 weeks", "other month"), or 0."""
        q = self.q_covering.get(k)
        if q is not None and q.unit.kind is UnitKind.DURATION:
            return q.last  # "every 2 weeks"
        if k < c.last and (q is not None or self._is_word(k, "cadence_others")):
            k = q.last if q is not None else k + 1  # "every two months", "every other week"
        p = self._match("periods", k)
        return k + p[0] if p is not None else 0

    # -- metric and output ----------------------------------------------------------

    def _metric(self, c: _Clause) -> str:
        """The words naming what is measured: "Keep gross churn below 4%" → "gross churn"."""
        excluded = self._not_metric(c)
        allowed_symbols = ("'", '"', "&", "/", "-")
        function_words = self.lex.table("function_words")
        start = -1
        for i in range(c.first, c.last + 1):
            inside = (
                i < c.last
                and i not in excluded
                and (self.tokens[i].kind is not Kind.SYM or self.lows[i] in allowed_symbols)
            )
            if inside and start < 0:
                start = i
            elif not inside and start >= 0:
                a, b = start, i
                while a < b and (self.lows[a] in function_words or self._is_sym(a)):
                    a += 1
                while b > a and (self.lows[b - 1] in function_words or self._is_sym(b - 1)):
                    b -= 1
                if b > a:
                    return self.text[self.tokens[a].start : self.tokens[b - 1].end]
                start = -1
        return ""

    def _is_sym(self, i: int) -> bool:
        return self.tokens[i].kind is Kind.SYM

    def _not_metric(self, c: _Clause) -> set[int]:
        """Tokens that are not part of a metric's name: amounts, dates, the verb and the
        words before it, bounds, zeros, cadences, deadlines and change words."""
        excluded: set[int] = set(self.date_tokens)
        for q in c.quantities:
            excluded.update(range(q.first, q.last))
        if c.verb_at >= 0:
            excluded.update(range(c.verb_at, c.verb_at + c.verb_len))
            if self._skip_openers(c.first, c.verb_at) >= c.verb_at:
                excluded.update(range(c.first, c.verb_at))
        else:
            service = self._match("service_verbs", c.first)  # "Respond to all tickets ..."
            excluded.update(range(c.first, c.first + service[0]) if service else ())
        for i in range(c.first, c.last):
            if self.lows[i] in _ARROWS or self._is_word(i, "between_words"):
                excluded.add(i)
            elif self._change_word(i) and (
                not self._is_word(i, "of_words")
                or self._quantity_after(i + 1, c, reach=2)
                or self._match("cadence_adverbs", i + 1)
            ):
                excluded.add(i)  # "from", "to", "by"; "de" only before an amount
            if self.starts[i].isdisjoint(_NOT_METRIC_TABLES):
                continue
            for table in _NOT_METRIC_TABLES:
                m = self._match(table, i)
                if m is None:
                    continue
                if table == "comparator_prefix" and not self._quantity_after(i, c):
                    continue
                if table == "zero_words" and not self._zero_at(i):
                    continue
                if table == "cadence_adverbs" and self._noun_follows(i + m[0], c):
                    continue  # "weekly active teams", "monthly churn": part of the name
                end = i + m[0]
                if table == "cadence_words":
                    end = self._period_end(end, c) or end  # "jeden Freitag"
                excluded.update(range(i, end))
        return excluded

    def _noun_follows(self, k: int, c: _Clause) -> bool:
        """Is token ``k`` a word of the clause that is not a function word?"""
        return (
            k < c.last
            and self.tokens[k].kind is Kind.WORD
            and self.lows[k] not in self.lex.table("function_words")
            and k not in self.q_covering
            and not c.verb_at <= k < c.verb_at + c.verb_len
        )

    def _is_output(self, c: _Clause) -> bool:
        """Does the clause count more of the team's own activity ("demo calls", "blog posts")?

        The metric's head noun decides ("revenue per employee" counts revenue); a
        count's label decides only when no metric is named. Fewer of something is
        never an output (cutting meetings changes a result), nor is a share, a time or
        money ("80% of calls answered within 20 seconds").
        """
        amount = c.target or (c.quantities[0] if c.quantities else None)
        if amount is not None and (amount.unit.kind in _LEVEL_UNITS or amount.unit == _PER_YEAR):
            return False  # a share, a time, money, or how often ("from monthly to weekly")
        if c.direction is Direction.DOWN or (
            c.baseline is not None and c.target is not None and c.target.value < c.baseline.value
        ):
            return False
        head = _head_noun(c.metric, self.lex)
        if head:
            return self.lex.noun("activity_nouns", head)
        return any(self._counts_activity(q) for q in c.quantities)

    def _counts_activity(self, q: Quantity) -> bool:
        return q.unit.kind is UnitKind.LABEL and self.lex.noun("activity_nouns", q.unit.code)

    def _counts_outcome(self, q: Quantity) -> bool:
        return q.unit.kind is UnitKind.CURRENCY or (
            q.unit.kind is UnitKind.LABEL and self.lex.noun("outcome_nouns", q.unit.code)
        )

    def _won_from_others(self, c: _Clause, q: Quantity) -> bool:
        """Is a count won from others, not made by the team? Money and customers are;
        meetings are when an acquisition verb wins them from outside parties ("secure
        10 new logo meetings with FTSE 250 companies"), not when the team books demos.
        """
        if self._counts_outcome(q):
            return True
        if c.verb_kind != "acquisition_verbs":
            return False
        return any(self.lex.noun("outcome_nouns", self.lows[k]) for k in range(q.last, c.last))

    def _new_count(self, c: _Clause) -> Quantity | None:
        """A count of new things won in the cycle: "Sign 10 new enterprise customers",
        "50 new paying customers", "Close $2M in new business"."""
        acquiring = c.verb_kind == "acquisition_verbs"
        for q in self._free(c):
            if not _countable(q) or q.per:
                continue
            if (
                q.unit.kind is UnitKind.NONE
                and not acquiring
                and not self._new_within(q.last, min(q.last + 3, c.last))
            ):
                continue
            if acquiring:
                return q
            marked = self._new_within(max(c.first, q.first - 2), min(q.last + 4, c.last))
            if (
                marked
                and c.verb_kind in ("", "target_verbs", "change_verbs")
                and (q.unit.kind is not UnitKind.CURRENCY)
            ):
                return q
        return None

    def _new_within(self, first: int, last: int) -> bool:
        return any(self._match("new_words", k) for k in range(first, last))

    # -- decision -------------------------------------------------------------------

    def _decide(self, c: _Clause) -> None:
        """Settle a clause's intent from what was found in it: the first rule that fits."""
        levels = [h for h in c.holds if h.level is not None]
        cadence = [h for h in c.holds if h.cadence]
        rules = (
            self._decide_move,
            self._decide_hold_verb,
            self._decide_limit,
            self._decide_duty,
            self._decide_bound,
            self._decide_new_count,
            self._decide_target,
        )
        for rule in rules:
            if rule(c, levels, cadence):
                return
        c.holds = []
        target = self._task_level(c)
        if target is not None:
            # "Build pipeline coverage to 4x (currently 2.1x)": a level and today's value
            c.intent, c.target, c.baseline = Intent.CHANGE, target, c.stated_baseline
        elif (
            c.verb_kind == "task_verbs"
            or (not c.quantities and self._names_deliverable(c))
            or (not c.quantities and self._task_too(c))
        ):
            c.intent, c.output = Intent.TASK, True  # "Launch ...", "Achieve SOC 2 Type II"
        elif (
            c.baseline is None
            and c.stated_baseline is None
            and not self.deadline
            and c.verb_kind not in _CHANGING
            and self._all_of(c) is not None
        ):
            every = self._all_of(c)
            hold = Hold(Comparator.GE, every, "", self._clause_text(c))
            c.intent, c.holds = Intent.HOLD, self._hold_levels(c, [hold], [])
        elif c.baseline is None and self._free(c):
            c.intent, c.target = Intent.CHANGE, self._free(c)[0]  # a bare level: "40% activation"
        else:
            c.intent = Intent.UNMEASURED  # nothing to measure, or a baseline going nowhere

    def _decide_move(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> bool:
        """ "from X to Y", "X → Y": a bet, whatever else the clause says; "Maintain NPS from
        45 to 45" moves nothing and stays a hold."""
        if c.baseline is None or c.target is None:
            return False
        if c.verb_kind == "hold_verbs" and c.baseline.same_amount(c.target):
            return False
        c.intent, c.holds = Intent.CHANGE, []
        return True

    def _decide_hold_verb(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> bool:
        """ "Maintain 99.9% uptime", "keep customers happy"."""
        if c.verb_kind != "hold_verbs":
            return False
        if c.joined_by in self.lex.table("without_words").phrases and not levels:
            c.intent = Intent.UNMEASURED  # "without keeping ..." is not itself a hold
        elif not levels and not cadence and not c.quantities and (self.deadline or self.period):
            c.intent, c.output = Intent.TASK, True  # "ensure the CRM is live by Q3"
        elif (levels or c.quantities) and self._breaks_level(c, levels):
            # "Ensure 100% of staff are trained by March (currently 62%)": today's reading
            # is outside the level, so holding it means moving the number: a bet
            target = levels[0].level if levels else self._free(c)[0]
            c.intent, c.target, c.holds = Intent.CHANGE, target, []
            c.bound = levels[0].comparator if levels else None
        else:
            c.intent, c.holds = Intent.HOLD, self._hold_levels(c, levels, cadence)
        return True

    def _decide_limit(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> bool:
        """ "... without letting CAC rise above $200": a limit beside a bet, not a second bet."""
        if c.joined_by not in self.lex.table("without_words").phrases or c.verb_kind not in (
            "change_verbs",
            "target_verbs",
        ):
            return False
        if not levels and c.verb_kind == "target_verbs":
            # "sin que el churn supere el 3 %", "without exceeding $200": the verb bounds
            limit = next((q for q in self._objects(c) if q.unit.kind is not UnitKind.NONE), None)
            if limit is not None:
                levels = [Hold(Comparator.LE, limit, "", self._clause_text(c))]
        c.intent = Intent.HOLD if levels else Intent.UNMEASURED
        c.holds = self._hold_levels(c, levels, [])
        return True

    def _decide_duty(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> bool:
        """ "Release notes go out every Friday": a duty repeated with no end."""
        if not cadence:
            return False
        c.intent, c.holds = Intent.HOLD, self._hold_levels(c, levels, cadence)
        return True

    def _decide_bound(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> bool:
        """A bound with no change verb: "Churn below 3%" holds a level, unless the text
        names where it starts ("..., down from 8") or when it is due ("... by end of Q3"),
        or the bound qualifies a share ("95% of tickets answered within 4 hours").
        """
        if not levels or c.verb_kind in _CHANGING:
            return False
        if c.verb_kind == "acquisition_verbs" and self._new_count(c) is not None:
            return False  # "Sign 10 new customers within 30 days of launch"
        if c.verb_kind == "task_verbs" and self._own_count(c, levels) is not None:
            return False  # "Run 6 webinars with 100+ attendees each": the task leads
        qualifier = self._qualified_level(c, levels)
        moving = self.deadline or c.baseline is not None or c.stated_baseline is not None
        if qualifier is not None and not moving:
            # "95% of patients seen within 4 hours": a service level to hold
            hold = Hold(Comparator.GE, qualifier, "", self._clause_text(c))
            c.intent, c.holds = Intent.HOLD, self._hold_levels(c, [hold], [])
        elif qualifier is not None:
            c.intent, c.target, c.holds = Intent.CHANGE, qualifier, []
        elif moving:
            c.intent, c.target, c.bound = Intent.CHANGE, levels[0].level, levels[0].comparator
            c.holds = []
        else:
            c.intent, c.holds = Intent.HOLD, self._hold_levels(c, levels, [])
        return True

    def _decide_new_count(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> bool:
        """ "Sign 10 new customers": won in the cycle, from zero; "Add 5 new integrations"
        counts the team's own work.
        """
        new = self._new_count(c) if c.baseline is None else None
        if new is None:
            return False
        if self._counts_activity(new) and not self._won_from_others(c, new):
            c.intent, c.output = Intent.TASK, True
        else:
            c.intent, c.target, c.from_zero, c.output = Intent.CHANGE, new, True, False
            own = [h for h in levels if h.level is new]
            c.bound = own[0].comparator if own else None
        c.holds = []
        return True

    def _decide_target(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> bool:
        """A change or target verb with an amount: "Reduce churn below 3%", "Reach 40%"."""
        changing = c.verb_kind in _CHANGING
        if not changing and c.verb_kind not in ("vague_verbs", ""):
            return False
        if c.target is None and changing and levels:
            qualifier = self._qualified_level(c, levels)
            if qualifier is not None:
                c.target = qualifier  # "Deliver 95% of orders within 48 hours"
            else:
                c.target, c.bound = levels[0].level, levels[0].comparator
        if c.target is None and c.verb_kind == "target_verbs":
            objects = self._objects(c)
            after = [q for q in self._free(c) if any(q is o for o in objects)]
            c.target = after[0] if after else None
        if c.target is None and c.relative is None and changing:
            spare = self._free(c)
            c.target = spare[0] if spare else None
        if c.target is None and c.relative is None:
            return False
        c.intent, c.holds = Intent.CHANGE, []
        return True

    def _free(self, c: _Clause) -> list[Quantity]:
        """The clause's amounts that are not already its baseline or its step."""
        taken = [q for q in (c.baseline, c.relative, c.stated_baseline) if q is not None]
        return [q for q in c.quantities if not any(q.last == t.last for t in taken)]

    def _own_count(self, c: _Clause, levels: list[Hold]) -> Quantity | None:
        """The unbounded count a task verb governs: the 6 of "run 6 webinars"."""
        bounded = {id(h.level) for h in levels}
        counts = (q for q in self._objects(c) if id(q) not in bounded and _countable(q))
        return next(counts, None)

    def _names_deliverable(self, c: _Clause) -> bool:
        """ "Obtain ISO 27001 certification": a one-off deliverable, not a wish."""
        kinds = ("target_verbs", "vague_verbs", "change_verbs", "acquisition_verbs", "")
        return c.verb_kind in kinds and any(
            self._match("deliverable_nouns", k) for k in range(c.first, c.last)
        )

    def _task_too(self, c: _Clause) -> bool:
        """ "Recruit a head of sales", "Die Migration abschließen": a verb that wins things
        and also names a task, with nothing counted, is the task."""
        return (
            c.verb_kind == "acquisition_verbs" and self._match("task_verbs", c.verb_at) is not None
        )

    def _breaks_level(self, c: _Clause, levels: list[Hold], level: Quantity | None = None) -> bool:
        """Does a stated baseline ("currently 62%", "down from 8") fall outside the level?
        Then the level is a target to reach, not one to keep."""
        base = c.stated_baseline or c.baseline
        if base is None:
            return False
        if level is None:
            free = self._free(c)
            level = levels[0].level if levels else (free[0] if free else None)
        if level is None or base is level or not base.unit.compatible(level.unit):
            return False
        comparator = levels[0].comparator if levels and level is levels[0].level else None
        if comparator in (Comparator.LT, Comparator.LE):
            return base.value > level.value
        if comparator in (Comparator.GT, Comparator.GE):
            return base.value < level.value
        return not base.same_amount(level)

    def _all_of(self, c: _Clause) -> Quantity | None:
        """ "100% of employees complete the training": every one of them, a standard."""
        for q in self._free(c):
            if q.unit.kind is UnitKind.PERCENT and q.value == 100 and self._of_after(q.last, c):
                return q
        return None

    def _qualified_level(self, c: _Clause, holds: list[Hold]) -> Quantity | None:
        """ "90% of tickets answered within 4 hours": the 90% is the level, not the bound.

        "100% of" means "all" and qualifies nothing: "Process 100% of refunds within
        5 days" is a standard to hold.
        """
        bounded = {id(h.level) for h in holds}
        for q in c.quantities:
            if id(q) in bounded or q.value >= 100:
                continue
            if q.unit.kind is UnitKind.PERCENT and self._of_after(q.last, c):
                return q
        return None

    def _of_after(self, k: int, c: _Clause) -> bool:
        """Does an "of" follow at ``k`` ("95% of tickets", "95 % der Tickets")?"""
        return k < c.last and self._match("of_words", k) is not None

    def _hold_levels(self, c: _Clause, levels: list[Hold], cadence: list[Hold]) -> list[Hold]:
        """The clause's holds, named by its metric and worded for messages."""
        metric = c.metric
        lower = self._lower_is_better(metric)
        holds: list[Hold] = []
        if not levels and c.verb_kind == "hold_verbs":
            # "Maintain 99.9% uptime": the level is named without a bound
            named = next((q for q in c.quantities if q is not c.relative), c.baseline)
            if named is not None:
                holds.append(Hold(None, named, metric, self._clause_text(c), lower_is_better=lower))
        for h in levels:
            text = self._clause_text(c) if c.verb_kind == "hold_verbs" else h.text
            holds.append(replace(h, metric=metric, text=text, lower_is_better=lower))
        if (
            c.verb_kind == "hold_verbs"
            and not holds
            and (cadence or (metric and metric.lower() not in self.lex.table("pronouns")))
        ):
            start = c.first if c.verb_trailing else c.verb_at
            holds.append(Hold(None, None, metric, self._span_text(start, c.last)))
        holds.extend(replace(h, metric=metric) for h in cadence)
        return holds

    def _lower_is_better(self, metric: str) -> bool | None:
        """Is a lower reading better for this metric ("churn", "latency")? None if unnamed."""
        if not metric:
            return None
        table = self.lex.table("lower_is_better")
        lows = [t.low for t in tokenize(metric)]
        if self.lex.compounds and any(table.inside(low) for low in lows):
            return True  # "Kündigungsquote", "Infrastrukturkosten"
        return any(table.match(lows, i) for i in range(len(lows)))

    def _clause_text(self, c: _Clause) -> str:
        """The clause from its verb on: "keeping churn below 3%" (all of it when the verb
        closes it: "die Kündigungsquote unter 3 % halten")."""
        start = c.verb_at if c.verb_at >= 0 and not c.verb_trailing else c.first
        last = c.last
        while last > start and self.lows[last - 1] in (".", ",", ";", ":", "!", "?", "(", ")"):
            last -= 1
        return self._span_text(start, last)

    # -- combining clauses ----------------------------------------------------------

    def _combine(self, clauses: list[_Clause]) -> KeyResultMeaning:
        """One meaning for the text: the strongest change, with the holds beside it as
        guard-rails; else the holds, unless they only qualify a task ("... without ...");
        else a task; else unmeasured."""
        changes = [c for c in clauses if c.intent is Intent.CHANGE]
        holds = [c for c in clauses if c.intent is Intent.HOLD]
        if changes:
            main = max(changes, key=_change_strength)
            guard = tuple(h for c in holds for h in c.holds if _is_guard_rail(h, c))
            return self._meaning(main, Intent.CHANGE, guard)
        tasks = [c for c in clauses if c.intent is Intent.TASK]
        all_holds = tuple(h for c in holds for h in c.holds)
        main = clauses[0]
        side = all(self._subordinate(c.joined_by) for c in holds)
        if holds and side and main.intent is Intent.UNMEASURED and main.verb_kind in _CHANGING:
            # "Grow MRR while keeping churn below 3%": a bet without numbers; its guard-rails
            # wait for structured from/to to make it a change
            guard = tuple(h for c in holds for h in c.holds if _is_guard_rail(h, c))
            return self._meaning(main, Intent.UNMEASURED, guard)
        if holds and not (side and tasks):
            return self._meaning(holds[0], Intent.HOLD, all_holds)
        if tasks:  # "Migrate ... without increasing churn above 2%": the task leads
            return self._meaning(tasks[0], Intent.TASK, ())
        return self._meaning(main, Intent.UNMEASURED, ())

    def _meaning(self, c: _Clause, intent: Intent, holds: tuple[Hold, ...]) -> KeyResultMeaning:
        """The public reading of the leading clause, amounts worded as in the text."""
        target = _texted(c.target, self.text)
        relative = _texted(c.relative, self.text)
        baseline = _texted(c.baseline, self.text)
        if intent in (Intent.TASK, Intent.UNMEASURED):
            target = relative = None  # a task or a wish has nothing to reach
            baseline = baseline if intent is Intent.UNMEASURED else None
        direction = c.direction
        if relative is not None and relative.unit.kind is UnitKind.MULTIPLE and direction is None:
            direction = Direction.UP if relative.value >= 1 else Direction.DOWN
        return KeyResultMeaning(
            intent=intent,
            direction=direction,
            baseline=baseline,
            target=target,
            bound=c.bound if target is not None else None,
            relative=relative,
            from_zero=c.from_zero,
            holds=tuple(
                replace(h, level=_texted(h.level, self.text), upper=_texted(h.upper, self.text))
                for h in holds
            ),
            output=c.output,
            metric=c.metric,
            evidence=self._evidence(c, intent, holds, target, relative),
            verb=c.verb,
            deadline=self.deadline,
            language=self.lex.language,
        )

    def _evidence(
        self,
        c: _Clause,
        intent: Intent,
        holds: tuple[Hold, ...],
        target: Quantity | None,
        relative: Quantity | None,
    ) -> str:
        """The words that show the reading: the hold, the change, or the amount."""
        if intent is Intent.HOLD and holds:
            return holds[0].text.strip()
        if c.evidence[0] >= 0 and intent is Intent.CHANGE:
            return self._span_text(*c.evidence).strip()
        for q in (target, relative):
            if q is not None and q.start >= 0:
                return self.text[q.start : q.end].strip()
        return ""

    def _span_text(self, first: int, last: int) -> str:
        """The text of tokens [first, last), as written."""
        first, last = max(first, 0), min(last, self.n)
        if last <= first:
            return ""
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]


_NOT_METRIC_TABLES = (
    "comparator_prefix",
    "comparator_suffix",
    "continuity",
    "zero_words",
    "cadence_words",
    "deadline_words",
    "steady_words",
    "cadence_adverbs",
    "punctuality",
)


def _is_guard_rail(h: Hold, c: _Clause) -> bool:
    """A hold beside a bet that is worth its own KPI: a level, or a named metric kept."""
    return h.level is not None or (not h.cadence and c.verb_kind == "hold_verbs" and bool(h.metric))


def _change_strength(c: _Clause) -> int:
    """Which change clause leads: from-to, then a target or a step, then a count won."""
    if c.baseline is not None and c.target is not None:
        return 3
    if c.target is not None or c.relative is not None:
        return 1 if c.from_zero else 2
    return 0


def _texted(q: Quantity | None, text: str) -> Quantity | None:
    """``q`` with its words from the text, as written ("£20k")."""
    if q is None or q.text or q.start < 0:
        return q
    return replace(q, text=text[q.start : q.end])


def _countable(q: Quantity) -> bool:
    return q.unit.kind in (UnitKind.NONE, UnitKind.LABEL, UnitKind.CURRENCY)


def _share_units(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
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


def _head_noun(metric: str, lex: Lexicon) -> str:
    """The noun a metric is about: "number of demo calls per rep" → "calls".

    A leading "number of" is skipped; the head is the last word before the first
    preposition ("revenue per employee" → "revenue", "share of tickets" → "share"),
    past a trailing participle ("features shipped per sprint" → "features"). Where the
    head comes first, it is the first word ("llamadas de demo" → "llamadas").
    """
    count_words = lex.table("count_words")
    words = [t.low for t in tokenize(metric) if t.kind is Kind.WORD or t.low in count_words]
    function_words = lex.table("function_words")
    while words and words[0] in function_words:
        words.pop(0)  # "die Anzahl", "le nombre"
    if len(words) > 2 and words[0] in count_words and words[1] in lex.table("of_words"):
        words = words[2:]
    while words and words[0] in function_words:
        words.pop(0)  # "number of the ...", "nombre d' appels"
    cut = next((k for k, word in enumerate(words) if k > 0 and word in function_words), None)
    words = words[:cut]
    if lex.head_first:
        return words[0] if words else ""
    while len(words) > 1 and lex.participle(words[-1]):
        words.pop()  # "features shipped" is about features
    return words[-1] if words else ""


def _direction(table: str, payload: object) -> Direction | None:
    """The way a verb moves its number: from its table's payload."""
    if table == "change_verbs":
        return {"up": Direction.UP, "down": Direction.DOWN}.get(str(payload))
    if table == "relative_words":
        return Direction.UP if float(str(payload)) >= 1 else Direction.DOWN
    return None


_COMPARATORS = {
    "lt": Comparator.LT,
    "le": Comparator.LE,
    "gt": Comparator.GT,
    "ge": Comparator.GE,
}


def _comparator(payload: object) -> Comparator:
    """A comparator table's payload ("lt", "ge", ...) as a :class:`Comparator`."""
    return _COMPARATORS.get(str(payload), Comparator.EQ)
