"""The value types of the board format: text, numbers, dates, cycles and thresholds.

Each type's validator writes its errors for people ("expected an ISO date such as
2026-09-30, found the text '30/09'"), and its JSON Schema says what the validator
accepts, so that an editor does not flag what okrlint loads (tests/test_schema.py).
The models of :mod:`okrlint.models` are built from these.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from okrlint.cycles import CYCLE_FORMS, month_end, parse_cycle_text
from okrlint.understanding.tokens import holds_placeholder


def describe_value(value: Any) -> str:
    """Name what a user wrote, for messages: 'a list', 'the number 42', 'true'."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        word = "true" if value else "false"
        return f"{word} (YAML reads yes/no/on/off as true/false: quote the text)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def fail(expected: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "okrlint_type",
        "expected {expected}, found {found}",
        {"expected": expected, "found": describe_value(value)},
    )


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise fail("text", value)


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text.strip():
        raise PydanticCustomError("okrlint_empty", "must not be empty")
    return text


def _number_or_text(value: Any) -> float | str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise fail(_AMOUNT, value)
    return value


_AMOUNT = 'a number, or a quoted number with a unit such as "61%"'
#: A number written with an exponent ("1e5", "2.5E-3"): YAML 1.1 reads it as text.
_EXPONENT = re.compile(r"[0-9.][eE][-+]?[0-9]")


def _amount(value: Any) -> float | str:
    """A ``from``/``to``/``current`` or threshold amount: a finite number, or text
    holding one ("61%"). Infinity and not-a-number (``.inf``, ``.nan``, ``1e400``, a
    number too large for a float) are refused: no amount is meant to be either."""
    amount = _number_or_text(value)
    if isinstance(amount, int):
        try:
            float(amount)
        except OverflowError:
            raise _not_finite("a number too large to be an amount") from None
        return amount
    if isinstance(amount, float):
        if not math.isfinite(amount):
            raise _not_finite(describe_value(amount))
        return amount
    text = amount.strip()
    try:
        number = float(text)
    except ValueError:
        if text.lstrip("+-").strip() == "∞":
            raise _not_finite(describe_value(amount)) from None
        return amount
    if not math.isfinite(number):
        raise _not_finite(describe_value(amount))
    # "1e5" is 100000 (YAML 1.1 leaves it text, which would read as 1 and 5)
    return number if _EXPONENT.search(text) else amount


def _not_finite(found: str) -> PydanticCustomError:
    return PydanticCustomError(
        "okrlint_type",
        "expected a finite number, found {found}: an amount is never infinite or NaN",
        {"found": found},
    )


def _reading(value: Any) -> float | str:
    """A ``current`` reading: an amount that holds a number (or a private one, "X%");
    "abc" is no reading, and would be silently ignored."""
    amount = _amount(value)
    if (
        isinstance(amount, str)
        and not any(ch.isdecimal() for ch in amount)
        and not holds_placeholder(amount)
    ):
        raise fail(f"a reading: {_AMOUNT} (leave the field out when there is none)", amount)
    return amount


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise fail("an ISO date such as 2026-09-30", value)


def optional_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail("a list (items starting with '- ')", value)
    return value


# The JSON Schema of each type says what its validator accepts (a number is read as
# text), so that an editor does not flag what okrlint loads (tests/test_schema.py).
NOT_BLANK = {"pattern": r"\S", "patternErrorMessage": "must not be empty"}
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": ["string", "number"]})]
RequiredText = Annotated[
    str,
    BeforeValidator(_required_text),
    WithJsonSchema({"type": ["string", "number"], **NOT_BLANK}),
]
NumberOrText = Annotated[float | str, BeforeValidator(_number_or_text)]
#: An amount (``from``, ``to``, a threshold's bounds): finite, never inf or NaN.
Amount = Annotated[float | str, BeforeValidator(_amount)]
#: A reading (``current``): an amount that holds a number.
Reading = Annotated[float | str, BeforeValidator(_reading)]
Date = Annotated[dt.date, BeforeValidator(_date)]


def _due(value: Any) -> dt.date:
    """A due date: a day, or a month ("2026-09"), which is due on its last day."""
    if isinstance(value, str) and (m := _MONTH_DATE.match(value.strip())):
        return month_end(int(m.group(1)), int(m.group(2)))
    try:
        return _date(value)
    except PydanticCustomError:
        raise fail("an ISO date such as 2026-09-30, or a month such as 2026-09", value) from None


_MONTH_DATE = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
DueDate = Annotated[
    dt.date,
    BeforeValidator(_due),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": "^\\s*[0-9]{4}-(?:0[1-9]|1[0-2])\\s*$"},
            ]
        }
    ),
]


def or_null(schema: dict[str, Any]) -> None:
    """A list field's JSON Schema also allows null (an empty ``key_results:``)."""
    listed = {key: schema.pop(key) for key in ("type", "items") if key in schema}
    schema["anyOf"] = [listed, {"type": "null"}]


class Model(BaseModel):
    # defer_build: a model's validator is built when it is first used, so only Board's is
    # (it holds the others); not one per class at import, most of them never used alone
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, defer_build=True)


class CycleRange(Model):
    """A cycle given by its first and last day (fiscal years, odd cycles)."""

    start: Date = Field(description="First day of the cycle.", examples=["2026-07-01"])
    end: Date = Field(description="Last day of the cycle.", examples=["2026-09-30"])

    @model_validator(mode="after")
    def _ordered(self) -> CycleRange:
        if self.end < self.start:
            raise PydanticCustomError(
                "okrlint_cycle",
                "the cycle ends ({end}) before it starts ({start})",
                {"end": self.end.isoformat(), "start": self.start.isoformat()},
            )
        return self


class ThresholdRange(Model):
    """A KPI threshold as bounds: healthy while ``min <= reading <= max``."""

    min: Amount | None = Field(
        default=None, description="Lowest healthy reading.", examples=[99.9, "95%"]
    )
    max: Amount | None = Field(
        default=None, description="Highest healthy reading.", examples=[4, "2 days"]
    )


def _text_or_mapping(value: Any) -> str:
    """Discriminate a scalar-or-mapping field, so errors come from one branch only."""
    return "spec" if isinstance(value, dict) else "text"


def _cycle_text(value: Any) -> str | int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise fail(f"a cycle such as {CYCLE_FORMS}", value)
    if parse_cycle_text(str(value)) is None:
        raise fail(f"a cycle such as {CYCLE_FORMS}", value)
    return value


# parse_cycle_text's forms, as an ECMA-262 pattern (case-insensitive by hand).
_YEAR_RE = "[0-9]{4}"
_PART_RE = "(?:[Qq][1-4]|[Hh][12]|[Ss][12]|[Tt][1-3])"
_FISCAL_PART_RE = "(?:[Qq][1-4]|[Hh][12])"
_FY_RE = "[Ff][Yy]\\s*[-_ ]?\\s*(?:[0-9]{4}|[0-9]{2})"
_SEP_RE = r"\s*[-/_ ]?\s*"
_CYCLE_PATTERN = (
    rf"^\s*(?:{_YEAR_RE}(?:{_SEP_RE}{_PART_RE}|-(?:0[1-9]|1[0-2]))?"
    rf"|{_PART_RE}{_SEP_RE}{_YEAR_RE}"
    rf"|{_FY_RE}(?:{_SEP_RE}{_FISCAL_PART_RE})?|{_FISCAL_PART_RE}{_SEP_RE}{_FY_RE})\s*$"
)
_CYCLE_TEXT_SCHEMA = {
    "anyOf": [
        {
            "type": "string",
            "pattern": _CYCLE_PATTERN,
            "patternErrorMessage": f"expected a cycle such as {CYCLE_FORMS}",
        },
        {"type": "integer", "minimum": 1000, "maximum": 9999},
    ]
}

CycleValue = Annotated[
    Annotated[
        Annotated[str | int, BeforeValidator(_cycle_text), WithJsonSchema(_CYCLE_TEXT_SCHEMA)],
        Tag("text"),
    ]
    | Annotated[CycleRange, Tag("spec")],
    Discriminator(_text_or_mapping),
]
ThresholdValue = Annotated[
    Annotated[Amount, Tag("text")] | Annotated[ThresholdRange, Tag("spec")],
    Discriminator(_text_or_mapping),
]
