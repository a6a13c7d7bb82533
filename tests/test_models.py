"""The board models: forms each field accepts, what they refuse, and the JSON Schema."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import pytest
from pydantic import AliasChoices, BaseModel, ValidationError

from okrlint.models import (
    ALLOWED_FIELDS,
    LANGUAGES,
    Board,
    CycleRange,
    KeyResultSpec,
    Kpi,
    Objective,
    ThresholdRange,
    describe_value,
)


def board(**fields: Any) -> Board:
    return Board.model_validate({"objectives": [], **fields})


def error_types(data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as info:
        Board.model_validate(data)
    return [(tuple(e["loc"]), e["type"]) for e in info.value.errors()]


@pytest.mark.parametrize(
    ("value", "described"),
    [
        (None, "nothing (null)"),
        (True, "true (YAML reads yes/no/on/off as true/false: quote the text)"),
        (False, "false (YAML reads"),
        (42, "the number 42"),
        (2.5, "the number 2.5"),
        (dt.date(2026, 9, 30), "the date 2026-09-30"),
        (dt.datetime(2026, 9, 30, 10, 0), "the date-time 2026-09-30T10:00:00"),
        ("Grow", "the text 'Grow'"),
        ("x" * 100, "the text '" + "x" * 37 + "...'"),
        ([1], "a list"),
        ({"a": 1}, "a mapping"),
    ],
)
def test_describe_value(value: Any, described: str) -> None:
    assert describe_value(value).startswith(described)


def _accepted_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, info in model.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        else:
            names.add(name)
    return names


@pytest.mark.parametrize(
    ("kind", "model"),
    [
        ("board", Board),
        ("objective", Objective),
        ("key result", KeyResultSpec),
        ("kpi", Kpi),
        ("cycle", CycleRange),
        ("threshold", ThresholdRange),
    ],
)
def test_allowed_fields_in_messages_match_the_models(kind: str, model: type[BaseModel]) -> None:
    assert set(ALLOWED_FIELDS[kind]) == _accepted_names(model)
    assert len(ALLOWED_FIELDS[kind]) == len(set(ALLOWED_FIELDS[kind]))


def test_a_board_needs_objectives_or_kpis() -> None:
    assert error_types({"board": "x"}) == [((), "okrlint_empty_board")]
    assert Board.model_validate({"kpis": []}).objectives == []
    assert Board.model_validate({"objectives": []}).kpis == []


def test_models_are_frozen() -> None:
    b = board(owner="growth")
    with pytest.raises(ValidationError):
        b.owner = "other"  # type: ignore[misc]


def test_key_results_are_text_or_mappings() -> None:
    o = Objective.model_validate(
        {"title": "A", "key_results": ["Grow X from 1 to 2", {"title": "t", "baseline": "61%"}]}
    )
    text, spec = o.key_results
    assert text == "Grow X from 1 to 2"
    assert isinstance(spec, KeyResultSpec) and spec.from_ == "61%"
    assert error_types({"objectives": [{"title": "A", "key_results": [[1]]}]}) == [
        (("objectives", 0, "key_results", 0), "okrlint_key_result")
    ]


def test_numbers_in_titles_are_text() -> None:
    assert Objective.model_validate({"title": 2026}).title == "2026"
    assert error_types({"objectives": [{"title": True}]}) == [
        (("objectives", 0, "title"), "okrlint_type")
    ]


@pytest.mark.parametrize("value", [10, 2.5, "61%", "€0.6M", "10 days"])
def test_from_and_to_take_numbers_or_quoted_quantities(value: Any) -> None:
    spec = KeyResultSpec.model_validate({"title": "t", "from": value, "target": value})
    assert spec.from_ == spec.to == value


@pytest.mark.parametrize("value", [True, None, [1], {"a": 1}])
def test_from_refuses_other_things(value: Any) -> None:
    if value is None:  # null means "not given"
        assert KeyResultSpec.model_validate({"title": "t", "from": None}).from_ is None
        return
    with pytest.raises(ValidationError) as info:
        KeyResultSpec.model_validate({"title": "t", "from": value})
    assert info.value.errors()[0]["loc"] == ("from",)


@pytest.mark.parametrize("model", [KeyResultSpec, Kpi])
def test_a_field_and_its_alias_together_are_refused(model: type[BaseModel]) -> None:
    required = {"title": "t"} if model is KeyResultSpec else {"name": "n"}
    with pytest.raises(ValidationError) as info:
        model.model_validate({**required, "to": 1, "target": 2})
    [error] = info.value.errors()
    assert error["type"] == "okrlint_alias"
    assert error["ctx"] == {"name": "to", "alias": "target"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 9, 30), dt.date(2026, 9, 30)),
        (dt.datetime(2026, 9, 30, 23, 59), dt.date(2026, 9, 30)),
        ("2026-09-30", dt.date(2026, 9, 30)),
        (" 2026-09-30 ", dt.date(2026, 9, 30)),
    ],
)
def test_dates(value: Any, expected: dt.date) -> None:
    assert Objective.model_validate({"title": "A", "due": value}).due == expected


@pytest.mark.parametrize("value", ["2026-02-30", "30.09.2026", "soon", 20260930, True])
def test_not_dates(value: Any) -> None:
    assert error_types({"objectives": [{"title": "A", "due": value}]}) == [
        (("objectives", 0, "due"), "okrlint_type")
    ]


@pytest.mark.parametrize("cycle", ["2026-Q3", "Q3 2026", "2026 Q3", "2026-H2", 2026, "2026-07"])
def test_cycle_texts(cycle: Any) -> None:
    assert board(cycle=cycle).cycle == cycle


@pytest.mark.parametrize("cycle", ["2026-Q5", "2026-H3", "2026-13", "someday", "", True, 2026.5])
def test_not_cycles(cycle: Any) -> None:
    [(loc, kind)] = error_types({"objectives": [], "cycle": cycle})
    assert loc[0] == "cycle" and kind == "okrlint_type"


def test_cycle_ranges() -> None:
    cycle = board(cycle={"start": "2026-07-01", "end": dt.date(2026, 9, 30)}).cycle
    assert cycle == CycleRange(start=dt.date(2026, 7, 1), end=dt.date(2026, 9, 30))
    [(loc, kind)] = error_types(
        {"objectives": [], "cycle": {"start": "2026-09-30", "end": "2026-07-01"}}
    )
    assert (loc[0], kind) == ("cycle", "okrlint_cycle")


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        ("< 4", "< 4"),
        (">= 99.9", ">= 99.9"),
        ("95..99", "95..99"),
        (4, 4),
        ({"min": 99.9}, ThresholdRange(min=99.9)),
        ({"min": "95%", "max": 99}, ThresholdRange(min="95%", max=99)),
    ],
)
def test_thresholds(threshold: Any, expected: Any) -> None:
    assert Kpi.model_validate({"name": "k", "threshold": threshold}).threshold == expected


def test_a_threshold_mapping_allows_only_min_and_max() -> None:
    [(loc, kind)] = error_types({"kpis": [{"name": "k", "threshold": {"minimum": 1}}]})
    assert (loc[-1], kind) == ("minimum", "extra_forbidden")


@pytest.mark.parametrize(("value", "expected"), [("en", "en"), ("DE", "de"), (" Es ", "es")])
def test_languages(value: str, expected: str) -> None:
    assert board(language=value).language == expected


@pytest.mark.parametrize("value", ["it", "english", 1, True])
def test_not_languages(value: Any) -> None:
    assert error_types({"objectives": [], "language": value}) == [(("language",), "literal_error")]


def test_languages_constant_matches_the_model() -> None:
    for language in LANGUAGES:
        assert board(language=language).language == language


def test_unknown_fields_are_refused_everywhere() -> None:
    data = {
        "objectives": [{"title": "A", "x1": 1, "key_results": [{"title": "t", "x2": 1}]}],
        "kpis": [{"name": "k", "x3": 1}],
        "x4": 1,
    }
    errors = error_types(data)
    assert {kind for _loc, kind in errors} == {"extra_forbidden"}
    assert sorted(loc[-1] for loc, _kind in errors) == ["x1", "x2", "x3", "x4"]


# -- the JSON Schema editors use --------------------------------------------------------


EXAMPLE = {
    "board": "Growth team",
    "cycle": "2026-Q3",
    "owner": "growth",
    "language": "en",
    "kpis": [
        {
            "id": "churn",
            "name": "Monthly gross churn",
            "owner": "finance",
            "unit": "%",
            "threshold": "< 4",
            "current": 4.6,
        }
    ],
    "objectives": [
        {
            "id": "O1",
            "title": "Make onboarding effortless for new teams",
            "owner": "growth",
            "due": "2026-09-30",
            "key_results": [
                "Increase activation from 61% to 75%",
                {
                    "title": "Cut median onboarding time",
                    "id": "KR2",
                    "metric": "onboarding_days",
                    "from": 10,
                    "to": 6,
                    "unit": "days",
                    "owner": "dana",
                    "due": "2026-09-15",
                },
                {"title": "Churn under 4%", "baseline": 4.6, "target": 3.5, "kpi": "churn"},
            ],
        }
    ],
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return Board.model_json_schema()


def test_the_schema_accepts_the_documented_example(schema: dict[str, Any]) -> None:
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(EXAMPLE)) == []
    assert Board.model_validate(EXAMPLE).objectives[0].key_results[2].to == 3.5  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "bad",
    [
        {"objectives": [{"title": "A", "tittle": "x"}]},
        {"objectives": [{"title": "A", "key_results": [{"title": "t", "tgt": 1}]}]},
        {"objectives": [{"owner": "x"}]},
        {"kpis": [{"name": "k", "threshold": {"minimum": 1}}]},
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(schema: dict[str, Any], bad: Any) -> None:
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    with pytest.raises(ValidationError):
        Board.model_validate(bad)


def test_every_schema_property_has_a_description(schema: dict[str, Any]) -> None:
    models = [schema, *schema["$defs"].values()]
    missing = [
        (model.get("title"), name)
        for model in models
        for name, prop in model.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert missing == []
