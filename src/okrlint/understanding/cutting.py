"""Cutting a key result's text into clauses at its connectors: "while", "and", ";", a
comma before a verb, a parenthesis that opens an aside, a "to" before a purpose that
moves a number."""

from __future__ import annotations

from okrlint.understanding.clauses import AND, ASIDE, verb_at
from okrlint.understanding.lexicon import (
    AND_WORDS,
    BASELINE_WORDS,
    BETWEEN_WORDS,
    CADENCE_ADVERBS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    CLAUSE_OPENERS,
    COMMA_JOINERS,
    COMPARATOR_PREFIX,
    CONDITIONAL_BREAKS,
    EVERY_WORDS,
    FROM_WORDS,
    HOLD_VERBS,
    MEASUREMENT_WORDS,
    PURPOSE_WORDS,
    SUBORDINATORS,
    TARGET_VERBS,
    TASK_VERBS,
    VAGUE_VERBS,
    WITHOUT_WORDS,
    ZERO_WORDS,
)
from okrlint.understanding.meaning import Comparator
from okrlint.understanding.text import (
    ClauseSpan,
    Text,
    comparator_of,
)
from okrlint.understanding.tokens import Kind


def cut(t: Text) -> list[ClauseSpan]:
    """Cut the text at connectors ("while", "and", ";", a comma before a verb...)."""
    clauses: list[ClauseSpan] = []
    start, joined, i = 0, "", 0
    protected = _protected_ands(t)
    opened: list[bool] = []  # for each open parenthesis: did it start a clause?
    starts = t.starts
    while i < t.n:
        tables = starts[i]  # the phrase tables that can start at this word (most: none)
        if i > start and CLAUSE_OPENERS in tables and _opens_clause(t, i):
            clauses.append(ClauseSpan(start, i, joined))  # "..., manteniendo el churn ..."
            joined, start = ASIDE, i
            i += 1
            continue
        width = _break_at(t, i, start, protected) if CLAUSE_BREAKS in tables else 0
        if not width and PURPOSE_WORDS in tables:
            width = _purpose_at(t, i, start)  # "Refresh the banners to lift clicks by 25%"
        if width:
            word = _joins(t, i, width)
            clauses.append(ClauseSpan(start, i, joined))
            joined = word if word in t.tables[SUBORDINATORS].phrases else AND
            start = i = i + width
            continue
        low = t.lows[i]
        if low == "(":
            opened.append(i > start and _comma_breaks(t, i))
            if opened[-1]:
                clauses.append(ClauseSpan(start, i, joined))
                joined, start = ASIDE, i + 1
        elif low == ")" and (opened.pop() if opened else True) and i > start:
            clauses.append(ClauseSpan(start, i, joined))
            joined, start = AND, i + 1
        i += 1
    clauses.append(ClauseSpan(start, t.n, joined))
    return [c for c in clauses if c.last > c.first]


def _purpose_at(t: Text, i: int, start: int) -> int:
    """The width of "to" before a verb that moves a number, after a task ("Automate the
    checks to reach an 85% pass rate"), or 0: the purpose is the bet."""
    m = t.match(PURPOSE_WORDS, i)
    if m is None or i <= start or t.inside_quantity(i):
        return 0
    if not (t.match(CHANGE_VERBS, i + m[0]) or t.match(TARGET_VERBS, i + m[0])):
        return 0  # no verb that moves a number follows (asked first: it is the cheaper)
    # the task's verb opens this clause, or the text ("Automate lint and checks to ...")
    leading = verb_at(t, t.skip_openers(start, i)) or verb_at(t, t.skip_openers(0, i))
    if leading is None or leading[0] not in (TASK_VERBS, VAGUE_VERBS):
        return 0
    return m[0] if any(q.first > i + m[0] for q in t.quantities) else 0


def subordinate(t: Text, joined: str) -> bool:
    """Is a clause joined as a side clause ("while ...", "(...)", "manteniendo ...")?"""
    return joined == ASIDE or joined in t.tables[SUBORDINATORS].phrases


def joined_without(t: Text, span: ClauseSpan) -> bool:
    """Is the clause joined by "without" ("..., without letting CAC rise above $200")?"""
    return span.joined_by in t.tables[WITHOUT_WORDS].phrases


def _break_at(t: Text, i: int, start: int, protected: set[int]) -> int:
    """The width of a connector that starts a new clause at token ``i``, or 0."""
    m = t.match(CLAUSE_BREAKS, i)
    if m is None or i <= start or i in protected or t.inside_quantity(i):
        return 0
    word = " ".join(t.lows[i : i + m[0]])
    if word == ",":
        if not _comma_breaks(t, i):
            return 0
        after = t.match(CLAUSE_BREAKS, i + 1)
        if after is not None and _joins(t, i + 1, after[0]) in t.tables[SUBORDINATORS].phrases:
            return 1 + after[0]  # ", without ...": the subordinator joins the clause
        return 1
    if word in t.tables[CONDITIONAL_BREAKS].phrases and not _with_breaks(t, i + m[0]):
        return 0
    if m[0] == 1 and t.is_word(i, AND_WORDS) and _paired(t, i):
        return 0  # "Bürgerinnen und Bürger", "alumnos y alumnas": one group, named twice
    return m[0]


def _paired(t: Text, i: int) -> bool:
    """Are the words either side of ``i`` one noun in two forms (a stem of five letters)?"""
    before, after = t.low(i - 1), t.low(i + 1)
    return len(before) >= 5 and len(after) >= 5 and before[:5] == after[:5]


def _joins(t: Text, i: int, width: int) -> str:
    """The connector at tokens [i, i + width), without a leading comma."""
    words = t.lows[i : i + width]
    return " ".join(words[1:] if len(words) > 1 and words[0] == "," else words)


def _opens_clause(t: Text, i: int) -> bool:
    """A word that starts a side clause and belongs to it (a gerund: "manteniendo")."""
    return t.match(CLAUSE_OPENERS, i) is not None and not t.inside_quantity(i)


def _protected_ands(t: Text) -> set[int]:
    """The "and" of "between 50 and 250" does not start a clause, nor the one that joins
    the opening word to a verb ("Measure and raise NPS", "Identify and plug gaps")."""
    out: set[int] = set()
    first = t.skip_openers(0, t.n)
    joined = t.is_word(first + 1, AND_WORDS) and verb_at(t, first) is None
    if joined and verb_at(t, first + 2) is not None:
        out.add(first + 1)
    if t.is_word(first, EVERY_WORDS):  # "All hardware and software is on ...": one subject
        nouns = range(first + 1, min(first + 4, t.n))
        subject = next((k for k in nouns if t.is_word(k, AND_WORDS)), None)
        if subject is not None and all(
            t.tokens[k].kind is Kind.WORD and verb_at(t, k) is None
            for k in range(first + 1, subject)
        ):
            out.add(subject)
    between = t.tables[BETWEEN_WORDS].words
    for i in range(t.n):
        if t.lows[i] in between:
            ands = [k for k in range(i + 1, min(i + 6, t.n)) if t.is_word(k, AND_WORDS)]
            out.update(ands[:1])
    return out


def _comma_breaks(t: Text, i: int) -> bool:
    """A comma (or a parenthesis) starts a clause when a verb or a bound follows it."""
    first = t.skip_openers(0, i)
    cadence = t.match(CADENCE_ADVERBS, first)
    if cadence is not None and first + cadence[0] == i:
        return False  # "Twice a year, host a feedback session": how often, of what follows
    k = i + 1
    while t.is_word(k, COMMA_JOINERS):
        k += 1
    if k >= t.n or t.match(BASELINE_WORDS, k) or t.is_word(k, FROM_WORDS):
        return False  # ", up from $3.2M", "(from 12%)": the same clause's baseline
    return (
        verb_at(t, k) is not None
        or (t.zero_at(k) and t.low(k + 1) not in ("", "-", ")"))
        or t.match(MEASUREMENT_WORDS, k) is not None
        # a bound after a named metric (", churn below 3%"); a bound straight after
        # the comma names no metric and qualifies the noun: "tickets (older than 30 days)"
        or any(t.bound_word(j) for j in range(k + 1, min(k + 4, t.n)))
    )


def _with_breaks(t: Text, k: int) -> bool:
    """ "with churn below 3%" is a guard-rail clause; "with FTSE 250 companies" is not."""
    if t.match(ZERO_WORDS, k):
        return True
    for j in range(k, min(k + 6, t.n)):
        if t.match(HOLD_VERBS, j):
            return True
        bound = t.match(COMPARATOR_PREFIX, j)
        if bound is not None and comparator_of(bound[1]) is not Comparator.EQ:
            nxt = j + bound[0]
            if nxt in t.q_at or t.match(ZERO_WORDS, nxt):
                return True
    return False


# -- verbs ------------------------------------------------------------------------------
