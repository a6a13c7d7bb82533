"""Cycles: how a board's cycle is written, and how long it lasts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.cycles import Cycle, FiscalYear, cycle_from_range, parse_cycle_text


@pytest.mark.parametrize(
    ("text", "label", "start", "end", "kind"),
    [
        ("2026-Q3", "2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("Q3 2026", "2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("2026 Q3", "2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("q3-2026", "2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("2026Q3", "2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("2026/Q3", "2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("  2026-q1 ", "2026-Q1", "2026-01-01", "2026-03-31", "quarter"),
        ("2026-Q2", "2026-Q2", "2026-04-01", "2026-06-30", "quarter"),
        ("Q4 2026", "2026-Q4", "2026-10-01", "2026-12-31", "quarter"),
        ("2026-H1", "2026-H1", "2026-01-01", "2026-06-30", "half"),
        ("2026-H2", "2026-H2", "2026-07-01", "2026-12-31", "half"),
        ("H2 2026", "2026-H2", "2026-07-01", "2026-12-31", "half"),
        ("2026", "2026", "2026-01-01", "2026-12-31", "year"),
        ("2026-07", "2026-07", "2026-07-01", "2026-07-31", "month"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2026-02", "2026-02", "2026-02-01", "2026-02-28", "month"),
        ("2026-12", "2026-12", "2026-12-01", "2026-12-31", "month"),
        # semesters and tertials
        ("2026-S1", "2026-S1", "2026-01-01", "2026-06-30", "half"),
        ("S2 2026", "2026-S2", "2026-07-01", "2026-12-31", "half"),
        ("2026-T1", "2026-T1", "2026-01-01", "2026-04-30", "tertial"),
        ("2026-T2", "2026-T2", "2026-05-01", "2026-08-31", "tertial"),
        ("T3 2026", "2026-T3", "2026-09-01", "2026-12-31", "tertial"),
        # fiscal periods, with no fiscal year configured: calendar years
        ("FY2026-Q3", "FY2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("FY26-Q3", "FY2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("Q3 FY26", "FY2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("fy26 q3", "FY2026-Q3", "2026-07-01", "2026-09-30", "quarter"),
        ("FY26-H1", "FY2026-H1", "2026-01-01", "2026-06-30", "half"),
        ("FY26", "FY2026", "2026-01-01", "2026-12-31", "year"),
        ("FY2026", "FY2026", "2026-01-01", "2026-12-31", "year"),
    ],
)
def test_parses_cycle_forms(text: str, label: str, start: str, end: str, kind: str) -> None:
    cycle = parse_cycle_text(text)
    assert cycle is not None
    assert cycle.label == label
    assert cycle.start == dt.date.fromisoformat(start)
    assert cycle.end == dt.date.fromisoformat(end)
    assert cycle.kind == kind


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("2026-Q1", 90),
        ("2024-Q1", 91),  # a leap year
        ("2026-Q2", 91),
        ("2026-Q3", 92),
        ("2026-Q4", 92),
        ("2026-H1", 181),
        ("2026-H2", 184),
        ("2026", 365),
        ("2024", 366),
        ("2026-07", 31),
        ("2026-02", 28),
    ],
)
def test_cycle_length_counts_both_ends(text: str, days: int) -> None:
    cycle = parse_cycle_text(text)
    assert cycle is not None
    assert cycle.days == days


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "junk",
        "Q3",
        "2026-Q5",
        "2026-Q0",
        "2026-H3",
        "2026-13",
        "2026-00",
        "2026-7",
        "26-Q3",
        "2026-07-01",
        "Q3 2026 and Q4 2026",
        "FY2026-Q5",
        "FY2026-T1",
        "FY1",
        "2026-T4",
        "2026-S3",
        "0000",
        "0000-Q1",
        "Q1 0000",
        "0000-07",
        "٢٠٢٦-Q3",  # digits of another script are not a year
        "2026‐Q3x",
    ],
)
def test_rejects_what_is_not_a_cycle(text: str) -> None:
    assert parse_cycle_text(text) is None


def test_contains_is_inclusive() -> None:
    cycle = parse_cycle_text("2026-Q3")
    assert cycle is not None
    assert cycle.contains(dt.date(2026, 7, 1))
    assert cycle.contains(dt.date(2026, 9, 30))
    assert not cycle.contains(dt.date(2026, 6, 30))
    assert not cycle.contains(dt.date(2026, 10, 1))


def test_cycle_from_range() -> None:
    cycle = cycle_from_range(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert cycle == Cycle(
        "2026-07-01..2026-09-30", dt.date(2026, 7, 1), dt.date(2026, 9, 30), "range"
    )
    assert cycle.days == 92


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_on_any_text(text: str) -> None:
    cycle = parse_cycle_text(text)
    if cycle is not None:
        assert cycle.start <= cycle.end
        assert cycle.days >= 28


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=4))
def test_every_quarter_spells_the_same(year: int, quarter: int) -> None:
    forms = [f"{year:04d}-Q{quarter}", f"Q{quarter} {year:04d}", f"{year:04d} Q{quarter}"]
    cycles = {parse_cycle_text(form) for form in forms}
    assert len(cycles) == 1
    (cycle,) = cycles
    assert cycle is not None
    assert 90 <= cycle.days <= 92


# a fiscal year that starts in July and is named by the year it ends in (the common case)
JULY = FiscalYear(7, "end")


@pytest.mark.parametrize(
    ("text", "fiscal", "start", "end"),
    [
        ("FY2026", JULY, "2025-07-01", "2026-06-30"),
        ("FY26-Q1", JULY, "2025-07-01", "2025-09-30"),
        ("FY26-Q3", JULY, "2026-01-01", "2026-03-31"),
        ("Q4 FY26", JULY, "2026-04-01", "2026-06-30"),
        ("FY26-H2", JULY, "2026-01-01", "2026-06-30"),
        # named by the year it starts in
        ("FY2026", FiscalYear(7, "start"), "2026-07-01", "2027-06-30"),
        # a fiscal year starting in February: FY2026 runs Feb 2025 to Jan 2026
        ("FY2026-Q1", FiscalYear(2), "2025-02-01", "2025-04-30"),
        ("FY2026-Q4", FiscalYear(2), "2025-11-01", "2026-01-31"),
        # calendar forms are not moved by the fiscal year
        ("2026-Q3", JULY, "2026-07-01", "2026-09-30"),
    ],
)
def test_fiscal_periods_follow_the_fiscal_year(
    text: str, fiscal: FiscalYear, start: str, end: str
) -> None:
    cycle = parse_cycle_text(text, fiscal)
    assert cycle is not None
    assert (cycle.start.isoformat(), cycle.end.isoformat()) == (start, end)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=9999),
    st.integers(min_value=1, max_value=12),
    st.sampled_from(["end", "start"]),
    st.sampled_from(["", "-Q1", "-Q2", "-Q3", "-Q4", "-H1", "-H2"]),
)
def test_fiscal_periods_never_raise_and_fit_their_year(
    year: int, month: int, named_by: str, part: str
) -> None:
    fiscal = FiscalYear(month, named_by)
    cycle = parse_cycle_text(f"FY{year:04d}{part}", fiscal)
    if cycle is None:
        return
    whole = parse_cycle_text(f"FY{year:04d}", fiscal)
    assert whole is not None
    assert whole.start <= cycle.start <= cycle.end <= whole.end
    assert whole.start.month == month
