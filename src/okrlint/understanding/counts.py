"""Counts that start from zero: things won from others in the cycle ("Sign 10 new
customers", "$90k in upsells", "6 partner agencies adopt the design system"), the team's
own count, and a floor on a count of events ("at least 30 interviews")."""

from __future__ import annotations

from okrlint.understanding.clauses import Verb, has_change_words, objects
from okrlint.understanding.lexicon import (
    ACQUISITION_VERBS,
    ADOPTION_VERBS,
    ASSET_NOUNS,
    AVERAGE_WORDS,
    CADENCE_ADVERBS,
    CHANGE_VERBS,
    COMPARATOR_PREFIX,
    COMPARATOR_SUFFIX,
    EVERY_WORDS,
    FLOW_NOUNS,
    NEW_WORDS,
    OUTCOME_NOUNS,
    SAVING_VERBS,
    STOCK_VERBS,
    TARGET_VERBS,
    VAGUE_VERBS,
    Lexicon,
)
from okrlint.understanding.meaning import Comparator, Hold, Quantity, UnitKind
from okrlint.understanding.text import (
    PER_WORDS,
    ClauseSpan,
    Text,
    countable,
    counts_activity,
)
from okrlint.understanding.tokens import Kind


def counts_outcome(lex: Lexicon, q: Quantity) -> bool:
    """Does ``q`` count a result won from others: money, customers, members?"""
    return q.unit.kind is UnitKind.CURRENCY or (
        q.unit.kind is UnitKind.LABEL and lex.noun(OUTCOME_NOUNS, q.unit.code)
    )


def won_from_others(t: Text, span: ClauseSpan, verb: Verb, q: Quantity) -> bool:
    """Is a count won from others, not made by the team? Money and customers are;
    meetings are when an acquisition verb wins them from outside parties ("secure
    10 new logo meetings with FTSE 250 companies"), not when the team books demos.
    """
    if counts_outcome(t.lex, q):
        return True
    if verb.kind != ACQUISITION_VERBS:
        return False
    return any(t.lex.noun(OUTCOME_NOUNS, t.lows[k]) for k in range(q.last, span.last))


def new_count(t: Text, span: ClauseSpan, verb: Verb, free: list[Quantity]) -> Quantity | None:
    """A count of new things won in the cycle: "Sign 10 new enterprise customers",
    "50 new paying customers", "Close $2M in new business". ``free`` are the clause's
    amounts that are no baseline or step."""
    acquiring = verb.kind == ACQUISITION_VERBS
    for q in free:
        # time won back is counted as money is: "Save 150 hours of manual work"
        saved = q.unit.kind is UnitKind.DURATION and t.match(SAVING_VERBS, verb.at) is not None
        if not (countable(q) or saved) or q.per:
            continue
        near = (max(span.first, q.first - 2), min(q.last + 3, span.last))
        getting = not acquiring or t.match(STOCK_VERBS, verb.at) is not None
        if getting and _named_rate(t, q, span) and not _new_within(t, *near):
            continue  # "Hit 10,000 weekly downloads": a rate, a level ("Sign 500 monthly
            # donors" wins them)
        if adopted(t, span, q):
            return q  # "8 partners adopt the new platform"
        if (
            q.unit.kind is UnitKind.NONE
            and not acquiring
            and not _new_within(t, max(span.first, q.first - 3), min(q.last + 3, span.last))
            and not counts_events(t, span, q)
        ):
            continue  # a bare number names no count of new things ("Clientes nuevos = 11")
        if acquiring and not _stock(t, span, verb, q):
            return q
        marked = _new_within(t, max(span.first, q.first - 2), min(q.last + 4, span.last))
        if (
            marked
            and verb.kind in ("", TARGET_VERBS, CHANGE_VERBS)
            and (q.unit.kind is not UnitKind.CURRENCY)
        ):
            return q
        flowing = verb.kind in _FLOW_VERBS or (
            verb.kind == CHANGE_VERBS and not has_change_words(t, span)
        )
        if flowing and counts_events(t, span, q):
            return q  # "Drive 110 leads", "4 citations", "$90k in upsells this quarter"
    return None


def _named_rate(t: Text, q: Quantity, span: ClauseSpan) -> bool:
    """Is the count's noun named by a cadence ("10,000 weekly downloads", "500 monthly
    donors", "200 descargas semanales")?"""
    return any(
        t.match(CADENCE_ADVERBS, k) is not None for k in range(q.last, min(q.last + 3, span.last))
    )


def _stock(t: Text, span: ClauseSpan, verb: Verb, q: Quantity) -> bool:
    """ "Get 120 subscribers": a verb that only gets or has, counting no event and nothing
    new and saying nothing more, names a level to reach (a stock), not a count won from
    zero."""
    if q.unit.kind is not UnitKind.LABEL or not t.match(STOCK_VERBS, verb.at):
        return False
    label = next((k for k in range(q.last, span.last) if t.lows[k] == q.unit.code), q.last)
    if any(t.tokens[k].kind is Kind.WORD for k in range(label + 1, span.last)):
        return False  # "Get 5 customers live on v2": a move within the cycle
    near = range(max(span.first, q.first - 2), min(q.last + 4, span.last))
    marked = (NEW_WORDS, FLOW_NOUNS)  # "new", or an event in words ("400 sign ups")
    return not counts_events(t, span, q) and not any(
        t.match(table, k) for k in near for table in marked
    )


#: The verbs a count of events within the cycle may stand with: none, "reach",
#: "generate". A change verb with "to" or "by" makes it a level that moves ("grow
#: downloads to 2k a week"); with a bare count it only says which way ("drive 110 leads").
_FLOW_VERBS = ("", TARGET_VERBS, VAGUE_VERBS)


def adopted(t: Text, span: ClauseSpan, q: Quantity) -> bool:
    """ "8 partners adopt the new platform", "At least 1 pilot program finishes the
    assessments": a count of others taking something up in the cycle, from zero. Not the
    team's own people or work ("10 engineers complete the training")."""
    if not countable(q) or q.per or counts_activity(t.lex, q):
        return False
    if q.unit.kind is UnitKind.LABEL and t.lex.noun(ASSET_NOUNS, q.unit.code):
        return False  # "30 APIs migrated to the new gateway": the team's own things moved
    first = t.skip_openers(span.first, span.last)
    bound = t.match(COMPARATOR_PREFIX, first)
    if q.first != first and not (bound is not None and first + bound[0] == q.first):
        return False  # the count opens the clause: it is the subject
    return any(t.match(ADOPTION_VERBS, k) for k in range(q.last, min(q.last + 8, span.last)))


def counts_events(t: Text, span: ClauseSpan, q: Quantity) -> bool:
    """Does ``q`` count events of the cycle ("110 leads", "$200k in qualified pipeline")?"""
    lex = t.lex
    if q.unit.kind is UnitKind.LABEL:
        return lex.noun(FLOW_NOUNS, q.unit.code)
    near = range(max(span.first, q.first - 4), min(q.last + 4, span.last))
    # and the subject that opens the clause: "Auftragssumme im Q4 ... liegt über 50 TEUR"
    first = t.skip_openers(span.first, span.last)
    words = [*range(first, min(first + 1, near.start)), *near]
    if any(t.match(AVERAGE_WORDS, k) for k in words):
        return False  # "an average deal size of $22k": a level of one item
    # money "in" something, a number before its noun ("$90k in upsells") or after it
    # ("Talentos colocados = 15", "closed-won deal value is $450k")
    return any(
        lex.noun(FLOW_NOUNS, t.lows[k]) or t.match(FLOW_NOUNS, k)  # "chiffre d'affaires"
        for k in words
        if k not in t.q_covering
    )


def _new_within(t: Text, first: int, last: int) -> bool:
    """Does a word of something new stand in ``[first, last)`` ("10 new customers"), not
    as part of a bound ("30 or more releases")?"""
    return any(
        (t.match(NEW_WORDS, k) or _new_compound(t, k)) and not _in_bound(t, k)
        for k in range(first, last)
    )


def _new_compound(t: Text, k: int) -> bool:
    """A compound that starts with the word for new: "Neugäste", "Neukunden"."""
    low = t.lows[k]
    return t.lex.compounds and low.startswith("neu") and len(low) >= 7 and low[3] != "e"


def _in_bound(t: Text, k: int) -> bool:
    for j in (k - 1, k - 2):
        m = t.match(COMPARATOR_SUFFIX, j) if j >= 0 else None
        if m is not None and j + m[0] > k:
            return True  # "or more", "oder mehr"
    return False


def own_count(verb: Verb, quantities: list[Quantity], levels: list[Hold]) -> Quantity | None:
    """The unbounded count a task verb governs: the 6 of "run 6 webinars"."""
    bounded = {id(h.level) for h in levels}
    counts = (q for q in objects(verb, quantities) if id(q) not in bounded and countable(q))
    return next(counts, None)


def floor_on_a_count(t: Text, span: ClauseSpan, h: Hold) -> bool:
    """Is ``h`` a floor on a count of the team's own work or of events in the cycle
    ("at least 30 interviews", "$450k or higher in closed-won deals")? Such a floor is
    the target of a task or of a count from zero, not a level to hold."""
    q = h.level
    if q is None or h.comparator not in (Comparator.GE, Comparator.GT) or not countable(q):
        return False
    after = range(q.last, min(q.last + 3, span.last))
    if any(t.is_word(k, EVERY_WORDS) or t.lows[k] in PER_WORDS for k in after):
        return False  # "at least 20 attendees per meetup": a standard for each one
    return counts_activity(t.lex, q) or counts_events(t, span, q) or adopted(t, span, q)
