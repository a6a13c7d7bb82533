"""The JSON Schema of the board format: current, complete, and in step with the loader."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from okrlint.cli import app
from okrlint.errors import ErrorKind
from okrlint.loader import load_text
from okrlint.models import ALLOWED_FIELDS
from okrlint.schema import board_schema, render_schema

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schemas" / "board.schema.json"


class _JsonView(yaml.SafeLoader):
    """YAML as an editor's schema validator sees it: dates stay text (YAML 1.2)."""


_JsonView.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_json_data(text: str) -> Any:
    return yaml.load(text, Loader=_JsonView)  # a SafeLoader: safe


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return board_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def schema_errors(validator: jsonschema.Draft202012Validator, text: str) -> list[str]:
    return [e.message for e in validator.iter_errors(as_json_data(textwrap.dedent(text)))]


def loader_schema_errors(text: str) -> list[str]:
    loaded = load_text(textwrap.dedent(text), "board.yaml")
    return [e.message for e in loaded.errors if e.kind is ErrorKind.SCHEMA_ERROR]


# -- the committed file and the command --------------------------------------------------


def test_committed_schema_is_current(update_golden: bool) -> None:
    text = render_schema()
    if update_golden:
        COMMITTED.parent.mkdir(exist_ok=True)
        COMMITTED.write_text(text, encoding="utf-8", newline="\n")
    assert COMMITTED.is_file(), "run pytest --update-golden to write schemas/board.schema.json"
    assert COMMITTED.read_text(encoding="utf-8") == text, (
        "schemas/board.schema.json is out of date: run pytest --update-golden and review the diff"
    )


def test_okrlint_schema_prints_the_schema(schema: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == schema


def test_is_a_draft_2020_12_schema_with_id_title_and_description(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/schemas/board.schema.json")
    assert schema["title"] and schema["description"]
    assert list(schema)[:4] == ["$schema", "$id", "title", "description"]


# -- every field documented ------------------------------------------------------------


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in schema["properties"].items():
        yield f"board.{name}", prop
    for model, definition in schema["$defs"].items():
        for name, prop in definition.get("properties", {}).items():
            yield f"{model}.{name}", prop


def test_every_field_has_a_description_and_examples(schema: dict[str, Any]) -> None:
    missing = [
        where
        for where, prop in _properties(schema)
        if not prop.get("description") or not prop.get("examples")
    ]
    assert missing == []
    assert all(d.get("description") for d in schema["$defs"].values())


def test_every_field_example_is_valid_for_its_field(schema: dict[str, Any]) -> None:
    wrong = [
        f"{where}: {example!r}"
        for where, prop in _properties(schema)
        for example in prop["examples"]
        if not jsonschema.Draft202012Validator({"$defs": schema["$defs"], **prop}).is_valid(example)
    ]
    assert wrong == []


def test_unknown_fields_are_not_allowed_and_the_fields_match_the_loader(
    schema: dict[str, Any],
) -> None:
    defs = schema["$defs"]
    mappings = {
        "board": schema,
        "objective": defs["Objective"],
        "key result": defs["KeyResultSpec"],
        "kpi": defs["Kpi"],
        "cycle": defs["CycleRange"],
        "threshold": defs["ThresholdRange"],
    }
    for kind, definition in mappings.items():
        assert definition["additionalProperties"] is False, kind
        assert set(definition["properties"]) == set(ALLOWED_FIELDS[kind]), kind


# -- boards: the examples validate, bad boards do not; the schema and okrlint agree ------


def _shipped_boards() -> list[Path]:
    return sorted((ROOT / "examples").rglob("*.yaml"))


def test_there_are_examples_to_validate() -> None:
    assert len(_shipped_boards()) >= 3


@pytest.mark.parametrize("path", _shipped_boards(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_example_board_validates(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    assert schema_errors(validator, path.read_text(encoding="utf-8")) == []


def one_key_result_text(item: str) -> str:
    return f"objectives:\n  - title: Grow\n    key_results: [{item}]\n"


VALID = {
    "only objectives, as text": """\
        objectives:
          - title: Grow
            key_results: [Increase activation from 61% to 75%]
        """,
    "only kpis, empty key results": """\
        kpis:
          - {name: Uptime, threshold: 99.9}
        objectives:
          - title: Grow
            key_results:
        """,
    "baseline and target as aliases": """\
        objectives:
          - title: Grow
            key_results:
              - {title: Activation, baseline: "61%", target: "75%"}
        kpis:
          - {name: Refunds, baseline: 10, target: 5, due: 2026-09-30}
        """,
    "cycle forms": """\
        cycle: Q3 2026
        objectives: []
        kpis: [{name: Uptime}]
        """,
    "a year as a number": "cycle: 2026\nkpis: [{name: Uptime}]\n",
    "a month": "cycle: 2026-07\nkpis: [{name: Uptime}]\n",
    "a half, compact": "cycle: 2026h2\nkpis: [{name: Uptime}]\n",
    "a cycle range": "cycle: {start: 2026-04-01, end: 2027-03-31}\nkpis: [{name: Uptime}]\n",
    "a fiscal quarter": "cycle: FY26-Q3\nkpis: [{name: Uptime}]\n",
    "a fiscal quarter, quarter first": "cycle: Q3 FY2026\nkpis: [{name: Uptime}]\n",
    "a fiscal half": "cycle: fy2026-h1\nkpis: [{name: Uptime}]\n",
    "a fiscal year": "cycle: FY26\nkpis: [{name: Uptime}]\n",
    "a semester": "cycle: 2026-S1\nkpis: [{name: Uptime}]\n",
    "a tertial": "cycle: T2 2026\nkpis: [{name: Uptime}]\n",
    "a due month": one_key_result_text("{title: A, due: 2026-09}"),
    "tracker fields": """\
        notes: imported from the tracker
        x-tracker-id: 4411
        objectives:
          - title: Grow
            status: on track
            progress: 0.4
            confidence: 7/10
            priority: P1
            stretch: false
            parent: Company#O2
            tags: [growth]
            links: [https://example.com]
            x-sheet-row: 12
            initiatives:
              - Run a pricing workshop
              - {title: Ship the wizard, owner: dana, due: 2026-08, progress: "50%"}
            key_results:
              - {title: Raise activation from 61% to 75%, progress: "85%", stretch: true,
                 initiatives: [Add a checklist], x-jira: GROW-12}
        kpis:
          - {name: Churn, threshold: "< 4", status: green, x-source: looker}
        """,
    "numbers read as text": """\
        board: 2026
        owner: 42
        objectives:
          - {id: 1, title: Grow, due: 2026-09-30, key_results: [{title: 7, id: 2, from: 1}]}
        """,
    "threshold forms": """\
        kpis:
          - {name: Churn, threshold: "< 4", current: "4.6%"}
          - {name: Uptime, threshold: {min: 99.9}}
          - {name: Latency, threshold: {min: 100, max: "2 s"}}
        """,
    "language in capitals": "language: DE\nkpis: [{name: Uptime}]\n",
    "an empty list beside a kpi": "objectives:\nkpis: [{name: Uptime}]\n",
}


def one_key_result(item: str) -> str:
    return f"objectives:\n  - title: Grow\n    key_results: [{item}]\n"


INVALID = {
    "an unknown board field": "tittle: Growth\nobjectives: []\n",
    "an unknown objective field": "objectives:\n  - {title: Grow, tittle: Grow}\n",
    "an unknown key result field": one_key_result("{title: A, form: 1}"),
    "an unknown kpi field": "kpis:\n  - {name: Churn, treshold: 4}\n",
    "neither objectives nor kpis": "board: Growth\ncycle: 2026-Q3\n",
    "empty lists": "objectives:\nkpis:\n",
    "an empty objectives list": "objectives: []\n",
    "an objective without a title": "objectives:\n  - {owner: growth}\n",
    "a blank title": "objectives:\n  - {title: '  '}\n",
    "a key result mapping without a title": one_key_result("{from: 1}"),
    "a blank key result": one_key_result("''"),
    "a number as a key result": one_key_result("5"),
    "a kpi without a name": "kpis:\n  - {id: churn, threshold: '< 4'}\n",
    "from and baseline together": one_key_result("{title: A, from: 1, baseline: 2}"),
    "to and target together on a kpi": "kpis:\n  - {name: Churn, to: 3, target: 2}\n",
    "a month that does not exist": "cycle: 2026-13\nkpis: []\n",
    "a fiscal quarter that does not exist": "cycle: FY26-Q5\nkpis: []\n",
    "a fiscal tertial": "cycle: FY26-T1\nkpis: []\n",
    "a fourth tertial": "cycle: 2026-T4\nkpis: []\n",
    "a progress above 1": one_key_result("{title: A, progress: 85}"),
    "a progress in words": one_key_result("{title: A, progress: most}"),
    "stretch as text": one_key_result("{title: A, stretch: 'yes'}"),
    "an initiative mapping without a title": (
        "objectives:\n  - {title: Grow, initiatives: [{owner: dana}]}\n"
    ),
    "an unknown initiative field": (
        "objectives:\n  - {title: Grow, initiatives: [{title: A, colour: red}]}\n"
    ),
    "a due month that does not exist": one_key_result("{title: A, due: 2026-13}"),
    "a cycle in words": "cycle: next quarter\nkpis: []\n",
    "a cycle range without an end": "cycle: {start: 2026-07-01}\nkpis: []\n",
    "a threshold of true": "kpis:\n  - {name: Churn, threshold: true}\n",
    "an unknown threshold bound": "kpis:\n  - {name: Churn, threshold: {min: 1, avg: 2}}\n",
    "an impossible date": "objectives:\n  - {title: Grow, due: 2026-02-30}\n",
    "an unknown language": "language: it\nkpis: []\n",
    "objectives as text": "objectives: grow\n",
    "a baseline of true": one_key_result("{title: A, from: yes}"),
}


@pytest.mark.parametrize("text", VALID.values(), ids=VALID.keys())
def test_valid_boards_pass_both_the_schema_and_okrlint(
    text: str, validator: jsonschema.Draft202012Validator
) -> None:
    assert schema_errors(validator, text) == []
    assert loader_schema_errors(text) == []


@pytest.mark.parametrize("text", INVALID.values(), ids=INVALID.keys())
def test_invalid_boards_fail_both_the_schema_and_okrlint(
    text: str, validator: jsonschema.Draft202012Validator
) -> None:
    assert schema_errors(validator, text) != []
    assert loader_schema_errors(text) != []


def test_the_starter_board_of_init_validates(validator: jsonschema.Draft202012Validator) -> None:
    import datetime as dt

    from okrlint.scaffold import starter_board_text

    assert schema_errors(validator, starter_board_text(dt.date(2026, 8, 1))) == []
