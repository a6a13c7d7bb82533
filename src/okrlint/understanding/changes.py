"""The amounts of a change in one clause: from X to Y, X → Y, to Y, by X, a step.

:func:`find_change` looks only at the words a change's amounts hang on ("from",
"to", "by", "between", arrows, a baseline word such as "currently"), then for a
relative step ("double", "+10 points", "20% more", "grow 20%"). What it finds is a
:class:`Change`; whether the clause *is* a change is decided later
(:mod:`~okrlint.understanding.reading`), with its verb and its holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from okrlint.understanding.clauses import CHANGING, Verb
from okrlint.understanding.lexicon import (
    AND_WORDS,
    AVERAGE_WORDS,
    BASELINE_WORDS,
    BETWEEN_WORDS,
    BY_WORDS,
    CADENCE_ADVERBS,
    CHANGE_VERBS,
    DATE_PREPOSITIONS,
    FROM_WORDS,
    HOLD_VERBS,
    LEVEL_WORDS,
    NOT_MEASURED,
    OF_WORDS,
    PARTICLES,
    RANGE_TO_WORDS,
    RELATIVE_WORDS,
    STEP_DOWN,
    STEP_UP,
    TARGET_VERBS,
    TARGET_WORDS,
    TASK_VERBS,
    TO_FILLERS,
    TO_WORDS,
    VAGUE_VERBS,
)
from okrlint.understanding.meaning import (
    SHARE_KINDS,
    Comparator,
    Direction,
    Hold,
    Quantity,
    UnitKind,
    share_units,
)
from okrlint.understanding.text import ARROWS, ClauseSpan, Text, period_name


class Change(NamedTuple):
    """What a clause's amounts say of a change. ``evidence`` is the token span that
    shows it; ``stated_baseline`` a current value given aside ("(currently 3.4s)");
    ``ranges`` the ranges to stay in that "between" names."""

    baseline: Quantity | None = None
    target: Quantity | None = None
    bound: Comparator | None = None
    relative: Quantity | None = None
    direction: Direction | None = None
    evidence: tuple[int, int] = (-1, -1)
    stated_baseline: Quantity | None = None
    ranges: tuple[Hold, ...] = ()
    #: the target is a table's target cell ("| Boot time | unmeasured | < 8 s |"): a
    #: level to reach, even with a bound
    cell_target: bool = False


@dataclass(slots=True)
class _Found:
    """What the scan has found so far (private to :func:`find_change`)."""

    t: Text
    span: ClauseSpan
    quantities: list[Quantity]
    verb: Verb
    baseline: Quantity | None = None
    target: Quantity | None = None
    bound: Comparator | None = None
    relative: Quantity | None = None
    direction: Direction | None = None
    evidence: tuple[int, int] = (-1, -1)
    stated_baseline: Quantity | None = None
    ranges: list[Hold] = field(default_factory=list)
    cell_target: bool = False


def find_change(t: Text, span: ClauseSpan, quantities: list[Quantity], verb: Verb) -> Change:
    """The amounts of a change: from X to Y, X → Y, to Y, by X, a stated baseline."""
    f = _Found(t, span, quantities, verb, relative=verb.relative, direction=verb.direction)
    scan, lows, starts = t.lex.change_scan, t.lows, t.starts
    for i in range(span.first, span.last):
        low = lows[i]
        if low not in scan and BASELINE_WORDS not in starts[i] and TARGET_WORDS not in starts[i]:
            continue  # no amount hangs on this word (most words)
        if t.is_word(i, FROM_WORDS) and f.baseline is None and _from_to(f, i):
            continue
        if f.baseline is None and i > span.first and t.match(BASELINE_WORDS, i):
            _stated_baseline(f, i)
        elif f.target is None and i > span.first and t.match(TARGET_WORDS, i):
            _labelled_target(f, i)
        elif low in ARROWS and f.target is None:
            _arrow(f, i)
        elif low == "-" and f.target is None and verb.kind in CHANGING:
            _dash(f, i)
        elif t.is_word(i, TO_WORDS) and f.target is None and i > span.first:
            _to_target(f, i)
        elif t.is_word(i, BY_WORDS) and f.relative is None:
            _by_step(f, i)
        elif t.is_word(i, BETWEEN_WORDS) and f.target is None:
            _between(f, i)
    if f.relative is None:
        _find_relative(f)
    if f.baseline is None and f.target is None and "|" in t.text:
        _cells(f)
    return Change(
        f.baseline,
        f.target,
        f.bound,
        f.relative,
        f.direction,
        f.evidence,
        f.stated_baseline,
        tuple(f.ranges),
        f.cell_target,
    )


def _cells(f: _Found) -> None:
    """ "Rota rule violations per week | [TBD] | 0", "Time to resolve | 6 h | < 3 h": a
    table row's cells, a value and then a value or a step, are today's value and the
    target (a placeholder is a value not yet known)."""
    t, span, tokens = f.t, f.span, f.t.tokens
    # the bars are not tokens: a cell ends where a bar stands between two tokens
    bars = [
        k
        for k in range(span.first + 1, span.last)
        if "|" in t.text[tokens[k - 1].end : tokens[k].start]
    ]
    edges = [span.first, *bars, span.last]
    cells = [(a, b) for a, b in pairwise(edges) if b > a]
    for (a1, b1), (a2, b2) in pairwise(cells):
        base = _alone(t, a1, b1)
        unknown = base is None and _not_measured(t, a1, b1)
        if base is None and not unknown:
            continue
        got = t.quantity_after(a2, b2, reach=1)
        if got is not None and got[0].last >= b2 - 0 and got[0] is not base:
            if base is None:  # "| Boot time | unmeasured | < 8 s |": a target, no baseline
                f.target, f.bound, f.evidence, f.cell_target = (
                    got[0],
                    got[1],
                    (a2, got[0].last),
                    True,
                )
                return
            f.baseline, f.target = share_units(base, got[0])
            f.bound, f.evidence = got[1], (a1, got[0].last)
            f.cell_target = True
            return
        if f.relative is not None and a2 <= f.relative.first < b2:
            f.stated_baseline = base  # "| [TBD] | Cut by 50% |"
            return


def _alone(t: Text, first: int, last: int) -> Quantity | None:
    """The one amount a cell holds and nothing else (white space aside), or the top of a
    range it holds ("~3-4" is 4: a target below it is a move, not "from 3 to < 3")."""
    if first < last and t.lows[first] in ("~", "≈"):
        first += 1  # "~3-4": about
    q = t.q_at.get(first)
    if q is None:
        return None
    if q.last == last:
        return q
    if q.last < last and t.lows[q.last] in ("-", "–", "to"):
        other = t.q_at.get(q.last + 1)
        return other if other is not None and other.last == last else None
    return None


def _not_measured(t: Text, first: int, last: int) -> bool:
    """Does a cell say there is no value yet ("unmeasured", "—", "nicht gemessen")?"""
    m = t.match(NOT_MEASURED, first)
    return m is not None and first + m[0] == last


def _by_step(f: _Found, i: int) -> None:
    """ "by 20%": a step. Where "by" is also "of" (French "de"), only after a change verb."""
    t, kind = f.t, f.verb.kind
    if kind == HOLD_VERBS:
        return  # "mantener la disponibilidad en el 99,9 %": a level, not a step
    if t.is_word(i, OF_WORDS) and kind not in (CHANGE_VERBS, RELATIVE_WORDS):
        return
    bound = t.comparator_ending(i + 1, f.span.first)
    if bound is not None and bound[1] < i:
        return  # the "de" of "moins de 2 heures" belongs to the bound
    got = t.quantity_after(i + 1, f.span.last, reach=1)
    if got is None or got[0].value == 0:
        return
    if got[1] in (Comparator.LT, Comparator.LE) and got[0].unit.kind is UnitKind.DURATION:
        return  # "en menos de 4 horas": a time frame, not a step
    f.relative = got[0]  # "by 20%"


def _from_to(f: _Found, i: int) -> bool:
    """ "from 4% to 2.5%", "from 90 to 60 days", "from weekly to daily", "(from 12%)".

    Where "from" is also "of" (German "von", Spanish and French "de"), a baseline
    needs its "to": "eine Quote von 95 %" names a level. Returns whether it read one.
    """
    t = f.t
    got = t.quantity_after(i + 1, f.span.last, reach=4)
    if got is None:
        return _frequency_change(f, i)
    base = got[0]
    after = base.last
    if base.unit.kind is UnitKind.LABEL and after < f.span.last and t.lows[after] == base.unit.code:
        after += 1  # "von 3,8 FTE auf 1,1 FTE": the count's noun, then "to"
    to_at = _next_to(f, after)
    target = t.quantity_after(to_at, f.span.last) if to_at is not None else None
    if target is None:
        later_to = any(t.is_word(k, TO_WORDS) for k in range(base.last, f.span.last))
        if t.is_word(i, OF_WORDS) or (of_after(t, base.last, f.span) and not later_to):
            return False  # "collects goals from 75% of agencies": a source, not a start
        f.baseline, f.evidence = base, (i, base.last)
        return True
    f.baseline, f.target = share_units(base, target[0])
    f.bound, f.evidence = target[1], (i, target[0].last)
    return True


def _stated_baseline(f: _Found, i: int) -> None:
    """ "(currently 3.4s)", "(baseline: 61%)", "up from $3.2M", "(réalisation 2019 : 64 %)"."""
    m = f.t.match(BASELINE_WORDS, i)
    at = _past_year(f, i + m[0]) if m is not None else 0
    got = f.t.quantity_after(at, f.span.last, reach=2) if m is not None else None
    if got is not None:
        f.stated_baseline = got[0]
    elif m is not None and f.t.low(i + m[0]) in ("", ")", ",", ";"):
        # "(61% today)", "alors qu'il est de 300 aujourd'hui": the word closes the clause
        # after today's value
        before = f.t.quantity_before(i, f.span.first)
        if before is not None and before.last <= i:  # not "300 points de base", a unit
            f.stated_baseline = before


def _past_year(f: _Found, k: int) -> int:
    """The token after a label's year or period, colon and word of average: "cible 2021 :
    35 %", "2023 (target): 6", "Basis Q2: 48 %", "Basis: durchschnittlich 11 %"."""
    t = f.t
    while k < f.span.last and (
        _yearish(t, k)
        or t.lows[k] in (":", "(", ")")
        or period_name(t, t.tokens[k])
        or t.is_word(k, AVERAGE_WORDS)
    ):
        k += 1
    return k


def _yearish(t: Text, k: int) -> bool:
    """Is token ``k`` a year (a date, or four digits from 1990 to 2100)?"""
    if k in t.date_tokens:
        return True
    low = t.lows[k]
    return len(low) == 4 and low.isdigit() and 1990 <= int(low) <= 2100


def _labelled_target(f: _Found, i: int) -> None:
    """ "| Start 22 | Ziel 45", "target: 40%": a target named by a label, not a verb."""
    m = f.t.match(TARGET_WORDS, i)
    at = _past_year(f, i + m[0]) if m is not None else 0
    got = f.t.quantity_after(at, f.span.last, reach=1) if m is not None else None
    if got is not None:
        f.target, f.bound = got
        f.evidence = (i, got[0].last)
        if f.baseline is None and f.stated_baseline is None:
            # "5 en 2022, cible 6 pour 2023", "NPS 30, target 45": the value before the
            # target's label is today's
            before = [q for q in f.quantities if q.last <= i and q.unit == got[0].unit]
            if before:
                f.stated_baseline = before[-1]


def _arrow(f: _Found, i: int) -> None:
    """ "61% → 75%", "NPS 30 -> 50"."""
    before = f.t.quantity_before(i, f.span.first)
    after = f.t.quantity_after(i + 1, f.span.last)
    if before is not None and after is not None:
        f.baseline, f.target = share_units(before, after[0])
        f.bound, f.evidence = after[1], (before.first, after[0].last)


def _dash(f: _Found, i: int) -> None:
    """ "Reduce churn 4%-2.5%": two amounts with units; "5-10%" is a range, not a move."""
    before = f.t.quantity_before(i, f.span.first)
    after = f.t.q_at.get(i + 1)
    if before is not None and after is not None and before.unit.kind is not UnitKind.NONE:
        _arrow(f, i)


def _to_target(f: _Found, i: int) -> None:
    """ "to 75%", "down to under 50", "Reduce churn 4% to 2.5%"."""
    got = f.t.quantity_after(i + 1, f.span.last)
    if got is None:
        return
    before = f.t.quantity_before(i, f.span.first)
    if before is f.relative:
        before = None  # "by 25% to $5M": the 25% is the step, not the start
    changing = f.verb.kind in CHANGING or f.verb.kind == VAGUE_VERBS
    if before is not None and not before.unit.compatible(got[0].unit):
        before = None  # "answered within 20 seconds to 80%": not one number moving
    if before is not None and f.baseline is None and changing:
        f.baseline, f.target = share_units(before, got[0])
        f.bound, f.evidence = got[1], (before.first, got[0].last)
    elif changing or f.baseline is not None:
        f.target, f.bound = got
        if f.baseline is not None:
            f.baseline, f.target = share_units(f.baseline, f.target)
        f.evidence = (i, got[0].last)


def _between(f: _Found, i: int) -> None:
    """ "between 95% and 99%": a range to stay in."""
    t = f.t
    low = t.quantity_after(i + 1, f.span.last)
    if low is None or not t.is_word(low[0].last, AND_WORDS):
        return
    high = t.quantity_after(low[0].last + 1, f.span.last)
    if high is not None:
        lower, upper = share_units(low[0], high[0])
        text = t.span_text(i, high[0].last)
        f.ranges.append(Hold(Comparator.RANGE, lower, "", text, upper=upper))


def _frequency_change(f: _Found, i: int) -> bool:
    """ "from weekly to daily": a change of cadence, counted in times a year."""
    base = f.t.frequency_at(i + 1)
    to_at = _next_to(f, base.last) if base is not None else None
    target = f.t.frequency_at(to_at) if to_at is not None else None
    if base is not None and target is not None:
        f.baseline, f.target = base, target
        f.evidence = (i, target.last)
        return True
    return False


def _next_to(f: _Found, k: int) -> int | None:
    """The index after the "to" (or "->", "down to") that follows a baseline."""
    t = f.t
    for _ in range(5):
        if k >= f.span.last:
            return None
        to = t.match(TO_WORDS, k) or t.match(RANGE_TO_WORDS, k)
        if to is not None:
            return k + to[0]
        if t.lows[k] in ARROWS or t.lows[k] == "-":
            return k + 1
        if _a_years_words(t, k):
            k += 1  # "de 420 en 2020 à 600", "from 24 (2020) to 30"
            continue
        if t.lows[k] not in t.tables[TO_FILLERS]:
            return None
        k += 1
    return None


def _a_years_words(t: Text, k: int) -> bool:
    """Is token ``k`` a year after a baseline, or its parenthesis or preposition?"""
    if _yearish(t, k) or t.lows[k] in ("(", ")"):
        return True
    return k + 1 < t.n and _yearish(t, k + 1) and t.is_word(k, DATE_PREPOSITIONS)


def _find_relative(f: _Found) -> None:
    """A step rather than a level: "double", "+10 points", "20% more", "grow 20%"."""
    t, span = f.t, f.span
    for i in range(span.first, span.last):
        if RELATIVE_WORDS not in t.starts[i]:
            continue
        m = t.match(RELATIVE_WORDS, i)
        if m is not None and i != f.verb.at and not t.match(CADENCE_ADVERBS, i):
            f.relative = t.multiple(i, m[0], m[1])  # "reduce churn by half"
            return  # not "twice a week": how often
    for q in f.quantities:
        if _signed(f, q):
            f.relative = q  # "NPS +10 points"
            plus = t.lows[q.first - 1] == "+"
            f.direction = f.direction or (Direction.UP if plus else Direction.DOWN)
            return
    for q in f.quantities:
        if q.unit.kind is UnitKind.MULTIPLE and _multiple_is_step(f, q):
            f.relative = q  # "Grow ARR 3x"
            return
        up = t.match(STEP_UP, q.last) if q.last < span.last else None
        down = t.match(STEP_DOWN, q.last) if q.last < span.last else None
        if not (up or down) and q.first - 1 >= span.first:
            particle = t.match(PARTICLES, q.first - 1)  # "Library visits up 15%"
            up = particle if particle is not None and particle[1] == "up" else None
            down = particle if particle is not None and particle[1] == "down" else None
        if q.unit.kind in _STEP_KINDS and (up or down):
            # "20% more qualified leads", "10% reduction in churn", "2 days less"
            f.relative = q
            f.direction = f.direction or (Direction.DOWN if down else Direction.UP)
            return
    if f.verb.kind in (CHANGE_VERBS, VAGUE_VERBS) and f.target is None is f.baseline:
        f.relative = next((q for q in f.quantities if _bare_step(f, q)), None)


#: Amounts a word of more or less makes a step of: shares, times and money ("2 days
#: less", "$5k cheaper"); "10 more customers" is a count won, not a step.
_STEP_KINDS = SHARE_KINDS | {UnitKind.DURATION, UnitKind.CURRENCY}


def _multiple_is_step(f: _Found, q: Quantity) -> bool:
    """ "Grow ARR 3x" is a step; "coverage of at least 3x", "reach 3x" name a level."""
    if q is f.target or q is f.baseline or f.verb.kind == TARGET_VERBS:
        return False
    t = f.t
    return not t.is_word(q.first - 1, LEVEL_WORDS) and (
        t.bound_before(q.first, f.span.first) is None and t.bound_after(q, f.span.last) is None
    )


def _signed(f: _Found, q: Quantity) -> bool:
    """ "+10 points": a sign glued to the number, not a hyphen between amounts, and
    not a signed value ("from -5% to +2%")."""
    t = f.t
    sign = q.first - 1
    values = (f.baseline, f.target, f.stated_baseline)
    return (
        sign >= 0
        and t.lows[sign] in ("+", "-")
        and t.tokens[sign].end == t.tokens[q.first].start
        and sign - 1 not in t.q_covering
        and not any(v is not None and v.first == sign for v in values)
    )


def _bare_step(f: _Found, q: Quantity) -> bool:
    """ "Increase revenue 20%": a share after a change verb is a step, unless it names
    a level ("a 15% rate", "40% of new users", "below 3%").
    """
    if q.unit.kind not in SHARE_KINDS:
        return False
    if q.first <= f.verb.at and not f.verb.trailing:
        return False
    t = f.t
    if t.is_word(q.first - 1, LEVEL_WORDS) or of_after(t, q.last, f.span):
        return False
    return t.bound_before(q.first, f.span.first) is None


def of_after(t: Text, k: int, span: ClauseSpan) -> bool:
    """Does an "of" follow at ``k`` ("95% of tickets", "95 % der Tickets")?"""
    return k < span.last and t.match(OF_WORDS, k) is not None


def task_level(t: Text, span: ClauseSpan, verb: Verb, change: Change) -> Quantity | None:
    """A task verb with "to <amount>" and a stated baseline names a level to reach."""
    stated = change.stated_baseline
    if verb.kind != TASK_VERBS or stated is None:
        return None
    for k in range(verb.end, span.last):
        if t.is_word(k, TO_WORDS):
            got = t.quantity_after(k + 1, span.last, reach=1)
            if got is not None and got[0].unit.compatible(stated.unit):
                return got[0]
    return None
