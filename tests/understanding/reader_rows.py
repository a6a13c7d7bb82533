"""The row tables of the key-result reader's tests (English and the other languages).

Each row names what a key result asks for, in a short code:

* ``change:up`` / ``change:down`` / ``change:-`` — a bet with a baseline and a target
  (the suffix is the verb's direction; ``-`` for a neutral verb such as "improve");
* ``nobase:…`` — a change with a target and no baseline ("Increase NPS to 60");
* ``rel:…`` — a relative change ("by 20%", "double") with no baseline or target;
* ``zero:…`` — a count of new things won in the cycle, which starts from zero;
* ``output:…`` — a change in a count of the team's own activity;
* ``hold`` — a level to hold (a KPI in disguise); ``task``; ``unmeasured``.

Amounts are written ``"<value> <unit>"``: ``%``, ``pp``, ``bps``, ``x``, ``s``
(durations are in seconds), a currency code (``GBP``), ``money`` (any currency), a
label (``customers``) or nothing for a plain number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pytest

from okrlint.checks import verdict
from okrlint.understanding.board import KeyResultView, KpiView
from okrlint.understanding.meaning import (
    Comparator,
    Direction,
    Intent,
    KeyResultMeaning,
    Quantity,
    Unit,
    UnitKind,
)

H = 3600
D = 86400


def text_verdict(meaning: KeyResultMeaning, kpi: KpiView | None = None) -> str | None:
    """The rule that judges a key result with this meaning, every rule selected."""
    view = KeyResultView(("objectives", 0, "key_results", 0), 0, 0, "", None, meaning, kpi)
    return verdict(view)


@dataclass(frozen=True)
class Row:
    text: str
    kind: str
    base: str | None = None
    target: str | None = None
    rel: str | None = None
    bound: str | None = None
    guards: int = 0
    level: str | None = None  # the first hold's level (holds and guard-rails)
    comparator: str | None = None  # the first hold's comparator
    metric: str | None = None
    cadence: bool = False  # some hold is a duty repeated with no end
    extra: dict[str, Any] = field(default_factory=dict)  # other attributes of the meaning


def K(text: str, kind: str, **spec: Any) -> Any:
    """A test row; the id is the text itself, so a failure names the phrasing."""
    return pytest.param(Row(text, kind, **spec), id=text[:80])


_UNIT_KINDS = {
    "": UnitKind.NONE,
    "%": UnitKind.PERCENT,
    "pp": UnitKind.POINTS,
    "bps": UnitKind.BPS,
    "x": UnitKind.MULTIPLE,
    "s": UnitKind.DURATION,
    "money": UnitKind.CURRENCY,
}


def expected_unit(code: str) -> Unit:
    if code in _UNIT_KINDS:
        return Unit(_UNIT_KINDS[code])
    if len(code) == 3 and code.isupper():
        return Unit(UnitKind.CURRENCY, code)
    return Unit(UnitKind.LABEL, code)


def assert_amount(q: Quantity | None, spec: str, what: str) -> None:
    value_text, _, unit_text = spec.partition(" ")
    assert q is not None, f"{what}: expected {spec}, found nothing"
    unit = expected_unit(unit_text)
    written = q.value * 100 if unit.kind is UnitKind.BPS else q.value  # bps are kept in percent
    assert math.isclose(written, float(value_text), rel_tol=1e-6), f"{what}: {q.value} != {spec}"
    assert q.unit.kind is unit.kind, f"{what}: unit {q.unit} != {spec}"
    if unit.kind is UnitKind.LABEL:
        assert q.unit.compatible(unit), f"{what}: label {q.unit.code!r} != {unit.code!r}"
    elif unit.code:
        assert q.unit.code == unit.code, f"{what}: currency {q.unit.code} != {unit.code}"


INTENTS = {
    "change": Intent.CHANGE,
    "nobase": Intent.CHANGE,
    "rel": Intent.CHANGE,
    "zero": Intent.CHANGE,
    "output": Intent.CHANGE,
    "hold": Intent.HOLD,
    "task": Intent.TASK,
    "unmeasured": Intent.UNMEASURED,
}
_VERDICTS: dict[str, tuple[str | None, ...]] = {
    "change": (None,),
    "nobase": ("no-baseline",),
    "rel": ("no-baseline",),
    "zero": (None,),
    "output": ("output-not-outcome",),
    "hold": ("kpi-in-disguise",),
    "task": ("output-not-outcome",),
    "unmeasured": ("not-measurable",),
}
_DIRECTIONS = {"up": Direction.UP, "down": Direction.DOWN, "-": None}


def check_row(m: KeyResultMeaning, row: Row, *, no_change_ok: bool = False) -> None:
    """``m`` reads as ``row`` says; ``no_change_ok``: a change whose baseline equals its
    target may get the no-change verdict (the English table has such rows)."""
    name, _, way = row.kind.partition(":")
    assert m.intent is INTENTS[name], f"intent {m.intent}"
    if way:
        assert m.direction is _DIRECTIONS[way], f"direction {m.direction}"
    if name == "change":
        assert m.baseline is not None and m.target is not None, (m.baseline, m.target)
        assert not m.from_zero and not m.output
    elif name == "output":
        assert m.output, "an activity count"
    elif name == "nobase":
        assert m.baseline is None and m.target is not None and not m.from_zero
        assert not m.output
    elif name == "rel":
        assert m.baseline is None and m.target is None and m.relative is not None
    elif name == "zero":
        assert m.from_zero and m.target is not None and m.baseline is None
        assert not m.output
    elif name == "hold":
        assert m.holds, "a hold names what it holds"
        assert m.relative is None or m.target is None
    elif name == "task":
        assert m.output and not m.holds
    elif name == "unmeasured":
        assert m.target is None and m.relative is None
    if row.base is not None:
        assert_amount(m.baseline, row.base, "baseline")
    if row.target is not None:
        assert_amount(m.target, row.target, "target")
    if row.rel is not None:
        assert_amount(m.relative, row.rel, "relative")
    if row.bound is not None:
        assert m.bound == (Comparator(row.bound) if row.bound else None), f"bound {m.bound}"
    assert len(m.guard_rails) == row.guards, f"guard-rails {[h.text for h in m.guard_rails]}"
    if row.level is not None:
        assert_amount(m.holds[0].level, row.level, "level")
    if row.comparator is not None:
        assert m.holds[0].comparator == Comparator(row.comparator), m.holds[0].comparator
    if row.cadence:
        assert any(h.cadence for h in m.holds), "a duty repeated with no end"
    if row.metric is not None:
        assert m.metric.lower() == row.metric, f"metric {m.metric!r}"
    verdicts = _VERDICTS[name] + (("no-change",) if no_change_ok and name == "change" else ())
    assert text_verdict(m) in verdicts, f"verdict {text_verdict(m)}"
    for attr, value in row.extra.items():
        assert getattr(m, attr) == value, f"{attr} {getattr(m, attr)!r}"
