"""Reading an objective's title: a change worth betting on, a level, or a job description."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from okrlint.understanding.key_results import Hold, Intent, KeyResultMeaning, read_key_result
from okrlint.understanding.lexicon import lexicon
from okrlint.understanding.tokens import tokenize


@dataclass(frozen=True, slots=True)
class ObjectiveMeaning:
    """``holds`` is set when the title asks to hold a level ("Maintain 99.9% uptime");
    ``business_as_usual`` names the words when it describes a job ("Hit our sales targets").
    """

    reading: KeyResultMeaning
    holds: tuple[Hold, ...] = ()
    business_as_usual: str = ""


@lru_cache(maxsize=2048)
def read_objective(title: str, language: str = "en") -> ObjectiveMeaning:
    lex = lexicon(language)
    reading = read_key_result(title, language)
    if reading.intent is Intent.HOLD and any(h.level is not None or h.cadence for h in reading.holds):
        return ObjectiveMeaning(reading, holds=reading.holds)
    norm = " ".join(title.lower().split())
    for pattern in lex.bau_patterns:
        m = pattern.search(norm)
        if m is not None:
            return ObjectiveMeaning(reading, business_as_usual=norm[m.start() : m.end()].strip())
    tokens = tokenize(title)
    lows = [t.low for t in tokens]
    if lows and reading.intent is not Intent.CHANGE:
        opener = lex.table("hold_openers").match(lows, 0)
        if opener is not None:
            words = " ".join(t.text for t in tokens[: opener[0] + 3])
            return ObjectiveMeaning(reading, business_as_usual=words)
    return ObjectiveMeaning(reading)
