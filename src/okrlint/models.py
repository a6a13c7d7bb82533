"""The board format (version 1) as pydantic models.

Every field has a description and an example: they become the JSON Schema that
editors use for completion and hover docs. Field validators raise errors whose
messages are written for people ("expected an ISO date such as 2026-09-30").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from okrlint.catalog import LANGUAGES
from okrlint.cycles import CYCLE_FORMS, month_end, parse_cycle_text


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


def _fail(expected: str, value: Any) -> PydanticCustomError:
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
    raise _fail("text", value)


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text.strip():
        raise PydanticCustomError("okrlint_empty", "must not be empty")
    return text


def _number_or_text(value: Any) -> float | str:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _fail('a number, or a quoted number with a unit such as "61%"', value)
    return value


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
    raise _fail("an ISO date such as 2026-09-30", value)


def _optional_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail("a list (items starting with '- ')", value)
    return value


# The JSON Schema of each type says what its validator accepts (a number is read as
# text), so that an editor does not flag what okrlint loads (tests/test_schema.py).
_NOT_BLANK = {"pattern": r"\S", "patternErrorMessage": "must not be empty"}
Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": ["string", "number"]})]
RequiredText = Annotated[
    str,
    BeforeValidator(_required_text),
    WithJsonSchema({"type": ["string", "number"], **_NOT_BLANK}),
]
NumberOrText = Annotated[float | str, BeforeValidator(_number_or_text)]
Date = Annotated[dt.date, BeforeValidator(_date)]


def _due(value: Any) -> dt.date:
    """A due date: a day, or a month ("2026-09"), which is due on its last day."""
    if isinstance(value, str) and (m := _MONTH_DATE.match(value.strip())):
        return month_end(int(m.group(1)), int(m.group(2)))
    try:
        return _date(value)
    except PydanticCustomError:
        raise _fail("an ISO date such as 2026-09-30, or a month such as 2026-09", value) from None


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


def _or_null(schema: dict[str, Any]) -> None:
    """A list field's JSON Schema also allows null (an empty ``key_results:``)."""
    listed = {key: schema.pop(key) for key in ("type", "items") if key in schema}
    schema["anyOf"] = [listed, {"type": "null"}]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class CycleRange(_Model):
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


class ThresholdRange(_Model):
    """A KPI threshold as bounds: healthy while ``min <= reading <= max``."""

    min: NumberOrText | None = Field(
        default=None, description="Lowest healthy reading.", examples=[99.9, "95%"]
    )
    max: NumberOrText | None = Field(
        default=None, description="Highest healthy reading.", examples=[4, "2 days"]
    )


def _text_or_mapping(value: Any) -> str:
    """Discriminate a scalar-or-mapping field, so errors come from one branch only."""
    return "spec" if isinstance(value, dict) else "text"


def _cycle_text(value: Any) -> str | int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _fail(f"a cycle such as {CYCLE_FORMS}", value)
    if parse_cycle_text(str(value)) is None:
        raise _fail(f"a cycle such as {CYCLE_FORMS}", value)
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
    Annotated[NumberOrText, Tag("text")] | Annotated[ThresholdRange, Tag("spec")],
    Discriminator(_text_or_mapping),
]


def _alias_properties(schema: dict[str, Any]) -> None:
    """List ``baseline``/``target`` in the JSON Schema too: editors flag unlisted fields.

    Either name of a pair is allowed, not both: ``not: {required: [from, baseline]}``.
    """
    properties = schema.get("properties", {})
    exclusive: list[dict[str, Any]] = []
    for name, alias in (("from", "baseline"), ("to", "target")):
        if name in properties:
            properties[alias] = {
                **properties[name],
                "title": alias.capitalize(),
                "description": f"Another name for '{name}' (give one of them, not both).",
            }
            exclusive.append(
                {
                    "not": {"required": [name, alias]},
                    "errorMessage": f"give either '{name}' or '{alias}', not both",
                }
            )
    if exclusive:
        schema["allOf"] = exclusive


class _FromTo(_Model):
    """A mapping with ``from``/``to`` and their aliases ``baseline``/``target``."""

    model_config = ConfigDict(json_schema_extra=_alias_properties)

    @model_validator(mode="before")
    @classmethod
    def _one_alias(cls, data: Any) -> Any:
        # Without this, pydantic takes one of the two and calls the other an unknown field.
        if isinstance(data, dict):
            for name, alias in (("from", "baseline"), ("to", "target")):
                if name in data and alias in data:
                    raise PydanticCustomError(
                        "okrlint_alias",
                        "give either '{name}' or '{alias}', not both",
                        {"name": name, "alias": alias},
                    )
        return data


class KeyResultSpec(_FromTo):
    """A key result written as a mapping; ``from``/``to`` override numbers in the title."""

    title: RequiredText = Field(
        description="What should change, in plain words.",
        examples=["Cut median onboarding time"],
    )
    id: Text | None = Field(default=None, description="Unique id on the board.", examples=["KR2"])
    metric: Text | None = Field(
        default=None,
        description="The metric this key result moves; equal to a KPI's id to target it.",
        examples=["onboarding_days"],
    )
    from_: NumberOrText | None = Field(
        default=None,
        validation_alias=AliasChoices("from", "baseline"),
        serialization_alias="from",
        description="The baseline: where the number starts (alias: baseline).",
        examples=[10, "61%"],
    )
    to: NumberOrText | None = Field(
        default=None,
        validation_alias=AliasChoices("to", "target"),
        serialization_alias="to",
        description="The target: where the number should end (alias: target).",
        examples=[6, "75%"],
    )
    unit: Text | None = Field(
        default=None,
        description="Unit of from/to where they carry none: %, pp, £, days, or any label.",
        examples=["days", "%"],
    )
    owner: Text | None = Field(default=None, description="Who answers for it.", examples=["dana"])
    due: DueDate | None = Field(
        default=None,
        description=(
            "When it resolves: a day (2026-09-30) or a month (2026-09, its last day); "
            "defaults to the cycle's end."
        ),
        examples=["2026-09-30"],
    )
    kpi: Text | None = Field(
        default=None,
        description="The id of the KPI this bet moves this cycle.",
        examples=["churn"],
    )


def _key_result_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "spec"
    return None


KeyResultItem = Annotated[
    Annotated[
        RequiredText,
        Tag("text"),
        WithJsonSchema(
            {
                "type": "string",
                **_NOT_BLANK,
                "description": "A key result in plain words; its numbers are read from the text.",
                "examples": ["Increase activation from 61% to 75%"],
            }
        ),
    ]
    | Annotated[KeyResultSpec, Tag("spec")],
    Discriminator(
        _key_result_kind,
        custom_error_type="okrlint_key_result",
        custom_error_message="expected a key result as text, or a mapping with a title",
    ),
]

#: Union tags that pydantic puts into error locations; they are not part of a node path.
UNION_TAGS = frozenset({"text", "spec"})


class Objective(_Model):
    """A bet: a qualitative aim, measured by its key results."""

    id: Text | None = Field(
        default=None, description="Unique id; defaults to O1, O2, ... by position.", examples=["O1"]
    )
    title: RequiredText = Field(
        description="What should be different at the end of the cycle.",
        examples=["Make onboarding effortless for new teams"],
    )
    owner: Text | None = Field(default=None, description="Who answers for it.", examples=["growth"])
    due: DueDate | None = Field(
        default=None,
        description=(
            "When it resolves: a day (2026-09-30) or a month (2026-09, its last day); "
            "defaults to the cycle's end."
        ),
        examples=["2026-09-30"],
    )
    key_results: Annotated[list[KeyResultItem], BeforeValidator(_optional_list)] = Field(
        default_factory=list,
        description="How you will know it happened: text or mappings with from/to.",
        examples=[
            [
                "Increase activation from 61% to 75%",
                {"title": "Cut median onboarding time", "from": 10, "to": 6, "unit": "days"},
            ]
        ],
        json_schema_extra=_or_null,
    )


class Kpi(_FromTo):
    """A vital sign: ongoing, with a threshold, never ending."""

    id: Text | None = Field(
        default=None, description="Unique id; what key results refer to.", examples=["churn"]
    )
    name: RequiredText = Field(description="What is measured.", examples=["Monthly gross churn"])
    owner: Text | None = Field(default=None, description="Who watches it.", examples=["finance"])
    unit: Text | None = Field(default=None, description="Unit of the readings.", examples=["%"])
    threshold: ThresholdValue | None = Field(
        default=None,
        description='The healthy range: "< 4", ">= 99.9", "95..99", or {min, max}.',
        examples=["< 4", {"min": 99.9}],
    )
    current: NumberOrText | None = Field(
        default=None, description="The latest reading.", examples=[4.6]
    )
    due: DueDate | None = Field(
        default=None,
        description="Accepted only to be reported: a KPI has no end.",
        examples=["2026-09-30"],
    )
    from_: NumberOrText | None = Field(
        default=None,
        validation_alias=AliasChoices("from", "baseline"),
        serialization_alias="from",
        description="Accepted only to be reported: a from-to belongs on the OKR side.",
        examples=[10],
    )
    to: NumberOrText | None = Field(
        default=None,
        validation_alias=AliasChoices("to", "target"),
        serialization_alias="to",
        description="Accepted only to be reported: a from-to belongs on the OKR side.",
        examples=[5],
    )


if TYPE_CHECKING:  # a Literal cannot be spelled from a constant for mypy
    _LanguageLiteral = str
else:
    _LanguageLiteral = Literal[LANGUAGES]  # one value per code of catalog.LANGUAGES

#: Each code in either case, with spaces around: what Board._lower reads ("EN", " fr ").
_LANGUAGE_PATTERN = "|".join(
    "".join(f"[{c.upper()}{c.lower()}]" for c in code) for code in LANGUAGES
)

# The enum offers completion in editors; the pattern accepts what Board._lower reads.
LanguageCode = Annotated[
    _LanguageLiteral,
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": list(LANGUAGES)},
                {"type": "string", "pattern": rf"^\s*(?:{_LANGUAGE_PATTERN})\s*$"},
            ]
        }
    ),
]


def _board_needs_content(schema: dict[str, Any]) -> None:
    schema["anyOf"] = [{"required": ["objectives"]}, {"required": ["kpis"]}]


class Board(_Model):
    """One team's goal board for one cycle: its OKRs and its KPIs."""

    model_config = ConfigDict(json_schema_extra=_board_needs_content)

    board: Text | None = Field(
        default=None, description="Display name; defaults to the file name.", examples=["Growth"]
    )
    cycle: CycleValue | None = Field(
        default=None,
        description=f"When the bets resolve: {CYCLE_FORMS}.",
        examples=["2026-Q3", {"start": "2026-07-01", "end": "2026-09-30"}],
    )
    owner: Text | None = Field(default=None, description="The owning team.", examples=["growth"])
    language: LanguageCode | None = Field(
        default=None,
        description=f"Language of the texts ({', '.join(LANGUAGES)}); "
        "detected per text when absent.",
        examples=["en"],
    )
    kpis: Annotated[list[Kpi], BeforeValidator(_optional_list)] = Field(
        default_factory=list,
        description="Vital signs: ongoing, with a threshold, no end.",
        examples=[
            [
                {
                    "id": "churn",
                    "name": "Monthly gross churn",
                    "owner": "finance",
                    "unit": "%",
                    "threshold": "< 4",
                }
            ]
        ],
        json_schema_extra=_or_null,
    )
    objectives: Annotated[list[Objective], BeforeValidator(_optional_list)] = Field(
        default_factory=list,
        description="Bets for this cycle, each with key results.",
        examples=[
            [
                {
                    "title": "Make onboarding effortless for new teams",
                    "key_results": ["Increase activation from 61% to 75%"],
                }
            ]
        ],
        json_schema_extra=_or_null,
    )

    @field_validator("language", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @model_validator(mode="before")
    @classmethod
    def _has_content(cls, data: Any) -> Any:
        if isinstance(data, dict) and "objectives" not in data and "kpis" not in data:
            raise PydanticCustomError(
                "okrlint_empty_board",
                "a board needs 'objectives' or 'kpis' (or both)",
            )
        return data


#: The fields allowed in each kind of mapping, for "unknown field" messages.
ALLOWED_FIELDS: dict[str, tuple[str, ...]] = {
    "board": tuple(Board.model_fields),
    "objective": tuple(Objective.model_fields),
    "key result": (
        "title",
        "id",
        "metric",
        "from",
        "baseline",
        "to",
        "target",
        "unit",
        "owner",
        "due",
        "kpi",
    ),
    "kpi": (
        "id",
        "name",
        "owner",
        "unit",
        "threshold",
        "current",
        "due",
        "from",
        "baseline",
        "to",
        "target",
    ),
    "cycle": ("start", "end"),
    "threshold": ("min", "max"),
}
