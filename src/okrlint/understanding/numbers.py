"""Amounts with units: ``61%``, ``£20k``, ``72 hours``, ``3h 10min``, ``1.200 €``, ``x2``.

:func:`read_quantities` finds every amount in a token list; :func:`parse_amount`
reads one structured value (``from: "€0.6M"``, ``to: 6`` with ``unit: days``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from okrlint.understanding.digits import parse_number
from okrlint.understanding.lexicon import (
    ACQUISITION_VERBS,
    ACTIVITY_NOUNS,
    BASELINE_WORDS,
    BPS_UNITS,
    CADENCE_WORDS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    COMPARATOR_PREFIX,
    COMPARATOR_SUFFIX,
    CONTINUITY,
    CURRENCIES,
    CYCLE_PERIODS,
    DEFINITE_ARTICLES,
    DURATIONS,
    FUNCTION_WORDS,
    HOLD_VERBS,
    MEASURES,
    MULTIPLE_UNITS,
    MULTIPLIERS,
    NAME_PREFIXES,
    NEW_WORDS,
    NOT_NUMBERS,
    OF_WORDS,
    OUTCOME_NOUNS,
    PERCENT_UNITS,
    PERIODS,
    POINTS_UNITS,
    RATE_WORDS,
    RELATIVE_WORDS,
    TARGET_VERBS,
    TARGET_WORDS,
    TASK_VERBS,
    TO_FILLERS,
    WITHIN_WORDS,
    Lexicon,
)
from okrlint.understanding.meaning import (
    CURRENCY_SYMBOLS,
    NO_UNIT,
    PERCENT,
    Quantity,
    Unit,
    UnitKind,
)
from okrlint.understanding.tokens import Kind, Token

_ORDINALS = frozenset({"st", "nd", "rd", "th", "er", "e", "te", "ten", "º", "ª", "o", "a"})
#: How a multiple written before its number starts: "x2", "×3" (see _multiple_before).
_MULTIPLE_SIGNS = frozenset("x×")


def read_quantities(tokens: Sequence[Token], lows: Sequence[str], lex: Lexicon) -> list[Quantity]:
    """Every amount in the tokens, in order."""
    out: list[Quantity] = []
    number_words = lex.number_words
    i = 0
    while i < len(tokens):
        if (
            tokens[i].kind is not Kind.NUM
            and lows[i][:1] not in _MULTIPLE_SIGNS
            and number_words.match(lows, i) is None
        ):
            i += 1  # no digits, number word or "x2" here: the common case, made cheap
            continue
        q = _quantity_at(tokens, lows, i, lex)
        if q is None:
            i += 1
            continue
        q = _compound_duration(q, tokens, lows, lex)
        out.append(q)
        i = q.last
    return out


def _compound_duration(
    q: Quantity, tokens: Sequence[Token], lows: Sequence[str], lex: Lexicon
) -> Quantity:
    """ "3h 10min", "7 min 30 s": a duration followed by smaller units is one amount."""
    while q.unit.kind is UnitKind.DURATION and q.last < len(tokens):
        nxt = _quantity_at(tokens, lows, q.last, lex, loose=True)
        if nxt is None or nxt.unit.kind is not UnitKind.DURATION or nxt.scale >= q.scale:
            break
        q = replace(q, value=q.value + nxt.value, end=nxt.end, last=nxt.last, per=nxt.per)
    return q


def _quantity_at(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon, loose: bool = False
) -> Quantity | None:
    """The amount whose number is token ``i``, with its currency, multiplier and unit.

    ``loose`` accepts single-letter unit words ("30 s"), as inside "7 min 30 s".
    """
    read = _read_value(tokens, lows, i, lex)
    if read is None:
        return _multiple_before(tokens, lows, i, lex)
    value, j, suffix = read
    share = _fraction(tokens, lows, i, j, lex) if not suffix else None
    if share is not None:
        return share  # "7/10 of reps"
    unit, first = _currency_before(tokens, lows, i, lex)
    scale = 1.0
    if suffix:  # glued: "10k", "3x", "36h", "5pp"; "2nd" and "3D" are not amounts
        parsed = _suffix_unit(suffix, lex)
        if parsed is None:
            return None
        scale, glued = parsed
        unit = glued or unit
    n = len(tokens)
    if scale == 1.0 and j < n:
        factor, j = _multiplier_after(lows, j, lex, unit)
        scale *= factor
    of_currency = j + 1 < n and lows[j] in lex.table(OF_WORDS) and _currency_at(tokens, j + 1, lex)
    if scale > 1 and of_currency:
        j += 1  # "3,5 millones de euros", "2 millions d'euros"
    if j + 1 < n and lows[j] == "-" and _time_frame(tokens, lows, i, lex):
        j += 1  # "within a 7-day window": the unit after the hyphen
    if unit.kind in (UnitKind.NONE, UnitKind.CURRENCY) and j < n:
        unit, j, factor = _unit_after(tokens, lows, j, lex, unit, loose)
        scale *= factor
    label_end = j
    if unit.kind is UnitKind.NONE:
        label, label_end = _label_after(tokens, lows, j, lex)
        if label:
            unit = Unit(UnitKind.LABEL, label)
    if unit.kind is UnitKind.BPS:
        scale *= 0.01  # basis points are kept in percent: 8 bps == 0.08%
    per = _rate_after(tokens, lows, j, lex)
    if per:
        # "120/month": the rate belongs to the amount ("-> 40/month" follows it)
        j = _rate_end(lows, j, lex)
    else:
        per = _rate_after(tokens, lows, label_end, lex)
    return Quantity(
        value=value * scale,
        unit=unit,
        start=tokens[first].start,
        end=tokens[j - 1].end,
        per=per,
        first=first,
        last=j,
        scale=scale,
    )


def _fraction(
    tokens: Sequence[Token], lows: Sequence[str], i: int, j: int, lex: Lexicon
) -> Quantity | None:
    """ "7/10 of reps": a share, read as a percentage. Not "4/5" alone (a score)."""
    n = len(tokens)
    if j + 2 >= n or lows[j] != "/" or tokens[j + 1].kind is not Kind.NUM:
        return None
    if lows[j + 2] not in lex.table(OF_WORDS) or tokens[j + 1].suffix:
        return None
    top, bottom = parse_number(lows[i], lex), parse_number(lows[j + 1], lex)
    if top is None or not bottom or top > bottom:
        return None
    return Quantity(
        value=round(100 * top / bottom, 6),
        unit=Unit(UnitKind.PERCENT),
        start=tokens[i].start,
        end=tokens[j + 1].end,
        first=i,
        last=j + 2,
    )


def _multiple_before(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon
) -> Quantity | None:
    """A multiple written before its number: "x2", "×3", "x 1.5"."""
    tok = tokens[i]
    digits, last = "", i + 1
    if tok.kind is Kind.WORD and tok.low[:1] == "x" and tok.low[1:2].isdigit():
        digits = tok.low[1:]
    elif tok.low in ("x", "×") and i + 1 < len(tokens) and tokens[i + 1].kind is Kind.NUM:
        if tokens[i + 1].suffix or (tok.low == "x" and tok.end != tokens[i + 1].start):
            return None  # "x 10k", "x 5": a letter, not a sign
        digits, last = tokens[i + 1].low, i + 2
    value = parse_number(digits, lex) if digits else None
    if value is None:
        return None
    return Quantity(
        value,
        Unit(UnitKind.MULTIPLE),
        start=tok.start,
        end=tokens[last - 1].end,
        first=i,
        last=last,
    )


def _read_value(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon
) -> tuple[float, int, str] | None:
    """The number at token ``i``: (value, next index, glued suffix), or None.

    Digits that are part of a name are not amounts: "tier-1", "COVID-19", "FTSE 250".
    """
    tok = tokens[i]
    if tok.kind is Kind.NUM:
        value = parse_number(tok.low, lex)
        if value is None or _hyphenated_name(tokens, i):
            return None
        if _compound_adjective(tokens, i) and not _time_frame(tokens, lows, i, lex):
            return None
        named = i > 0 and tok.start - tokens[i - 1].end <= 1  # "Sprint 5", not "week | 5"
        if named and lows[i - 1] in lex.table(NAME_PREFIXES) and not tok.suffix:
            return None
        suffix = tok.text[len(tok.text) - len(tok.suffix) :] if tok.suffix else ""
        if len(suffix) == 1 and suffix.isupper() and suffix not in "KMBX":
            return None  # "3D", "5G": a name; "3d" is three days
        return value, i + 1, tok.suffix
    m = lex.number_words.match(lows, i)
    if m is None:
        return None
    k, words_value = m
    if lex.table(NOT_NUMBERS).match(lows, i) is not None:
        return None  # "one of", "one day"
    if i > 0 and lows[i - 1] in lex.table(DEFINITE_ARTICLES):
        return None  # "the one it replaced", "from the two biggest rivals": which, not how many
    return float(words_value), i + k, ""


def _hyphenated_name(tokens: Sequence[Token], i: int) -> bool:
    """Is the number glued to a word by a hyphen ("tier-1", "COVID-19")?"""
    if i < 2 or tokens[i - 1].low != "-":
        return False
    hyphen, word = tokens[i - 1], tokens[i - 2]
    return hyphen.end == tokens[i].start and word.kind is Kind.WORD and word.end == hyphen.start


def _compound_adjective(tokens: Sequence[Token], i: int) -> bool:
    """Is the number the start of a compound ("7-day active users", "24-hour support")?"""
    if i + 2 >= len(tokens) or tokens[i + 1].low != "-" or tokens[i].suffix:
        return False
    hyphen, word = tokens[i + 1], tokens[i + 2]
    return hyphen.start == tokens[i].end and word.kind is Kind.WORD and word.start == hyphen.end


def _time_frame(tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon) -> bool:
    """ "within a 7-day window", "under a 24-hour turnaround": a compound after a bound
    and an article is the bound's amount, unlike "7-day active users"."""
    if i < 2 or lows[i - 1] not in lex.table(FUNCTION_WORDS):
        return False
    bound = lex.table(COMPARATOR_PREFIX).match(lows, i - 2)
    return bound is not None and bound[0] == 1 and bound[1] != "eq"


def _currency_before(
    tokens: Sequence[Token], lows: Sequence[str], i: int, lex: Lexicon
) -> tuple[Unit, int]:
    """A currency written before the number ("$80k", "US$ 80", "USD 20k"): (unit, first)."""
    if i == 0:
        return NO_UNIT, i
    prev = tokens[i - 1]
    if prev.kind is Kind.SYM and prev.text in CURRENCY_SYMBOLS:
        first = i - 2 if i > 1 and lows[i - 2] in ("us", "au", "ca", "nz") else i - 1
        return Unit(UnitKind.CURRENCY, CURRENCY_SYMBOLS[prev.text]), first
    if prev.kind is Kind.WORD and len(prev.low) == 3:
        cur = lex.table(CURRENCIES).match(lows, i - 1)
        if cur is not None and cur[0] == 1:
            return Unit(UnitKind.CURRENCY, str(cur[1])), i - 1
    return NO_UNIT, i


def _currency_at(tokens: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Is token ``k`` a currency: a sign ("€") or a word ("euros")?"""
    if tokens[k].text in CURRENCY_SYMBOLS:
        return True
    return lex.table(CURRENCIES).match([t.low for t in tokens[k : k + 3]], 0) is not None


def _multiplier_after(lows: Sequence[str], j: int, lex: Lexicon, unit: Unit) -> tuple[float, int]:
    """A multiplier word after the number ("2 million", "3 Mio."): (factor, next index).

    A lone "m" or "b" counts only next to a currency ("$2 m", "3,5 M€"); elsewhere it
    is a unit.
    """
    m = lex.table(MULTIPLIERS).match(lows, j)
    if m is None:
        return 1.0, j
    if (
        lows[j] in ("m", "b")
        and unit.kind is not UnitKind.CURRENCY
        and (j + 1 >= len(lows) or lows[j + 1] not in CURRENCY_SYMBOLS)
    ):
        return 1.0, j
    j += m[0]
    if j < len(lows) and lows[j] == ".":
        j += 1  # "Mio."
    return float(m[1]), j


def _suffix_unit(suffix: str, lex: Lexicon) -> tuple[float, Unit | None] | None:
    """Read letters glued to a number: (multiplier, unit) or None when not an amount."""
    s = suffix.lower()
    if s in ("x", "×"):
        return 1.0, Unit(UnitKind.MULTIPLE)
    if s in _ORDINALS or s in ("am", "pm"):
        return None  # "2nd", "11am": an order or a time of day, not an amount
    lows = [s]
    for name, kind in _SCALE_UNITS:
        if lex.table(name).match(lows, 0):
            return 1.0, Unit(kind)
    m = lex.table(MULTIPLIERS).match(lows, 0)
    if m is not None:
        return float(m[1]), None
    d = lex.table(DURATIONS).match(lows, 0)
    if d is not None:
        return float(d[1]), Unit(UnitKind.DURATION)
    c = lex.table(CURRENCIES).match(lows, 0)
    if c is not None:
        return 1.0, Unit(UnitKind.CURRENCY, str(c[1]))
    measure = lex.table(MEASURES).match(lows, 0)
    if measure is not None:
        return 1.0, Unit(UnitKind.LABEL, str(measure[1]))  # "2GB", "40kWh"
    return None  # "3D", "5G", "2FA": a name, not an amount


def _unit_after(
    tokens: Sequence[Token],
    lows: Sequence[str],
    j: int,
    lex: Lexicon,
    unit: Unit,
    loose: bool = False,
) -> tuple[Unit, int, float]:
    """The unit written after a number: (unit, next token index, factor to base units)."""
    if lows[j] == "%":
        return PERCENT, j + 1, 1.0
    if tokens[j].kind is Kind.SYM and tokens[j].text in CURRENCY_SYMBOLS:
        return Unit(UnitKind.CURRENCY, CURRENCY_SYMBOLS[tokens[j].text]), j + 1, 1.0
    if tokens[j].kind is not Kind.WORD:
        return unit, j, 1.0
    scaled = [(m[0], kind) for name, kind in _SCALE_UNITS if (m := lex.table(name).match(lows, j))]
    if scaled:
        length, kind = max(scaled, key=lambda found: found[0])  # "percentage points"
        return Unit(kind), j + length, 1.0
    m = lex.table(CURRENCIES).match(lows, j)
    if m is not None:
        return Unit(UnitKind.CURRENCY, str(m[1])), j + m[0], 1.0
    word = lows[j]
    if len(word) == 4 and word[0] in "tk" and (m := lex.table(CURRENCIES).match([word[1:]], 0)):
        return Unit(UnitKind.CURRENCY, str(m[1])), j + 1, 1000.0  # "50 TEUR", "8 kCHF"
    if unit.kind is UnitKind.CURRENCY:
        return unit, j, 1.0
    m = lex.table(MULTIPLE_UNITS).match(lows, j)
    if m is not None:
        return Unit(UnitKind.MULTIPLE), j + m[0], 1.0
    # single letters ("s", "d", "h", "t") count only glued ("36h") or inside a compound
    single = len(lows[j]) == 1 and not loose and lows[j] not in lex.spaced_unit_letters
    m = lex.table(DURATIONS).match(lows, j)
    if m is not None and not (m[0] == 1 and single):
        return Unit(UnitKind.DURATION), _abbreviated(tokens, j + m[0]), float(m[1])
    m = lex.table(MEASURES).match(lows, j)
    if m is not None and not (m[0] == 1 and single):
        return Unit(UnitKind.LABEL, str(m[1])), j + m[0], 1.0
    return unit, j, 1.0


def _abbreviated(tokens: Sequence[Token], end: int) -> int:
    """Past the dot of an abbreviated unit inside a text: "6 Std. auf 1 Std.", "25 min. to"."""
    if (
        end + 1 < len(tokens)
        and tokens[end].low == "."
        and tokens[end].start == tokens[end - 1].end
        and len(tokens[end - 1].low) <= 4
    ):
        return end + 1
    return end


_SCALE_UNITS = (
    (PERCENT_UNITS, UnitKind.PERCENT),
    (POINTS_UNITS, UnitKind.POINTS),
    (BPS_UNITS, UnitKind.BPS),
)


def _rate_after(tokens: Sequence[Token], lows: Sequence[str], j: int, lex: Lexicon) -> str:
    """The period of a rate after an amount: "40 a week", "$90k/month" → "week", "month".

    "Every" makes a cadence, not a rate ("10 new customers every month").
    """
    if j + 1 >= len(tokens):
        return ""
    rate = lex.table(RATE_WORDS).match(lows, j)
    if rate is None or lex.table(CADENCE_WORDS).match(lows, j) is not None:
        return ""
    k = j + rate[0]
    period = lex.table(PERIODS).match(lows, k) if k < len(tokens) else None
    if period is None:
        return ""
    within = lex.table(WITHIN_WORDS).match(lows, j)
    if within is not None and within[0] == rate[0] and lex.table(CYCLE_PERIODS).match(lows, k):
        return ""  # "25 cuentas nuevas en el trimestre": within the cycle, not a rate
    return " ".join(lows[k : k + period[0]])


def _rate_end(lows: Sequence[str], j: int, lex: Lexicon) -> int:
    """The index after a rate's period ("/ month", "per week") that starts at ``j``."""
    rate = lex.table(RATE_WORDS).match(lows, j)
    if rate is None:
        return j
    period = lex.table(PERIODS).match(lows, j + rate[0])
    return j + rate[0] + (period[0] if period is not None else 0)


def _label_after(
    tokens: Sequence[Token], lows: Sequence[str], j: int, lex: Lexicon
) -> tuple[str, int]:
    """The noun counted by a bare number: "10 new enterprise customers" → "customers".

    Of the words after the number, the last plural wins ("50 customer reviews", "5
    customers live on v2"), then the last known noun, then the last word. Where the head
    of a noun phrase comes first ("10 clientes nuevos"), the first plural or known noun
    wins; where nouns are capitalised ("10 neue Enterprise-Kunden"), a lower-case word
    is no noun.
    """
    label = noun = ""
    end = j
    function_words = lex.table(FUNCTION_WORDS)
    new_words = lex.table(NEW_WORDS)
    stop = (
        lex.table(COMPARATOR_SUFFIX),
        lex.table(CONTINUITY),
        lex.table(CLAUSE_BREAKS),
        lex.table(TO_FILLERS),  # "de 300 aujourd'hui à 500": today is no unit
    )
    names = lex.table(NAME_PREFIXES)
    for k in range(j, min(j + 4, len(tokens))):
        if tokens[k].kind is Kind.NUM and k > j and lows[k - 1] in names:
            continue  # "5 new Fortune 500 customers": the 500 is part of a name
        if tokens[k].kind is not Kind.WORD or lows[k] in function_words:
            break
        if any(table.match(lows, k) for table in stop) or _labels_a_value(tokens, lows, k, lex):
            break
        word = lows[k]
        if (label or lex.capitalized_nouns) and _is_verb(tokens[k], word, lex):
            break  # "95% of tickets answered": a verb ends the label; "reviews" does not
        label = word
        end = k + 1
        if lex.capitalized_nouns and not tokens[k].text[:1].isupper():
            continue  # "neue": an adjective, not the noun
        plural = lex.plural(word)
        known = _known_noun(word, lex)
        if lex.head_first:
            if not noun and (plural or known) and word not in new_words:
                noun = word
        elif plural or (not lex.plural(noun) and known):
            noun = word
    return noun or label, end  # "5 customers live on v2" counts customers


def _labels_a_value(tokens: Sequence[Token], lows: Sequence[str], k: int, lex: Lexicon) -> bool:
    """Does a target's or baseline's word stand at ``k`` before its own value ("LB 120 ·
    Meta 300", "NPS 30, target: 45")? It names that value, not the count before it."""
    for name in (TARGET_WORDS, BASELINE_WORDS):
        m = lex.table(name).match(lows, k)
        after = k + m[0] if m is not None else len(tokens)
        while after < len(tokens) and lows[after] == ":":
            after += 1
        if m is not None and after < len(tokens) and tokens[after].kind is Kind.NUM:
            return True
    return False


def _is_verb(tok: Token, word: str, lex: Lexicon) -> bool:
    """Is this word after a count a verb ("answered", "gewinnen"), not a plural noun?"""
    if lex.capitalized_nouns:
        # a lower-case word is no noun: "auf 60 steigern", "10 neue Kunden gewinnen"
        tables = (*_VERB_TABLES, CHANGE_VERBS, RELATIVE_WORDS)
        return not tok.text[:1].isupper() and any(word in lex.table(n) for n in tables)
    if lex.plural(word):
        return False
    return any(word in lex.table(n) for n in _VERB_TABLES)


def _known_noun(word: str, lex: Lexicon) -> bool:
    return lex.noun(OUTCOME_NOUNS, word) or lex.noun(ACTIVITY_NOUNS, word)


_VERB_TABLES = (HOLD_VERBS, ACQUISITION_VERBS, TASK_VERBS, TARGET_VERBS)
