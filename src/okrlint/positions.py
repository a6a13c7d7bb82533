"""Positions in a board file: 1-based line and column, and node paths.

A node path names an item of a board the way users read it:
``objectives[1].key_results[0]``. It is a tuple of keys (``str``) and
indexes (``int``) and renders with :func:`format_path`.
"""

from __future__ import annotations

from dataclasses import dataclass

NodePath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in a file: 1-based line and column (columns count code points)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a file; ``end`` is exclusive (the character after the region)."""

    start: Position
    end: Position

    @classmethod
    def at(cls, line: int, column: int, length: int = 1) -> Span:
        return cls(Position(line, column), Position(line, column + max(length, 1)))


FILE_START = Span(Position(1, 1), Position(1, 1))


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
