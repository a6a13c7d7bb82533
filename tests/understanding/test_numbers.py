"""Amounts with units: how the reader turns "£20k" or "3h 10min" into a value it can compare."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.understanding.digits import parse_number
from okrlint.understanding.fields import parse_amount, parse_unit
from okrlint.understanding.lexicon import lexicon
from okrlint.understanding.meaning import NO_UNIT, PERCENT, Quantity, Unit, UnitKind, format_amount
from okrlint.understanding.numbers import read_quantities
from okrlint.understanding.tokens import Kind, tokenize

EN = lexicon("en")
H = 3600.0
D = 86400.0

USD = Unit(UnitKind.CURRENCY, "USD")
GBP = Unit(UnitKind.CURRENCY, "GBP")
EUR = Unit(UnitKind.CURRENCY, "EUR")
JPY = Unit(UnitKind.CURRENCY, "JPY")
DURATION = Unit(UnitKind.DURATION)
MULTIPLE = Unit(UnitKind.MULTIPLE)
POINTS = Unit(UnitKind.POINTS)
BPS = Unit(UnitKind.BPS)


def label(text: str) -> Unit:
    return Unit(UnitKind.LABEL, text)


def amounts(text: str) -> list[Quantity]:
    tokens = tokenize(text)
    return read_quantities(tokens, [t.low for t in tokens], EN)


def shown(text: str, q: Quantity) -> str:
    return text[q.start : q.end]


# -- parse_number ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("12", 12),
        ("0", 0),
        ("99.9", 99.9),
        ("0.25", 0.25),
        ("1,200", 1200),  # the English thousands separator before three digits
        ("1,200,000", 1_200_000),
        ("1,200.50", 1200.5),
        ("2,5", 2.5),  # lenient: a comma before one digit is a decimal comma
        ("1,25", 1.25),
        ("1.200", 1.2),  # one point in English text is a decimal point
        ("1.200.000", 1_200_000),  # the same separator twice groups thousands
        ("1.200,50", 1200.5),  # two kinds: the last one is the decimal point
        ("1'000", 1000),
        ("1\u00a0000", 1000),
        ("1\u202f000", 1000),
        ("007", 7),
    ],
)
def test_parse_number(digits: str, value: float) -> None:
    assert parse_number(digits, EN) == pytest.approx(value)


@pytest.mark.parametrize("digits", ["1.2.3", "1,200.5.3", "1,5 000", "1.20.300", "1,2.300,4"])
def test_parse_number_rejects_what_is_no_number(digits: str) -> None:
    assert parse_number(digits, EN) is None


# -- amounts in text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("61%", 61, PERCENT, "61%"),
        ("4 percent", 4, PERCENT, "4 percent"),
        ("4 per cent", 4, PERCENT, "4 per cent"),
        ("12 pct", 12, PERCENT, "12 pct"),
        ("5pp", 5, POINTS, "5pp"),
        ("3 percentage points", 3, POINTS, "3 percentage points"),
        ("2 points", 2, POINTS, "2 points"),
        ("300 bps", 3, BPS, "300 bps"),  # basis points are kept in percent
        ("25 basis points", 0.25, BPS, "25 basis points"),
        ("£20k", 20_000, GBP, "£20k"),
        ("$80k", 80_000, USD, "$80k"),
        ("€1.2M", 1_200_000, EUR, "€1.2M"),
        ("¥12M", 12_000_000, JPY, "¥12M"),
        ("$1.5bn", 1.5e9, USD, "$1.5bn"),
        ("$2 million", 2_000_000, USD, "$2 million"),
        ("US$80", 80, USD, "US$80"),
        ("USD 4M", 4_000_000, USD, "USD 4M"),
        ("40k EUR", 40_000, EUR, "40k EUR"),
        ("42 €", 42, EUR, "42 €"),
        ("1.200.000 €", 1_200_000, EUR, "1.200.000 €"),
        ("80 thousand dollars", 80_000, USD, "80 thousand dollars"),
        ("1.5 million euros", 1_500_000, EUR, "1.5 million euros"),
        ("900,000 euros", 900_000, EUR, "900,000 euros"),
        ("50 pounds", 50, GBP, "50 pounds"),
        ("CHF 300", 300, Unit(UnitKind.CURRENCY, "CHF"), "CHF 300"),
        ("USD1.2M", 1_200_000, USD, "USD1.2M"),
        ("EUR500", 500, EUR, "EUR500"),
        ("SEK 40k", 40_000, Unit(UnitKind.CURRENCY, "SEK"), "SEK 40k"),
        ("₹500", 500, Unit(UnitKind.CURRENCY, "INR"), "₹500"),
        ("$42.50", 42.5, USD, "$42.50"),
        ("72 hours", 72 * H, DURATION, "72 hours"),
        ("36h", 36 * H, DURATION, "36h"),
        ("3 days", 3 * D, DURATION, "3 days"),
        ("1 day", D, DURATION, "1 day"),
        ("450ms", 0.45, DURATION, "450ms"),
        ("200 ms", 0.2, DURATION, "200 ms"),
        ("1.2s", 1.2, DURATION, "1.2s"),
        ("90 min", 5400, DURATION, "90 min"),
        ("25 minutes", 1500, DURATION, "25 minutes"),
        ("12 weeks", 12 * 7 * D, DURATION, "12 weeks"),
        ("5 working days", 5 * D, DURATION, "5 working days"),
        ("18 months", 18 * 2_629_800, DURATION, "18 months"),
        ("3h 10min", 3 * H + 600, DURATION, "3h 10min"),
        ("7 min 30 s", 450, DURATION, "7 min 30 s"),
        ("2 hours 30 minutes", 2.5 * H, DURATION, "2 hours 30 minutes"),
        ("1d 4h", D + 4 * H, DURATION, "1d 4h"),
        ("3x", 3, MULTIPLE, "3x"),
        ("x2", 2, MULTIPLE, "x2"),
        ("x2.5", 2.5, MULTIPLE, "x2.5"),
        ("×3", 3, MULTIPLE, "×3"),
        ("2.5x", 2.5, MULTIPLE, "2.5x"),
        ("3 times", 3, MULTIPLE, "3 times"),
        ("1.2k", 1200, NO_UNIT, "1.2k"),
        ("10k", 10_000, NO_UNIT, "10k"),
        ("0.4", 0.4, NO_UNIT, "0.4"),
        ("two", 2, NO_UNIT, "two"),
        ("a dozen", 12, NO_UNIT, "a dozen"),
        ("zero", 0, NO_UNIT, "zero"),
        ("2GB", 2, label("gb"), "2GB"),
        ("40 kWh", 40, label("kwh"), "40 kWh"),
        ("1,200 tonnes", 1200, label("tonnes"), "1,200 tonnes"),
    ],
)
def test_reads_an_amount(text: str, value: float, unit: Unit, written: str) -> None:
    (q,) = amounts(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert shown(text, q) == written


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("10 new enterprise customers", 10, "customers"),
        ("5 enterprise deals worth", 5, "deals"),
        ("500 tickets", 500, "tickets"),
        ("3 P1 incidents", 3, "incidents"),
        ("12 blog posts a month", 12, "posts"),
        ("50 customer reviews on G2", 50, "reviews"),
        ("zero downtime during the migration", 0, "downtime"),
        ("95% of tickets answered", 95, ""),
        ("200 donors", 200, "donors"),
    ],
)
def test_a_count_carries_its_label(text: str, value: float, code: str) -> None:
    q = amounts(text)[0]
    assert q.value == value
    if code:
        assert q.unit.kind is UnitKind.LABEL
        assert q.unit.code == code
    else:
        assert q.unit.kind is UnitKind.PERCENT


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("40 a week", "week"),
        ("$90k/month", "month"),
        ("5 per month", "month"),
        ("20 demo calls a week", "week"),
        ("2 P1 incidents per quarter", "quarter"),
        ("10 tickets a day", "day"),
        ("3h 10min per ticket", ""),
        ("40 customers", ""),
    ],
)
def test_reads_a_rate(text: str, per: str) -> None:
    assert amounts(text)[0].per == per


@pytest.mark.parametrize(
    "text",
    [
        "Q3",
        "p95",
        "P1s",
        "tier-1",
        "COVID-19",
        "FTSE 250",
        "Fortune 500",
        "top 10",
        "the 3rd",
        "2nd",
        "21st",
        "ISO 27001",
        "SOC 2",
        "version 2",
        "5G",
        "3D",
        "B2B",
        "H1",
        "a one-off",
        "one of our customers",
        "7-day active users",
        "24-hour support",
        "a 30-day trial",
        "ABC123",
    ],
)
def test_names_are_not_amounts(text: str) -> None:
    assert amounts(text) == []


def test_amounts_in_a_sentence_keep_their_order_and_offsets() -> None:
    text = "Reduce p95 latency from 3h 10min to 45 min for tier-1 customers"
    found = amounts(text)
    assert [shown(text, q) for q in found] == ["3h 10min", "45 min"]
    assert [q.value for q in found] == [3 * H + 600, 45 * 60]
    assert found[0].first < found[0].last <= found[1].first


def test_scale_records_the_size_words() -> None:
    k, days, bare = amounts("20k then 3 days then 7")
    assert (k.scale, days.scale, bare.scale) == (1000, D, 1)


# -- structured values -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit_text", "expected", "unit", "text"),
    [
        (61, "%", 61, PERCENT, "61%"),
        (2.5, "pp", 2.5, POINTS, "2.5pp"),
        (50, "bps", 0.5, BPS, "50 bps"),  # basis points are kept in percent
        (75, None, 75, NO_UNIT, "75"),
        (6, "days", 6 * D, DURATION, "6 days"),
        (3, "hours", 3 * H, DURATION, "3 hours"),
        (7, "ms", 0.007, DURATION, "7 ms"),
        (20, "£", 20, GBP, "£20"),
        (20, "EUR", 20, EUR, "20 EUR"),
        (100, "donors", 100, label("donors"), "100 donors"),
        (10, "k", 10_000, NO_UNIT, "10 k"),
        (1.5, "x", 1.5, MULTIPLE, "1.5 x"),
        (0, "%", 0, PERCENT, "0%"),
        ("€0.6M", None, 600_000, EUR, "€0.6M"),
        ("£20k", "GBP", 20_000, GBP, "£20k"),
        ("6 days", None, 6 * D, DURATION, "6 days"),
        ("6 days", "days", 6 * D, DURATION, "6 days"),
        ("6", "days", 6 * D, DURATION, "6 days"),
        ("20k", "EUR", 20_000, EUR, "20k EUR"),
        ("3h 10min", None, 3 * H + 600, DURATION, "3h 10min"),
        ("99.9%", None, 99.9, PERCENT, "99.9%"),
        ("99.9", "%", 99.9, PERCENT, "99.9%"),
        ("2x", None, 2, MULTIPLE, "2x"),
        ("x2", None, 2, MULTIPLE, "x2"),
        ("1,200", None, 1200, NO_UNIT, "1,200"),
        ("2,5", "%", 2.5, PERCENT, "2,5%"),
    ],
)
def test_parse_amount(
    value: float | str, unit_text: str | None, expected: float, unit: Unit, text: str
) -> None:
    q = parse_amount(value, unit_text, EN)
    assert q is not None
    assert q.value == pytest.approx(expected)
    assert q.unit == unit
    assert q.text == text
    assert str(q) == text
    assert q.start == q.end == -1


@pytest.mark.parametrize("value", ["soon", "", "   ", "TBD", True, False, math.nan, math.inf])
def test_parse_amount_rejects_what_is_no_amount(value: float | str) -> None:
    assert parse_amount(value, "%", EN) is None


@pytest.mark.parametrize(
    ("unit_text", "unit", "factor"),
    [
        ("%", PERCENT, 1),
        ("percent", PERCENT, 1),
        ("pp", POINTS, 1),
        ("bps", BPS, 0.01),  # basis points are kept in percent
        ("£", GBP, 1),
        ("$", USD, 1),
        ("EUR", EUR, 1),
        ("usd", USD, 1),
        ("days", DURATION, D),
        ("hours", DURATION, H),
        ("minutes", DURATION, 60),
        ("ms", DURATION, 0.001),
        ("x", MULTIPLE, 1),
        ("k", NO_UNIT, 1000),
        ("tickets", label("tickets"), 1),
        ("Donors", label("donors"), 1),
        ("story points", label("story points"), 1),
        ("GB", label("gb"), 1),
        ("", NO_UNIT, 1),
        ("  ", NO_UNIT, 1),
        (None, NO_UNIT, 1),
    ],
)
def test_parse_unit(unit_text: str | None, unit: Unit, factor: float) -> None:
    assert parse_unit(unit_text, EN) == (unit, pytest.approx(factor))


# -- units -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (PERCENT, PERCENT, True),
        (PERCENT, POINTS, True),
        (PERCENT, NO_UNIT, True),
        (NO_UNIT, DURATION, True),
        (GBP, GBP, True),
        (GBP, USD, False),
        (Unit(UnitKind.CURRENCY), USD, True),
        (DURATION, DURATION, True),
        (DURATION, PERCENT, False),
        (MULTIPLE, PERCENT, False),
        (BPS, PERCENT, True),  # one scale: 8 bps is 0.08%
        (label("donors"), label("donor"), True),
        (label("companies"), label("company"), True),
        (label("tickets"), label("donors"), False),
        (label("tickets"), PERCENT, False),
        (label("tickets"), NO_UNIT, True),
        (GBP, DURATION, False),
    ],
)
def test_unit_compatible(a: Unit, b: Unit, compatible: bool) -> None:
    assert a.compatible(b) is compatible
    assert b.compatible(a) is compatible


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (4, PERCENT, "4%"),
        (2.5, POINTS, "2.5pp"),
        (3, BPS, "300 bps"),
        (3, MULTIPLE, "3x"),
        (20_000, GBP, "£20k"),
        (1_200_000, EUR, "€1.2M"),
        (2e9, USD, "$2bn"),
        (42.5, USD, "$42.5"),
        (300, Unit(UnitKind.CURRENCY, "CHF"), "300 CHF"),
        (36 * H, DURATION, "36 hours"),
        (3 * D, DURATION, "3 days"),
        (90, DURATION, "90 s"),
        (0.2, DURATION, "200 ms"),
        (10, label("donors"), "10 donors"),
        (7, NO_UNIT, "7"),
        (0.25, NO_UNIT, "0.25"),
        (math.inf, NO_UNIT, "inf"),
    ],
)
def test_format_amount(value: float, unit: Unit, text: str) -> None:
    assert format_amount(value, unit) == text


def test_describe_units() -> None:
    assert GBP.describe() == "GBP"
    assert Unit(UnitKind.CURRENCY).describe() == "money"
    assert label("donors").describe() == "donors"
    assert DURATION.describe() == "duration"


def test_same_amount_tolerates_float_noise() -> None:
    assert Quantity(0.1 + 0.2).same_amount(Quantity(0.3))
    assert not Quantity(99.9).same_amount(Quantity(99.99))


# -- tokens ------------------------------------------------------------------------------


def test_tokens_keep_glued_suffixes_and_names() -> None:
    tokens = tokenize("Cut p95 from 450ms to 200ms in Q3 → 10k")
    kinds = [(t.kind, t.low, t.suffix) for t in tokens]
    assert (Kind.WORD, "p95", "") in kinds
    assert (Kind.NUM, "450", "ms") in kinds
    assert (Kind.WORD, "q3", "") in kinds
    assert (Kind.SYM, "->", "") in kinds
    assert (Kind.NUM, "10", "k") in kinds


@pytest.mark.parametrize("arrow", ["->", "→", "=>", "⇒", "-->", "==>", "⟶", "➔"])
def test_every_arrow_is_one_symbol(arrow: str) -> None:
    (token,) = [t for t in tokenize(f"61% {arrow} 75%") if t.kind is Kind.SYM and t.low != "%"]
    assert token.low == "->"


# -- properties --------------------------------------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Z")), max_size=80
)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_reading_amounts_never_raises(text: str) -> None:
    tokens = tokenize(text)
    for q in read_quantities(tokens, [t.low for t in tokens], EN):
        assert 0 <= q.start < q.end <= len(text)
        assert q.first < q.last <= len(tokens)
        assert not math.isnan(q.value)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_TEXT, st.floats(allow_nan=True), st.integers()), st.one_of(st.none(), _TEXT))
def test_parse_amount_never_raises(value: float | str, unit_text: str | None) -> None:
    q = parse_amount(value, unit_text, EN)
    if q is not None:
        assert math.isfinite(q.value) or isinstance(value, str)
        assert str(q)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_read_back(n: int) -> None:
    assert parse_number(f"{n:,}", EN) == n
    assert parse_number(f"{n:,}".replace(",", "\u00a0"), EN) == n


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))
def test_decimals_read_back(d: object) -> None:
    text = f"{d:f}"
    assert parse_number(text, EN) == pytest.approx(float(text))
