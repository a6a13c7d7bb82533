"""Deliverables and tasks written without a task's verb: what a clause names that is a
thing to make, a capability to deliver, time to spend or a piece of work done in full.

"The partner API is live", "Admins can export the audit log", "Eight hours of
analysis", "Reach 100% delivery of the MVP", "Make the dashboard available to support"
are tasks (``output-not-outcome``); a measure's name with no number ("Count of
incidents", "Taux de réussite") or a wish ("weniger Abbrüche") is not.
"""

from __future__ import annotations

from okrlint.understanding.changes import of_after
from okrlint.understanding.clauses import Verb
from okrlint.understanding.lexicon import (
    ACQUISITION_VERBS,
    CAPABILITY_WORDS,
    CHANGE_VERBS,
    COMPLETION_NOUNS,
    COUNT_WORDS,
    DELIVERABLE_NOUNS,
    DONE_WORDS,
    LOWER_IS_BETTER,
    MEASUREMENT_WORDS,
    METRIC_NOUNS,
    NEW_WORDS,
    OF_WORDS,
    OUTCOME_NOUNS,
    QUALITY_WORDS,
    READY_WORDS,
    STEP_DOWN,
    STEP_UP,
    TARGET_VERBS,
    TASK_VERBS,
    VAGUE_VERBS,
)
from okrlint.understanding.meaning import Quantity, UnitKind
from okrlint.understanding.metric import head_noun
from okrlint.understanding.text import (
    ClauseSpan,
    Text,
)


def names_deliverable(t: Text, span: ClauseSpan, verb: Verb) -> bool:
    """ "Obtain ISO 27001 certification": a one-off deliverable, not a wish."""
    kinds = (TARGET_VERBS, VAGUE_VERBS, CHANGE_VERBS, ACQUISITION_VERBS, "")
    if not verb.kind and opens_on_a_measure(t, span):
        return False  # "Taux de réussite en licence": a measure, not a licence to obtain
    return verb.kind in kinds and any(
        t.match(DELIVERABLE_NOUNS, k) and not t.lex.noun(METRIC_NOUNS, t.low(k + 1))
        for k in range(span.first, span.last)
    )  # not "App launch time": a measure of the launch


def opens_on_a_measure(t: Text, span: ClauseSpan) -> bool:
    """Does the clause open on a measure's name: "Nombre de ...", "Taux de ...", "Count of
    ...", "Measured by ...", "Chiffre d'affaires ..."?"""
    first = t.skip_openers(span.first, span.last)
    return any(
        t.match(COUNT_WORDS, k)
        or t.match(MEASUREMENT_WORDS, k)
        or t.lex.noun(METRIC_NOUNS, t.lows[k])
        or t.match(METRIC_NOUNS, k)  # "chiffre d'affaires"
        for k in range(first, min(first + 4, span.last))
    )


def thing_done(t: Text, span: ClauseSpan) -> bool:
    """Does a word of a thing done follow the clause's first word ("client 0.9 released",
    "All test servers shut down")?"""
    return any(t.match(DONE_WORDS, k) for k in range(span.first + 1, span.last))


def names_a_thing(t: Text, span: ClauseSpan, verb: Verb, metric: str) -> bool:
    """ "Kotlin driver", "SSO for the admin console shipped", "The billing export is
    live": with no verb that asks for a change and no number, a clause that names a thing
    (or a thing done) is a deliverable. Not when it speaks of a quality or a feeling
    ("Onboarding is effortless", "Customers love the app") or names a measure ("Churn",
    "Customer satisfaction"): those are wishes with nothing to count.
    """
    if verb.kind or not metric:
        return False
    lex = t.lex
    for k in range(span.first, span.last):
        if lex.noun(QUALITY_WORDS, t.lows[k]) or _wish_at(t, span, k):
            return False  # "Digitaler werden im Bürgerservice", "weniger Abbrüche": a wish
    if opens_on_a_measure(t, span):
        return False  # "Nombre de produits lancés", "Mesurés par les erreurs ...": a measure
    if thing_done(t, span):
        return True  # "client 0.9 released": nobody releases customers; a thing was made
    head = head_noun(metric, lex)
    return not (head and (lex.noun(METRIC_NOUNS, head) or lex.noun(OUTCOME_NOUNS, head)))


#: Words of a wish rather than a thing: a verb of change, or a step ("fewer", "upward").
_WISH_TABLES = (VAGUE_VERBS, CHANGE_VERBS, STEP_UP, STEP_DOWN)


def _wish_at(t: Text, span: ClauseSpan, k: int) -> bool:
    """Does a word of a wish stand at ``k``? Not a particle after a thing done ("written
    up", "done up"), nor a noun after the word for new ("the farmhouse new build")."""
    if not any(t.match(table, k) for table in _WISH_TABLES):
        return False
    return k == span.first or not (t.is_word(k - 1, DONE_WORDS) or t.is_word(k - 1, NEW_WORDS))


def names_capability(t: Text, span: ClauseSpan, quantities: list[Quantity]) -> bool:
    """ "Members can set up a profile", "Users can diff two branches in the browser": a
    capability delivered is a task. Not a share of people who can ("80% of users can
    finish setup alone"): that is a level."""
    if any(q.unit.kind is UnitKind.PERCENT for q in quantities):
        return False
    for k in range(span.first + 1, span.last):
        m = t.match(CAPABILITY_WORDS, k)
        # "The registry supports signed uploads"; not "The team supports 40 customers"
        if m is not None and k + m[0] not in t.q_at:
            return True
    return False


def effort_spent(t: Text, span: ClauseSpan, verb: Verb, free: list[Quantity]) -> bool:
    """ "Eight hours of analysis and modelling": time the team spends, an input (a task),
    not a result. Not a time a metric counts ("3 hours of downtime")."""
    if verb.kind or not free or free[0].unit.kind is not UnitKind.DURATION:
        return False
    q = free[0]
    if q.first != t.skip_openers(span.first, span.last) or not of_after(t, q.last, span):
        return False
    return not any(t.match(LOWER_IS_BETTER, k) for k in range(q.last + 1, span.last))


def done_in_full(t: Text, quantities: list[Quantity]) -> bool:
    """ "Reach 100% delivery of the MVP features", "Achieve 80% completion of the data
    migration": how far a deliverable is done measures the task, whatever share it is
    written as (not "an 80% completion rate", a measure of what users do)."""
    for q in quantities:
        if q.unit.kind is UnitKind.PERCENT and 0 < q.value <= 100:
            k = q.last + (1 if t.is_word(q.last, OF_WORDS) else 0)  # "100 % de ..."
            m = t.match(COMPLETION_NOUNS, k)
            if m is not None and not t.lex.noun(METRIC_NOUNS, t.low(k + m[0])):
                return True
    return False


def made_ready(t: Text, span: ClauseSpan, verb: Verb) -> bool:
    """ "Make the latency dashboard available to the product team", "avoir la plateforme
    en production": a thing brought to its end state is a deliverable."""
    if verb.kind not in (VAGUE_VERBS, TARGET_VERBS, ""):
        return False
    return any(t.match(READY_WORDS, k) for k in range(max(verb.end, span.first), span.last))


def task_too(t: Text, verb: Verb) -> bool:
    """ "Recruit a head of sales", "Die Migration abschließen", "Add load testing", "Deliver
    the customer portal": a verb that wins, adds or reaches things and also names a task,
    with nothing counted, is the task."""
    if verb.kind != ACQUISITION_VERBS and t.match(VAGUE_VERBS, verb.at) is not None:
        return False  # "Développer l'activité": a wish to grow, not a task
    kinds = (ACQUISITION_VERBS, CHANGE_VERBS, TARGET_VERBS)  # "Deliver the customer portal"
    return verb.kind in kinds and t.match(TASK_VERBS, verb.at) is not None
