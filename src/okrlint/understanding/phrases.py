"""Phrase tables: the phrases of one category from the data files, matched against a
text's tokens (longest phrase first), each with its payload (a direction, a factor, ...)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from okrlint.understanding.tokens import Kind, tokenize

_PLAIN_PHRASE = re.compile(r"[^\W\d_]+(?:[-'&][^\W\d_]+)*(?: [^\W\d_]+(?:[-'&][^\W\d_]+)*)*")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """How a phrase from the data files is matched: its tokens' lower-case forms."""
    if "'" not in phrase and _PLAIN_PHRASE.fullmatch(phrase):
        # the common case (plain words): what tokenize() would give, without its cost
        return tuple(phrase.lower().split(" "))
    return tuple(t.low if t.kind is not Kind.NUM else t.text.lower() for t in tokenize(phrase))


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
