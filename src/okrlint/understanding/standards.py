"""Standards and rollouts: a clause about every item of a group ("All hardware is on a
supported release"), a one-off thing rolled out to each member ("100% of staff have a
learning plan"), a share of the team's work done, and a plan attained ("Hit the
bookings plan")."""

from __future__ import annotations

from okrlint.understanding.changes import of_after
from okrlint.understanding.clauses import Verb

#: The tables whose phrases say how often or how steadily (see _cadence).
from okrlint.understanding.holds import noun_end, period_end, universal
from okrlint.understanding.lexicon import (
    ACTIVITY_NOUNS,
    CADENCE_ADVERBS,
    CADENCE_WORDS,
    CONTINUITY,
    DEFINITE_ARTICLES,
    EVERY_WORDS,
    FUNCTION_WORDS,
    HOLD_VERBS,
    INDEFINITE_ARTICLES,
    NEW_WORDS,
    PERIODS,
    PLAN_JOINERS,
    PLAN_NOUNS,
    POSSESSIVES,
    RATE_WORDS,
    RECURRING_WORDS,
    ROLLOUT_NOUNS,
)
from okrlint.understanding.meaning import Hold, Quantity, UnitKind
from okrlint.understanding.text import ClauseSpan, Text
from okrlint.understanding.tokens import Kind


def every_one(t: Text, span: ClauseSpan) -> bool:
    """Does the clause open on every item of a group and say something of it ("All
    hardware is on a supported release", "Every release signed")?"""
    first = t.skip_openers(span.first, span.last)
    words = sum(t.tokens[k].kind is Kind.WORD for k in range(first, span.last))
    return t.is_word(first, EVERY_WORDS) and words >= 3  # not a subject alone ("All leads")


def rollout(t: Text, span: ClauseSpan, verb: Verb, holds: tuple[Hold, ...]) -> bool:
    """ "100% of staff have a learning plan", "Set a growth path for every rep", "Ensure
    every team member finishes the security training": a one-off thing that each member
    of a group gets or makes is a task rolled out, not a level held. Not when the thing
    recurs or the group keeps arriving ("the annual training", "every month", "each new
    starter"), nor with a bound beside it ("within 14 days").
    """
    if any(h.level is not None for h in holds) or not universal(t, span):
        return False
    if verb.kind == HOLD_VERBS and not universal(t, ClauseSpan(verb.end, verb.end + 2)):
        return False  # "Maintain a development plan for every engineer": kept up
    lex, thing = t.lex, False
    for i in range(span.first, span.last):
        if t.match(RECURRING_WORDS, i) or t.match(CADENCE_ADVERBS, i):
            return False
        if t.match(NEW_WORDS, i) and universal(t, ClauseSpan(max(span.first, i - 3), i)):
            return False  # "every new starter", "100% of new hires": a group that grows
        every = t.match(CADENCE_WORDS, i)
        if every is not None and period_end(t, span, i + every[0]):
            return False  # "every month"
        steady = t.match(CONTINUITY, i)
        if steady is not None and not t.is_word(i + steady[0] - 1, EVERY_WORDS):
            return False  # "at all times"; "for every rep" only names the group
        thing = (
            thing
            or t.match(ROLLOUT_NOUNS, i) is not None
            or (lex.compounds and lex.noun(ROLLOUT_NOUNS, t.lows[i]))
        )
    return thing


def rate_in(t: Text, span: ClauseSpan) -> bool:
    """Does the clause say how often, anywhere: "per month", "per-quarter", "/week"?"""
    rates, periods = t.tables[RATE_WORDS].words, t.tables[PERIODS].words
    for k in range(span.first, span.last):
        word, hyphen, rest = t.lows[k].partition("-")
        if hyphen and word in rates and rest in periods:
            return True  # "per-quarter"
        if t.is_word(k, RATE_WORDS) and not t.is_word(k, INDEFINITE_ARTICLES):
            j = k + 2 if t.low(k + 1) == "-" else k + 1
            if t.match(PERIODS, j):
                return True
    return False


def all_of(t: Text, span: ClauseSpan, free: list[Quantity]) -> Quantity | None:
    """ "100% of employees complete the training": every one of them, a standard.
    ``free`` are the clause's amounts that are no baseline or step."""
    for q in free:
        if q.unit.kind is UnitKind.PERCENT and q.value == 100 and of_after(t, q.last, span):
            return q
    return None


def attains_plan(t: Text, span: ClauseSpan, verb: Verb, q: Quantity) -> bool:
    """ "105% of the bookings plan", "110% of quota": a share of a plan is attaining it,
    the standing job (not "80% of target accounts", whose head is the accounts)."""
    if q.unit.kind is not UnitKind.PERCENT or not of_after(t, q.last, span):
        return False
    k = q.last + 1
    while k < span.last and t.lows[k] in t.tables[FUNCTION_WORDS]:
        k += 1  # "of the", "del", "des"
    end = noun_end(t, span, verb, k)
    if end <= k:
        return False
    head = t.lows[k] if t.lex.head_first else t.lows[end - 1]
    return t.lex.noun(PLAN_NOUNS, head)


def share_of_work(t: Text, span: ClauseSpan, verb: Verb, q: Quantity) -> bool:
    """ "Close 50% of the open security findings": a share of the team's own work items
    (bugs, findings, tickets, stories) done is the work, not a result."""
    if q.unit.kind is not UnitKind.PERCENT or not of_after(t, q.last, span):
        return False
    k = q.last + 1
    while k < span.last and t.lows[k] in t.tables[FUNCTION_WORDS]:
        k += 1  # "of the", "de los"
    end = noun_end(t, span, verb, k)
    if end <= k:
        return False
    head = t.lows[k] if t.lex.head_first else t.lows[end - 1]
    return t.lex.noun(ACTIVITY_NOUNS, head)


def to_plan(t: Text, span: ClauseSpan, attained: bool = False) -> bool:
    """Does the clause end on doing it to plan: "Hire to plan", "Deliver bookings in line
    with the plan", "Umsatz gemäß Plan", or (``attained``: a verb of reaching) on the plan
    itself: "Hit the bookings plan"?"""
    k = span.last - 1
    if k <= span.first or not t.lex.noun(PLAN_NOUNS, t.lows[k]):
        return False
    j = k - 1
    determiners = (DEFINITE_ARTICLES, POSSESSIVES)
    if attained:  # the plan is the verb's object: "Hit the Q3 bookings plan"
        function_words = t.tables[FUNCTION_WORDS]
        return all(
            t.lows[i] not in function_words or any(t.is_word(i, d) for d in determiners)
            for i in range(span.first, k)
            if t.tokens[i].kind is Kind.WORD
        )
    while j > span.first and any(t.is_word(j, d) for d in determiners):
        j -= 1  # "the", "our"
    for start in range(max(span.first, j - 3), j + 1):
        m = t.match(PLAN_JOINERS, start)
        if m is not None and start + m[0] == j + 1:
            return start > span.first  # something done to plan, not the plan alone
    return False
