"""Reading an objective's title: a change worth betting on, a level, or a job description.

An objective that holds a level ("Maintain 99.9% uptime", "Zero missed payroll
runs") is a KPI in disguise; one that describes the job ("Hit our sales targets",
"Run a reliable platform", "Keep customers happy") is business as usual. Anything
else, including plain aspiration ("Build a world-class fulfilment process"), is
left alone: an objective is qualitative by design.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from okrlint.understanding.key_results import Hold, Intent, KeyResultMeaning, read_key_result
from okrlint.understanding.lexicon import Lexicon, lexicon
from okrlint.understanding.tokens import Token, tokenize


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
    """Read an objective's title (cached: boards repeat titles across cycles)."""
    lex = lexicon(language)
    reading = read_key_result(title, language)
    holding = reading.intent is Intent.HOLD
    if holding and any(h.level is not None for h in reading.holds):
        return ObjectiveMeaning(reading, holds=reading.holds)
    if not _is_bet(reading):
        words = _job_words(title, lex)
        if words:
            return ObjectiveMeaning(reading, business_as_usual=words)
    if holding and any(h.cadence for h in reading.holds):
        return ObjectiveMeaning(reading, holds=reading.holds)  # "Publish ... every month"
    return ObjectiveMeaning(reading)


def _is_bet(reading: KeyResultMeaning) -> bool:
    """A title that already names a change ("Grow MRR from $80k to $120k", "Double ...")."""
    return reading.intent is Intent.CHANGE and (
        reading.baseline is not None or reading.relative is not None or reading.from_zero
    )


def _job_words(title: str, lex: Lexicon) -> str:
    """The words that make a title a job description, or "".

    A title that goes on to name a change ("Protect the core business while we
    expand into Germany") is not only a job description, and is left alone.
    """
    tokens = tokenize(title)
    if not tokens or _changes_later(tokens, 1, lex):
        return ""
    norm = " ".join(title.lower().split())
    for pattern in lex.bau_patterns:
        m = pattern.search(norm)
        if m is not None:
            return norm[m.start() : m.end()].strip()
    opener = lex.table("hold_openers").match([t.low for t in tokens], 0)
    if opener is None:
        return ""
    return " ".join(t.text for t in tokens[: opener[0] + 3])


_CHANGE_TABLES = ("change_verbs", "relative_words", "acquisition_verbs", "task_verbs")


def _changes_later(tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """ "Protect the core business while we expand into Germany": a change follows."""
    lows = [t.low for t in tokens]
    breaks = lex.table("clause_breaks")
    for i in range(start, len(lows)):
        if breaks.match(lows, i) is not None:  # "while", "tout en", "und gleichzeitig"
            return any(
                lex.table(name).match(lows, k)
                for k in range(i + 1, len(lows))
                for name in _CHANGE_TABLES
            )
    return False
