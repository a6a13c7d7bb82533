"""Positions and node paths: 1-based, ordered, and paths that round-trip through text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.positions import (
    FILE_START,
    NodePath,
    Position,
    Span,
    format_path,
    parse_path,
    position_at,
    source_lines,
)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ((), ""),
        (("objectives",), "objectives"),
        (("objectives", 1), "objectives[1]"),
        (("objectives", 1, "key_results", 0), "objectives[1].key_results[0]"),
        (("objectives", 0, "key_results", 2, "from"), "objectives[0].key_results[2].from"),
        (("kpis", 0, "threshold", "min"), "kpis[0].threshold.min"),
        (("a", 0, 1), "a[0][1]"),
        ((0,), "[0]"),
        ((3, "title"), "[3].title"),
        (("objectives", 12, "key_results", 105), "objectives[12].key_results[105]"),
    ],
)
def test_format_and_parse_path(path: NodePath, text: str) -> None:
    assert format_path(path) == text
    assert parse_path(text) == path


NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,12}", fullmatch=True)
PATHS = st.lists(st.one_of(NAMES, st.integers(0, 10_000)), max_size=8).map(tuple)


@settings(max_examples=200, deadline=None, database=None)
@given(path=PATHS)
def test_paths_round_trip(path: NodePath) -> None:
    assert parse_path(format_path(path)) == path


@settings(max_examples=100, deadline=None, database=None)
@given(path=PATHS)
def test_a_formatted_path_never_starts_with_a_dot(path: NodePath) -> None:
    text = format_path(path)
    assert not text.startswith(".") and ".." not in text and ".[" not in text


def test_positions_order_by_line_then_column() -> None:
    assert Position(1, 9) < Position(2, 1) < Position(2, 3)
    assert sorted([Position(3, 1), Position(1, 5), Position(1, 2)]) == [
        Position(1, 2),
        Position(1, 5),
        Position(3, 1),
    ]


def test_span_at() -> None:
    assert Span.at(4, 9, 5) == Span(Position(4, 9), Position(4, 14))
    assert Span.at(4, 9, 0) == Span(Position(4, 9), Position(4, 10))  # never empty
    assert FILE_START.start == Position(1, 1)


def test_positions_are_immutable() -> None:
    with pytest.raises(AttributeError):
        Position(1, 1).line = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("abc", 0, Position(1, 1)),
        ("abc", 2, Position(1, 3)),
        ("ab\ncd", 3, Position(2, 1)),
        ("ab\r\ncd", 4, Position(2, 1)),  # CR LF is one break
        ("ab\rcd", 3, Position(2, 1)),  # so is a lone CR
        ("ab\x85cd\u2028e", 6, Position(3, 1)),  # NEL and LS, as YAML counts
        ("é😀x", 2, Position(1, 3)),  # columns count code points
        ("a\x0cb", 2, Position(1, 3)),  # a form feed is no line break in YAML
        ("ab\n", 3, Position(2, 1)),  # the end of the text
    ],
)
def test_position_at(text: str, index: int, expected: Position) -> None:
    assert position_at(text, index) == expected


def test_source_lines_match_position_at() -> None:
    text = "a: 1\r\nb: 2\rc: 3\x85d: \x0c4\ne"
    lines = source_lines(text)
    assert lines == ["a: 1", "b: 2", "c: 3", "d: \x0c4", "e"]
    for index, char in enumerate(text):
        if char in "\r\n\x85":
            continue
        at = position_at(text, index)
        assert lines[at.line - 1][at.column - 1] == char
