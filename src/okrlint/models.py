"""The board format (version 1) as pydantic models.

Every field has a description and an example: they become the JSON Schema that
editors use for completion and hover docs. The fields' types and their messages for
people ("expected an ISO date such as 2026-09-30") are in :mod:`okrlint.model_types`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AliasChoices,
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
from okrlint.cycles import CYCLE_FORMS
from okrlint.model_types import (
    NOT_BLANK,
    Amount,
    CycleRange,
    CycleValue,
    DueDate,
    Model,
    Reading,
    RequiredText,
    Text,
    ThresholdRange,
    ThresholdValue,
    describe_value,
    optional_list,
    or_null,
)
from okrlint.tracker_fields import (
    Initiatives,
    InitiativeSpec,
    TextList,
    Tracked,
    extensions,
    without_own_fields,
)

__all__ = [
    "ALLOWED_FIELDS",
    "UNION_TAGS",
    "Board",
    "CycleRange",
    "KeyResultSpec",
    "Kpi",
    "Objective",
    "ThresholdRange",
    "describe_value",
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
    extensions(schema)


class _FromTo(Tracked):
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
    from_: Amount | None = Field(
        default=None,
        validation_alias=AliasChoices("from", "baseline"),
        serialization_alias="from",
        description="The baseline: where the number starts (alias: baseline).",
        examples=[10, "61%"],
    )
    to: Amount | None = Field(
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
    current: Reading | None = Field(
        default=None,
        description="The latest reading, for progress: never read as the baseline.",
        examples=[68, "68%"],
    )
    initiatives: Initiatives | None = Field(
        default=None,
        description="The tasks that should move it: never read as key results.",
        examples=[["Ship the onboarding wizard"]],
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
                **NOT_BLANK,
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


class Objective(Tracked):
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
    parent: Text | None = Field(
        default=None,
        description="The objective this one aligns to, on another board: board#objective-id.",
        examples=["Company#O2"],
    )
    initiatives: Initiatives | None = Field(
        default=None,
        description="The tasks under this objective: never read as key results.",
        examples=[["Run a pricing workshop with sales"]],
    )
    key_results: Annotated[list[KeyResultItem], BeforeValidator(optional_list)] = Field(
        default_factory=list,
        description="How you will know it happened: text or mappings with from/to.",
        examples=[
            [
                "Increase activation from 61% to 75%",
                {"title": "Cut median onboarding time", "from": 10, "to": 6, "unit": "days"},
            ]
        ],
        json_schema_extra=or_null,
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
    current: Reading | None = Field(default=None, description="The latest reading.", examples=[4.6])
    due: DueDate | None = Field(
        default=None,
        description="Accepted only to be reported: a KPI has no end.",
        examples=["2026-09-30"],
    )
    from_: Amount | None = Field(
        default=None,
        validation_alias=AliasChoices("from", "baseline"),
        serialization_alias="from",
        description="Accepted only to be reported: a from-to belongs on the OKR side.",
        examples=[10],
    )
    to: Amount | None = Field(
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
    # at least one objective or one KPI: an empty (or null) list does not count
    schema["anyOf"] = [
        {"required": [name], "properties": {name: {"type": "array", "minItems": 1}}}
        for name in ("objectives", "kpis")
    ]
    extensions(schema)


class Board(Model):
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
    links: TextList | None = Field(
        default=None,
        description="Links: docs, dashboards.",
        examples=[["https://wiki.example.com/growth"]],
    )
    notes: Text | None = Field(
        default=None, description="Free notes.", examples=["drafted at the offsite"]
    )
    tags: TextList | None = Field(default=None, description="Labels.", examples=[["growth"]])
    kpis: Annotated[list[Kpi], BeforeValidator(optional_list)] = Field(
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
        json_schema_extra=or_null,
    )
    objectives: Annotated[list[Objective], BeforeValidator(optional_list)] = Field(
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
        json_schema_extra=or_null,
    )

    @field_validator("language", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @model_validator(mode="before")
    @classmethod
    def _has_content(cls, data: Any) -> Any:
        data = without_own_fields(data)
        if (
            isinstance(data, dict)
            and "objectives" not in data
            and "kpis" not in data
            # an unknown key ("objectivs:", "okrs:") is reported as the unknown field it
            # is, with a "did you mean"; this message would hide it
            and all(k in ALLOWED_FIELDS["board"] for k in data)
        ):
            raise PydanticCustomError(
                "okrlint_empty_board",
                "a board needs 'objectives' or 'kpis' (or both)",
            )
        return data


def _names(model: type[Model]) -> tuple[str, ...]:
    """The names a mapping may use: each field's, and its aliases ("baseline")."""
    names: list[str] = []
    tracked = set(Tracked.model_fields)
    fields = sorted(model.model_fields.items(), key=lambda item: item[0] in tracked)
    for name, info in fields:  # the model's own fields first, then the tracker's
        choices = info.validation_alias
        if isinstance(choices, AliasChoices):
            names += [str(c) for c in choices.choices]
        else:
            names.append(info.serialization_alias or name)
    return tuple(names)


#: The fields allowed in each kind of mapping, for "unknown field" messages (and any
#: field starting with "x-").
ALLOWED_FIELDS: dict[str, tuple[str, ...]] = {
    "board": _names(Board),
    "objective": _names(Objective),
    "key result": _names(KeyResultSpec),
    "kpi": _names(Kpi),
    "initiative": _names(InitiativeSpec),
    "cycle": ("start", "end"),
    "threshold": ("min", "max"),
}
