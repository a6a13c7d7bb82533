"""Properties of the key-result reader on any text: it never raises, it is consistent,
and it gives the same answer every time.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st
from reader_rows import text_verdict

from okrlint.understanding.fields import parse_amount
from okrlint.understanding.lexicon import lexicon
from okrlint.understanding.meaning import Direction, Hold, Intent, KeyResultMeaning, Quantity
from okrlint.understanding.reading import read_key_result
from okrlint.understanding.text import Text
from okrlint.understanding.tokens import tokenize

VERDICTS = {
    None,
    "kpi-in-disguise",
    "no-change",
    "output-not-outcome",
    "not-measurable",
    "no-baseline",
    "target-already-met",
    "direction-mismatch",
    "unit-mismatch",
}

# any character of any Unicode class, including controls, marks and surrogate-free symbols
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=200)

# key-result-like text: the reader's own words, numbers and symbols, shuffled together
WORDS = [
    "increase",
    "reduce",
    "maintain",
    "keep",
    "grow",
    "from",
    "to",
    "by",
    "below",
    "above",
    "at least",
    "no more than",
    "zero",
    "no",
    "every",
    "month",
    "weekly",
    "while",
    "without",
    "and",
    ",",
    "(",
    ")",
    "currently",
    "baseline",
    "new",
    "customers",
    "churn",
    "uptime",
    "sign",
    "launch",
    "hire",
    "run",
    "double",
    "halve",
    "between",
    "within",
    "days",
    "hours",
    "%",
    "pp",
    "bps",
    "$",
    "£",
    "€",
    "k",
    "M",
    "x",
    "→",
    "->",
    "=>",
    "+",
    "-",
    "or more",
    "or less",
    "per",
    "a",
    "week",
    "the",
    "of",
    "stays",
    "remains",
    "all quarter",
    "Q3",
    "p95",
    "tier-1",
    "FTSE",
    "250",
    "3h",
    "10min",
    "1,200",
    "2,5",
    "1.200.000",
    "x2",
    "99.9%",
    "4 percent",
    "60",
    "75",
    "£20k",
    "$1.2M",
    "0",
    "by end of Q3",
    "30 September",
    "2026",
    "measured",
    "ensure",
    "avoid",
    "never",
    "exceeds",
    "every Friday",
    "new logos",
    "demo calls",
    "workshops",
    "certification",
    "improve",
    "NPS",
    "CSAT",
    "that",
    "it",
]
KR_LIKE = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)
TEXTS = st.one_of(ANY_TEXT, KR_LIKE)


def moves(m: KeyResultMeaning) -> bool:
    return m.baseline is not None and m.target is not None and not m.baseline.same_amount(m.target)


def check_quantity(q: Quantity | None, text: str) -> None:
    if q is None:
        return
    # NaN only for a number kept private ("$N", "X%"): a placeholder, never a computation
    assert q.value == q.value or q.text, "NaN only for a placeholder"
    assert q.value not in (math.inf, -math.inf)
    if q.start >= 0:
        assert q.text == text[q.start : q.end]


def check_hold(h: Hold, text: str) -> None:
    assert all(part in text for part in h.text.split())  # noise left out
    assert h.level is not None or h.comparator is None
    check_quantity(h.level, text)
    # the messages built from a hold never raise
    h.threshold()
    h.unit_text()
    h.describe()


def check_consistent(m: KeyResultMeaning, text: str) -> None:
    assert isinstance(m.intent, Intent)
    assert m.direction is None or isinstance(m.direction, Direction)
    if m.intent is Intent.HOLD:
        assert not moves(m), "a hold never carries a baseline and a target that move"
        assert not m.from_zero
    if m.intent is not Intent.CHANGE:
        assert m.guard_rails == ()
        assert m.relative is None or m.intent is Intent.HOLD
    if m.intent is Intent.TASK:
        assert m.holds == ()
    if m.intent is Intent.UNMEASURED:
        assert all(h.level is not None or h.metric for h in m.holds), "only pending guard-rails"
    if m.intent is Intent.TASK:
        assert m.output
    if m.from_zero:
        assert m.intent is Intent.CHANGE and m.target is not None and m.baseline is None
    if m.bound is not None:
        assert m.target is not None
    if m.intent is Intent.UNMEASURED:
        assert m.target is None and m.relative is None
    # the evidence quotes the text, with its noise (markup, labels, notes) left out
    assert all(part in text for part in m.evidence.split())
    for q in (m.baseline, m.target, m.relative):
        check_quantity(q, text)
    for h in m.holds:
        check_hold(h, text)
    assert text_verdict(m) in VERDICTS


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_never_raises_and_stays_consistent(text: str) -> None:
    check_consistent(read_key_result(text), text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_is_deterministic(text: str) -> None:
    first = read_key_result(text)
    read_key_result.cache_clear()
    assert read_key_result(text) == first


@settings(max_examples=200, deadline=None)
@given(
    KR_LIKE,
    st.one_of(
        st.none(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from(["61%", "€0.6M", "3 days", "soon", "x2"]),
    ),
    st.one_of(st.none(), st.integers(-10, 10**6), st.sampled_from(["75%", "€1.2M", "1 day"])),
    st.sampled_from([None, "%", "days", "EUR", "donors", "pp"]),
)
def test_structured_numbers_keep_it_consistent(
    text: str, base: float | str | None, goal: float | str | None, unit: str | None
) -> None:
    lex = lexicon("en")
    before = parse_amount(base, unit, lex) if base is not None else None
    after = parse_amount(goal, unit, lex) if goal is not None else None
    m = read_key_result(text).with_numbers(before, after)
    if before is not None and after is not None and not before.same_amount(after):
        assert m.intent is Intent.CHANGE, "numbers that move make a bet"
        assert m.baseline is not None and m.target is not None
    if m.intent is Intent.HOLD:
        assert not moves(m)
    if m.intent is not Intent.CHANGE:
        assert m.guard_rails == ()
    assert text_verdict(m) in VERDICTS


LONG_TEXTS = st.builds(
    lambda part, times: part * times,
    st.one_of(st.text(st.characters(codec="utf-8"), min_size=1, max_size=60), KR_LIKE),
    st.integers(min_value=100, max_value=300),
)


def _lookups(text: str) -> int:
    """How many phrase lookups reading ``text`` makes: the reader's unit of work, counted
    (not timed, so that a loaded machine cannot fail the test)."""
    calls = 0
    match, is_word = Text.match, Text.is_word

    def counted_match(self: Text, table: str, i: int) -> tuple[int, object] | None:
        nonlocal calls
        calls += 1
        return match(self, table, i)

    def counted_is_word(self: Text, i: int, table: str) -> bool:
        nonlocal calls
        calls += 1
        return is_word(self, i, table)

    Text.match, Text.is_word = counted_match, counted_is_word  # type: ignore[method-assign]
    read_key_result.cache_clear()  # read afresh: a remembered reading costs nothing
    try:
        check_consistent(read_key_result(text), text)
    finally:
        Text.match, Text.is_word = match, is_word  # type: ignore[method-assign]
    return calls


@settings(max_examples=50, deadline=None)
@given(LONG_TEXTS)
def test_long_text_is_read_in_bounded_work(text: str) -> None:
    """A long text costs a bounded number of lookups per token, however it repeats."""
    tokens = len(tokenize(text))
    assert _lookups(text) <= 400 * tokens + 2000


def test_long_key_result_like_text_is_linear() -> None:
    unit = "Grow MRR from $80k to $120k while keeping churn below 3% and NPS above 40, "
    short, long = _lookups(unit * 50), _lookups(unit * 400)
    assert long <= 8 * short * 1.5, f"8x the clauses cost {long / short:.1f}x the lookups"
