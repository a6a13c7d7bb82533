"""Positions in a board file: 1-based line and column, and node paths.

A node path names an item of a board the way users read it:
``objectives[1].key_results[0]``. It is a tuple of keys (``str``) and
indexes (``int``) and renders with :func:`format_path`.

This is the bottom leaf, so it also holds :func:`pickled_by_fields`, which every
result record (positions first) uses to travel back from ``--jobs`` workers.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle a frozen slots dataclass as a call of its constructor with its fields.

    The default for such classes restores the fields one by one through Python-level
    ``__setstate__``; this halves the cost of sending a worker's findings back.
    Put it above ``@dataclass``.
    """
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    values = attrgetter(*names)

    def __reduce__(self: T) -> tuple[Any, tuple[Any, ...]]:
        got = values(self)
        return cls, (got if len(names) > 1 else (got,))

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


NodePath = tuple[str | int, ...]


@pickled_by_fields
@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in a file: 1-based line and column (columns count code points)."""

    line: int
    column: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A region of a file; ``end`` is exclusive (the character after the region)."""

    start: Position
    end: Position

    @classmethod
    def at(cls, line: int, column: int, length: int = 1) -> Span:
        return cls(Position(line, column), Position(line, column + max(length, 1)))


FILE_START = Span(Position(1, 1), Position(1, 1))

#: Line breaks as YAML counts them, and so every position PyYAML reports: CR LF, CR,
#: LF, NEL, LS and PS (``str.splitlines`` also splits at form feeds and others).
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def position_at(text: str, index: int) -> Position:
    """The 1-based line and column (in code points) of ``text[index]``."""
    line, line_start = 1, 0
    for match in LINE_BREAK.finditer(text, 0, max(index, 0)):
        line, line_start = line + 1, match.end()
    return Position(line, index - line_start + 1)


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` as YAML counts them (line ``n`` is ``source_lines(text)[n-1]``)."""
    return LINE_BREAK.split(text)


def format_path(path: NodePath) -> str:
    """Render ``('objectives', 1, 'key_results', 0)`` as ``objectives[1].key_results[0]``."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(f".{part}" if out else part)
    return "".join(out)


def parse_path(text: str) -> NodePath:
    """Inverse of :func:`format_path` (used by tests and baselines)."""
    parts: list[str | int] = []
    for chunk in text.split("."):
        if not chunk:
            continue
        name, _, rest = chunk.partition("[")
        if name:
            parts.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            parts.append(int(index))
            rest = rest.lstrip("[")
    return tuple(parts)
