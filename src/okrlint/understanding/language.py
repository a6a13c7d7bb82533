"""Which language a goal is written in: the board says so, or its words do.

Detection is deliberately cheap: each language's phrase file lists frequent
``markers`` (articles, prepositions, common verbs); a text belongs to the language
whose markers it uses most. Ties and texts without markers fall back to the
board's or the configured language, else English.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from okrlint.catalog import available_languages
from okrlint.understanding.lexicon import lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

DEFAULT_LANGUAGE = "en"


@cache
def _markers() -> dict[str, frozenset[str]]:
    return {lang: lexicon(lang).markers for lang in available_languages()}


@lru_cache(maxsize=8192)
def detect_language(text: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The language whose marker words ``text`` uses most; ``fallback`` on a tie or none."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if not words:
        return fallback
    scores: dict[str, int] = {}
    for lang, markers in _markers().items():
        score = sum(1 for w in words if w in markers)
        if score:
            scores[lang] = score
    if not scores:
        return fallback
    best = max(scores.values())
    winners = [lang for lang, score in scores.items() if score == best]
    if fallback in winners or len(winners) > 1:
        return fallback if fallback in winners else sorted(winners)[0]
    return winners[0]


def text_language(text: str, board_language: str | None, default: str | None) -> str:
    """The language to read ``text`` in: the board's, else the configured, else detected."""
    for chosen in (board_language, default):
        if chosen and chosen in available_languages():
            return chosen
    return detect_language(text)
