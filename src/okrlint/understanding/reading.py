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
output (:mod:`~okrlint.understanding.metric`) are found, and
:func:`~okrlint.understanding.decisions.decide` settles the clause's intent, the first of
its rules that fits. :func:`_combine` makes one meaning:
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

from dataclasses import replace
from functools import lru_cache

from okrlint.understanding.changes import Change, find_change
from okrlint.understanding.clauses import (
    AND,
    ASIDE,
    CHANGING,
    Verb,
    take_verb,
)
from okrlint.understanding.cutting import cut, subordinate
from okrlint.understanding.decisions import Clause, Reading, decide
from okrlint.understanding.detection import known_plain
from okrlint.understanding.holds import (
    find_holds,
)
from okrlint.understanding.lexicon import (
    CADENCE_ADVERBS,
    CONDITIONAL_BREAKS,
    HOLD_VERBS,
    lexicon,
)
from okrlint.understanding.meaning import (
    Direction,
    Hold,
    Intent,
    KeyResultMeaning,
    Quantity,
    UnitKind,
    share_units,
)
from okrlint.understanding.metric import (
    is_output,
    metric_of,
)
from okrlint.understanding.text import (
    ClauseSpan,
    Text,
    texted,
)
from okrlint.understanding.tokens import set_aside, tokenize


@lru_cache(maxsize=4096)
def read_key_result(text: str, language: str = "en") -> KeyResultMeaning:
    """Read what ``text`` asks for. Never raises; unreadable text is UNMEASURED."""
    lex = lexicon(language)
    clean, asides = (text, ()) if known_plain(text) else set_aside(text, lex.noise)
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


def _read_clause(t: Text, span: ClauseSpan, previous: Verb | None) -> Reading:
    """Find a clause's verb, change, holds, metric and output, then decide its intent."""
    quantities = t.quantities_in(span)
    verb = take_verb(t, span, quantities, previous)
    change = find_change(t, span, quantities, verb)
    holds = find_holds(t, span, quantities, verb, change)
    metric = metric_of(t, span, quantities, verb)
    output = is_output(t, quantities, change, metric, verb)
    free = _free(quantities, change)
    clause = Clause(span, quantities, verb, change, tuple(holds), metric, output, free)
    reading = decide(t, clause)
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


# -- combining clauses -------------------------------------------------------------------


def _combine(t: Text, readings: list[Reading]) -> KeyResultMeaning:
    """One meaning for the text: the strongest change, with the holds beside it as
    guard-rails; else the holds, unless they only qualify a task ("... without ...");
    else a task; else unmeasured."""
    changes = [r for r in readings if r.intent is Intent.CHANGE]
    holds = [r for r in readings if r.intent is Intent.HOLD]
    first = readings[0]
    cell = _first_cell_end(t, first)
    if changes and cell >= 0 and all(_beyond(t, cell, _amounts(r)) for r in changes):
        # "| Dashboard with live figures | 6 figures, loading in < 2 s |": the deliverable
        # and its acceptance
        return _meaning(t, first, Intent.TASK, ())
    if changes:
        # a change in the text's own clauses leads one in brackets ("Talentos colocados =
        # 5 (Uruguay 2 · México 2)": the brackets break the count down)
        main = max(changes, key=lambda r: (r.clause.span.joined_by != ASIDE, _change_strength(r)))
        guard = tuple(h for r in holds for h in r.holds if _is_guard_rail(h, r))
        return _meaning(t, main, Intent.CHANGE, guard)
    # a thing named in a later clause ("Share of members, who ... without help") is no task
    tasks = [r for r in readings if r.intent is Intent.TASK and (r is first or r.clause.verb.kind)]
    side = all(subordinate(t, r.clause.span.joined_by) for r in holds)
    # "Kiln can merge its own changes with no developer review": the condition of a task
    conditions = t.tables[CONDITIONAL_BREAKS].phrases
    framed = first in tasks and all(r.clause.span.joined_by in conditions for r in holds)
    # a tracker's row: the first cell names the deliverable, the next its acceptance
    # ("| Customer card with order history | 100% of customers with history shown |")
    celled = cell >= 0 and all(_beyond(t, cell, _levels(r)) for r in holds)
    framed = framed or celled
    named = not any(r.clause.verb.kind for r in tasks)  # only things named, no task verb
    if named and not framed and any(h.level is not None for r in holds for h in r.holds):
        tasks = []  # "Process times (clients A and B) — time to first interview ≤ 5 days"
    if holds and side and first.intent is Intent.UNMEASURED and first.clause.verb.kind in CHANGING:
        # "Grow MRR while keeping churn below 3%": a bet without numbers; its guard-rails
        # wait for structured from/to to make it a change
        guard = tuple(h for r in holds for h in r.holds if _is_guard_rail(h, r))
        return _meaning(t, first, Intent.UNMEASURED, guard)
    if holds and not ((side or framed) and tasks):
        return _meaning(t, holds[0], Intent.HOLD, tuple(h for r in holds for h in r.holds))
    if tasks:  # "Migrate ... without increasing churn above 2%": the task leads
        return _meaning(t, tasks[0], Intent.TASK, ())
    return _meaning(t, first, Intent.UNMEASURED, ())


def _first_cell_end(t: Text, first: Reading) -> int:
    """Where the first cell ends (the offset of its bar) when the text is a tracker's row
    whose first cell names a deliverable, or -1. Not a row with a cadence ("| Fortnightly
    check-in | 6/6 held |": a duty)."""
    if first.intent is not Intent.TASK or "|" not in t.original:
        return -1
    if any(t.match(CADENCE_ADVERBS, i) for i in range(t.n)):
        return -1
    return t.original.find("|", t.tokens[first.clause.span.first].start)


def _amounts(r: Reading) -> list[int]:
    """The words where a change's amounts start."""
    amounts = (r.target, r.baseline, r.clause.change.relative)
    return [q.first for q in amounts if q is not None and q.first >= 0]


def _levels(r: Reading) -> list[int]:
    """The words where a clause's holds stand: their levels, or the clause itself."""
    return [h.level.first if h.level is not None else r.clause.span.first for h in r.holds]


def _beyond(t: Text, cell: int, words: list[int]) -> bool:
    """Do all ``words`` (and at least one) stand in a cell after the first?"""
    return bool(words) and all(t.tokens[k].start > cell for k in words)


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
        holds=tuple(_texted_hold(h, t.original) for h in holds),
        output=r.output,
        metric=c.metric,
        evidence=_evidence(t, r, intent, holds, target, relative),
        verb=c.verb.text,
        deadline=t.deadline,
        language=t.lex.language,
        owner=_owner(t),
    )


def _owner(t: Text) -> str:
    """The owner the text names in its noise ("Head of Growth:", "@dana"), as written."""
    named = [t.original[a.start : a.end] for a in t.asides if a.kind == "owner"]
    words = " ".join(" ".join(named).split()).strip(" :;,|-–—=")
    label, colon, rest = words.partition(":")  # "Owner: Lee" names Lee
    return rest.strip(" :;,|-–—=") if colon and " " not in label.strip() else words


def _texted_hold(h: Hold, original: str) -> Hold:
    """``h`` with its amounts worded as written."""
    level, upper = texted(h.level, original), texted(h.upper, original)
    return h if level is h.level and upper is h.upper else replace(h, level=level, upper=upper)


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
