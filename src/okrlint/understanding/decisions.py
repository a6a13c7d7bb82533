"""Deciding what one clause asks for, once its parts are found.

:func:`~okrlint.understanding.reading.read_key_result` finds a clause's verb, change,
holds, metric and output (a :class:`Clause`); :func:`decide` settles its intent with
the first of its rules that fits, from the strongest evidence to the weakest: a move
from a baseline to a target, a one-off thing rolled out to a group, a hold verb, a
limit beside a bet, a duty, a plan attained, a bound, a count won in the cycle, a
target; else a task, a bare level or a wish (:func:`_decide_otherwise`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from okrlint.understanding.changes import Change, task_level
from okrlint.understanding.clauses import (
    CHANGING,
    Verb,
    objects,
)
from okrlint.understanding.counts import (
    floor_on_a_count,
    new_count,
    own_count,
    won_from_others,
)
from okrlint.understanding.cutting import joined_without
from okrlint.understanding.deliverables import (
    done_in_full,
    effort_spent,
    made_ready,
    names_a_thing,
    names_capability,
    names_deliverable,
    task_too,
    thing_done,
)
from okrlint.understanding.holds import (
    breaks_level,
    clause_text,
    counted_with_bound,
    hold_levels,
    qualified_level,
)
from okrlint.understanding.lexicon import (
    ACQUISITION_VERBS,
    ASSET_NOUNS,
    CHANGE_VERBS,
    DEFINITE_ARTICLES,
    DONE_WORDS,
    HOLD_VERBS,
    INDEFINITE_ARTICLES,
    RELATIVE_PRONOUNS,
    SERVICE_VERBS,
    TARGET_VERBS,
    TASK_VERBS,
    VAGUE_VERBS,
)
from okrlint.understanding.meaning import (
    Comparator,
    Hold,
    Intent,
    Quantity,
    UnitKind,
)
from okrlint.understanding.metric import (
    audience_traffic,
    bare_level,
)
from okrlint.understanding.standards import (
    all_of,
    attains_plan,
    every_one,
    rate_in,
    rollout,
    share_of_work,
    to_plan,
)
from okrlint.understanding.text import (
    ClauseSpan,
    Text,
    countable,
    counts_activity,
)


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


# -- deciding a clause's intent ----------------------------------------------------------

Rule = Callable[[Text, Clause, list[Hold], list[Hold]], "Reading | None"]


def decide(t: Text, c: Clause) -> Reading:
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


def _decide_rollout(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """Things delivered, whatever numbers they carry: a capability ("Members can set up a
    profile"), a deliverable done in full ("100% delivery of the MVP"), a one-off thing
    for every member of a group ("100% of staff have a learning plan", see
    :func:`~okrlint.understanding.holds.rollout`)."""
    ch = c.change
    if any(q is not None for q in (ch.baseline, ch.target, ch.relative, ch.stated_baseline)):
        return None  # "... by March (currently 62%)": a share to move
    if not levels and c.verb.kind not in CHANGING and names_capability(t, c.span, c.quantities):
        return _kept(c, Intent.TASK, (), output=True)  # "Members can set up a profile"
    if c.verb.kind in (TARGET_VERBS, "") and done_in_full(t, c.quantities):
        return _kept(c, Intent.TASK, (), output=True)  # "Reach 100% delivery of the MVP"
    if (
        not levels
        and c.verb.kind in (ACQUISITION_VERBS, TASK_VERBS)
        and any(share_of_work(t, c.span, c.verb, q) for q in c.quantities)
    ):
        return _kept(c, Intent.TASK, (), output=True)  # "Close 50% of the open findings"
    if c.verb.kind in CHANGING or not rollout(t, c.span, c.verb, c.holds):
        return None
    return _kept(c, Intent.TASK, (), output=True)


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
    end. A change of the rate ("raise demo calls from 20 to 40 a week") is no duty, nor is
    a step each period ("signups grow 8% each week")."""
    if not cadence:
        rated = rate_in(t, c.span)  # "... guest posts to partner sites per month"
        # "Spend 30 minutes a day on review": a duty; "under 10 hours a week" is a bound
        budget = c.verb.kind not in CHANGING and not levels
        rate = next((q for q in c.free if (q.per or rated) and _a_rate(t, q, budget)), None)
        if rate is None or c.change.baseline is not None or c.change.relative is not None:
            return None
        hold = Hold(None, rate, "", clause_text(t, c.span, c.verb))
        return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
    if c.verb.kind == CHANGE_VERBS and not c.quantities and not levels:
        return None  # "Grow use of the upper floor each quarter": a wish, nothing to hold
    step = c.change.relative
    if step is not None and step.unit.kind is not UnitKind.MULTIPLE and not levels:
        return None  # "Signups grow 8% each week": a relative change per period (RULES.md)
    return _kept(c, Intent.HOLD, _worded(t, c, levels, cadence))


def _a_rate(t: Text, q: Quantity, budget: bool) -> bool:
    """Is ``q`` a duty's rate: the team's work, or time given to it ("30 minutes a day")?"""
    return counts_activity(t.lex, q) or (
        budget and bool(q.per) and q.unit.kind is UnitKind.DURATION
    )


def _decide_plan(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """ "Reach 105% of the bookings plan": attaining the plan is the standing job."""
    ch = c.change
    if ch.baseline or ch.stated_baseline:
        return None
    if not c.free and to_plan(t, c.span, c.verb.kind == TARGET_VERBS):
        # "Hire to plan", "Deliver bookings in line with the plan": the plan is the level
        hold = Hold(Comparator.GE, None, "", clause_text(t, c.span, c.verb))
        return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
    if c.verb.kind not in (TARGET_VERBS, ""):
        return None
    level = next((q for q in c.free if attains_plan(t, c.span, c.verb, q)), None)
    if level is None:
        return None
    hold = Hold(Comparator.GE, level, "", clause_text(t, c.span, c.verb))
    return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))


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
    done = not kind and any(t.match(DONE_WORDS, k) for k in range(c.span.first, c.span.last))
    if (kind == TASK_VERBS or done) and (
        own_count(c.verb, c.quantities, levels) is not None or _bounds_the_task(t, c, levels)
    ):
        return None  # "Run 6 webinars with 100+ attendees", "Shipped 30 or more releases"
    if all(floor_on_a_count(t, c.span, h) for h in levels):
        return None  # "Host at least 2 workshops", "deal value of $450k or higher"
    if counted_with_bound(t, c.span, c.quantities, levels):
        return None  # "25 profiles that upload at least one item"
    qualifier = qualified_level(t, c.span, c.quantities, levels)
    change = c.change
    moving = t.deadline or change.baseline is not None or change.stated_baseline is not None
    moving = moving or change.cell_target  # a table's target cell: a level to reach
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


def _bounds_the_task(t: Text, c: Clause, levels: list[Hold]) -> bool:
    """Do the bounds only size or time-box a task: "put in place at least 2 process
    changes", "Build a prototype in under 4 hours"? (Not "Deploy in under 10 minutes",
    a time to keep.)"""
    if rate_in(t, c.span):
        return False  # "Ship at least one e-book per quarter": a duty
    # "a prototype", "the app": one thing made
    article = any(
        t.is_word(c.verb.end, table) for table in (INDEFINITE_ARTICLES, DEFINITE_ARTICLES)
    )
    rel = next((k for k in range(c.verb.end, c.span.last) if t.is_word(k, RELATIVE_PRONOUNS)), None)
    if article and rel is not None and all(h.level and h.level.first > rel for h in levels):
        return True  # "Set a plan that looks at least 10 years out": what the thing is like
    for h in levels:
        q = h.level
        if q is None:
            return False
        floor = h.comparator in (Comparator.GE, Comparator.GT) and countable(q)
        box = h.comparator in (Comparator.LT, Comparator.LE)
        if not (floor or (box and article and q.unit.kind is UnitKind.DURATION)):
            return False
    return True


def _decide_new_count(
    t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]
) -> Reading | None:
    """ "Sign 10 new customers": won in the cycle, from zero; "Add 5 new integrations"
    counts the team's own work.
    """
    new = new_count(t, c.span, c.verb, c.free) if c.change.baseline is None else None
    if new is None:
        return None
    traffic = new.unit.kind is UnitKind.LABEL and audience_traffic(t, new.unit.code)
    made = counts_activity(t.lex, new) or (
        new.unit.kind is UnitKind.LABEL and t.lex.noun(ASSET_NOUNS, new.unit.code)
    )  # "Add 5 new integrations", "Onboard 3 new services to the gateway"
    if made and not won_from_others(t, c.span, c.verb, new) and not traffic:
        return _kept(c, Intent.TASK, (), output=True)
    own = [h for h in levels if h.level is new]
    bound = own[0].comparator if own else None
    return _aimed(c, new, bound, output=False, from_zero=True)


def _decide_target(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> Reading | None:
    """A change or target verb with an amount: "Reduce churn below 3%", "Reach 40%"."""
    kind = c.verb.kind
    changing = kind in CHANGING
    more = kind == ACQUISITION_VERBS and c.change.relative is not None  # "Close 25% more deals"
    if not changing and not more and kind not in (VAGUE_VERBS, ""):
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
    _decide_rollout,
    _decide_hold_verb,
    _decide_limit,
    _decide_duty,
    _decide_plan,
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
    every = None
    if (
        c.change.baseline is None
        and c.change.stated_baseline is None
        and not t.deadline
        and c.verb.kind not in CHANGING
    ):
        every = all_of(t, c.span, c.free)
    # "Review 100% of purchases" handles every item; "Ship the checklist to 100% of
    # accounts" rolls a thing out
    handles = (
        every is not None
        and every.first == c.verb.end
        and t.match(SERVICE_VERBS, c.verb.at) is not None
    )
    if not handles and (
        c.verb.kind == TASK_VERBS
        or (not c.quantities and names_deliverable(t, c.span, c.verb))
        or (not c.quantities and task_too(t, c.verb))
    ):
        return _kept(c, Intent.TASK, (), output=True)  # "Launch ...", "Achieve SOC 2"
    if every is not None:
        # "100% of employees complete the training", "Review 100% of purchases": a standard
        hold = Hold(Comparator.GE, every, "", clause_text(t, c.span, c.verb))
        return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
    if effort_spent(t, c.span, c.verb, c.free):
        return _kept(c, Intent.TASK, (), output=True)  # "Eight hours of analysis"
    free = c.free
    if c.change.baseline is None and free:
        if bare_level(t, c.span, c.verb, c.metric, free[0], c.change.stated_baseline):
            # "Demo-to-buy-in conversion rate of 45%", "60 calls per day per rep": a level
            # named with no verb to move it is a level to hold
            hold = Hold(None, free[0], "", clause_text(t, c.span, c.verb))
            return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
        return _aimed(c, free[0], c.change.bound)  # "Reach 40% activation"
    if not c.quantities and not c.verb.kind and every_one(t, c.span) and not thing_done(t, c.span):
        # "All hardware is on a supported release": a standard for every item, held; not
        # "All test servers shut down", a thing done once
        hold = Hold(None, None, "", clause_text(t, c.span, c.verb))
        return _kept(c, Intent.HOLD, _worded(t, c, [hold], []))
    if not c.quantities and (
        names_a_thing(t, c.span, c.verb, c.metric) or made_ready(t, c.span, c.verb)
    ):
        return _kept(c, Intent.TASK, (), output=True)  # "Kotlin driver", "SSO shipped"
    return _kept(c, Intent.UNMEASURED, ())  # nothing to measure, or going nowhere


def _worded(t: Text, c: Clause, levels: list[Hold], cadence: list[Hold]) -> tuple[Hold, ...]:
    """The clause's holds, named by its metric and worded for messages."""
    named: Quantity | None = None
    if c.verb.kind == HOLD_VERBS:
        # "Maintain 99.9% uptime": the level is named without a bound
        named = next((q for q in c.quantities if q is not c.change.relative), c.change.baseline)
    return tuple(hold_levels(t, c.span, c.verb, c.metric, levels, cadence, named))
