"""Cutting a text into clauses, and finding each clause's verb.

A key result may say several things: "Grow MRR from $80k to $120k while keeping
churn below 3%". :func:`cut` splits it at connectors ("while", "without", "and",
";", a comma or a parenthesis before a verb or a bound), and :func:`take_verb`
finds what each clause's verb asks: to change a number, reach a target, hold a
level, win something, do a task. In a nominal text ("Uptime stays above 99.9%") a
verb inside the clause counts; in German the verb may close it ("Churn unter 3 %
halten"); an "and" clause with no verb of its own borrows the one before it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from okrlint.understanding.lexicon import (
    ACQUISITION_VERBS,
    AND_WORDS,
    BY_WORDS,
    CADENCE_ADVERBS,
    CHANGE_VERBS,
    COMPARATOR_PREFIX,
    COUNT_FILLERS,
    DONE_WORDS,
    EVENT_NOUNS,
    EVENT_VERBS,
    FROM_WORDS,
    HOLD_VERBS,
    METRIC_NOUNS,
    NOT_INNER_VERBS,
    OF_WORDS,
    OPENING_WORDS,
    PARTICLES,
    RELATIVE_PRONOUNS,
    RELATIVE_WORDS,
    SAVING_VERBS,
    STOCK_VERBS,
    TARGET_VERBS,
    TASK_VERBS,
    TO_WORDS,
    VAGUE_VERBS,
    WITHOUT_WORDS,
    ZERO_WORDS,
)
from okrlint.understanding.meaning import Direction, Quantity, UnitKind
from okrlint.understanding.text import (
    ARROWS,
    LEVEL_UNITS,
    PER_WORDS,
    ClauseSpan,
    Text,
    countable,
    counts_activity,
    direction_of,
    factor_direction,
)

#: How a clause is joined to the one before it, besides by a subordinator:
AND = "and"  # coordinated (a connector that is no subordinator)
ASIDE = "("  # an aside: a parenthesis, or a clause opener ("manteniendo ...")

# Verb tables, in the order that breaks ties between phrases of the same length.
_VERB_TABLES = (
    HOLD_VERBS,
    RELATIVE_WORDS,
    CHANGE_VERBS,
    TARGET_VERBS,
    ACQUISITION_VERBS,
    TASK_VERBS,
    VAGUE_VERBS,
)
_INNER_VERB_TABLES = (HOLD_VERBS, CHANGE_VERBS, TARGET_VERBS, TASK_VERBS, ACQUISITION_VERBS)
#: Verb tables whose verbs move a number.
CHANGING = frozenset({CHANGE_VERBS, TARGET_VERBS, RELATIVE_WORDS})


class Verb(NamedTuple):
    """A clause's verb: the phrase table it belongs to (``kind``: ``HOLD_VERBS``,
    ``CHANGE_VERBS``, ... or "" for none), its words, where it stands, and what it says
    of the number's way (``direction``) or step (``relative``: "double" is ×2). A named
    tuple: one is made per clause, and a tuple is made several times faster than a frozen
    dataclass."""

    kind: str = ""
    text: str = ""
    at: int = -1
    length: int = 0
    trailing: bool = False  # the verb closes the clause: "Churn unter 3 % halten"
    direction: Direction | None = None
    relative: Quantity | None = None

    @property
    def end(self) -> int:
        return self.at + self.length


NO_VERB = Verb()


def verb_at(t: Text, i: int) -> tuple[str, int, object] | None:
    """The verb phrase at token ``i``: (table, length, payload); the longest wins."""
    best: tuple[str, int, object] | None = None
    if not 0 <= i < t.n or t.starts[i].isdisjoint(_VERB_TABLES):
        return None
    for table in _VERB_TABLES:  # (t.match, without its call where no phrase starts)
        m = t.tables[table].match(t.lows, i) if table in t.starts[i] else None
        if m is not None and table == RELATIVE_WORDS and t.match(CADENCE_ADVERBS, i):
            continue  # "Twice a year, host ...": how often, not a multiple
        if m is not None and (best is None or m[0] > best[1]):
            best = (table, m[0], m[1])
    return best


def take_verb(t: Text, span: ClauseSpan, quantities: list[Quantity], previous: Verb | None) -> Verb:
    """The clause's verb, or the previous clause's carried over ("Grow revenue and
    margin by 10%"), or :data:`NO_VERB`."""
    found = _leading_verb(t, span)
    trailing = False
    if found is None:
        found = _inner_verb(t, span)
        trailing = found is not None and t.lex.verb_final
    if found is None:
        if previous is not None and previous.kind and not has_bound(t, span):
            return Verb(previous.kind, previous.text, direction=previous.direction)
        return NO_VERB
    at, table, length, payload = found
    text = " ".join(t.lows[at : at + length])
    relative = None
    if table == RELATIVE_WORDS:
        relative = replace(t.multiple(at, length, payload), text=text)
    direction = direction_of(payload) if table == CHANGE_VERBS else None
    if table == RELATIVE_WORDS:
        direction = factor_direction(payload)
    verb = Verb(table, text, at, length, trailing, direction, relative)
    return _refine(t, span, quantities, verb)


def _leading_verb(t: Text, span: ClauseSpan) -> tuple[int, str, int, object] | None:
    """The verb that opens the clause ("Reduce ...", "We will keep ..."), also after a
    short topic and a colon ("Business: Grow revenue ...", "Churn – reduce it ...")."""
    i = t.skip_openers(span.first, span.last)
    cadence = t.match(CADENCE_ADVERBS, i) if i < span.last else None
    if cadence is not None:  # "Twice a year, host a feedback session": the verb follows
        k = i + cadence[0]
        k += 1 if k < span.last and t.lows[k] == "," else 0
        i = k if verb_at(t, k) is not None else i
    found = verb_at(t, i) if i < span.last else None
    if found is not None and found[0] == TASK_VERBS:
        after = i + found[1]
        measure = after < span.last and t.lex.noun(METRIC_NOUNS, t.lows[after])
        ratio = after + 1 < span.last and t.lows[after + 1] in PER_WORDS
        if found[1] == 1 and (measure or ratio):
            # "Release frequency goes up", "Support tickets per customer": a task's verb
            # naming a measure
            found = None
        elif (
            t.is_word(after, AND_WORDS)
            and (nxt := verb_at(t, after + 1)) is not None
            and nxt[0] in CHANGING
        ):
            return after + 1, *nxt  # "Track and raise staff engagement": the change leads
    opening = i < span.last and i == t.skip_openers(0, span.last)  # the text's first verb
    if found is None and opening and t.is_word(i + 1, AND_WORDS):
        nxt = verb_at(t, i + 2) if i + 2 < span.last else None
        if nxt is not None:  # "Measure and raise NPS": the verb after "and" leads
            return i, nxt[0], nxt[1] + 2, nxt[2]
    have = t.match(STOCK_VERBS, i) if found is None and opening else None
    if have is not None and t.match(DONE_WORDS, i + have[0]) is None:
        # "Have 12% click-through on related links": an opening "have" asks to reach it;
        # not "We have shipped the fixes", a thing done
        return i, TARGET_VERBS, have[0], None
    if found is None:
        topic_end = next(
            (k for k in range(i + 1, min(i + 5, span.last)) if t.lows[k] in _TOPIC_MARKS), -1
        )
        if topic_end > 0:
            i = t.skip_openers(topic_end + 1, span.last)
            found = verb_at(t, i) if i < span.last else None
    return None if found is None else (i, *found)


#: What closes a short topic before the key result: "Business: ...", "Sales · ...".
_TOPIC_MARKS = frozenset({":", "·", "-", "|"})


def _inner_verb(t: Text, span: ClauseSpan) -> tuple[int, str, int, object] | None:
    """A verb inside a nominal text: "Uptime stays above 99.9%", "Churn reduced to 3%".

    Only hold verbs and participles count: in "Churn rate" nothing is a verb. Where
    the verb closes the clause ("Kündigungsquote unter 3 % halten"), the last verb
    written in lower case counts, whatever its form.
    """
    lex = t.lex
    final = lex.verb_final
    # after "without", the verb follows its subject: "sin que el churn supere el 3 %"
    any_form = final or span.joined_by in t.tables[WITHOUT_WORDS].phrases
    tables = (*_INNER_VERB_TABLES, RELATIVE_WORDS) if final else _INNER_VERB_TABLES
    not_inner = t.tables[NOT_INNER_VERBS]
    best: tuple[int, str, int, object] | None = None
    for i in range(span.first, span.last):
        if i in t.q_covering or t.starts[i].isdisjoint(tables):
            continue
        low = t.lows[i]
        if final and not t.tokens[i].text[:1].islower():
            continue  # a capitalised word is a noun ("das Halten") or opens the text
        for table in tables:
            m = t.match(table, i)
            if m is None:
                continue
            if table == HOLD_VERBS and (low in not_inner or _relative(t, span, i)):
                continue  # "a staffing plan that keeps pace": the noun's clause, not ours
            if table != HOLD_VERBS and not (
                any_form or lex.participle(low) or _moves_an_amount(t, span, table, i + m[0])
            ):
                continue
            if not final:
                return i, table, m[0], m[1]
            # the verb that ends last closes the clause: "... nicht überschreiten"
            if best is None or i + m[0] > best[0] + best[2]:
                best = (i, table, m[0], m[1])
    return best


def _relative(t: Text, span: ClauseSpan, i: int) -> bool:
    """Does a verb at ``i`` follow a relative pronoun after a noun ("a plan that keeps")?"""
    return i - 1 > span.first and t.is_word(i - 1, RELATIVE_PRONOUNS)


def _moves_an_amount(t: Text, span: ClauseSpan, table: str, k: int) -> bool:
    """Does a change verb inside the text move an amount right after it ("Signups grow 8%
    each week", "que el precio baje un 10 %", "Churn falls to 2%")?"""
    if table != CHANGE_VERBS:
        return False
    got = t.quantity_after(k + 1 if t.change_word(k) else k, span.last, reach=1)
    return got is not None and got[1] is None  # not "doesn't drop below 4.5": a floor


def _refine(t: Text, span: ClauseSpan, quantities: list[Quantity], verb: Verb) -> Verb:
    """Resolve words that belong to several verb tables by what follows them."""
    if verb.kind == CHANGE_VERBS and verb.direction is None:
        direction = _particle_direction(t, span, verb)
        if direction is not None:
            verb = verb._replace(direction=direction)
    if verb.kind == HOLD_VERBS:
        return _refine_hold_verb(t, span, verb)
    governed = objects(verb, quantities)
    first_q = governed[0] if governed else None
    verb = _refine_acquisition(t, span, quantities, verb, first_q)
    if verb.kind == TASK_VERBS:
        verb = _refine_task_verb(t, span, verb, first_q)
    return verb


def objects(verb: Verb, quantities: list[Quantity]) -> list[Quantity]:
    """The amounts a verb governs: those after it, or before a clause-final verb."""
    if verb.at < 0:
        return list(quantities)
    if verb.trailing:
        return [q for q in quantities if q.last <= verb.at]
    return [q for q in quantities if q.first > verb.at]


def _object_span(span: ClauseSpan, verb: Verb) -> range:
    """The few words a verb governs: after it ("hold 4 workshops"), or before it."""
    if verb.trailing:
        return range(max(span.first, verb.at - 4), verb.at)
    return range(verb.end, min(verb.end + 4, span.last))


def _refine_hold_verb(t: Text, span: ClauseSpan, verb: Verb) -> Verb:
    """ "Hold 4 workshops" is a task; "keep growing" holds a movement."""
    runs_events = verb.text.split()[0] in t.tables[EVENT_VERBS] and any(
        t.match(EVENT_NOUNS, k) or t.lex.noun(EVENT_NOUNS, t.lows[k])
        for k in _object_span(span, verb)
    )
    if runs_events:
        return verb._replace(kind=TASK_VERBS)
    if t.match(SAVING_VERBS, verb.at) and any(
        q.unit.kind is UnitKind.CURRENCY
        for q in t.quantities
        if q.first in _object_span(span, verb)
    ):
        return verb._replace(kind=ACQUISITION_VERBS)  # "Avoid £40k of spend": money saved
    nxt = verb_at(t, verb.end) if verb.end < span.last else None
    if nxt is not None and nxt[0] == CHANGE_VERBS:
        return verb._replace(direction=direction_of(nxt[2]))  # from-to may still make a bet
    if nxt is not None and nxt[0] == RELATIVE_WORDS:
        return verb._replace(direction=factor_direction(nxt[2]))
    return verb


def _refine_acquisition(
    t: Text, span: ClauseSpan, quantities: list[Quantity], verb: Verb, first_q: Quantity | None
) -> Verb:
    """ "add", "raise", "get", "secure": a change of a level, or a count won."""
    acquisition = t.match(ACQUISITION_VERBS, verb.at)
    if verb.kind == ACQUISITION_VERBS:
        if has_change_words(t, span):  # "Raise NPS from 30 to 50"
            change = t.match(CHANGE_VERBS, verb.at)
            if change is not None:
                return verb._replace(kind=CHANGE_VERBS, direction=direction_of(change[1]))
            if t.match(TARGET_VERBS, verb.at) is not None:
                return verb._replace(kind=TARGET_VERBS)
    elif (
        acquisition is not None
        and acquisition[0] >= verb.length
        and first_q is not None
        and countable(first_q)
        and not has_change_words(t, span)
        and _is_object(t, span, verb, first_q)
    ):
        return verb._replace(kind=ACQUISITION_VERBS)  # "Add 2,000 paying subscribers"
    return verb


def _refine_task_verb(t: Text, span: ClauseSpan, verb: Verb, first_q: Quantity | None) -> Verb:
    """ "Hire to 50% women", "Deliver $2M in savings": a task verb naming a level."""
    level: Quantity | None = None
    if verb.trailing:
        if first_q is not None and t.is_word(first_q.first - 1, TO_WORDS):
            level = first_q  # "auf 50 % Frauen einstellen"
    elif t.is_word(verb.end, TO_WORDS):
        got = t.quantity_after(verb.end + 1, span.last, reach=1)
        level = got[0] if got is not None else None
    if level is not None and level.unit.kind in LEVEL_UNITS:
        return verb._replace(kind=TARGET_VERBS)
    names_amount = first_q is not None and not counts_activity(t.lex, first_q)
    if names_amount and t.match(TARGET_VERBS, verb.at) is not None:
        return verb._replace(kind=TARGET_VERBS)
    return verb


def _particle_direction(t: Text, span: ClauseSpan, verb: Verb) -> Direction | None:
    """ "Bring DSO down from 62 to 45 days": a neutral verb's particle gives the way."""
    k = span.first if verb.trailing else verb.end
    last = verb.at if verb.trailing else span.last
    while k < last and k not in t.q_at and not t.change_word(k):
        m = t.match(PARTICLES, k)
        if m is not None:
            return Direction.DOWN if m[1] == "down" else Direction.UP
        k += 1
    return None


def _is_object(t: Text, span: ClauseSpan, verb: Verb, q: Quantity) -> bool:
    """Is ``q`` the verb's object ("sign 10 ...", "get another 3 ...", "10 neue Kunden
    gewinnen")?"""
    fillers = t.tables[COUNT_FILLERS]
    if verb.trailing:
        openers = t.tables[OPENING_WORDS]
        return all(t.lows[j] in fillers or t.lows[j] in openers for j in range(span.first, q.first))
    return all(t.lows[j] in fillers for j in range(verb.end, q.first))


def has_change_words(t: Text, span: ClauseSpan) -> bool:
    """ "from X to Y", "to Y", "by X": words that make an amount a change."""
    key = ("change_words", span.first, span.last)
    found = t.memo.get(key)
    if found is None:
        found = t.memo[key] = _change_words_in(t, span)
    return found


def _change_words_in(t: Text, span: ClauseSpan) -> bool:
    for i in range(span.first, span.last):
        low = t.lows[i]
        amount_next = i + 1 in t.q_at or i + 2 in t.q_at
        if amount_next and (low in ARROWS or t.is_word(i, FROM_WORDS) or t.is_word(i, BY_WORDS)):
            if t.is_word(i, OF_WORDS):
                # "Tasa de conversión del 22 %": "of" a level, not a start; "de 40 % à
                # 60 %" is a change by its "to", which this loop meets later
                continue
            return True
        if t.is_word(i, TO_WORDS) and t.quantity_after(i + 1, span.last) is not None:
            return True
    return False


def has_bound(t: Text, span: ClauseSpan) -> bool:
    """Does the clause bound a level ("below 3%") or open with a zero ("no P1s")?"""
    return t.match(ZERO_WORDS, span.first) is not None or any(
        t.match(COMPARATOR_PREFIX, i) and t.quantity_after(i, span.last)
        for i in range(span.first, span.last)
    )
