"""Property tests: whatever the text, ``load_text`` returns a board or input errors.

Never an exception, and every error's position lies inside the file. Bounded so the
whole file runs in a few seconds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
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
