"""A language's vocabulary, compiled from ``rules/phrases/<lang>.yaml`` for fast matching.

Phrases are matched on token sequences: every phrase is tokenized like the text,
and tables are keyed by the first token so a lookup costs one dict access.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from okrlint.catalog import CatalogError, available_languages, load_phrases
from okrlint.understanding.tokens import phrase_tokens

Payload = Any


class PhraseTable:
    """Phrases of one category, each with a payload (a direction, a factor, ...)."""

    __slots__ = ("_by_first", "_infixes", "_suffixes", "phrases", "words")

    def __init__(self, entries: Iterable[tuple[str, Payload]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}
        for phrase, payload in entries:
            for alternative in str(phrase).split("|"):
                toks = phrase_tokens(alternative.strip())
                if toks:
                    by_first.setdefault(toks[0], []).append((toks, payload))
        for options in by_first.values():
            options.sort(key=lambda item: -len(item[0]))
        self._by_first = by_first
        #: single-token phrases, for quick membership tests
        self.words = frozenset(t[0] for opts in by_first.values() for t, _ in opts if len(t) == 1)
        #: every phrase as its tokens joined by spaces: "as long as"
        self.phrases = frozenset(" ".join(t) for opts in by_first.values() for t, _ in opts)
        self._suffixes: re.Pattern[str] | None = None
        self._infixes: re.Pattern[str] | None = None

    def match(self, lows: Sequence[str], i: int) -> tuple[int, Payload] | None:
        """The longest phrase starting at token ``i``: (token count, payload)."""
        options = self._by_first.get(lows[i])
        if not options:
            return None
        n = len(lows)
        for toks, payload in options:
            k = len(toks)
            if i + k <= n and (k == 1 or tuple(lows[i : i + k]) == toks):
                return k, payload
        return None

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def first_words(self) -> Iterable[str]:
        """The words a phrase of the table can start with."""
        return self._by_first.keys()

    def heads(self, word: str) -> bool:
        """Is ``word`` one of the table's words, or a compound ending in one?

        German glues nouns together: "Neukunden" ends in "kunden", "Kundengespräche" in
        "gespräche". Only table words of four letters or more end a compound.
        """
        if word in self.words:
            return True
        pattern = self._suffixes
        if pattern is None:
            longer = sorted((w for w in self.words if len(w) >= 4), key=len, reverse=True)
            pattern = _NEVER
            if longer:
                pattern = re.compile("(?:" + "|".join(map(re.escape, longer)) + ")$")
            self._suffixes = pattern
        return pattern.search(word) is not None

    def inside(self, word: str) -> bool:
        """Does ``word`` contain one of the table's words (four letters or more)?"""
        if word in self.words:
            return True
        pattern = self._infixes
        if pattern is None:
            longer = sorted((w for w in self.words if len(w) >= 4), key=len, reverse=True)
            pattern = re.compile("|".join(map(re.escape, longer))) if longer else _NEVER
            self._infixes = pattern
        return pattern.search(word) is not None


_NEVER = re.compile(r"(?!)")


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
        if word in self.tables["irregular_participles"]:
            return True
        return bool(self.participle_endings) and word.endswith(self.participle_endings)


_SIMPLE = (
    "periods",
    "cadence_words",
    "rate_words",
    "continuity",
    "punctuality",
    "hold_verbs",
    "event_nouns",
    "zero_words",
    "zero_not_before",
    "target_verbs",
    "acquisition_verbs",
    "new_words",
    "outcome_nouns",
    "activity_nouns",
    "task_verbs",
    "vague_verbs",
    "deliverable_nouns",
    "opening_words",
    "subordinators",
    "filler_words",
    "count_fillers",
    "step_up",
    "step_down",
    "event_verbs",
    "year_words",
    "ambiguous_months",
    "irregular_participles",
    "count_words",
    "service_verbs",
    "duty_verbs",
    "clause_breaks",
    "date_words",
    "months",
    "deadline_words",
    "period_words",
    "name_prefixes",
    "function_words",
    "pronouns",
    "measurement_words",
    "steady_words",
    "baseline_words",
    "window_words",
    "lower_is_better",
    # words the reader's logic used to spell out in English
    "from_words",
    "to_words",
    "range_to_words",
    "to_fillers",
    "by_words",
    "between_words",
    "and_words",
    "of_words",
    "level_words",
    "every_words",
    "comma_joiners",
    "conditional_breaks",
    "without_words",
    "clause_openers",
    "not_inner_verbs",
    "deadline_objects",
    "period_prefixes",
    "cadence_others",
    "noun_stops",
    "zero_determiners",
    "not_numbers",
    "date_joiners",
)


@cache
def lexicon(language: str) -> Lexicon:
    """The compiled vocabulary of ``language`` (cached: built once per process)."""
    data = load_phrases(language)
    tables = {name: PhraseTable(_entries(data.get(name))) for name in _SIMPLE}
    units = data.get("units") or {}
    tables["percent"] = PhraseTable(_entries(units.get("percent")))
    tables["points"] = PhraseTable(_entries(units.get("points")))
    tables["bps"] = PhraseTable(_entries(units.get("bps")))
    tables["multiple"] = PhraseTable(_entries(units.get("multiple")))
    tables["multipliers"] = PhraseTable(_keyed(units.get("multipliers"), float))
    tables["durations"] = PhraseTable(_keyed(units.get("durations"), float))
    tables["currencies"] = PhraseTable(_keyed(units.get("currencies")))
    tables["measures"] = PhraseTable(_keyed(units.get("measures")))
    tables["cadence_adverbs"] = PhraseTable(_keyed(data.get("cadence_adverbs"), float))
    tables["change_verbs"] = PhraseTable(_keyed(data.get("change_verbs")))
    tables["particles"] = PhraseTable(_keyed(data.get("particles")))
    tables["relative_words"] = PhraseTable(_keyed(data.get("relative_words"), float))
    comparators = data.get("comparators") or {}
    tables["comparator_prefix"] = PhraseTable(_keyed(comparators.get("prefix")))
    tables["comparator_suffix"] = PhraseTable(_keyed(comparators.get("suffix")))
    numbers = data.get("numbers") or {}
    words = PhraseTable((str(k), float(v)) for k, v in (numbers.get("words") or {}).items())
    grammar = data.get("grammar") or {}
    bau = data.get("business_as_usual") or {}
    tables["hold_openers"] = PhraseTable(_entries(bau.get("hold_openers")))
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
        space_groups=bool(numbers.get("space_groups", False)),
        verb_final=bool(grammar.get("verb_final", False)),
        capitalized_nouns=bool(grammar.get("capitalized_nouns", False)),
        compounds=bool(grammar.get("compounds", False)),
        head_first=grammar.get("noun_head", "last") == "first",
        plural_endings=tuple(str(e) for e in grammar.get("plural_endings") or ()),
        participle_endings=tuple(str(e) for e in grammar.get("participle_endings") or ()),
        spaced_unit_letters=frozenset(str(e) for e in grammar.get("spaced_unit_letters") or ()),
        change_words=frozenset().union(
            *(tables[t].words for t in ("from_words", "to_words", "by_words"))
        ),
        change_scan=frozenset().union(
            *(tables[t].words for t in ("from_words", "to_words", "by_words", "between_words")),
            ("->", "-"),
        ),
    )


def languages() -> tuple[str, ...]:
    return available_languages()
