"""Cycles: when a board's bets resolve.

A cycle is written as a quarter (``2026-Q3``, ``Q3 2026``, ``2026 Q3``), a half
(``2026-H2``), a semester (``2026-S1``), a tertial (``2026-T2``, four months), a year
(``2026``), a month (``2026-07``), a fiscal period (``FY2026-Q3``, ``FY26-Q3``,
``Q3 FY26``, ``FY26-H1``, ``FY26``) or a mapping with ``start`` and ``end`` dates. Its
length counts both ends (2026-Q3 is 92 days).

Fiscal periods are dated by the configured :class:`FiscalYear` (the month it starts,
and whether the calendar year it ends or starts in names it); with none, a fiscal year
is the calendar year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from okrlint.positions import pickled_by_fields

CYCLE_FORMS = (
    "2026-Q3, Q3 2026, 2026-H2, 2026-S1, 2026-T2, 2026, 2026-07, FY2026-Q3, FY26-Q3, "
    "Q3 FY26, FY26-H1, FY26, or {start: 2026-07-01, end: 2026-09-30}"
)

_SEP = r"\s*[-/_ ]?\s*"
# a part of a year: a quarter, a half, a semester or a tertial
_PART = r"(Q[1-4]|H[12]|S[12]|T[1-3])"
_CALENDAR_FORM = rf"(?:([0-9]{{4}}){_SEP}{_PART}|{_PART}{_SEP}([0-9]{{4}}))"
_CALENDAR = re.compile(rf"^{_CALENDAR_FORM}$")
_FY = r"FY\s*[-_ ]?\s*([0-9]{4}|[0-9]{2})"
_FISCAL_FORM = rf"(?:{_FY}(?:{_SEP}(Q[1-4]|H[12]))?|(Q[1-4]|H[12]){_SEP}{_FY})"
_FISCAL = re.compile(rf"^{_FISCAL_FORM}$")
# the same forms inside a text (a heading, a file name); a lone year or month is no cycle
# there ("the 2026 survey")
_IN_TEXT = re.compile(rf"(?<![^\W_])(?:{_CALENDAR_FORM}|{_FISCAL_FORM})(?![^\W_])", re.IGNORECASE)
_YEAR = re.compile(r"^([0-9]{4})$")
_MONTH = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")

#: Each part of a year: (kind, months long)
_PARTS = {"Q": ("quarter", 3), "H": ("half", 6), "S": ("half", 6), "T": ("tertial", 4)}


@dataclass(frozen=True, slots=True)
class FiscalYear:
    """When a company's fiscal year starts (``start_month``, 1 to 12), and which
    calendar year names it: the one it ends in (``named_by="end"``, the common case:
    FY2026 starting in July runs from July 2025 to June 2026) or starts in."""

    start_month: int = 1
    named_by: str = "end"

    def describe(self) -> str:
        """For ``--show-settings``: "calendar years", "starts in July, named by its end"."""
        if self.start_month == 1:
            return "calendar years"
        month = calendar.month_name[self.start_month]
        return f"starts in {month}, named by the year it {self.named_by}s in"

    def first_day(self, year: int) -> dt.date:
        """The first day of fiscal year ``year``."""
        if self.start_month == 1 or self.named_by == "start":
            return dt.date(year, self.start_month, 1)
        return dt.date(year - 1, self.start_month, 1)


#: Fiscal years that are calendar years (no configuration).
CALENDAR_YEAR = FiscalYear()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cycle:
    """A parsed cycle: a label for people and an inclusive date range."""

    label: str
    start: dt.date
    end: dt.date
    kind: str  # "quarter" | "half" | "tertial" | "year" | "month" | "range"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month ("2026-09" is due on 2026-09-30)."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=256)
def parse_cycle_text(text: str, fiscal: FiscalYear = CALENDAR_YEAR) -> Cycle | None:
    """Parse a cycle written as text; None when it is not one of the accepted forms."""
    norm = text.strip().upper()
    if m := _CALENDAR.match(norm):
        year = int(m.group(1) or m.group(4))
        part = m.group(2) or m.group(3)
        kind, length = _PARTS[part[0]]
        first = 1 + length * (int(part[1]) - 1)
        return _months(
            f"{year}-{part}", dt.date(year, 1, 1) if year > 0 else None, first - 1, length, kind
        )
    if m := _FISCAL.match(norm):
        return _fiscal(m, fiscal)
    if m := _YEAR.match(norm):
        year = int(m.group(1))
        return _months(m.group(1), dt.date(year, 1, 1) if year > 0 else None, 0, 12, "year")
    if m := _MONTH.match(norm):
        year, month = int(m.group(1)), int(m.group(2))
        start = dt.date(year, 1, 1) if year > 0 else None
        return _months(f"{year}-{month:02d}", start, month - 1, 1, "month")
    return None


def find_cycle(text: str) -> re.Match[str] | None:
    """The first cycle written inside ``text``, a quarter, half, semester, tertial or
    fiscal period ("# OKRs Q3 2026", "okrs-2026-Q3"), or None."""
    for m in _IN_TEXT.finditer(text):
        if parse_cycle_text(m.group()) is not None:
            return m
    return None


def _fiscal(m: re.Match[str], fiscal: FiscalYear) -> Cycle | None:
    """A fiscal period: "FY26-Q3", "Q3 FY2026", "FY26"."""
    digits = m.group(1) or m.group(4)
    part = m.group(2) or m.group(3)
    year = int(digits) + (2000 if len(digits) == 2 else 0)
    if not 2 <= year <= 9998:
        return None  # its first or last day would fall outside the calendar
    start = fiscal.first_day(year)
    if part is None:
        return _months(f"FY{year}", start, 0, 12, "year")
    kind, length = _PARTS[part[0]]
    return _months(f"FY{year}-{part}", start, length * (int(part[1]) - 1), length, kind)


def _months(label: str, origin: dt.date | None, offset: int, count: int, kind: str) -> Cycle | None:
    """The cycle of ``count`` months starting ``offset`` months after ``origin``; None
    for year 0."""
    if origin is None:
        return None
    first = origin.year * 12 + origin.month - 1 + offset
    last = first + count - 1
    start = dt.date(first // 12, first % 12 + 1, 1)
    return Cycle(label, start, month_end(last // 12, last % 12 + 1), kind)


def cycle_from_range(start: dt.date, end: dt.date) -> Cycle:
    return Cycle(f"{start.isoformat()}..{end.isoformat()}", start, end, "range")
