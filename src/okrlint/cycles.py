"""Cycles: when a board's bets resolve.

A cycle is written as a quarter (``2026-Q3``, ``Q3 2026``, ``2026 Q3``), a half
(``2026-H2``), a year (``2026``), a month (``2026-07``) or a mapping with ``start``
and ``end`` dates. Its length counts both ends (2026-Q3 is 92 days).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from okrlint.positions import pickled_by_fields

CYCLE_FORMS = "2026-Q3, Q3 2026, 2026-H2, 2026, 2026-07, or {start: 2026-07-01, end: 2026-09-30}"

_SEP = r"\s*[-/_ ]?\s*"
_QUARTER = re.compile(rf"^(?:([0-9]{{4}}){_SEP}Q([1-4])|Q([1-4]){_SEP}([0-9]{{4}}))$")
_HALF = re.compile(rf"^(?:([0-9]{{4}}){_SEP}H([12])|H([12]){_SEP}([0-9]{{4}}))$")
_YEAR = re.compile(r"^([0-9]{4})$")
_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cycle:
    """A parsed cycle: a label for people and an inclusive date range."""

    label: str
    start: dt.date
    end: dt.date
    kind: str  # "quarter" | "half" | "year" | "month" | "range"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=256)
def parse_cycle_text(text: str) -> Cycle | None:
    """Parse a cycle written as text; None when it is not one of the accepted forms."""
    norm = text.strip().upper()
    if m := _QUARTER.match(norm):
        year = int(m.group(1) or m.group(4))
        q = int(m.group(2) or m.group(3))
        return _months(f"{year}-Q{q}", year, 3 * q - 2, 3, "quarter")
    if m := _HALF.match(norm):
        year = int(m.group(1) or m.group(4))
        h = int(m.group(2) or m.group(3))
        return _months(f"{year}-H{h}", year, 6 * h - 5, 6, "half")
    if m := _YEAR.match(norm):
        return _months(m.group(1), int(m.group(1)), 1, 12, "year")
    if m := _MONTH.match(norm):
        year, month = int(m.group(1)), int(m.group(2))
        return _months(f"{year}-{month:02d}", year, month, 1, "month")
    return None


def _months(label: str, year: int, first: int, count: int, kind: str) -> Cycle | None:
    """The cycle of ``count`` calendar months from ``first``; None for year 0."""
    if year < 1:
        return None
    return Cycle(label, dt.date(year, first, 1), _month_end(year, first + count - 1), kind)


def cycle_from_range(start: dt.date, end: dt.date) -> Cycle:
    return Cycle(f"{start.isoformat()}..{end.isoformat()}", start, end, "range")
