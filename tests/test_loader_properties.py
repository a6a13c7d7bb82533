"""Property tests: whatever the text, ``load_text`` returns a board or input errors.

Never an exception, and every error's position lies inside the file. Bounded so the
whole file runs in a few seconds.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import okrlint.yamltree as yamltree
from okrlint.errors import ErrorKind
from okrlint.files import decode
from okrlint.loader import LoadedBoard, load_text
from okrlint.positions import source_lines

FILE = "goals/board.yaml"
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


def assert_outcome(text: str, loaded: LoadedBoard) -> None:
    """The loader's contract, for any input."""
    assert loaded.file == FILE
    if loaded.board is None:
        assert loaded.errors, "no board and no reason"
    else:
        assert not any(e.fatal for e in loaded.errors), "a board despite a fatal error"
    lines = source_lines(text)
    for error in loaded.errors:
        assert isinstance(error.kind, ErrorKind)
        assert error.file == FILE
        assert error.message.strip()
        assert isinstance(error.node, str)
        assert 1 <= error.line <= len(lines), (error, len(lines))
        assert 1 <= error.column <= len(lines[error.line - 1]) + 1, error
        assert error.span.end >= error.span.start
        assert "Traceback" not in error.message


# -- arbitrary text ------------------------------------------------------------------------

# every code point, lone surrogates included: lint_text takes any str
ANY_CHAR = st.characters(exclude_categories=())
YAMLISH = st.sampled_from(
    [
        *":-?[]{},#&*!|>'\"%@`\t\n\r ",
        *("\x00", "\x85", "\u2028", "\ufeff", "\u202e", "\u0301", "😀", "é", "ß"),
        *("objectives", "kpis", "title", "key_results", "cycle", "<<", "---", "...", "2026-02-30"),
        *("yes", "~", "- ", ": ", "\n  ", "\n    ", "!!python/object:os.system", "&a ", "*a"),
    ]
)
ARBITRARY_TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=200),
    st.lists(YAMLISH, max_size=60).map("".join),
)


@pytest.mark.parametrize("loader", LOADERS)
@SETTINGS
@given(text=ARBITRARY_TEXT)
def test_arbitrary_text_never_raises(loader: type, text: str) -> None:
    with mock.patch.object(yamltree, "_Loader", loader):
        loaded = load_text(text, FILE)
    assert_outcome(text, loaded)


@SETTINGS
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_decode_to_text_or_an_error(data: bytes) -> None:
    result = decode(data, FILE)
    if isinstance(result, str):
        assert_outcome(result, load_text(result, FILE))
    else:
        assert result.kind is ErrorKind.PARSE_ERROR
        assert result.line >= 1 and result.column >= 1
        assert result.line <= data.count(b"\n") + data.count(b"\r") + 1


# -- structured boards, with wrong types at every field --------------------------------------

WEIRD_TEXT = st.text(
    st.one_of(
        # (NEL, LS and PS left out: PyYAML's emitter folds them in quoted text)
        st.characters(
            codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"
        ),
        st.sampled_from(["\x00", "\u202e", "\u200f", "\u0301", "😀", "\u200d", "\t", "\n", "%"]),
    ),
    max_size=30,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    WEIRD_TEXT,
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["2026-Q3", "Q3 2026", "2026-H2", "2026-07", "< 4", ">= 99.9", "61%", "€0.6M"]),
)
ANY_VALUE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WEIRD_TEXT, inner, max_size=3),
    max_leaves=6,
)


def any_type(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field's value: usually the right kind of thing, often anything at all."""
    return st.one_of(good, good, ANY_VALUE)


def right_type(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return good


DATES = st.one_of(st.dates(), st.dates().map(dt.date.isoformat))
NUMBERS = st.one_of(
    st.integers(-1000, 1000), st.floats(-1e6, 1e6), st.sampled_from(["61%", "10 days"])
)
Field = Any  # a function from the right kind of value to the field's strategy


def boards(field: Field) -> st.SearchStrategy[dict[str, Any]]:
    """Board-shaped data; ``field`` decides whether fields may hold the wrong type."""
    key_result_spec = st.fixed_dictionaries(
        {"title": field(WEIRD_TEXT)},
        optional={
            "id": field(WEIRD_TEXT),
            "metric": field(WEIRD_TEXT),
            "from": field(NUMBERS),
            "baseline": field(NUMBERS),
            "to": field(NUMBERS),
            "target": field(NUMBERS),
            "unit": field(WEIRD_TEXT),
            "owner": field(WEIRD_TEXT),
            "due": field(DATES),
            "kpi": field(WEIRD_TEXT),
        },
    )
    objective = st.fixed_dictionaries(
        {"title": field(WEIRD_TEXT)},
        optional={
            "id": field(WEIRD_TEXT),
            "owner": field(WEIRD_TEXT),
            "due": field(DATES),
            "key_results": field(st.lists(field(WEIRD_TEXT) | key_result_spec, max_size=4)),
        },
    )
    threshold = st.one_of(
        st.sampled_from(["< 4", ">= 99.9", "95..99"]),
        st.fixed_dictionaries({}, optional={"min": NUMBERS, "max": NUMBERS}),
    )
    kpi = st.fixed_dictionaries(
        {"name": field(WEIRD_TEXT)},
        optional={
            "id": field(WEIRD_TEXT),
            "owner": field(WEIRD_TEXT),
            "unit": field(WEIRD_TEXT),
            "threshold": field(threshold),
            "current": field(NUMBERS),
            "due": field(DATES),
            "from": field(NUMBERS),
            "to": field(NUMBERS),
        },
    )
    cycle = st.one_of(
        st.sampled_from(["2026-Q3", "Q3 2026", "2026 Q3", "2026-H2", 2026, "2026-07"]),
        st.fixed_dictionaries({"start": DATES, "end": DATES}),
    )
    return st.fixed_dictionaries(
        {"objectives": field(st.lists(objective, max_size=4))},
        optional={
            "board": field(WEIRD_TEXT),
            "cycle": field(cycle),
            "owner": field(WEIRD_TEXT),
            "language": field(st.sampled_from(["en", "DE", "es", "fr"])),
            "kpis": field(st.lists(kpi, max_size=3)),
        },
    )


# Wrong types anywhere (and unknown fields): almost every board is an input error.
BOARD = st.one_of(
    boards(any_type),
    st.dictionaries(st.sampled_from(["objectives", "kpis", "titel", "cycle"]), ANY_VALUE),
)
# The right types with hostile text: most boards load.
GOOD_TYPES_BOARD = boards(right_type)


def dump(board: dict[str, Any], flow: bool | None) -> str:
    return yaml.safe_dump(board, allow_unicode=True, sort_keys=False, default_flow_style=flow)


@SETTINGS
@given(board=BOARD, flow=st.sampled_from([False, True, None]))
def test_structured_boards_load_or_explain(board: dict[str, Any], flow: bool | None) -> None:
    text = dump(board, flow)
    loaded = load_text(text, FILE)
    assert_outcome(text, loaded)
    # the YAML itself is valid: every error is about the board, never the syntax
    assert all(e.kind is not ErrorKind.PARSE_ERROR for e in loaded.errors), loaded.errors


@SETTINGS
@given(
    board=BOARD,
    flow=st.sampled_from([False, True, None]),
    cuts=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(0, 5),
            st.sampled_from(["", "\t", ":", "- ", ">= ", "&a ", "*a", "<<: ", "\x00", "---\n"])
            | st.sampled_from(["'", '"', "{", "[", "\n", "\ufeff", "\u202e", "!!python/object "]),
        ),
        min_size=1,
        max_size=3,
    ),
    truncate=st.one_of(st.none(), st.floats(0, 1)),
)
def test_mutated_and_truncated_boards_load_or_explain(
    board: dict[str, Any],
    flow: bool | None,
    cuts: list[tuple[float, int, str]],
    truncate: float | None,
) -> None:
    text = dump(board, flow)
    for where, delete, insert in cuts:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + delete :]
    if truncate is not None:
        text = text[: int(truncate * len(text))]
    assert_outcome(text, load_text(text, FILE))


def _known_problems(board: dict[str, Any]) -> bool:
    """True when the generated board holds a problem the loader must report."""
    if not board["objectives"] and not board.get("kpis"):
        return True  # a board with no objective and no KPI
    ids: list[Any] = [k.get("id") for k in board.get("kpis", [])]
    for objective in board["objectives"]:
        ids.append(objective.get("id"))
        for kr in objective.get("key_results", []):
            if isinstance(kr, dict):
                ids.append(kr.get("id"))
                if ("from" in kr and "baseline" in kr) or ("to" in kr and "target" in kr):
                    return True
    given = [i for i in ids if i is not None]
    if len(given) != len(set(given)):
        return True
    # a blank title, key result or KPI name is refused ("must not be empty")
    texts = [o.get("title") for o in board.get("objectives", [])]
    texts += [k.get("name") for k in board.get("kpis", [])]
    for objective in board.get("objectives", []):
        texts += [
            kr.get("title") if isinstance(kr, dict) else kr
            for kr in objective.get("key_results", [])
        ]
    if any(isinstance(t, str) and not t.strip() for t in texts):
        return True
    cycle = board.get("cycle")
    if isinstance(cycle, dict):
        start, end = (
            v if isinstance(v, dt.date) else dt.date.fromisoformat(v)
            for v in (cycle["start"], cycle["end"])
        )
        return end < start
    return False


@SETTINGS
@given(board=GOOD_TYPES_BOARD, flow=st.sampled_from([False, True, None]))
def test_boards_of_the_right_types_load_whatever_their_text(
    board: dict[str, Any], flow: bool | None
) -> None:
    text = dump(board, flow)
    loaded = load_text(text, FILE)
    assert_outcome(text, loaded)
    if _known_problems(board):
        assert loaded.errors
        return
    assert loaded.errors == []
    assert loaded.board is not None
    # text survives YAML and the models unchanged: NUL, RTL marks, emoji, combining marks
    assert [o.title for o in loaded.board.objectives] == [o["title"] for o in board["objectives"]]
    assert [k.name for k in loaded.board.kpis] == [k["name"] for k in board.get("kpis", [])]


# -- amounts: never infinite, never NaN ------------------------------------------------------

#: Numbers as a user may write them: any float's repr ("inf", "nan", "1e-05"), integers
#: past a float's range, YAML's own spellings, exponents of any size, quoted or not.
NUMBER_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**400), 10**400).map(str),
    st.from_regex(r"\A[-+]?[0-9]{1,3}(\.[0-9]{0,3})?[eE][-+]?[0-9]{1,4}\Z"),
    st.sampled_from([".inf", "-.inf", ".Inf", ".nan", ".NaN", "Infinity", "-inf", "NaN", "∞"]),
).flatmap(lambda text: st.sampled_from([text, f"'{text}'", f'"{text}"']))

#: Where an amount is written: (the board with ``{v}`` for it, its line, its node path).
AMOUNT_PLACES = [
    (
        "objectives:\n  - title: Grow\n    key_results:\n"
        "      - title: Cut churn\n        from: {v}\n        to: 3\n",
        5,
        "objectives[0].key_results[0].from",
    ),
    (
        "objectives:\n  - title: Grow\n    key_results:\n"
        "      - title: Cut churn\n        from: 4\n        target: {v}\n",
        6,
        "objectives[0].key_results[0].target",
    ),
    (
        "objectives:\n  - title: Grow\n    key_results:\n"
        "      - title: Cut churn\n        current: {v}\n",
        5,
        "objectives[0].key_results[0].current",
    ),
    ("kpis:\n  - name: Churn\n    current: {v}\n", 3, "kpis[0].current"),
    ("kpis:\n  - name: Churn\n    baseline: {v}\n", 3, "kpis[0].baseline"),
    ("kpis:\n  - name: Churn\n    threshold:\n      min: {v}\n", 4, "kpis[0].threshold.min"),
    ("kpis:\n  - name: Churn\n    threshold: {v}\n", 3, "kpis[0].threshold"),
]


def _amounts(loaded: LoadedBoard) -> list[Any]:
    assert loaded.board is not None
    board = loaded.board
    values: list[Any] = []
    for kpi in board.kpis:
        values += [kpi.current, kpi.from_, kpi.to, kpi.threshold]
        if kpi.threshold is not None and not isinstance(kpi.threshold, (str, int, float)):
            values += [kpi.threshold.min, kpi.threshold.max]
    for objective in board.objectives:
        for kr in objective.key_results:
            if not isinstance(kr, str):
                values += [kr.from_, kr.to, kr.current]
    return values


@pytest.mark.parametrize("loader", LOADERS)
@SETTINGS
@given(value=NUMBER_TEXT, where=st.sampled_from(AMOUNT_PLACES))
def test_no_number_ever_yields_a_non_finite_amount(
    loader: type, value: str, where: tuple[str, int, str]
) -> None:
    template, line, node = where
    text = template.format(v=value)
    with mock.patch.object(yamltree, "_Loader", loader):
        loaded = load_text(text, FILE)
    assert_outcome(text, loaded)
    if loaded.board is None:
        # refused where it is written: the value's own line and node
        [error] = loaded.errors
        assert (error.kind, error.line, error.node) == (ErrorKind.SCHEMA_ERROR, line, node)
        assert "finite" in error.message or "reading" in error.message, error.message
        return
    for amount in _amounts(loaded):
        if isinstance(amount, float):
            assert math.isfinite(amount), (value, amount)
        if isinstance(amount, int):
            assert math.isfinite(float(amount)), value
        if isinstance(amount, str):
            # text that Python reads as a number is a finite one
            try:
                number = float(amount)
            except ValueError:
                continue
            assert math.isfinite(number), (value, amount)


# -- top-level keys: an unknown one is always reported at its place ----------------------------

_BOARD_WORDS = ("objectives", "kpis")
_YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})


def _typo(word: str) -> st.SearchStrategy[str]:
    """``word`` with one letter dropped, doubled or swapped with the next."""
    i = st.integers(0, len(word) - 1)
    return st.one_of(
        i.map(lambda k: word[:k] + word[k + 1 :]),
        i.map(lambda k: word[:k] + word[k] + word[k:]),
        i.filter(lambda k: k < len(word) - 1).map(
            lambda k: word[:k] + word[k + 1] + word[k] + word[k + 2 :]
        ),
    )


@SETTINGS
@given(
    word=st.sampled_from(_BOARD_WORDS),
    data=st.data(),
    with_kpis=st.booleans(),
)
def test_a_typo_of_a_board_key_is_reported_with_did_you_mean(
    word: str, data: st.DataObject, with_kpis: bool
) -> None:
    typo = data.draw(_typo(word).filter(lambda t: t != word and t not in _BOARD_WORDS))
    other = "kpis:\n  - name: Churn\n" if with_kpis and word != "kpis" else ""
    text = f"cycle: 2026-Q3\n{typo}:\n  - title: Grow\n{other}"
    errors = load_text(text, FILE).errors
    unknown = [e for e in errors if e.node == typo]
    assert unknown, errors
    assert (unknown[0].line, unknown[0].column) == (2, 1)
    assert unknown[0].hint == f"did you mean '{word}'?"


@SETTINGS
@given(key=st.from_regex(r"\A[a-z][a-z_]{0,11}\Z"), with_kpis=st.booleans())
def test_any_unknown_top_level_key_is_reported_at_its_place(key: str, with_kpis: bool) -> None:
    from okrlint.models import ALLOWED_FIELDS

    assume(key not in ALLOWED_FIELDS["board"] and key not in _YAML_WORDS)
    other = "kpis:\n  - name: Churn\n" if with_kpis else ""
    # "board:" makes it a board whatever its other keys (else it is no board at all)
    text = f"board: Growth\n{key}:\n  - title: Grow\n{other}"
    errors = load_text(text, FILE).errors
    assert [(e.kind, e.line, e.column, e.node) for e in errors if e.node == key] == [
        (ErrorKind.SCHEMA_ERROR, 2, 1, key)
    ], errors
