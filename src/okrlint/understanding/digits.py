"""Digits read as a number, in any language's way of writing them: ``1,200.5``,
``1.200,5``, ``2,5``, ``1'000``, ``1 200`` (where a plain space groups digits)."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from okrlint.understanding.lexicon import Lexicon

_SPACES = frozenset(" '\u00a0\u202f")


@lru_cache(maxsize=4096)  # amounts repeat: "10%", "2026", "1,000"
def parse_number(digits: str, lexicon: Lexicon) -> float | None:
    """Read ``1,200.5`` / ``1.200,5`` / ``2,5`` / ``1'000`` / ``1.200.000`` leniently.

    Spaces and apostrophes always group thousands. Of the other separators, when
    two kinds appear the last one is the decimal point and the others group; one
    kind used twice or more groups (``1.200.000``); one separator used once groups
    only when it is the language's thousands separator before exactly three digits
    (``1,200`` in English), and is the decimal point otherwise (``2,5``, ``99.9``).
    Returns None for digit runs that are not a number (``1.2.3``, 400 digits).
    """
    value = _parse_number(digits, lexicon)
    return value if value is None or math.isfinite(value) else None


def _parse_number(digits: str, lexicon: Lexicon) -> float | None:
    if not digits[:1].isdecimal() or not digits[-1:].isdecimal():
        return None  # "²", "1.": no digit run
    parts = re.split(r"([^\d])", digits)
    integer = parts[0]
    marks: list[tuple[str, str]] = []  # (separator, digits after it), spaces removed
    for sep, group in zip(parts[1::2], parts[2::2], strict=True):
        if sep in _SPACES:
            if marks:
                return None  # "1,5 000": a space after a decimal point
            integer += group
        else:
            marks.append((sep, group))
    if not marks:
        return float(integer) if integer else None
    kinds = {sep for sep, _ in marks}
    if len(kinds) > 1:
        *grouping, (_, decimal) = marks
        if any(len(group) != 3 for _, group in grouping) or grouping[-1][0] == marks[-1][0]:
            return None
        return float(integer + "".join(g for _, g in grouping) + "." + decimal)
    if len(marks) > 1:
        if any(len(group) != 3 for _, group in marks):
            return None
        return float(integer + "".join(g for _, g in marks))
    sep, group = marks[0]
    if sep == lexicon.thousands and len(group) == 3:
        return float(integer + group)
    return float(f"{integer}.{group}")
