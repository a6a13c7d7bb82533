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

CYCLE_FORMS = "2026-Q3, Q3 2026, 2026-H2, 2026, 2026-07, or {start: 2026-07-01, end: 2026-09-30}"

_SEP = r"\s*[-/_ ]?\s*"
_QUARTER = re.compile(rf"^(?:(\d{{4}}){_SEP}Q([1-4])|Q([1-4]){_SEP}(\d{{4}}))$")
_HALF = re.compile(rf"^(?:(\d{{4}}){_SEP}H([12])|H([12]){_SEP}(\d{{4}}))$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


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
        first = 3 * (q - 1) + 1
        return Cycle(f"{year}-Q{q}", dt.date(year, first, 1), _month_end(year, first + 2), "quarter")
    if m := _HALF.match(norm):
        year = int(m.group(1) or m.group(4))
        h = int(m.group(2) or m.group(3))
        first = 1 if h == 1 else 7
        return Cycle(f"{year}-H{h}", dt.date(year, first, 1), _month_end(year, first + 5), "half")
    if m := _YEAR.match(norm):
        year = int(m.group(1))
        if year < 1:
            return None
        return Cycle(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if m := _MONTH.match(norm):
        year, month = int(m.group(1)), int(m.group(2))
        return Cycle(f"{year}-{month:02d}", dt.date(year, month, 1), _month_end(year, month), "month")
    return None


def cycle_from_range(start: dt.date, end: dt.date) -> Cycle:
    return Cycle(f"{start.isoformat()}..{end.isoformat()}", start, end, "range")
