"""The languages: each one's vocabulary, and which language a text is written in.

A language's vocabulary is compiled from ``rules/phrases/<lang>.yaml`` for fast
matching: phrases are matched on token sequences (every phrase is tokenized like the
text), and tables are keyed by the first token so a lookup costs one dict access.

Which language a goal is in: the board says so, or its words do. Detection is
deliberately cheap: ``rules/phrases/detection.yaml`` lists each language's frequent
``markers`` (articles, prepositions, common verbs), and, as weaker hints for short
texts, ``marker_endings`` ("-ung", "-ción") and ``marker_letters`` ("ß", "ñ", "ç").
A text belongs to the language that scores most: two points a marker word, one a
word with a telling ending or letter. Ties and texts without markers fall back to
the board's or the configured language, else English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from okrlint.catalog import (
    CatalogError,
    available_languages,
    load_noise,
    load_phrases,
)
from okrlint.understanding.phrases import Payload, PhraseTable
from okrlint.understanding.tokens import Noise, compile_noise

# -- the phrase tables ---------------------------------------------------------------
# Each table has one name, declared here and imported by name where it is used, so a
# misspelt table fails at import (and in type-checking), never as a lookup at run time.

PERIODS: Final = "periods"
CADENCE_WORDS: Final = "cadence_words"
RATE_WORDS: Final = "rate_words"
CONTINUITY: Final = "continuity"
PUNCTUALITY: Final = "punctuality"
HOLD_VERBS: Final = "hold_verbs"
EVENT_NOUNS: Final = "event_nouns"
ZERO_WORDS: Final = "zero_words"
ZERO_NOT_BEFORE: Final = "zero_not_before"
TARGET_VERBS: Final = "target_verbs"
ACQUISITION_VERBS: Final = "acquisition_verbs"
NEW_WORDS: Final = "new_words"
OUTCOME_NOUNS: Final = "outcome_nouns"
ACTIVITY_NOUNS: Final = "activity_nouns"
AUDIENCE_PLACES: Final = "audience_places"
ASSET_NOUNS: Final = "asset_nouns"
TASK_VERBS: Final = "task_verbs"
VAGUE_VERBS: Final = "vague_verbs"
DELIVERABLE_NOUNS: Final = "deliverable_nouns"
OPENING_WORDS: Final = "opening_words"
SUBORDINATORS: Final = "subordinators"
FILLER_WORDS: Final = "filler_words"
COUNT_FILLERS: Final = "count_fillers"
STEP_UP: Final = "step_up"
STEP_DOWN: Final = "step_down"
EVENT_VERBS: Final = "event_verbs"
YEAR_WORDS: Final = "year_words"
AMBIGUOUS_MONTHS: Final = "ambiguous_months"
IRREGULAR_PARTICIPLES: Final = "irregular_participles"
COUNT_WORDS: Final = "count_words"
SERVICE_VERBS: Final = "service_verbs"
DUTY_VERBS: Final = "duty_verbs"
CLAUSE_BREAKS: Final = "clause_breaks"
DATE_WORDS: Final = "date_words"
MONTHS: Final = "months"
DEADLINE_WORDS: Final = "deadline_words"
PERIOD_WORDS: Final = "period_words"
NAME_PREFIXES: Final = "name_prefixes"
FUNCTION_WORDS: Final = "function_words"
PRONOUNS: Final = "pronouns"
MEASUREMENT_WORDS: Final = "measurement_words"
STEADY_WORDS: Final = "steady_words"
BASELINE_WORDS: Final = "baseline_words"
WINDOW_WORDS: Final = "window_words"
LOWER_IS_BETTER: Final = "lower_is_better"
FROM_WORDS: Final = "from_words"
TO_WORDS: Final = "to_words"
RANGE_TO_WORDS: Final = "range_to_words"
TO_FILLERS: Final = "to_fillers"
BY_WORDS: Final = "by_words"
BETWEEN_WORDS: Final = "between_words"
AND_WORDS: Final = "and_words"
OF_WORDS: Final = "of_words"
LEVEL_WORDS: Final = "level_words"
EVERY_WORDS: Final = "every_words"
COMMA_JOINERS: Final = "comma_joiners"
CONDITIONAL_BREAKS: Final = "conditional_breaks"
WITHOUT_WORDS: Final = "without_words"
CLAUSE_OPENERS: Final = "clause_openers"
NOT_INNER_VERBS: Final = "not_inner_verbs"
DEADLINE_OBJECTS: Final = "deadline_objects"
PERIOD_PREFIXES: Final = "period_prefixes"
CADENCE_OTHERS: Final = "cadence_others"
SAVING_VERBS: Final = "saving_verbs"
OCCASION_NOUNS: Final = "occasion_nouns"
UPKEEP_VERBS: Final = "upkeep_verbs"
NOUN_STOPS: Final = "noun_stops"
ZERO_DETERMINERS: Final = "zero_determiners"
NOT_NUMBERS: Final = "not_numbers"
DATE_JOINERS: Final = "date_joiners"
DATE_PREPOSITIONS: Final = "date_prepositions"
NOT_MEASURED: Final = "not_measured"
WITHIN_WORDS: Final = "within_words"
CYCLE_PERIODS: Final = "cycle_periods"
QUALITY_WORDS: Final = "quality_words"
METRIC_NOUNS: Final = "metric_nouns"
TARGET_WORDS: Final = "target_words"
FLOW_NOUNS: Final = "flow_nouns"
JOB_VERBS: Final = "job_verbs"
CONTINUITY_ADVERBS: Final = "continuity_adverbs"
FUNCTION_NOUNS: Final = "function_nouns"
NEW_STATE_WORDS: Final = "new_state_words"
ROLLOUT_NOUNS: Final = "rollout_nouns"
RECURRING_WORDS: Final = "recurring_words"
PLAN_NOUNS: Final = "plan_nouns"
PLAN_JOINERS: Final = "plan_joiners"
POSSESSIVES: Final = "possessives"
CAPABILITY_WORDS: Final = "capability_words"
COMPLETION_NOUNS: Final = "completion_nouns"
STOCK_VERBS: Final = "stock_verbs"
AVERAGE_WORDS: Final = "average_words"
FUTURE_WORDS: Final = "future_words"
RELATIVE_PRONOUNS: Final = "relative_pronouns"
READY_WORDS: Final = "ready_words"
DONE_WORDS: Final = "done_words"
INDEFINITE_ARTICLES: Final = "indefinite_articles"
DEFINITE_ARTICLES: Final = "definite_articles"
ADOPTION_VERBS: Final = "adoption_verbs"
ZERO_PRONOUNS: Final = "zero_pronouns"
TASK_CONSTRAINTS: Final = "task_constraints"
COPULAS: Final = "copulas"
PURPOSE_WORDS: Final = "purpose_words"
PERCENT_UNITS: Final = "percent"
POINTS_UNITS: Final = "points"
BPS_UNITS: Final = "bps"
MULTIPLE_UNITS: Final = "multiple"
MULTIPLIERS: Final = "multipliers"
DURATIONS: Final = "durations"
CURRENCIES: Final = "currencies"
MEASURES: Final = "measures"
CADENCE_ADVERBS: Final = "cadence_adverbs"
CHANGE_VERBS: Final = "change_verbs"
PARTICLES: Final = "particles"
RELATIVE_WORDS: Final = "relative_words"
COMPARATOR_PREFIX: Final = "comparator_prefix"
COMPARATOR_SUFFIX: Final = "comparator_suffix"
HOLD_OPENERS: Final = "hold_openers"

#: The tables that are plain lists of phrases in ``rules/phrases/<lang>.yaml``.
SIMPLE_TABLES: tuple[str, ...] = (
    PERIODS,
    CADENCE_WORDS,
    RATE_WORDS,
    CONTINUITY,
    PUNCTUALITY,
    HOLD_VERBS,
    EVENT_NOUNS,
    ZERO_WORDS,
    ZERO_NOT_BEFORE,
    TARGET_VERBS,
    ACQUISITION_VERBS,
    NEW_WORDS,
    OUTCOME_NOUNS,
    ACTIVITY_NOUNS,
    AUDIENCE_PLACES,
    ASSET_NOUNS,
    TASK_VERBS,
    VAGUE_VERBS,
    DELIVERABLE_NOUNS,
    OPENING_WORDS,
    SUBORDINATORS,
    FILLER_WORDS,
    COUNT_FILLERS,
    STEP_UP,
    STEP_DOWN,
    EVENT_VERBS,
    YEAR_WORDS,
    AMBIGUOUS_MONTHS,
    IRREGULAR_PARTICIPLES,
    COUNT_WORDS,
    SERVICE_VERBS,
    DUTY_VERBS,
    CLAUSE_BREAKS,
    DATE_WORDS,
    MONTHS,
    DEADLINE_WORDS,
    PERIOD_WORDS,
    NAME_PREFIXES,
    FUNCTION_WORDS,
    PRONOUNS,
    MEASUREMENT_WORDS,
    STEADY_WORDS,
    BASELINE_WORDS,
    WINDOW_WORDS,
    LOWER_IS_BETTER,
    FROM_WORDS,
    TO_WORDS,
    RANGE_TO_WORDS,
    TO_FILLERS,
    BY_WORDS,
    BETWEEN_WORDS,
    AND_WORDS,
    OF_WORDS,
    LEVEL_WORDS,
    EVERY_WORDS,
    COMMA_JOINERS,
    CONDITIONAL_BREAKS,
    WITHOUT_WORDS,
    CLAUSE_OPENERS,
    NOT_INNER_VERBS,
    DEADLINE_OBJECTS,
    PERIOD_PREFIXES,
    CADENCE_OTHERS,
    SAVING_VERBS,
    OCCASION_NOUNS,
    UPKEEP_VERBS,
    NOUN_STOPS,
    ZERO_DETERMINERS,
    NOT_NUMBERS,
    DATE_JOINERS,
    DATE_PREPOSITIONS,
    NOT_MEASURED,
    WITHIN_WORDS,
    CYCLE_PERIODS,
    QUALITY_WORDS,
    METRIC_NOUNS,
    TARGET_WORDS,
    FLOW_NOUNS,
    JOB_VERBS,
    CONTINUITY_ADVERBS,
    FUNCTION_NOUNS,
    NEW_STATE_WORDS,
    ROLLOUT_NOUNS,
    RECURRING_WORDS,
    PLAN_NOUNS,
    PLAN_JOINERS,
    POSSESSIVES,
    CAPABILITY_WORDS,
    COMPLETION_NOUNS,
    STOCK_VERBS,
    AVERAGE_WORDS,
    FUTURE_WORDS,
    RELATIVE_PRONOUNS,
    READY_WORDS,
    DONE_WORDS,
    INDEFINITE_ARTICLES,
    DEFINITE_ARTICLES,
    ADOPTION_VERBS,
    ZERO_PRONOUNS,
    TASK_CONSTRAINTS,
    COPULAS,
    PURPOSE_WORDS,
)


def _entries(data: Any, payload: Payload = True) -> list[tuple[str, Payload]]:
    """Phrases of a list (or one string), each with ``payload``.

    A YAML boolean in a list is a data bug: unquoted ``on``, ``no`` or ``off`` read as
    booleans and would silently drop the word, so they are refused.
    """
    if data is None:
        return []
    if isinstance(data, str):
        return [(data, payload)]
    if isinstance(data, list):
        for item in data:
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise CatalogError(f"phrase {item!r} is not text: quote it in the phrase file")
        return [(str(item), payload) for item in data]
    raise CatalogError(f"expected a list of phrases, found {type(data).__name__}")


def _keyed(data: Any, convert: Any = str) -> list[tuple[str, Payload]]:
    """Entries of a mapping ``payload: [phrases]``."""
    out: list[tuple[str, Payload]] = []
    for key, phrases in (data or {}).items():
        out.extend(_entries(phrases, convert(key)))
    return out


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the reader needs to know about one language."""

    language: str
    decimal: str
    thousands: str
    tables: dict[str, PhraseTable]
    number_words: PhraseTable
    bau_patterns: tuple[re.Pattern[str], ...]
    #: what is not the key result: labels, owners, tags, markup, progress notes
    noise: Noise
    #: for each word, the tables with a phrase starting with it (a match's fast "no")
    first_index: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: "1 200 €": a plain space groups thousands (French)
    space_groups: bool = False
    #: the verb may close the clause: "Die Churn-Rate von 4 % auf 2,5 % senken" (German)
    verb_final: bool = False
    #: nouns are capitalised, so a lower-case word inside a text is no noun (German)
    capitalized_nouns: bool = False
    #: nouns are glued into compounds ("Neukunden"): a table noun may end a word (German)
    compounds: bool = False
    #: the head of a noun phrase comes first ("clientes nuevos", "appels de démo")
    head_first: bool = False
    #: word endings of plurals ("s") and of past participles ("ed")
    plural_endings: tuple[str, ...] = ()
    participle_endings: tuple[str, ...] = ()
    #: one-letter units written apart from their number: "6 h" (French, German, Spanish)
    spaced_unit_letters: frozenset[str] = frozenset()
    #: the one-word "from", "to" and "by" of the language, together
    change_words: frozenset[str] = frozenset()
    #: the words a change's amounts can hang on (change words, "between", arrows, "-"):
    #: the reader looks for from/to/by/between only at these
    change_scan: frozenset[str] = frozenset()

    def table(self, name: str) -> PhraseTable:
        return self.tables[name]

    def noun(self, table: str, word: str) -> bool:
        """Is ``word`` a noun of ``table``, or (in a compounding language) a compound of one?"""
        found = self.tables[table]
        return found.heads(word) if self.compounds else word in found

    def plural(self, word: str) -> bool:
        """Does ``word`` end like a plural of the language ("customers", "clientes")?"""
        return bool(self.plural_endings) and word.endswith(self.plural_endings)

    def participle(self, word: str) -> bool:
        """Does ``word`` read as a past participle: "reduced", "reducido", "réduit"?"""
        if word in self.tables[IRREGULAR_PARTICIPLES]:
            return True
        return bool(self.participle_endings) and word.endswith(self.participle_endings)


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled vocabulary of ``language`` (cached: built once per process)."""
    data = load_phrases(language)
    tables = {name: PhraseTable(_entries(data.get(name))) for name in SIMPLE_TABLES}
    units = data.get("units") or {}
    tables[PERCENT_UNITS] = PhraseTable(_entries(units.get("percent")))
    tables[POINTS_UNITS] = PhraseTable(_entries(units.get("points")))
    tables[BPS_UNITS] = PhraseTable(_entries(units.get("bps")))
    tables[MULTIPLE_UNITS] = PhraseTable(_entries(units.get("multiple")))
    tables[MULTIPLIERS] = PhraseTable(_keyed(units.get("multipliers"), float))
    tables[DURATIONS] = PhraseTable(_keyed(units.get("durations"), float))
    tables[CURRENCIES] = PhraseTable(_keyed(units.get("currencies")))
    tables[MEASURES] = PhraseTable(_keyed(units.get("measures")))
    tables[CADENCE_ADVERBS] = PhraseTable(_keyed(data.get("cadence_adverbs"), float))
    tables[CHANGE_VERBS] = PhraseTable(_keyed(data.get("change_verbs")))
    tables[PARTICLES] = PhraseTable(_keyed(data.get("particles")))
    tables[RELATIVE_WORDS] = PhraseTable(_keyed(data.get("relative_words"), float))
    comparators = data.get("comparators") or {}
    tables[COMPARATOR_PREFIX] = PhraseTable(_keyed(comparators.get("prefix")))
    tables[COMPARATOR_SUFFIX] = PhraseTable(_keyed(comparators.get("suffix")))
    numbers = data.get("numbers") or {}
    words = PhraseTable((str(k), float(v)) for k, v in (numbers.get("words") or {}).items())
    grammar = data.get("grammar") or {}
    bau = data.get("business_as_usual") or {}
    tables[HOLD_OPENERS] = PhraseTable(_entries(bau.get("hold_openers")))
    try:
        patterns = tuple(re.compile(p) for p in bau.get("patterns") or ())
    except re.error as exc:
        raise CatalogError(f"bad business_as_usual pattern for {language}: {exc}") from exc
    index: dict[str, set[str]] = {}
    for name, table in tables.items():
        for word in table.first_words():
            index.setdefault(word, set()).add(name)
    return Lexicon(
        first_index={word: frozenset(names) for word, names in index.items()},
        language=language,
        decimal=str(numbers.get("decimal", ".")),
        thousands=str(numbers.get("thousands", ",")),
        tables=tables,
        number_words=words,
        bau_patterns=patterns,
        noise=all_noise(),
        space_groups=bool(numbers.get("space_groups", False)),
        verb_final=bool(grammar.get("verb_final", False)),
        capitalized_nouns=bool(grammar.get("capitalized_nouns", False)),
        compounds=bool(grammar.get("compounds", False)),
        head_first=grammar.get("noun_head", "last") == "first",
        plural_endings=tuple(str(e) for e in grammar.get("plural_endings") or ()),
        participle_endings=tuple(str(e) for e in grammar.get("participle_endings") or ()),
        spaced_unit_letters=frozenset(str(e) for e in grammar.get("spaced_unit_letters") or ()),
        change_words=frozenset().union(
            *(tables[t].words for t in (FROM_WORDS, TO_WORDS, BY_WORDS))
        ),
        change_scan=frozenset().union(
            *(tables[t].words for t in (FROM_WORDS, TO_WORDS, BY_WORDS, BETWEEN_WORDS)),
            ("->", "-"),
        ),
    )


@cache
def all_noise() -> Noise:
    """The noise patterns of every language at once: a board's labels and notes are
    often in another language than its key results ("Key Result 2: Umsatz steigern"),
    and a text's language is told before its noise is set aside."""
    words = {str(k): [str(p) for p in v or ()] for k, v in load_noise().items()}
    return compile_noise(words)


def languages() -> tuple[str, ...]:
    return available_languages()
