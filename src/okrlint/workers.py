"""Linting spread over forked processes (``--jobs``), imported only when a run goes parallel.

The items are cut into one chunk per process. The parent lints the first chunk itself
while forked children lint the others. A child is handed its work as the pool's
``initargs``: with the fork start method they are inherited, not pickled, so the work
may hold read texts and closures. Only the results travel back (pickled: the records
pickle as constructor calls, see :func:`okrlint.positions.pickled_by_fields`). They
come back in the items' order, whatever the number of processes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """Can this platform fork (not Windows)? Without it a run stays in one process."""
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True, slots=True)
class _Work(Generic[T, R]):
    """What each process does: lint its chunk of ``items``, then ``after_chunk``."""

    items: Sequence[T]
    lint: Callable[[T], R]
    after_chunk: Callable[[], None] | None

    def chunk(self, bounds: tuple[int, int]) -> list[R]:
        done = [self.lint(item) for item in self.items[bounds[0] : bounds[1]]]
        if self.after_chunk is not None:
            self.after_chunk()  # e.g. each worker writes the cache entries of its boards
        return done


# A forked child's work, set by the pool's initializer in the child only; the parent
# never sets it (its own chunk is linted directly).
_child_work: _Work[Any, Any] | None = None


def _take(work: _Work[Any, Any]) -> None:
    global _child_work
    _child_work = work


def _lint_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _child_work is not None, "run in a worker started by lint_forked"
    return _child_work.chunk(bounds)


def lint_forked(
    items: Sequence[T],
    lint: Callable[[T], R],
    processes: int,
    on_file: Callable[[int, int], None] | None = None,
    after_chunk: Callable[[], None] | None = None,
) -> Iterator[R]:
    """``lint`` each item, in order, over up to ``processes`` processes (two or more
    items; the platform can fork). ``on_file`` hears of the parent's own progress."""
    total = len(items)
    size = -(-total // processes)
    bounds = [(k, min(k + size, total)) for k in range(0, total, size)]
    work = _Work(items, lint, after_chunk)
    context = multiprocessing.get_context("fork")
    with context.Pool(len(bounds) - 1, initializer=_take, initargs=(work,)) as pool:
        pending = pool.map_async(_lint_chunk, bounds[1:])
        first, end = bounds[0]
        for done, item in enumerate(items[first:end]):
            if on_file is not None:
                on_file(done, total)
            yield lint(item)
        for chunk in pending.get():
            yield from chunk
