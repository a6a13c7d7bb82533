"""Splitting a goal's text into tokens: words, numbers and symbols, with offsets.

Numbers keep a letter suffix glued to them (``10k``, ``3x``, ``36h``) for the
quantity reader; words that mix letters and digits (``Q3``, ``p95``, ``P1s``,
``B2B``) stay words, so they are never read as amounts. An ISO currency code glued
to a number (``USD1.2M``) is split off it.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple


class Kind(Enum):
    """What a token is: a word (``Q3`` and ``p95`` included), a number, a symbol, a date."""

    WORD = "word"
    NUM = "num"
    SYM = "sym"
    DATE = "date"


class Token(NamedTuple):
    """A token with its text as written, its matching form (``low``) and its offsets.

    ``low`` is lower case with typographic variants folded: every arrow reads ``->``,
    ``≥`` reads ``>=``, curly quotes read straight. A named tuple: a text makes dozens
    of tokens, and a tuple is made four times faster than a frozen dataclass.
    """

    kind: Kind
    text: str
    low: str
    start: int
    end: int
    suffix: str = ""  # letters glued to a number: "k" in "10k"


_PATTERN = r"""
    (?P<date>\d{4}-\d{1,2}-\d{1,2}\b|\d{1,2}/\d{1,2}/\d{2,4}\b)
  | (?P<special>24/7|24x7|1:1s?|a/b|[xX]\d+[.,]\d+(?![\w.,])|{codes}(?=\d))
  | (?P<elided>(?<![^\W\d_])(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)
      ['’](?=[^\W\d_]|\s|$))
  | (?P<mixed>[^\W\d_]+\d[\w]*(?:[-'’][\w]+)*)
  | (?P<num>{num})(?P<suf>[^\W\d_]+)?
  | (?P<word>[^\W\d_]+(?:[-'’&][^\W\d_]+)*(?:-\d+(?!\d*[.,]\d))?)
  | (?P<sym>-->|->|=>|==>|→|⟶|➔|⇒|>=|<=|=<|≥|≤|[<>=%£$€¥₹+~×/;:,.()\[\]"“”'‘’!?&#*–—-])
    """.replace(
    "{codes}", "(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY|SEK|NOK|DKK|NZD|SGD|HKD|ZAR|BRL|MXN|PLN)"
)
# Digits group with "." "," "'" and no-break spaces everywhere; a plain space groups only
# in languages that write "1 200 €" (and then only before exactly three digits).
_NUM = r"\d+(?:[.,'\u00a0\u202f]\d+)*"
_TOKEN = re.compile(_PATTERN.replace("{num}", _NUM), re.VERBOSE)
_TOKEN_SPACED = re.compile(
    _PATTERN.replace("{num}", r"\d{1,3}(?:[ ]\d{3}(?!\w))+(?:[.,'\u00a0\u202f]\d+)*|" + _NUM),
    re.VERBOSE,
)


def tokenize(text: str, space_groups: bool = False) -> list[Token]:
    """Tokens of ``text``; whitespace and unknown characters are dropped.

    ``space_groups`` reads a plain space between digit groups as a thousands separator
    (French ``1 200 €``). An elided article or preposition (French ``l'``, ``d'``,
    ``jusqu'``) is a word of its own: ``l'uptime`` is ``l'`` and ``uptime``.
    """
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # a Token without its Python-level __new__: the hot path
    for m in (_TOKEN_SPACED if space_groups else _TOKEN).finditer(text):
        kind = m.lastgroup
        start, end = m.span()
        if kind in _WORDISH:
            word = m.group()
            append(new(Token, (Kind.WORD, word, word.lower().replace("’", "'"), start, end, "")))
        elif kind == "num" or kind == "suf":
            suffix = m.group("suf") or ""
            append(new(Token, (Kind.NUM, m.group(), m.group("num"), start, end, suffix.lower())))
        elif kind == "date":
            date = m.group()
            append(new(Token, (Kind.DATE, date, date, start, end, "")))
        else:
            sym = m.group()
            append(new(Token, (Kind.SYM, sym, _SYMBOL_ALIASES.get(sym, sym), start, end, "")))
    return out


_WORDISH = frozenset({"word", "mixed", "special", "elided"})


_SYMBOL_ALIASES = {
    "-->": "->",
    "→": "->",
    "⟶": "->",
    "➔": "->",
    "⇒": "->",
    "==>": "->",
    "=>": "->",
    "=<": "<=",
    "≥": ">=",
    "≤": "<=",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
}


_PLAIN_PHRASE = re.compile(r"[^\W\d_]+(?:[-'&][^\W\d_]+)*(?: [^\W\d_]+(?:[-'&][^\W\d_]+)*)*")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """How a phrase from the data files is matched: its tokens' lower-case forms."""
    if "'" not in phrase and _PLAIN_PHRASE.fullmatch(phrase):
        # the common case (plain words): what tokenize() would give, without its cost
        return tuple(phrase.lower().split(" "))
    return tuple(t.low if t.kind is not Kind.NUM else t.text.lower() for t in tokenize(phrase))
