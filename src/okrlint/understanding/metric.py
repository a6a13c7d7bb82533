"""What a clause measures, and whether it counts the team's own output.

:func:`metric_of` names the measured thing ("Keep gross churn below 4%" → "gross
churn"): the first run of words that are not amounts, dates, the verb, bounds,
cadences or change words. :func:`is_output` tells a count of the team's own work
("demo calls", "blog posts") from a result. Counts won in the cycle, which start at
zero, are told in :mod:`okrlint.understanding.counts`.
"""

from __future__ import annotations

import re

from okrlint.understanding.changes import Change, of_after
from okrlint.understanding.clauses import CHANGING, Verb, has_change_words
from okrlint.understanding.holds import period_end
from okrlint.understanding.lexicon import (
    ACTIVITY_NOUNS,
    ADOPTION_VERBS,
    ASSET_NOUNS,
    AUDIENCE_PLACES,
    BETWEEN_WORDS,
    BY_WORDS,
    CADENCE_ADVERBS,
    CADENCE_WORDS,
    CHANGE_VERBS,
    COMPARATOR_PREFIX,
    COMPARATOR_SUFFIX,
    CONTINUITY,
    COUNT_WORDS,
    DEADLINE_WORDS,
    DONE_WORDS,
    DURATIONS,
    DUTY_VERBS,
    FLOW_NOUNS,
    FUNCTION_WORDS,
    FUTURE_WORDS,
    INDEFINITE_ARTICLES,
    METRIC_NOUNS,
    OF_WORDS,
    OUTCOME_NOUNS,
    PUNCTUALITY,
    READY_WORDS,
    SERVICE_VERBS,
    STEADY_WORDS,
    ZERO_WORDS,
    Lexicon,
)
from okrlint.understanding.meaning import Direction, Quantity, UnitKind
from okrlint.understanding.text import (
    ARROWS,
    LEVEL_UNITS,
    PER_WORDS,
    PER_YEAR,
    ClauseSpan,
    Text,
    countable,
    counts_activity,
)
from okrlint.understanding.tokens import Kind, tokenize

_NOT_METRIC_TABLES = (
    COMPARATOR_PREFIX,
    COMPARATOR_SUFFIX,
    CONTINUITY,
    ZERO_WORDS,
    CADENCE_WORDS,
    DEADLINE_WORDS,
    STEADY_WORDS,
    CADENCE_ADVERBS,
    PUNCTUALITY,
)
_ALLOWED_SYMBOLS = ("'", '"', "&", "/", "-")


def metric_of(t: Text, span: ClauseSpan, quantities: list[Quantity], verb: Verb) -> str:
    """The words naming what is measured: "Keep gross churn below 4%" → "gross churn"."""
    excluded = _not_metric(t, span, quantities, verb)
    function_words = t.tables[FUNCTION_WORDS]
    start = -1
    for i in range(span.first, span.last + 1):
        inside = (
            i < span.last
            and i not in excluded
            and (t.tokens[i].kind is not Kind.SYM or t.lows[i] in _ALLOWED_SYMBOLS)
        )
        if inside and start < 0:
            start = i
        elif not inside and start >= 0:
            a, b = start, i
            while a < b and (t.lows[a] in function_words or t.is_sym(a)):
                a += 1
            while b > a and (t.lows[b - 1] in function_words or t.is_sym(b - 1)):
                b -= 1
            if b > a:
                return t.span_text(a, b)
            start = -1
    return ""


def _not_metric(t: Text, span: ClauseSpan, quantities: list[Quantity], verb: Verb) -> set[int]:
    """Tokens that are not part of a metric's name: amounts, dates, the verb and the
    words before it, bounds, zeros, cadences, deadlines and change words."""
    excluded: set[int] = set(t.date_tokens)
    for q in quantities:
        excluded.update(range(q.first, q.last))
    if verb.at >= 0:
        excluded.update(range(verb.at, verb.end))
        topic = any(t.lows[k] in (":", "·") for k in range(span.first, verb.at))
        if topic or t.skip_openers(span.first, verb.at) >= verb.at:
            excluded.update(range(span.first, verb.at))  # "We will", "Ejemplo correcto:"
    else:
        service = t.match(SERVICE_VERBS, span.first)  # "Respond to all tickets ..."
        excluded.update(range(span.first, span.first + service[0]) if service else ())
    for i in range(span.first, span.last):
        if t.lows[i] in ARROWS or t.lows[i] in t.tables[BETWEEN_WORDS].words:
            excluded.add(i)
        elif t.lows[i] in t.lex.change_words and (
            not t.is_word(i, OF_WORDS)
            or t.quantity_after(i + 1, span.last, reach=2)
            or t.match(CADENCE_ADVERBS, i + 1)
        ):
            excluded.add(i)  # "from", "to", "by"; "de" only before an amount
        if t.starts[i].isdisjoint(_NOT_METRIC_TABLES):
            continue
        for table in _NOT_METRIC_TABLES:  # (t.match, without its call where none starts)
            m = t.tables[table].match(t.lows, i) if table in t.starts[i] else None
            if m is not None:
                end = _not_metric_end(t, span, verb, table, i, m[0])
                excluded.update(range(i, end))
    return excluded


def _not_metric_end(t: Text, span: ClauseSpan, verb: Verb, table: str, i: int, length: int) -> int:
    """The end of a phrase of ``table`` of ``length`` tokens at ``i`` that is no part of a
    metric's name, or ``i`` when it is part of it."""
    if table == COMPARATOR_PREFIX and not t.quantity_after(i, span.last):
        return i
    if table == ZERO_WORDS and not t.zero_at(i):
        return i
    if table == CADENCE_ADVERBS and _noun_follows(t, span, verb, i + length):
        return i  # "weekly active teams", "monthly churn": part of the name
    end = i + length
    if table == CADENCE_WORDS:
        end = period_end(t, span, end) or end  # "jeden Freitag"
    return end


def _noun_follows(t: Text, span: ClauseSpan, verb: Verb, k: int) -> bool:
    """Is token ``k`` a word of the clause that is not a function word?"""
    return (
        k < span.last
        and t.tokens[k].kind is Kind.WORD
        and t.lows[k] not in t.tables[FUNCTION_WORDS]
        and k not in t.q_covering
        and not verb.at <= k < verb.end
    )


def is_output(t: Text, quantities: list[Quantity], change: Change, metric: str, verb: Verb) -> bool:
    """Does the clause count more of the team's own activity ("demo calls", "blog posts")?

    The metric's head noun decides ("revenue per employee" counts revenue); a
    count's label decides only when no metric is named. Fewer of something is
    never an output (cutting meetings changes a result), nor is a share, a time or
    money ("80% of calls answered within 20 seconds").
    """
    amount = change.target or (quantities[0] if quantities else None)
    # "Increase demo calls by 20%": a step up of an activity a verb names
    step = (
        amount is not None
        and amount is change.relative
        and verb.kind == CHANGE_VERBS
        and change.direction is Direction.UP
        and _by_before(t, amount.first)
    )
    if (
        amount is not None
        and not step
        and (amount.unit.kind in LEVEL_UNITS or amount.unit == PER_YEAR)
    ):
        return False  # a share, a time, money, or how often ("from monthly to weekly")
    base, target = change.baseline, change.target
    if change.direction is Direction.DOWN or (
        base is not None and target is not None and target.value < base.value
    ):
        return False
    if amount is not None and countable(amount) and _made_by_the_team(t, metric):
        return True  # "Number of steps built", "60 articles written": the team's output
    if amount is not None and _made_from_none(t, amount, verb, base):
        return True  # "Guidance documents produced · LB 0 · Target 4"
    if amount is not None and _assets_moved(t, amount):
        return True  # "30 APIs migrated to the new gateway": the team's own things moved
    head = head_noun(metric, t.lex)
    if (
        amount is not None
        and amount.unit.kind is UnitKind.LABEL
        and counts_activity(t.lex, amount)
        and verb.kind not in CHANGING
        and not (head and _a_measure(t.lex, head))
        and not audience_traffic(t, amount.unit.code)
    ):
        return True  # "bot presented at no fewer than 4 conferences": the count names the work
    if head and (t.lex.noun(ACTIVITY_NOUNS, head) or not t.lex.participle(head)):
        activity = t.lex.noun(ACTIVITY_NOUNS, head)
        if activity and _per_outsider(t, metric):
            return False  # "support tickets per customer": a ratio of what others do
        return activity and not audience_traffic(t, head)
    # no metric named, or only a deed ("review bot presented at 4 conferences")
    return any(counts_activity(t.lex, q) for q in quantities)


def _assets_moved(t: Text, q: Quantity) -> bool:
    """Is ``q`` a count of the team's own systems taken up or moved ("30 APIs migrated",
    "12 Dienste umgestellt")?"""
    if q.unit.kind is not UnitKind.LABEL or not t.lex.noun(ASSET_NOUNS, q.unit.code):
        return False
    after = range(q.last, min(q.last + 6, t.n))
    return any(
        t.match(ADOPTION_VERBS, k) or t.is_word(k, DONE_WORDS) or t.match(READY_WORDS, k)
        for k in after
    )  # "412 public services available online", "64 Online-Dienste umgesetzt"


def _per_outsider(t: Text, metric: str) -> bool:
    """Is the metric a ratio over people outside the team ("tickets per customer", "Tickets
    pro Kunde")? Per a member of the team ("demo calls per rep") it still counts work;
    per a period ("posts per week") it is a rate of work."""
    words = metric.lower().split()
    for k, word in enumerate(words[:-1]):
        if word in PER_WORDS and words[k + 1] not in PER_WORDS:
            after = words[k + 1]
            # per an event of others ("pages per visit", "items per order"): theirs
            event = t.lex.noun(FLOW_NOUNS, after)
            work = (t.lex.noun(ACTIVITY_NOUNS, after) and not event) or after in t.tables[DURATIONS]
            return not work
    return False


#: The small words of a ratio ("por" and "par" also mean "by": left out).


def audience_traffic(t: Text, noun: str) -> bool:
    """Does ``noun`` count visits or views of a place an audience comes to, named in the
    key result ("website visits", "Website-Besuche", "80 000 visites … sur le site")?
    That is traffic, not the team's activity."""
    if not t.lex.noun(FLOW_NOUNS, noun):
        return False
    places = t.tables[AUDIENCE_PLACES]
    return any(part in places for part in _PARTS.split(t.text.lower()) if part)


#: The key result's words and a compound's parts: "Website-Besuche" is "website", "besuche".
_PARTS = re.compile(r"[\W\d_]+")


def _by_before(t: Text, k: int) -> bool:
    """Does "by" stand before token ``k``, past an article ("by 20%", "en un 25 %")?"""
    j = k - 1
    while j >= 0 and t.is_word(j, INDEFINITE_ARTICLES) and not t.is_word(j, BY_WORDS):
        j -= 1
    return t.is_word(j, BY_WORDS)


def _made_by_the_team(t: Text, metric: str) -> bool:
    """Does the count name things the team made: "features shipped", "articles written"?"""
    done = t.lex.table(DONE_WORDS)
    return any(word in done for word in metric.lower().split())


def _made_from_none(t: Text, amount: Quantity, verb: Verb, base: Quantity | None) -> bool:
    """Are things done named before a count from none, with no verb to move it?"""
    if verb.kind or not countable(amount) or (base is not None and base.value):
        return False
    return any(t.is_word(k, DONE_WORDS) for k in range(max(0, amount.first - 12), amount.first))


def _a_measure(lex: Lexicon, word: str) -> bool:
    """Does ``word`` name a measure or a result ("attendance", "traffic", "customers")?"""
    return any(lex.noun(table, word) for table in (METRIC_NOUNS, OUTCOME_NOUNS, FLOW_NOUNS))


def head_noun(metric: str, lex: Lexicon) -> str:
    """The noun a metric is about: "number of demo calls per rep" → "calls".

    A leading "number of" is skipped; the head is the last word before the first
    preposition ("revenue per employee" → "revenue", "share of tickets" → "share"),
    past a trailing participle ("features shipped per sprint" → "features"). Where the
    head comes first, it is the first word ("llamadas de demo" → "llamadas").
    """
    count_words = lex.table(COUNT_WORDS)
    words = [t.low for t in tokenize(metric) if t.kind is Kind.WORD or t.low in count_words]
    function_words = lex.table(FUNCTION_WORDS)
    while words and words[0] in function_words:
        words.pop(0)  # "die Anzahl", "le nombre"
    if len(words) > 2 and words[0] in count_words and words[1] in lex.table(OF_WORDS):
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


def bare_level(
    t: Text,
    span: ClauseSpan,
    verb: Verb,
    metric: str,
    level: Quantity,
    stated_baseline: Quantity | None,
) -> bool:
    """Is ``level`` a bare level with a noun subject: no verb at all, no date to reach it
    by, a share, a score, a time or money ("97% uptime", "NPS of 45"), or a count per
    period ("60 calls per day")? A count of things ("500 paying customers") is a target."""
    if verb.kind or t.deadline or t.period or stated_baseline is not None:
        return False
    if has_change_words(t, span):
        return False  # "Churn goes down to 2%": words that move it
    if any(t.match(FUTURE_WORDS, k) for k in range(span.first, span.last)):
        return False  # "x% of services will sign in through the directory": to reach
    first = t.skip_openers(span.first, span.last)
    if t.match(SERVICE_VERBS, first) or t.match(DUTY_VERBS, first):
        return False  # "Resolve 50% of tier-1 tickets via self-service": a verb leads
    if level.per:
        # "60 calls per day per rep": the team's own work at a steady rate is a duty;
        # "1,000 new trials per month" is a rate of results to reach
        return counts_activity(t.lex, level)
    if level.unit.kind is UnitKind.DURATION and of_after(t, level.last, span):
        return False  # "Eight hours of analysis": the effort a task takes
    if _imperative(t, span, level):
        return False  # "Rebrand 80% of the files": an unknown verb leads
    return level.unit.kind in LEVEL_UNITS or not metric


def _imperative(t: Text, span: ClauseSpan, level: Quantity) -> bool:
    """Does one word that names no measure stand before the level ("Rebrand 80% of the
    files", "Have 75% of pilot users ...")? Then it is a verb the tables do not know.
    Nouns before a level are capitalised acronyms or measures: "NPS 45", "Uptime 99.9%".
    """
    first = t.skip_openers(span.first, span.last)
    if level.first != first + 1 or t.tokens[first].kind is not Kind.WORD:
        return False
    word = t.tokens[first].text
    lex = t.lex
    return not (
        word.isupper()
        or lex.noun(METRIC_NOUNS, word.lower())
        or lex.noun(OUTCOME_NOUNS, word.lower())
        or lex.noun(FLOW_NOUNS, word.lower())
    )
