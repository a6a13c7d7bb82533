"""Loading boards: bytes → text → YAML tree → Board, every failure an InputError."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import textwrap
from pathlib import Path

import pytest
import yaml

import okrlint.yamltree as yamltree
from okrlint.errors import ErrorKind, InputError
from okrlint.files import Limits, decode
from okrlint.loader import LoadedBoard, load_board, load_text
from okrlint.models import CycleRange, KeyResultSpec, ThresholdRange
from okrlint.positions import Position

GOOD = """\
board: Growth
cycle: 2026-Q3
kpis:
  - id: churn
    name: Monthly gross churn
    threshold: "< 4"
objectives:
  - id: O1
    title: Make onboarding effortless
    key_results:
      - Increase activation from 61% to 75%
      - title: Cut onboarding time
        id: KR2
        from: 10
        to: 6
        unit: days
"""


def load(text: str, limits: Limits = yamltree.DEFAULT_LIMITS) -> LoadedBoard:
    return load_text(textwrap.dedent(text), "board.yaml", limits)


def only_error(text: str, limits: Limits = yamltree.DEFAULT_LIMITS) -> InputError:
    loaded = load(text, limits)
    assert loaded.board is None
    [error] = loaded.errors
    assert error.file == "board.yaml"
    return error


def where(error: InputError) -> tuple[str, int, int, str]:
    return (error.kind.value, error.line, error.column, error.node)


def test_a_good_board_loads() -> None:
    loaded = load(GOOD)
    assert loaded.ok and loaded.errors == []
    assert loaded.board is not None
    assert [k.id for k in loaded.board.kpis] == ["churn"]
    [objective] = loaded.board.objectives
    text, spec = objective.key_results
    assert text == "Increase activation from 61% to 75%"
    assert isinstance(spec, KeyResultSpec)
    assert (spec.from_, spec.to, spec.unit) == (10, 6, "days")
    assert loaded.source == GOOD


# -- not a board at all -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "   \n", "# just a comment\n", "---\n", "~\n"])
def test_an_empty_file_is_a_clear_error(text: str) -> None:
    error = only_error(text)
    assert where(error) == ("schema-error", 1, 1, "")
    assert "empty" in error.message
    assert "objectives" in error.message and "kpis" in error.message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("- title: A\n- title: B\n", "a list"),
        ("Grow revenue\n", "the text 'Grow revenue'"),
        ("42\n", "the number 42"),
        ("2026-09-30\n", "the date 2026-09-30"),
    ],
)
def test_a_top_level_that_is_not_a_mapping(text: str, found: str) -> None:
    error = only_error(text)
    assert where(error) == ("schema-error", 1, 1, "")
    assert "mapping" in error.message and found in error.message


def test_a_mapping_with_neither_objectives_nor_kpis() -> None:
    error = only_error("board: Growth\ncycle: 2026-Q3\n")
    assert where(error) == ("schema-error", 1, 1, "")
    assert "'objectives'" in error.message and "'kpis'" in error.message


# -- bytes and encodings ------------------------------------------------------------------


def test_non_utf8_bytes_point_at_the_first_bad_byte() -> None:
    error = decode(b"board: x\nobjectives:\n  - title: Caf\xe9 culture\n", "b.yaml")
    assert isinstance(error, InputError)
    assert (error.kind, error.line, error.column) == (ErrorKind.PARSE_ERROR, 3, 15)
    assert "0xe9" in error.message and "UTF-8" in error.message
    assert "UTF-8" in error.hint


def test_non_utf8_column_counts_characters_before_the_bad_byte() -> None:
    error = decode("objectives:\n  - title: é€".encode() + b"\xff\n", "b.yaml")
    assert isinstance(error, InputError)
    assert (error.line, error.column) == (2, 14)


def test_non_utf8_on_crlf_lines() -> None:
    error = decode(b"board: x\r\nowner: \x80\r\n", "b.yaml")
    assert isinstance(error, InputError)
    assert (error.line, error.column) == (2, 8)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(codecs.BOM_UTF8 + GOOD.encode(), id="utf-8-bom"),
        pytest.param(GOOD.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), id="utf-16-le"),
        pytest.param(codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), id="utf-16-be"),
        pytest.param(codecs.BOM_UTF32_LE + GOOD.encode("utf-32-le"), id="utf-32-le"),
    ],
)
def test_a_byte_order_mark_selects_the_encoding(data: bytes) -> None:
    assert decode(data, "b.yaml") == GOOD


def test_broken_utf16_points_at_the_line_in_characters() -> None:
    data = codecs.BOM_UTF16_LE + "objectives:\n  - tïtle: x".encode("utf-16-le") + b"\x00"
    error = decode(data, "b.yaml")
    assert isinstance(error, InputError)
    assert (error.kind, error.line, error.column) == (ErrorKind.PARSE_ERROR, 2, 13)
    assert "UTF-16" in error.message


def test_positions_after_a_bom_are_not_shifted(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes(codecs.BOM_UTF8 + b"titel: x\nobjectives: []\n")
    [error] = load_board(path).errors
    assert (error.line, error.column, error.node) == (1, 1, "titel")
    path.write_bytes("objectives:\n  - titel: x\n".encode("utf-16"))
    errors = load_board(path).errors
    assert [(e.line, e.column, e.node) for e in errors] == [
        (2, 5, "objectives[0].titel"),
        (2, 5, "objectives[0].title"),  # required, missing: points at the mapping
    ]


def test_utf16_without_a_bom_is_reported_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes("objectives: []\n".encode("utf-16-le"))
    [error] = load_board(path).errors
    assert error.kind is ErrorKind.PARSE_ERROR
    assert (error.line, error.column) == (1, 2)  # the NUL after "o"
    assert "UTF-16" in error.hint


def test_crlf_line_endings_load_with_the_right_lines() -> None:
    loaded = load_text(GOOD.replace("\n", "\r\n") + "owner: x\r\nownr: y\r\n", "b.yaml")
    [error] = loaded.errors
    assert where(error) == ("schema-error", 18, 1, "ownr")
    assert "did you mean 'owner'" in error.hint


# -- YAML problems surface through load_text -------------------------------------------------


def test_tabs() -> None:
    error = only_error("objectives:\n\t- title: A\n")
    assert where(error) == ("parse-error", 2, 1, "objectives")
    assert "tab" in error.message and "spaces" in error.hint


def test_an_impossible_date() -> None:
    error = only_error("cycle: 2026-Q1\nobjectives:\n  - title: A\n    due: 2026-02-30\n")
    assert where(error) == ("schema-error", 4, 10, "objectives[0].due")
    assert "2026-02-30" in error.message and "not a real date" in error.message


def test_an_unquoted_threshold_comparison() -> None:
    error = only_error("kpis:\n  - name: Uptime\n    threshold: >= 99.9\n")
    assert where(error) == ("parse-error", 3, 16, "kpis[0].threshold")
    assert "block scalar" in error.message
    assert "quote" in error.hint and '">= 99.9"' in error.hint


def test_a_quoted_threshold_comparison_loads() -> None:
    loaded = load('kpis:\n  - name: Uptime\n    threshold: ">= 99.9"\n')
    assert loaded.board is not None and loaded.board.kpis[0].threshold == ">= 99.9"


def test_several_documents() -> None:
    error = only_error("objectives:\n  - title: A\n---\nkpis: []\n")
    assert where(error) == ("limit-exceeded", 3, 1, "")
    assert "document" in error.message


def test_a_python_object_tag_is_refused_and_nothing_runs() -> None:
    error = only_error("objectives:\n  - !!python/object/apply:os.system ['touch pwned']\n")
    assert where(error) == ("parse-error", 2, 5, "objectives[0]")
    assert "!!python/object/apply" in error.message
    assert not Path("pwned").exists()


def test_billion_laughs_is_a_limit_error() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 9):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    error = only_error("\n".join(lines) + "\n")
    assert error.kind is ErrorKind.LIMIT_EXCEEDED
    assert error.line == 5


def test_deep_nesting_with_the_pure_python_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamltree, "_Loader", yaml.SafeLoader)
    error = only_error("objectives: " + "[" * 20_000 + "]" * 20_000 + "\n")
    assert where(error)[:3] == ("limit-exceeded", 1, 76)
    assert "64" in error.message


def test_deep_nesting_with_the_default_loader() -> None:
    error = only_error("objectives: " + "[" * 20_000 + "]" * 20_000 + "\n")
    assert error.kind is ErrorKind.LIMIT_EXCEEDED
    assert error.line == 1


# -- duplicate keys and ids: reported, and the board is still linted -----------------------


def test_a_duplicate_key_is_reported_and_the_board_still_loads() -> None:
    loaded = load("objectives:\n  - title: A\n    owner: x\n    owner: y\n")
    [error] = loaded.errors
    assert where(error) == ("duplicate-key", 4, 5, "objectives[0].owner")
    assert "'owner'" in error.message and "line 3" in error.message
    assert not error.fatal
    assert loaded.board is not None and loaded.board.objectives[0].owner == "y"


@pytest.mark.parametrize(
    ("text", "line", "column", "node", "first"),
    [
        (
            "objectives:\n  - id: X\n    title: A\n  - id: X\n    title: B\n",
            4,
            9,
            "objectives[1].id",
            "objectives[0]",
        ),
        (
            "kpis:\n  - {id: X, name: k}\nobjectives:\n  - {id: X, title: A}\n",
            4,
            10,
            "objectives[0].id",
            "kpis[0]",
        ),
        (
            "objectives:\n  - id: O1\n    title: A\n    key_results:\n      - {title: t, id: O1}\n",
            5,
            24,
            "objectives[0].key_results[0].id",
            "objectives[0]",
        ),
    ],
)
def test_duplicate_ids(text: str, line: int, column: int, node: str, first: str) -> None:
    loaded = load(text)
    [error] = loaded.errors
    assert where(error) == ("duplicate-id", line, column, node)
    assert first in error.message
    assert loaded.board is not None  # the rules still run


def test_key_results_in_plain_text_have_no_id_to_clash() -> None:
    loaded = load("objectives:\n  - id: A\n    title: A\n    key_results: [A, A]\n")
    assert loaded.errors == []


# -- schema errors ------------------------------------------------------------------------


def test_an_unknown_field_names_the_field_its_place_and_the_allowed_ones() -> None:
    error = only_error("objectives:\n  - title: A\n    keyresults:\n      - x\n")
    assert where(error) == ("schema-error", 3, 5, "objectives[0].keyresults")
    assert "'keyresults'" in error.message
    assert "objectives[0]" in error.message
    for allowed in ("id", "title", "owner", "due", "key_results"):
        assert allowed in error.message
    assert "did you mean 'key_results'" in error.hint


@pytest.mark.parametrize(
    ("text", "node", "allowed", "suggestion"),
    [
        ("titel: x\nobjectives: []\n", "titel", "language", None),
        ("kpis:\n  - name: k\n    treshold: '< 4'\n", "kpis[0].treshold", "current", "threshold"),
        (
            "kpis:\n  - name: k\n    threshold: {mn: 1}\n",
            "kpis[0].threshold.mn",
            "min, max",
            "min",
        ),
        (
            "cycle: {start: 2026-07-01, end: 2026-09-30, ende: x}\nobjectives: []\n",
            "cycle.ende",
            "end",
            "end",
        ),
        (
            "objectives:\n  - title: A\n    key_results:\n"
            "      - {title: t, baseline: 1, tgt: 2}\n",
            "objectives[0].key_results[0].tgt",
            "target",
            "target",
        ),
    ],
)
def test_unknown_fields_everywhere(
    text: str, node: str, allowed: str, suggestion: str | None
) -> None:
    error = only_error(text)
    assert (error.kind, error.node) == (ErrorKind.SCHEMA_ERROR, node)
    assert allowed in error.message
    if suggestion is not None:
        assert f"'{suggestion}'" in error.hint


def test_an_unknown_field_with_no_close_match_has_no_suggestion() -> None:
    error = only_error("objectives:\n  - title: A\n    zzzzzz: 1\n")
    assert error.hint == ""


@pytest.mark.parametrize(
    ("text", "node", "expected", "found"),
    [
        ("objectives:\n  - title: [a, b]\n", "objectives[0].title", "text", "a list"),
        ("objectives: 5\n", "objectives", "a list", "the number 5"),
        ("objectives:\n  title: A\n", "objectives", "a list", "a mapping"),
        ("objectives:\n  - title: A\n    due: soon\n", "objectives[0].due", "ISO date", "'soon'"),
        ("kpis:\n  - name: k\n    current: [1]\n", "kpis[0].current", "a number", "a list"),
        (
            "objectives:\n  - title: A\n    key_results: [7]\n",
            "objectives[0].key_results[0]",
            "a key result as text",
            "",
        ),
        ("objectives:\n  -\n", "objectives[0]", "an objective", "nothing (null)"),
        ("cycle: 2026-Q9\nobjectives: []\n", "cycle", "2026-Q3", "'2026-Q9'"),
        ("cycle: [2026]\nobjectives: []\n", "cycle", "2026-Q3", "a list"),
    ],
)
def test_wrong_types_say_what_was_expected_and_found(
    text: str, node: str, expected: str, found: str
) -> None:
    error = only_error(text)
    assert (error.kind, error.node) == (ErrorKind.SCHEMA_ERROR, node)
    assert expected in error.message
    assert found in error.message
    assert "input should be" not in error.message.lower()  # no raw pydantic wording


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "true", "False"])
def test_yaml_11_booleans_explain_quoting(word: str) -> None:
    error = only_error(f"objectives:\n  - title: {word}\n")
    assert where(error) == ("schema-error", 2, 12, "objectives[0].title")
    assert "expected text" in error.message
    assert "quote" in error.message


def test_a_quoted_yes_is_text() -> None:
    loaded = load("objectives:\n  - title: 'yes'\n")
    assert loaded.board is not None and loaded.board.objectives[0].title == "yes"


def test_a_missing_field_points_at_its_mapping() -> None:
    error = only_error("objectives:\n  - owner: growth\n    due: 2026-09-30\n")
    assert where(error) == ("schema-error", 2, 5, "objectives[0].title")
    assert "'title' is required" in error.message


def test_a_key_result_mapping_without_title() -> None:
    error = only_error("objectives:\n  - title: A\n    key_results:\n      - from: 1\n")
    assert where(error) == ("schema-error", 4, 9, "objectives[0].key_results[0].title")
    assert "plain text" in error.hint


def test_a_kpi_without_name() -> None:
    error = only_error("kpis:\n  - {id: churn, unit: '%'}\n")
    assert where(error) == ("schema-error", 2, 5, "kpis[0].name")


def test_schema_errors_are_all_reported_in_file_order() -> None:
    text = (
        "board: [x]\n"  # 1
        "objectives:\n"  # 2
        "  - title: A\n"  # 3
        "    due: soon\n"  # 4
        "  - titel: B\n"  # 5
        "kpis:\n"  # 6
        "  - name: k\n"  # 7
        "    current: yes\n"  # 8
    )
    loaded = load(text)
    assert loaded.board is None
    got = [(e.line, e.column, e.node) for e in loaded.errors]
    assert got == sorted(got)
    assert got == [
        (1, 8, "board"),
        (4, 10, "objectives[0].due"),
        (5, 5, "objectives[1].titel"),
        (5, 5, "objectives[1].title"),
        (8, 14, "kpis[0].current"),
    ]
    assert all(e.kind is ErrorKind.SCHEMA_ERROR for e in loaded.errors)


# -- the fields' forms ------------------------------------------------------------------------


@pytest.mark.parametrize("empty", ["", "[]", "~", "null"])
def test_empty_key_results_is_an_empty_list(empty: str) -> None:
    loaded = load(f"objectives:\n  - title: A\n    key_results: {empty}\n")
    assert loaded.errors == []
    assert loaded.board is not None and loaded.board.objectives[0].key_results == []


def test_an_empty_objectives_list_beside_kpis_is_an_empty_list() -> None:
    loaded = load("objectives:\nkpis:\n  - name: Uptime\n")
    assert loaded.errors == []
    assert loaded.board is not None and loaded.board.objectives == []


@pytest.mark.parametrize(
    ("text", "line", "column", "node"),
    [
        ("objectives: []\n", 1, 13, "objectives"),
        ("cycle: 2026-Q3\nobjectives:\n", 2, 1, "objectives"),
        ("kpis: []\nobjectives: null\n", 1, 7, "kpis"),
        ("objectives:\nkpis:\n", 1, 1, "objectives"),
    ],
)
def test_a_board_with_no_objective_and_no_kpi_is_an_error_at_its_first_list(
    text: str, line: int, column: int, node: str
) -> None:
    error = only_error(text)
    assert where(error) == ("schema-error", line, column, node)
    assert "at least one objective or KPI" in error.message


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("from: 1, to: 2", (1, 2)),
        ("baseline: 1, target: 2", (1, 2)),
        ("baseline: '61%', to: '75%'", ("61%", "75%")),
        ("from: 1", (1, None)),
    ],
)
def test_from_to_and_their_aliases(fields: str, expected: tuple[object, object]) -> None:
    loaded = load(f"objectives:\n  - title: A\n    key_results:\n      - {{title: t, {fields}}}\n")
    assert loaded.errors == []
    assert loaded.board is not None
    [spec] = loaded.board.objectives[0].key_results
    assert isinstance(spec, KeyResultSpec)
    assert (spec.from_, spec.to) == expected


@pytest.mark.parametrize(
    ("owner", "fields", "column", "node", "words"),
    [
        (
            "objectives:\n  - title: A\n    key_results:\n      - ",
            "{title: t, from: 1, baseline: 2}",
            29,
            "objectives[0].key_results[0].baseline",
            ("'from'", "'baseline'"),
        ),
        (
            "objectives:\n  - title: A\n    key_results:\n      - ",
            "{title: t, target: 2, to: 1}",
            20,
            "objectives[0].key_results[0].target",
            ("'to'", "'target'"),
        ),
        ("kpis:\n  - ", "{name: k, from: 1, baseline: 2}", 24, "kpis[0].baseline", ("'from'",)),
    ],
)
def test_giving_a_field_and_its_alias_is_an_error(
    owner: str, fields: str, column: int, node: str, words: tuple[str, ...]
) -> None:
    error = only_error(owner + fields + "\n")
    assert (error.kind, error.column, error.node) == (ErrorKind.SCHEMA_ERROR, column, node)
    assert "not both" in error.message
    assert "keep one" in error.hint
    for word in words:
        assert word in error.message
    assert "unknown field" not in error.message


@pytest.mark.parametrize(
    ("cycle", "expected"),
    [
        ("2026-Q3", "2026-Q3"),
        ("Q3 2026", "Q3 2026"),
        ("2026 Q3", "2026 Q3"),
        ("2026-H2", "2026-H2"),
        ("2026", 2026),
        ("'2026'", "2026"),
        ("2026-07", "2026-07"),
    ],
)
def test_cycle_forms(cycle: str, expected: object) -> None:
    loaded = load(f"cycle: {cycle}\nkpis: [{{name: Uptime}}]\n")
    assert loaded.errors == []
    assert loaded.board is not None and loaded.board.cycle == expected


def test_a_cycle_mapping() -> None:
    loaded = load("cycle: {start: 2025-10-01, end: '2026-01-31'}\nkpis: [{name: Uptime}]\n")
    assert loaded.board is not None
    assert loaded.board.cycle == CycleRange(start=dt.date(2025, 10, 1), end=dt.date(2026, 1, 31))


def test_a_cycle_of_one_day_is_fine() -> None:
    assert load("cycle: {start: 2026-07-01, end: 2026-07-01}\nkpis: [{name: Uptime}]\n").ok


def test_a_cycle_that_ends_before_it_starts() -> None:
    error = only_error("objectives: []\ncycle:\n  start: 2026-09-30\n  end: 2026-07-01\n")
    assert where(error) == ("schema-error", 3, 3, "cycle")
    assert "2026-07-01" in error.message and "2026-09-30" in error.message
    assert "before" in error.message


def test_a_cycle_mapping_needs_both_ends() -> None:
    error = only_error("cycle: {start: 2026-07-01}\nobjectives: []\n")
    assert where(error) == ("schema-error", 1, 8, "cycle.end")


@pytest.mark.parametrize(("value", "expected"), [("en", "en"), ("DE", "de"), (" fr ", "fr")])
def test_language_values(value: str, expected: str) -> None:
    loaded = load(f"language: '{value}'\nkpis: [{{name: Uptime}}]\n")
    assert loaded.board is not None and loaded.board.language == expected


@pytest.mark.parametrize(("value", "found"), [("it", "'it'"), ("5", "5"), ("[en]", "a list")])
def test_unknown_languages(value: str, found: str) -> None:
    error = only_error(f"language: {value}\nobjectives: []\n")
    assert where(error) == ("schema-error", 1, 11, "language")
    assert "'en'" in error.message and "'fr'" in error.message and found in error.message


def test_a_threshold_mapping() -> None:
    loaded = load("kpis:\n  - name: Uptime\n    threshold: {min: 99.9}\n")
    assert loaded.board is not None
    assert loaded.board.kpis[0].threshold == ThresholdRange(min=99.9)


def test_unit_is_free_text() -> None:
    loaded = load("kpis:\n  - name: Donations\n    unit: donors\n  - name: x\n    unit: 7\n")
    assert loaded.board is not None
    assert [k.unit for k in loaded.board.kpis] == ["donors", "7"]


def test_a_kpi_may_carry_due_from_and_to_for_the_rules_to_report() -> None:
    loaded = load("kpis:\n  - {name: k, due: 2026-09-30, baseline: 10, target: 5}\n")
    assert loaded.errors == []
    assert loaded.board is not None
    kpi = loaded.board.kpis[0]
    assert (kpi.due, kpi.from_, kpi.to) == (dt.date(2026, 9, 30), 10, 5)


# -- limits --------------------------------------------------------------------------------


def test_max_file_size(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    data = GOOD.encode()
    path.write_bytes(data)
    assert load_board(path, Limits(max_file_size=len(data))).ok
    [error] = load_board(path, Limits(max_file_size=len(data) - 1)).errors
    assert where(error) == ("limit-exceeded", 1, 1, "")
    assert f"{len(data):,}" in error.message and "--max-file-size" in error.hint


def test_max_depth() -> None:
    assert load(GOOD, Limits(max_depth=5)).ok
    error = only_error(GOOD, Limits(max_depth=4))
    assert where(error) == ("limit-exceeded", 12, 9, "objectives[0].key_results[1]")


def test_max_alias_nodes() -> None:
    text = "objectives:\n  - &o {title: A}\n  - *o\n  - *o\n"
    assert load(text, Limits(max_alias_nodes=6)).ok
    error = only_error(text, Limits(max_alias_nodes=5))
    assert where(error) == ("limit-exceeded", 4, 5, "objectives[2]")


def test_merge_keys_in_a_board() -> None:
    text = (
        "objectives:\n"
        "  - &defaults\n"
        "    title: First\n"
        "    owner: growth\n"
        "    due: 2026-09-30\n"
        "  - <<: *defaults\n"
        "    title: Second\n"
    )
    loaded = load(text)
    assert loaded.errors == []
    assert loaded.board is not None
    second = loaded.board.objectives[1]
    assert (second.title, second.owner, second.due) == ("Second", "growth", dt.date(2026, 9, 30))


def test_errors_in_aliased_items() -> None:
    # a field of an aliased item is where its text is: in the anchored item
    loaded = load("objectives:\n  - &o\n    titel: A\n    title: A\n  - *o\n")
    assert [(e.line, e.node) for e in loaded.errors] == [
        (3, "objectives[0].titel"),
        (3, "objectives[1].titel"),
    ]
    # an aliased item itself is where the alias is
    loaded = load("kpis: []\nobjectives:\n  - title: A\n  - &n ~\n  - *n\n")
    assert [(e.line, e.node) for e in loaded.errors] == [(4, "objectives[1]"), (5, "objectives[2]")]


# -- files -----------------------------------------------------------------------------------


def test_a_missing_file(tmp_path: Path) -> None:
    loaded = load_board(tmp_path / "nope.yaml", file="nope.yaml")
    [error] = loaded.errors
    assert (error.kind, error.file, error.line, error.column) == (
        ErrorKind.IO_ERROR,
        "nope.yaml",
        1,
        1,
    )
    assert "no such file" in error.message


def test_a_directory_as_a_file(tmp_path: Path) -> None:
    [error] = load_board(tmp_path).errors
    assert error.kind is ErrorKind.IO_ERROR and "directory" in error.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    [error] = load_board(fifo).errors  # must not block waiting for a writer
    assert error.kind is ErrorKind.IO_ERROR and "regular file" in error.message


def test_a_path_with_a_nul_byte() -> None:
    [error] = load_board("bad\0name.yaml").errors
    assert error.kind is ErrorKind.IO_ERROR


def test_load_board_names_the_file_as_given(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("objectives:\n  - titel: x\n", encoding="utf-8")
    loaded = load_board(path, file="goals/b.yaml")
    assert loaded.file == "goals/b.yaml"
    assert {e.file for e in loaded.errors} == {"goals/b.yaml"}


def test_span_of_points_at_items_and_fields() -> None:
    loaded = load(GOOD)
    assert loaded.span_of(("objectives", 0)).start == Position(8, 5)
    assert loaded.span_of(("objectives", 0, "key_results", 1), "from").start == Position(14, 15)
    # a missing field: the item itself
    assert loaded.span_of(("objectives", 0), "owner").start == Position(8, 5)
    # the whole board
    assert loaded.span_of(()).start == Position(1, 1)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("services:\n  web:\n    image: nginx\n", "not-a-board"),  # a docker-compose.yml
        ("- id: lint\n  entry: make lint\n", "not-a-board"),  # a hooks file, a playbook
        ("{}\n", "not-a-board"),
        ("- title: Grow\n  key_results: [A]\n", "schema-error"),  # a board written as a list
        ("objetives:\n  - title: Grow\n", "schema-error"),  # a board with a typo
        ("KPIs:\n  - name: Churn\n", "schema-error"),
        ("board: Growth\ncycle: 2026-Q3\n", "schema-error"),  # a board's mark, nothing more
        ("cycle: 2026-Q3\n", "not-a-board"),  # none of objectives, kpis, board
    ],
)
def test_yaml_that_is_no_board_is_told_from_a_broken_board(text: str, kind: str) -> None:
    error = only_error(text)
    assert error.kind.value == kind, error.message
