"""The fields of OKR trackers and spreadsheet exports, accepted on a board.

``status``, ``progress``, ``confidence``, ``priority``, ``stretch``, ``links``,
``notes`` and ``tags`` on objectives, key results and KPIs; ``initiatives`` (the tasks
under an objective or a key result, never read as bets); any field starting with
``x-`` is the team's own and is left alone. :mod:`okrlint.models` builds on them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)

from okrlint.model_types import (
    DueDate,
    Model,
    NumberOrText,
    RequiredText,
    Text,
    fail,
    optional_list,
)


def _progress(value: Any) -> float:
    """A fraction 0..1, or a percentage written with its sign ("85%")."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    if isinstance(value, str):
        text = value.strip().removesuffix("%").strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            number = -1.0
        if value.strip().endswith("%") and 0 <= number <= 1000:
            return number / 100
    raise fail('a fraction from 0 to 1, or a percentage such as "85%"', value)


def _strict_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise fail("true or false", value)


Progress = Annotated[
    float,
    BeforeValidator(_progress),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^\s*[0-9]+(?:[.,][0-9]+)?\s*%\s*$"},
            ]
        }
    ),
]
Flag = Annotated[bool, BeforeValidator(_strict_bool), WithJsonSchema({"type": "boolean"})]
TextList = Annotated[list[Text], BeforeValidator(optional_list)]


def extensions(schema: dict[str, Any]) -> None:
    """Any field starting with ``x-`` is the user's own: the schema allows it too."""
    schema["patternProperties"] = {"^x-": {}}


class Tracked(Model):
    """The fields OKR trackers and spreadsheet exports carry, so that teams need not
    push them into a key result's text ("=> 85% done", "[p0]"). None is read as a
    bet; ``x-`` fields are the team's own and are left alone."""

    model_config = ConfigDict(json_schema_extra=extensions)

    status: Text | None = Field(
        default=None,
        description="Where it stands, in the tracker's words.",
        examples=["on track", "at risk", "done"],
    )
    progress: Progress | None = Field(
        default=None,
        description='How far along: a fraction from 0 to 1, or a percentage ("85%").',
        examples=[0.6, "85%"],
    )
    confidence: NumberOrText | None = Field(
        default=None,
        description="How likely it is to land, as the tracker writes it.",
        examples=[0.7, "7/10", "high"],
    )
    priority: Text | None = Field(
        default=None, description="Its priority, as the tracker writes it.", examples=["P1"]
    )
    stretch: Flag | None = Field(
        default=None,
        description="A stretch bet: landing part of it is a success.",
        examples=[True],
    )
    links: TextList | None = Field(
        default=None,
        description="Links: docs, dashboards, tickets.",
        examples=[["https://wiki.example.com/onboarding"]],
    )
    notes: Text | None = Field(default=None, description="Free notes.", examples=["see the RFC"])
    tags: TextList | None = Field(default=None, description="Labels.", examples=[["infra"]])

    @model_validator(mode="before")
    @classmethod
    def _own_fields(cls, data: Any) -> Any:
        return without_own_fields(data)


def without_own_fields(data: Any) -> Any:
    """A mapping without the user's own ``x-`` fields."""
    if isinstance(data, dict) and any(_own(k) for k in data):
        return {k: v for k, v in data.items() if not _own(k)}
    return data


def _own(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("x-")


class InitiativeSpec(Tracked):
    """A task under an objective or a key result: the work, never read as a bet."""

    title: RequiredText = Field(description="The work.", examples=["Ship the onboarding wizard"])
    owner: Text | None = Field(default=None, description="Who does it.", examples=["dana"])
    due: DueDate | None = Field(
        default=None, description="When it is due: a day or a month.", examples=["2026-08"]
    )


Initiative = Annotated[
    Annotated[RequiredText, Tag("text")] | Annotated[InitiativeSpec, Tag("spec")],
    Discriminator(lambda v: "spec" if isinstance(v, dict) else "text"),
]
Initiatives = Annotated[list[Initiative], BeforeValidator(optional_list)]
