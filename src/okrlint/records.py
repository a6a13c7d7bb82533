"""Results that travel between processes: ``--jobs`` workers send theirs back pickled."""

from __future__ import annotations

import dataclasses
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
