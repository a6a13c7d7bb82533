"""The key-result reader: what a goal's text asks for.

A key result either asks for a **change** (a number moves from a baseline to a
target: "Reduce churn from 4% to 2.5%"), asks to **hold** a level ("Keep churn
below 4%", "Zero missed payroll runs", "Release notes go out every Friday"),
names a **task** ("Launch the new pricing page"), or is **unmeasured** ("Improve
the onboarding experience"). :func:`read_key_result` answers that once per text;
the checks consume its :class:`~okrlint.understanding.meaning.KeyResultMeaning` and
never re-read the text.

How it reads: the text is prepared once (:class:`~okrlint.understanding.text.Text`:
tokens, amounts with their units, dates set aside) and cut into clauses at connectors
(:mod:`~okrlint.understanding.clauses`). In each clause the verb, the change's amounts
(:mod:`~okrlint.understanding.changes`), the levels to hold
(:mod:`~okrlint.understanding.holds`), the metric and whether it counts the team's own
output (:mod:`~okrlint.understanding.metric`) are found, and :func:`_decide` settles the
clause's intent, the first of its rules that fits. :func:`_combine` makes one meaning:
a real change with a hold beside it is a bet with a guard-rail.

Every word the reader looks for is data of its language (``rules/phrases/<lang>.yaml``):
"from", "von", "de" and "desde" are all ``from_words``. The code knows only symbols and
a few facts of grammar the data declares: the verb may close the clause ("Die Churn-Rate
von 4 % auf 2,5 % senken"), nouns may be capitalised or compounded ("Neukunden"), the
head of a noun phrase may come first ("clientes nuevos"), and a word that is both
"from" and "of" (German "von", Spanish and French "de") makes a baseline only with its
"to".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from okrlint.understanding.changes import Change, find_change, task_level
from okrlint.understanding.clauses import (
    AND,
    CHANGING,
    Verb,
    cut,
    joined_without,
    objects,
    subordinate,
    take_verb,
)
from okrlint.understanding.holds import (
    all_of,
    breaks_level,
    clause_text,
    find_holds,
    hold_levels,
    qualified_level,
)
from okrlint.understanding.lexicon import (
    ACQUISITION_VERBS,
    CHANGE_VERBS,
    HOLD_VERBS,
    TARGET_VERBS,
    TASK_VERBS,
    VAGUE_VERBS,
    lexicon,
)
from okrlint.understanding.meaning import (
    Comparator,
    Direction,
    Hold,
    Intent,
    KeyResultMeaning,
    Quantity,
    UnitKind,
    share_units,
)
from okrlint.understanding.metric import (
    bare_level,
    floor_on_a_count,
    is_output,
    metric_of,
    names_a_thing,
    names_deliverable,
    new_count,
    own_count,
    task_too,
    won_from_others,
)
from okrlint.understanding.text import (
    ClauseSpan,
    Text,
    counts_activity,
    texted,
)
from okrlint.understanding.tokens import set_aside, tokenize


@lru_cache(maxsize=4096)
def read_key_result(text: str, language: str = "en") -> KeyResultMeaning:
    """Read what ``text`` asks for. Never raises; unreadable text is UNMEASURED."""
    lex = lexicon(language)
    clean, asides = set_aside(text, lex.noise)
    tokens = tokenize(clean, lex.space_groups)
    if not tokens:
        return KeyResultMeaning(Intent.UNMEASURED, language=language)
    t = Text(clean, tokens, lex, asides, text)
    readings: list[Reading] = []
    previous: Verb | None = None
    for span in cut(t):
        reading = _read_clause(t, span, previous if span.joined_by == AND else None)
        readings.append(reading)
        previous = reading.clause.verb
    return _combine(t, readings)


class Clause(NamedTuple):
    """One clause and what was found in it, before its intent is decided."""

    span: ClauseSpan
    quantities: list[Quantity]
    verb: Verb
    change: Change
    holds: tuple[Hold, ...]
    metric: str
    output: bool
    free: list[Quantity]  # the amounts that are not already its baseline or its step


class Reading(NamedTuple):
    """A clause with its intent decided, and the amounts that decision settled."""

    clause: Clause
    intent: Intent
    baseline: Quantity | None
    target: Quantity | None
    bound: Comparator | None
    holds: tuple[Hold, ...]
    output: bool
    from_zero: bool = False


def _read_clause(t: Text, span: ClauseSpan, previous: Verb | None) -> Reading:
    """Find a clause's verb, change, holds, metric and output, then decide its intent."""
    quantities = t.quantities_in(span)
    verb = take_verb(t, span, quantities, previous)
    change = find_change(t, span, quantities, verb)
    holds = find_holds(t, span, quantities, verb, change)
    metric = metric_of(t, span, quantities, verb)
    output = is_output(t, quantities, change, metric)
    free = _free(quantities, change)
    clause = Clause(span, quantities, verb, change, tuple(holds), metric, output, free)
    reading = _decide(t, clause)
    if reading.intent is not Intent.CHANGE or reading.from_zero:
        return reading
    baseline, target = reading.baseline, reading.target
    if baseline is None and change.stated_baseline is not target:
        baseline = change.stated_baseline  # "Increase activation to 75% (currently 61%)"
    if baseline is not None and target is not None:
        baseline, target = share_units(baseline, target)
    if baseline is reading.baseline and target is reading.target:
        return reading
    r = reading
    return Reading(r.clause, r.intent, baseline, target, r.bound, r.holds, r.output, r.from_zero)


def _free(quantities: list[Quantity], change: Change) -> list[Quantity]:
    """The clause's amounts that are not already its baseline or its step."""
    amounts = (change.baseline, change.relative, change.stated_baseline)
    taken = [q for q in amounts if q is not None]
    if not taken:
        return quantities
    return [q for q in quantities if not any(q.last == t.last for t in taken)]


# -- deciding a clause's intent ----------------------------------------------------------

Rule = Callable[[Text, Clause, list[Hold], list[Hold]], "Reading | None"]


def _decide(t: Text, c: Clause) -> Reading:
    """Settle a clause's intent from what was found in it: the first rule that fits."""
    levels = [h for h in c.holds if h.level is not None]
    cadence = [h for h in c.holds if h.cadence]
    for rule in _RULES:
        reading = rule(t, c, levels, cadence)
        if reading is not None:
            return reading
    return _decide_otherwise(t, c)


def _kept(
    c: Clause, intent: Intent, holds: tuple[Hold, ...] | None = None, output: bool | None = None
) -> Reading:
    """A reading of ``c`` that keeps the amounts found (and, unless given, its holds and
    output)."""
    ch = c.change
    return Reading(
        c,
        intent,
        ch.baseline,
        ch.target,
        ch.bound,
        c.holds if holds is None else holds,
        c.output if output is None else output,
    )


def _aimed(
    c: Clause,
    target: Quantity | None,
    bound: Comparator | None,
    *,
    baseline: Quantity | None = None,
    output: bool | None = None,
    from_zero: bool = False,
) -> Reading:
    """A change of ``c`` towards ``target`` (from ``baseline``, else the one found)."""
    return Reading(
        c,
        Intent.CHANGE,
        baseline or c.change.baseline,
        target,
        bound,
        (),
        c.output if output is None else output,
        from_zero,
    )


def _decide_move(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """ "from X to Y", "X → Y": a bet, whatever else the clause says; "Maintain NPS from
    45 to 45" moves nothing and stays a hold."""
    base, target = c.change.baseline, c.change.target
    if base is None or target is None:
        return None
    if c.verb.kind == HOLD_VERBS and base.same_amount(target):
        return None
    return _kept(c, Intent.CHANGE, holds=())


def _decide_hold_verb(
    t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]
) -> Reading | None:
    """ "Maintain 99.9% uptime", "keep customers happy"."""
    if c.verb.kind != HOLD_VERBS:
        return None
    if joined_without(t, c.span) and not levels:
        return _kept(c, Intent.UNMEASURED)  # "without keeping ..." is not itself a hold
    if not levels and not cadence and not c.quantities and (t.deadline or t.period):
        return _kept(c, Intent.TASK, output=True)  # "ensure the CRM is live by Q3"
    if (levels or c.quantities) and breaks_level(c.change, c.free, levels):
        # "Ensure 100% of staff are trained by March (currently 62%)": today's reading
        # is outside the level, so holding it means moving the number: a bet
        target = levels[0].level if levels else c.free[0]
        bound = levels[0].comparator if levels else None
        return _aimed(c, target, bound)
    return _kept(c, Intent.HOLD, _worded(t, c, levels, cadence))


def _decide_limit(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """ "... without letting CAC rise above $200": a limit beside a bet, not a second bet."""
    if not joined_without(t, c.span) or c.verb.kind not in (CHANGE_VERBS, TARGET_VERBS):
        return None
    if not levels and c.verb.kind == TARGET_VERBS:
        # "sin que el churn supere el 3 %", "without exceeding $200": the verb bounds
        governed = objects(c.verb, c.quantities)
        limit = next((q for q in governed if q.unit.kind is not UnitKind.NONE), None)
        if limit is not None:
            levels = [Hold(Comparator.LE, limit, "", clause_text(t, c.span, c.verb))]
    intent = Intent.HOLD if levels else Intent.UNMEASURED
    return _kept(c, intent, _worded(t, c, levels, []))


def _decide_duty(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """ "Release notes go out every Friday", "1 webinar a month": a duty repeated with no
    end. A change of the rate ("raise demo calls from 20 to 40 a week") is no duty."""
    if not cadence:
        rate = next((q for q in c.free if q.per and counts_activity(t.lex, q)), None)
        if rate is None or c.change.baseline is not None or c.change.relative is not None:
            return None
        hold = Hold(None, rate, "", clause_text(t, c.span, c.verb))
        return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
    return _kept(c, Intent.HOLD, _worded(t, c, levels, cadence))


def _decide_bound(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """A bound with no change verb: "Churn below 3%" holds a level, unless the text
    names where it starts ("..., down from 8") or when it is due ("... by end of Q3"),
    or the bound qualifies a share ("95% of tickets answered within 4 hours").
    """
    kind = c.verb.kind
    if not levels or kind in CHANGING:
        return None
    if kind == ACQUISITION_VERBS and new_count(t, c.span, c.verb, c.free) is not None:
        return None  # "Sign 10 new customers within 30 days of launch"
    if kind == TASK_VERBS and own_count(c.verb, c.quantities, levels) is not None:
        return None  # "Run 6 webinars with 100+ attendees each": the task leads
    if all(floor_on_a_count(t, c.span, h) for h in levels):
        return None  # "Host at least 2 workshops", "deal value of $450k or higher"
    qualifier = qualified_level(t, c.span, c.quantities, levels)
    moving = t.deadline or c.change.baseline is not None or c.change.stated_baseline is not None
    if qualifier is not None and not moving:
        # "95% of patients seen within 4 hours": a service level to hold
        hold = Hold(Comparator.GE, qualifier, "", clause_text(t, c.span, c.verb))
        return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
    if qualifier is not None:
        return _aimed(c, qualifier, c.change.bound)
    if moving:
        level = levels[0]
        return _aimed(c, level.level, level.comparator)
    return _kept(c, Intent.HOLD, _worded(t, c, levels, []))


def _decide_new_count(
    t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]
) -> Reading | None:
    """ "Sign 10 new customers": won in the cycle, from zero; "Add 5 new integrations"
    counts the team's own work.
    """
    new = new_count(t, c.span, c.verb, c.free) if c.change.baseline is None else None
    if new is None:
        return None
    if counts_activity(t.lex, new) and not won_from_others(t, c.span, c.verb, new):
        return _kept(c, Intent.TASK, (), output=True)
    own = [h for h in levels if h.level is new]
    bound = own[0].comparator if own else None
    return _aimed(c, new, bound, output=False, from_zero=True)


def _decide_target(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """A change or target verb with an amount: "Reduce churn below 3%", "Reach 40%"."""
    kind = c.verb.kind
    changing = kind in CHANGING
    if not changing and kind not in (VAGUE_VERBS, ""):
        return None
    target, bound = c.change.target, c.change.bound
    if target is None and changing and levels:
        qualifier = qualified_level(t, c.span, c.quantities, levels)
        if qualifier is not None:
            target = qualifier  # "Deliver 95% of orders within 48 hours"
        else:
            target, bound = levels[0].level, levels[0].comparator
    if target is None and kind == TARGET_VERBS:
        governed = objects(c.verb, c.quantities)
        after = [q for q in c.free if any(q is o for o in governed)]
        target = after[0] if after else None
    if target is None and c.change.relative is None and changing:
        spare = c.free
        target = spare[0] if spare else None
    if target is None and c.change.relative is None:
        return None
    return _aimed(c, target, bound)


_RULES: tuple[Rule, ...] = (
    _decide_move,
    _decide_hold_verb,
    _decide_limit,
    _decide_duty,
    _decide_bound,
    _decide_new_count,
    _decide_target,
)


def _decide_otherwise(t: Text, c: Clause) -> Reading:
    """No rule fitted: a level to reach with today's value, a task, a standard, a bare
    level, or nothing to measure."""
    target = task_level(t, c.span, c.verb, c.change)
    if target is not None:
        # "Build pipeline coverage to 4x (currently 2.1x)": a level and today's value
        return _aimed(c, target, c.change.bound, baseline=c.change.stated_baseline)
    if (
        c.verb.kind == TASK_VERBS
        or (not c.quantities and names_deliverable(t, c.span, c.verb))
        or (not c.quantities and task_too(t, c.verb))
    ):
        return _kept(c, Intent.TASK, (), output=True)  # "Launch ...", "Achieve SOC 2"
    every = None
    if (
        c.change.baseline is None
        and c.change.stated_baseline is None
        and not t.deadline
        and c.verb.kind not in CHANGING
    ):
        every = all_of(t, c.span, c.free)
    if every is not None:
        hold = Hold(Comparator.GE, every, "", clause_text(t, c.span, c.verb))
        return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
    free = c.free
    if c.change.baseline is None and free:
        if bare_level(t, c.span, c.verb, c.metric, free[0], c.change.stated_baseline):
            # "Demo-to-buy-in conversion rate of 45%", "60 calls per day per rep": a level
            # named with no verb to move it is a level to hold
            hold = Hold(None, free[0], "", clause_text(t, c.span, c.verb))
            return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
        return _aimed(c, free[0], c.change.bound)  # "Reach 40% activation"
    if not c.quantities and names_a_thing(t, c.span, c.verb, c.metric):
        return _kept(c, Intent.TASK, (), output=True)  # "Kotlin driver", "SSO shipped"
    return _kept(c, Intent.UNMEASURED, ())  # nothing to measure, or going nowhere


def _worded(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> tuple[Hold, ...]:
    """The clause's holds, named by its metric and worded for messages."""
    named: Quantity | None = None
    if c.verb.kind == HOLD_VERBS:
        # "Maintain 99.9% uptime": the level is named without a bound
        named = next((q for q in c.quantities if q is not c.change.relative), c.change.baseline)
    return tuple(hold_levels(t, c.span, c.verb, c.metric, levels, cadence, named))


# -- combining clauses -------------------------------------------------------------------


def _combine(t: Text, readings: list[Reading]) -> KeyResultMeaning:
    """One meaning for the text: the strongest change, with the holds beside it as
    guard-rails; else the holds, unless they only qualify a task ("... without ...");
    else a task; else unmeasured."""
    changes = [r for r in readings if r.intent is Intent.CHANGE]
    holds = [r for r in readings if r.intent is Intent.HOLD]
    if changes:
        main = max(changes, key=_change_strength)
        guard = tuple(h for r in holds for h in r.holds if _is_guard_rail(h, r))
        return _meaning(t, main, Intent.CHANGE, guard)
    tasks = [r for r in readings if r.intent is Intent.TASK]
    first = readings[0]
    side = all(subordinate(t, r.clause.span.joined_by) for r in holds)
    if holds and side and first.intent is Intent.UNMEASURED and first.clause.verb.kind in CHANGING:
        # "Grow MRR while keeping churn below 3%": a bet without numbers; its guard-rails
        # wait for structured from/to to make it a change
        guard = tuple(h for r in holds for h in r.holds if _is_guard_rail(h, r))
        return _meaning(t, first, Intent.UNMEASURED, guard)
    if holds and not (side and tasks):
        return _meaning(t, holds[0], Intent.HOLD, tuple(h for r in holds for h in r.holds))
    if tasks:  # "Migrate ... without increasing churn above 2%": the task leads
        return _meaning(t, tasks[0], Intent.TASK, ())
    return _meaning(t, first, Intent.UNMEASURED, ())


def _is_guard_rail(h: Hold, r: Reading) -> bool:
    """A hold beside a bet that is worth its own KPI: a level, or a named metric kept."""
    return h.level is not None or (
        not h.cadence and r.clause.verb.kind == HOLD_VERBS and bool(h.metric)
    )


def _change_strength(r: Reading) -> int:
    """Which change clause leads: from-to, then a target or a step, then a count won."""
    if r.baseline is not None and r.target is not None:
        return 3
    if r.target is not None or r.clause.change.relative is not None:
        return 1 if r.from_zero else 2
    return 0


def _meaning(t: Text, r: Reading, intent: Intent, holds: tuple[Hold, ...]) -> KeyResultMeaning:
    """The public reading of the leading clause, amounts worded as in the text."""
    c = r.clause
    target = texted(r.target, t.original)
    relative = texted(c.change.relative, t.original)
    baseline = texted(r.baseline, t.original)
    if intent in (Intent.TASK, Intent.UNMEASURED):
        target = relative = None  # a task or a wish has nothing to reach
        baseline = baseline if intent is Intent.UNMEASURED else None
    direction = c.change.direction
    if relative is not None and relative.unit.kind is UnitKind.MULTIPLE and direction is None:
        direction = Direction.UP if relative.value >= 1 else Direction.DOWN
    return KeyResultMeaning(
        intent=intent,
        direction=direction,
        baseline=baseline,
        target=target,
        bound=r.bound if target is not None else None,
        relative=relative,
        from_zero=r.from_zero,
        holds=tuple(
            replace(h, level=texted(h.level, t.original), upper=texted(h.upper, t.original))
            for h in holds
        ),
        output=r.output,
        metric=c.metric,
        evidence=_evidence(t, r, intent, holds, target, relative),
        verb=c.verb.text,
        deadline=t.deadline,
        language=t.lex.language,
    )


def _evidence(
    t: Text,
    r: Reading,
    intent: Intent,
    holds: tuple[Hold, ...],
    target: Quantity | None,
    relative: Quantity | None,
) -> str:
    """The words that show the reading: the hold, the change, or the amount."""
    if intent is Intent.HOLD and holds:
        return holds[0].text.strip()
    evidence = r.clause.change.evidence
    if evidence[0] >= 0 and intent is Intent.CHANGE:
        return t.span_text(*evidence).strip()
    for q in (target, relative):
        if q is not None and q.start >= 0:
            return t.original[q.start : q.end].strip()
    return ""
