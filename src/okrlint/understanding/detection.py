"""Which language a text is in: marker words, endings and letters, counted.

A board's language is told from all its texts at once; a text alone, from its own words
(labels, notes and markup set aside first: they say nothing of the language). The
markers are data (``rules/phrases/detection.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from okrlint.catalog import available_languages, load_detection, load_phrases
from okrlint.understanding.lexicon import all_noise
from okrlint.understanding.tokens import set_aside

# a word, hyphenated compounds ("All-Hands-Meetings") and elisions ("l'uptime") whole
# a word, not letters glued to a number ("11am", "3x"); "un·e" is French inclusive writing
_WORD = re.compile(r"(?<!\d)[^\W\d_]+(?:[-'’·][^\W\d_]+)*")
# French elision: "l'uptime" is the article "l'" and "uptime"
_ELIDED = re.compile(r"(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'(?=.)")

DEFAULT_LANGUAGE = "en"


@cache
def _markers() -> dict[str, tuple[frozenset[str], tuple[str, ...], frozenset[str]]]:
    """Each language's marker words, endings and letters (from the small detection file:
    detecting a language never compiles every language's vocabulary)."""
    out = {}
    data = load_detection()
    for lang in available_languages():
        entry = data.get(lang) or {}
        out[lang] = (
            frozenset(str(w).lower() for w in entry.get("markers") or ()),
            tuple(str(e).lower() for e in entry.get("marker_endings") or ()),
            frozenset("".join(str(c).lower() for c in entry.get("marker_letters") or ())),
        )
    return out


@cache
def _marks() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each language's telling punctuation: German opening quotes („...“), French spaced
    guillemets (« ... »)."""
    data = load_detection()
    found = (
        (lang, (data.get(lang) or {}).get("marker_marks") or ()) for lang in available_languages()
    )
    return tuple((lang, tuple(str(m) for m in marks)) for lang, marks in found if marks)


@lru_cache(maxsize=8192)
def detect_language(text: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The language whose marker words ``text`` uses most; ``fallback`` on a tie or none.

    A tie between two languages other than ``fallback`` (Spanish and French share "de",
    "la", "en") goes to the first of them in alphabetical order: either reads a
    Romance text better than the fallback would.
    """
    return _winner(_scores(text), fallback)


def likeliest_languages(text: str) -> tuple[str, ...]:
    """The languages whose marker words ``text`` uses most, tied, in alphabetical order
    (none: its words do not tell)."""
    scores = _scores(text)
    best = max(scores.values(), default=0)
    return tuple(sorted(lang for lang, score in scores.items() if score == best and best))


def detect_board_language(texts: Iterable[str], fallback: str = DEFAULT_LANGUAGE) -> str:
    """The language of a board's texts taken together: the fallback for a text of the
    board that has no marker word of its own ("Uptime ≥ 99,95 %").

    A board too small to tell by its marker words ("4 Buchungsportale vergleichen" alone)
    is told by the words of each language's phrase tables as well.
    """
    texts = list(texts)
    total: dict[str, int] = {}
    for text in texts:
        for lang, score in _scores(text).items():
            total[lang] = total.get(lang, 0) + score
    if max(total.values(), default=0) < _TELLING:
        vocabulary = _vocabulary()
        for text in texts:
            clean = set_aside(text, all_noise())[0]
            for found in _WORD.findall(clean):
                word = found.lower()
                for lang, words in vocabulary.items():
                    if word in words:
                        total[lang] = total.get(lang, 0) + 1
    return _winner(total, fallback)


#: The score below which a board's marker words do not tell its language.
_TELLING = 4


@cache
def _vocabulary() -> dict[str, frozenset[str]]:
    """Each language's words from its phrase file, for boards too small to tell."""
    out: dict[str, frozenset[str]] = {}
    for lang in available_languages():
        words: set[str] = set()
        _collect(load_phrases(lang), words)
        out[lang] = frozenset(words)
    return out


def _collect(data: object, words: set[str]) -> None:
    if isinstance(data, str):
        words.update(w.lower() for w in _WORD.findall(data) if len(w) >= 4)
    elif isinstance(data, dict):
        for value in data.values():
            _collect(value, words)
    elif isinstance(data, list):
        for value in data:
            _collect(value, words)


def text_language(
    text: str,
    board_language: str | None,
    default: str | None,
    fallback: str = DEFAULT_LANGUAGE,
) -> str:
    """The language to read ``text`` in: the board's, else the configured, else detected
    (``fallback``, e.g. :func:`detect_board_language`, when its words do not tell)."""
    for chosen in (board_language, default):
        if chosen and chosen in available_languages():
            return chosen
    return detect_language(text, fallback)


@lru_cache(maxsize=8192)
def _scores(text: str) -> dict[str, int]:
    """Each language's score for ``text``: two points a marker word, one a telling ending
    or letter. Languages that score nothing are left out."""
    totals: dict[str, int] = {}
    clean, asides = set_aside(text, all_noise())  # labels and notes say nothing of the language
    if not asides:
        _note_plain(text)
    for found in _WORD.findall(clean):
        for lang, points in _found_points(found):
            totals[lang] = totals.get(lang, 0) + points
    for lang, marks in _marks():
        if any(mark in clean for mark in marks):
            totals[lang] = totals.get(lang, 0) + 2  # as telling as a marker word
    return {lang: totals[lang] for lang in _markers() if lang in totals}


#: Texts in which no language's noise was found: the reader need not look again (the
#: noise of every language together finds whatever one language's noise would).
_PLAIN: set[str] = set()


def _note_plain(text: str) -> None:
    if len(_PLAIN) >= 65536:
        _PLAIN.clear()  # a bound, not a cache policy: boards are read one at a time
    _PLAIN.add(text)


def known_plain(text: str) -> bool:
    """Has ``text`` been seen to carry no noise of any language (while its language was
    told)?"""
    return text in _PLAIN


@lru_cache(maxsize=16384)
def _found_points(found: str) -> tuple[tuple[str, int], ...]:
    """What a word as found tells: its elided article's points ("l'" of "l'uptime"), then
    its own."""
    word = found.lower().replace("’", "'")
    elided = _ELIDED.match(word)
    if elided is None:
        return _word_points(word)
    return _word_points(elided.group()) + _word_points(word[elided.end() :])


@lru_cache(maxsize=16384)
def _word_points(word: str) -> tuple[tuple[str, int], ...]:
    """What one word tells (a goal repository's vocabulary is small: words repeat)."""
    out: list[tuple[str, int]] = []
    for lang, (markers, endings, letters) in _markers().items():
        if word in markers:
            out.append((lang, 2))
        elif (endings and word.endswith(endings)) or (letters and not letters.isdisjoint(word)):
            out.append((lang, 1))  # "Gehaltsläufe", "ingenieros": a hint, not proof
    return tuple(out)


def _winner(scores: dict[str, int], fallback: str) -> str:
    if not scores:
        return fallback
    best = max(scores.values())
    winners = sorted(lang for lang, score in scores.items() if score == best)
    return fallback if fallback in winners else winners[0]
