"""Levels to hold in one clause: bounds, zeros and cadences.

"below 4%", "4% or less", ">= 99.9%" bound a level; "zero missed payroll runs" and
"no P1 incidents" hold it at zero; "every Friday", "all quarter" and a trailing
"monthly" repeat a duty or keep a level steady. :func:`find_holds` finds them;
:func:`hold_levels` names them by the clause's metric and words them for messages.
"""

from __future__ import annotations

from dataclasses import replace

from okrlint.understanding.changes import Change, of_after
from okrlint.understanding.clauses import Verb, verb_at
from okrlint.understanding.lexicon import (
    ACTIVITY_NOUNS,
    CADENCE_ADVERBS,
    CADENCE_OTHERS,
    CADENCE_WORDS,
    COMPARATOR_PREFIX,
    CONTINUITY,
    DEFINITE_ARTICLES,
    DUTY_VERBS,
    EVENT_NOUNS,
    EVERY_WORDS,
    FUNCTION_WORDS,
    HOLD_VERBS,
    LOWER_IS_BETTER,
    MEASUREMENT_WORDS,
    NOUN_STOPS,
    OCCASION_NOUNS,
    PERIODS,
    POSSESSIVES,
    PRONOUNS,
    PUNCTUALITY,
    RELATIVE_PRONOUNS,
    STEADY_WORDS,
    STOCK_VERBS,
    TARGET_VERBS,
    TASK_CONSTRAINTS,
    TASK_VERBS,
    ZERO_PRONOUNS,
    ZERO_WORDS,
    Lexicon,
)
from okrlint.understanding.meaning import NO_UNIT, Comparator, Hold, Quantity, UnitKind
from okrlint.understanding.text import ARROWS, ClauseSpan, Text, countable
from okrlint.understanding.tokens import Kind, tokenize

#: The tables whose phrases say how often or how steadily (see _cadence).
_CADENCE_TABLES = frozenset(
    {MEASUREMENT_WORDS, CADENCE_WORDS, CONTINUITY, PUNCTUALITY, STEADY_WORDS}
)


def find_holds(
    t: Text, span: ClauseSpan, quantities: list[Quantity], verb: Verb, change: Change
) -> list[Hold]:
    """Levels to hold: ranges ("between 95% and 99%"), bounds ("below 4%", "4% or
    less"), zeros ("no P1 incidents") and cadences ("every month", "all quarter")."""
    holds = list(change.ranges)
    target, baseline, relative = change.target, change.baseline, change.relative
    for q in quantities:
        if q is not target and q is not baseline and q is not relative:
            hold = _bound_hold(t, span, q, verb)
            if hold is not None:
                holds.append(hold)
    first = t.skip_openers(span.first, span.last)
    nobody = t.match(ZERO_PRONOUNS, first)
    if nobody is not None:
        # "Nobody in the group suffers a serious injury": zero people, held
        start, end = t.tokens[first].start, t.tokens[first + nobody[0] - 1].end
        zero = Quantity(
            0.0, NO_UNIT, t.text[start:end], start, end, first=first, last=first + nobody[0]
        )
        holds.append(Hold(Comparator.LE, zero, "", t.span_text(first, span.last)))
    for i in range(span.first, span.last):
        if ZERO_WORDS not in t.starts[i]:
            continue  # a zero hold starts with a zero word
        hold = _zero_hold(t, span, i, verb, change)
        if hold is not None:
            holds.append(hold)
            break
    cadence = _cadence(t, span, verb, bool(quantities))
    if cadence:
        holds.append(Hold(None, None, "", cadence, cadence=cadence))
    return holds


def _bound_hold(t: Text, span: ClauseSpan, q: Quantity, verb: Verb) -> Hold | None:
    """ "below 4%", "at least 95%", "4% or less", ">= 99.9%"."""
    before = t.bound_before(q.first, span.first)
    if before is not None and before[0] is Comparator.EQ and verb.kind != HOLD_VERBS:
        before = None  # "uptime of 99.9%" names a level, it bounds nothing
    if before is not None:
        return Hold(before[0], q, "", t.span_text(before[1], q.last))
    after = t.bound_after(q, span.last)
    if after is not None:
        return Hold(after[0], q, "", t.span_text(q.first, after[1]))
    return None


def _zero_hold(t: Text, span: ClauseSpan, i: int, verb: Verb, change: Change) -> Hold | None:
    """ "Zero missed payroll runs", "no P1 incidents": zero of something named.

    A zero counts near the start of the clause, right after a hold verb, or after
    a named metric ("Critical bugs: none"); after "to", "from", "by" or a target
    verb it is a target ("reduce P1s to zero").
    """
    if not t.zero_at(i) or t.q_covering.get(i) is change.target is not None:
        return None
    first = span.first
    prev = t.lows[i - 1] if i > first else ""
    if i > first and (prev in ARROWS or t.change_word(i - 1) or prev in t.tables[TARGET_VERBS]):
        return None
    if (
        prev == ":"
        and i - 1 > first
        and (noun_end(t, span, verb, i + 1) == i + 1 or t.match(COMPARATOR_PREFIX, i + 1))
    ):
        # "Critical bugs: none": the metric comes first
        return Hold(Comparator.LE, t.zero_quantity(i), "", t.span_text(first, i + 1))
    near_start = i - first <= 2
    after_hold = verb.kind == HOLD_VERBS and i <= verb.end + 2
    if not (near_start or after_hold):
        return None
    zero = t.zero_quantity(i)
    end = noun_end(t, span, verb, zero.last)
    if end == zero.last:
        return None  # "zero" alone names nothing
    return Hold(Comparator.LE, zero, "", t.span_text(i, end))


def noun_end(t: Text, span: ClauseSpan, verb: Verb, k: int) -> int:
    """The end of the noun phrase from ``k``: "missed payroll runs" in "zero missed..."."""
    stops = t.tables[NOUN_STOPS]
    while k < span.last and t.tokens[k].kind is Kind.WORD and t.lows[k] not in stops:
        if verb.trailing and k == verb.at:
            break  # "Keine P1-Incidents zulassen": the verb ends the noun
        k += 1
    return k


def _cadence(t: Text, span: ClauseSpan, verb: Verb, measured: bool) -> str:
    """A duty's repetition or a level's continuity: "every Friday", "all quarter",
    "stays flat", a trailing "monthly". Nothing after "measured" when there is a
    number to measure ("..., measured weekly" says how a bet is tracked); with none, the
    review is the duty ("Goals are reviewed quarterly").
    """
    group = universal(t, span)
    one_off = verb.kind == TASK_VERBS and not t.match(DUTY_VERBS, verb.at)
    for i in range(span.first, span.last):
        if t.starts[i].isdisjoint(_CADENCE_TABLES):
            continue  # no cadence phrase starts here (most words)
        if measured and t.match(MEASUREMENT_WORDS, i):
            return ""
        every = t.match(CADENCE_WORDS, i)
        if every is not None:
            end = period_end(t, span, i + every[0])
            if end:
                return t.span_text(i, end)
        m = t.match(CONTINUITY, i)
        if m is not None and one_off and t.match(TASK_CONSTRAINTS, i):
            m = None  # "Finish the refit on schedule and within budget": the task's frame
        if m is None and group:
            m = t.match(PUNCTUALITY, i)  # "pay all suppliers on time"
        if m is not None:
            return t.span_text(i, i + m[0])
        if verb.kind == "" and t.match(STEADY_WORDS, i) and not _attributive(t, span, i):
            return t.span_text(i, i + 1)
    opening = t.skip_openers(span.first, span.last)
    aimed = (verb.kind and verb.kind not in (TASK_VERBS, HOLD_VERBS)) or t.match(
        STOCK_VERBS, opening
    )
    if aimed and _share_of(t, span):
        return ""  # "Get 60% of users to log in weekly": how often names what is counted
    if verb.kind in (TASK_VERBS, HOLD_VERBS, TARGET_VERBS, ""):
        for q in t.quantities:
            if span.first <= q.first < span.last and q.unit.kind is UnitKind.MULTIPLE and q.per:
                return t.span_text(q.first, q.last)  # "Train 3 times a week": how often
    return _trailing_cadence(t, span, verb)


def _share_of(t: Text, span: ClauseSpan) -> bool:
    """Does the clause count a share of a group ("60% of users ...")?"""
    return any(
        q.unit.kind is UnitKind.PERCENT and of_after(t, q.last, span)
        for q in t.quantities
        if span.first <= q.first < span.last
    )


def _attributive(t: Text, span: ClauseSpan, i: int) -> bool:
    """Does the word at ``i`` describe the noun after it ("a stable 1.0 release"), not
    say that something stays so ("Churn flat", "Uptime stable all quarter")?"""
    k = i + 1
    if k >= span.last or t.lows[k] in t.tables[FUNCTION_WORDS]:
        return False
    return t.tokens[k].kind is Kind.WORD or k in t.q_at


def _trailing_cadence(t: Text, span: ClauseSpan, verb: Verb) -> str:
    """A cadence adverb that closes the clause ("send the investor update monthly"), or
    one beside a duty verb ("publish a monthly newsletter")."""
    k = span.last - 1
    while k > span.first and (
        t.tokens[k].kind is Kind.SYM
        or k in t.date_tokens
        or (verb.trailing and verb.at <= k < verb.end)
    ):
        k -= 1
    # a phrase that closes the clause: "monthly", "twice a week"
    for j in range(max(span.first + 1, k - 2), k + 1):
        m = t.match(CADENCE_ADVERBS, j)
        if m is not None and j + m[0] - 1 == k:
            k = j
            break
    # in "Chiffre d'affaires trimestriel" the cadence word names the metric
    trailing = t.match(CADENCE_ADVERBS, k) if k - 1 not in t.q_covering else None
    adjective = t.lex.head_first and not _a_deed(t, k - 1)
    if adjective and verb.kind:
        # "Atteindre 1 000 utilisateurs actifs mensuels": an adjective after its noun
        # names the metric even after a verb; an adverb ("mensuellement") is a cadence
        adjective = trailing is not None and trailing[0] == 1 and _after_noun(t, k)
    if k > span.first and trailing is not None and not adjective:
        return t.span_text(k, k + trailing[0])  # "send the investor update monthly"
    if verb.kind == TASK_VERBS and t.match(DUTY_VERBS, verb.at):
        # the cadence word sits after a leading verb ("publish a monthly newsletter"),
        # anywhere before a trailing or inner one ("Monthly board pack sent by ...")
        inner = verb.trailing or verb.at > t.skip_openers(span.first, span.last)
        start = span.first if inner else verb.end
        for i in range(start, span.last):
            if t.match(CADENCE_ADVERBS, i) and i - 1 not in t.q_covering:
                if _one_occasion(t, i):
                    continue  # "Hold the quarterly summit": this cycle's one summit
                return t.tokens[i].text  # "publish a monthly newsletter"
    if not verb.kind:
        # "monthly reports", "12 monthly leadership coaching sessions", "reportes mensuales"
        for i in range(span.first, span.last):
            if t.match(CADENCE_ADVERBS, i) and _deed_beside(t, span, i) and not _one_occasion(t, i):
                return t.tokens[i].text  # "a fortnightly stand-up with each squad lead"
    return ""


def _after_noun(t: Text, k: int) -> bool:
    """Does the one-word cadence at ``k`` follow a noun as its adjective ("usuarios
    activos mensuales"), not close the clause as an adverb ("mensualmente")?"""
    before = k - 1
    if before < 0 or t.tokens[before].kind is not Kind.WORD:
        return False
    if t.lows[before] in t.tables[FUNCTION_WORDS] or t.lows[k].endswith(_ADVERB_ENDINGS):
        return False
    return verb_at(t, before) is None  # "publicar mensualmente" has its verb before


#: The endings of adverbs in the languages that put adjectives after nouns.
_ADVERB_ENDINGS = ("ment", "mente")


def _one_occasion(t: Text, i: int) -> bool:
    """Does the cadence word at ``i`` name one occasion of the cycle: at most quarterly,
    after "the" or "our" ("the quarterly summit", "our annual conference")?"""
    m = t.match(CADENCE_ADVERBS, i)
    per_year = m[1] if m is not None else None
    rare = isinstance(per_year, float) and per_year <= 4
    named = t.is_word(i - 1, DEFINITE_ARTICLES) or t.is_word(i - 1, POSSESSIVES)
    return rare and named


def _deed_beside(t: Text, span: ClauseSpan, i: int) -> bool:
    """Is a piece of work described by the cadence word at ``i``: the noun it qualifies
    (after it, or before it where nouns come first), a compound of up to three words?"""
    if t.lex.head_first:
        return span.first <= i - 1 and _a_deed(t, i - 1)
    for k in range(i + 1, min(i + 4, span.last)):
        if t.tokens[k].kind is not Kind.WORD or t.lows[k] in t.tables[FUNCTION_WORDS]:
            return False
        if _a_deed(t, k):
            return True
    return False


def _a_deed(t: Text, k: int) -> bool:
    """Is token ``k`` an event or a piece of the team's work ("stand-up", "report")?"""
    return t.lex.noun(EVENT_NOUNS, t.lows[k]) or t.lex.noun(ACTIVITY_NOUNS, t.lows[k])


def universal(t: Text, span: ClauseSpan) -> bool:
    """Does the clause speak of every item ("all invoices", "every bin", "100% of")?"""
    return any(
        t.is_word(i, EVERY_WORDS)
        or (i in t.q_at and t.q_at[i].unit.kind is UnitKind.PERCENT and t.q_at[i].value == 100)
        for i in range(span.first, span.last)
    )


def period_end(t: Text, span: ClauseSpan, k: int) -> int:
    """After "every": the end of the period ("Friday", "2 weeks", "other month"), or 0."""
    q = t.q_covering.get(k)
    if q is not None and q.unit.kind is UnitKind.DURATION:
        return q.last  # "every 2 weeks"
    if k < span.last and (q is not None or t.is_word(k, CADENCE_OTHERS)):
        k = q.last if q is not None else k + 1  # "every two months", "every other week"
    p = t.match(PERIODS, k) or t.match(OCCASION_NOUNS, k)  # "every Friday", "every PR"
    return k + p[0] if p is not None else 0


def counted_with_bound(
    t: Text, span: ClauseSpan, quantities: list[Quantity], holds: list[Hold]
) -> bool:
    """ "25 publisher profiles that upload at least one item": the bounds sit in a clause
    about the noun counted before them; they say which items count, not a level."""
    bounded = {id(h.level) for h in holds}
    counts = [q for q in quantities if id(q) not in bounded and countable(q)]
    if not counts or any(h.level is None for h in holds):
        return False
    after = counts[0].last
    rel = next((k for k in range(after, span.last) if t.is_word(k, RELATIVE_PRONOUNS)), None)
    return rel is not None and all(h.level is not None and h.level.first > rel for h in holds)


def qualified_level(
    t: Text, span: ClauseSpan, quantities: list[Quantity], holds: list[Hold]
) -> Quantity | None:
    """ "90% of tickets answered within 4 hours": the 90% is the level, not the bound.

    "100% of" means "all" and qualifies nothing: "Process 100% of refunds within
    5 days" is a standard to hold.
    """
    bounded = {id(h.level) for h in holds}
    for q in quantities:
        if id(q) in bounded or q.value >= 100:
            continue
        if q.unit.kind is UnitKind.PERCENT and of_after(t, q.last, span):
            return q
    return None


def breaks_level(change: Change, free: list[Quantity], levels: list[Hold]) -> bool:
    """Does a stated baseline ("currently 62%", "down from 8") fall outside the level?
    Then the level is a target to reach, not one to keep."""
    base = change.stated_baseline or change.baseline
    if base is None:
        return False
    level = levels[0].level if levels else (free[0] if free else None)
    if level is None or base is level or not base.unit.compatible(level.unit):
        return False
    comparator = levels[0].comparator if levels and level is levels[0].level else None
    if comparator in (Comparator.LT, Comparator.LE):
        return base.value > level.value
    if comparator in (Comparator.GT, Comparator.GE):
        return base.value < level.value
    return not base.same_amount(level)


# -- wording the holds ------------------------------------------------------------------


def hold_levels(
    t: Text,
    span: ClauseSpan,
    verb: Verb,
    metric: str,
    levels: list[Hold],
    cadence: list[Hold],
    named: Quantity | None,
) -> list[Hold]:
    """The clause's holds, named by its ``metric`` and worded for messages. ``named`` is
    the level a hold verb names without a bound ("Maintain 99.9% uptime")."""
    lower = lower_is_better(t.lex, metric)
    holds: list[Hold] = []
    hold_verb = verb.kind == HOLD_VERBS
    if not levels and hold_verb and named is not None:
        holds.append(Hold(None, named, metric, clause_text(t, span, verb), lower_is_better=lower))
    for h in levels:
        text = clause_text(t, span, verb) if hold_verb else h.text
        holds.append(replace(h, metric=metric, text=text, lower_is_better=lower))
    if (
        hold_verb
        and not holds
        and (cadence or (metric and metric.lower() not in t.tables[PRONOUNS]))
    ):
        start = span.first if verb.trailing else verb.at
        holds.append(Hold(None, None, metric, t.span_text(start, span.last)))
    holds.extend(replace(h, metric=metric) for h in cadence)
    return holds


def lower_is_better(lex: Lexicon, metric: str) -> bool | None:
    """Is a lower reading better for this metric ("churn", "latency")? None if unnamed."""
    if not metric:
        return None
    table = lex.table(LOWER_IS_BETTER)
    lows = [t.low for t in tokenize(metric)]
    if lex.compounds and any(table.inside(low) for low in lows):
        return True  # "Kündigungsquote", "Infrastrukturkosten"
    return any(table.match(lows, i) for i in range(len(lows)))


def clause_text(t: Text, span: ClauseSpan, verb: Verb) -> str:
    """The clause from its verb on: "keeping churn below 3%" (all of it when the verb
    closes it: "die Kündigungsquote unter 3 % halten")."""
    start = verb.at if verb.at >= 0 and not verb.trailing else span.first
    last = span.last
    while last > start and t.lows[last - 1] in (".", ",", ";", ":", "!", "?", "(", ")"):
        last -= 1
    return t.span_text(start, last)
