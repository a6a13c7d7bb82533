"""The safe YAML reader: positions, duplicate keys, aliases, limits, refused tags.

Every behaviour that depends on the parser is run with both libyaml's C loader and
PyYAML's pure-Python loader (the ``loader`` fixture swaps ``okrlint.yamltree._Loader``).
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

import okrlint.yamltree as yamltree
from conftest import billion_laughs
from okrlint.errors import ErrorKind, InputError
from okrlint.files import Limits
from okrlint.positions import Position
from okrlint.yamltree import YamlTree, YamlTreeError, read_tree

LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.insert(0, pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(yamltree, "_Loader", request.param)
    return request.param  # type: ignore[no-any-return]


def tree(text: str, limits: Limits = yamltree.DEFAULT_LIMITS) -> YamlTree:
    return read_tree(text, "board.yaml", limits)


def fatal(text: str, limits: Limits = yamltree.DEFAULT_LIMITS) -> InputError:
    with pytest.raises(YamlTreeError) as info:
        read_tree(text, "board.yaml", limits)
    error = info.value.error
    assert error.file == "board.yaml"
    assert error.line >= 1
    assert error.column >= 1
    return error


def where(error: InputError) -> tuple[str, int, int, str]:
    return (error.kind.value, error.line, error.column, error.node)


# -- the tree and its positions ---------------------------------------------------------


def test_nodes_know_their_positions(loader: type) -> None:
    t = tree("board: Growth\nobjectives:\n  - title: A\n    key_results: [x, 'y']\n")
    key, value = t.lookup(("objectives", 0, "title"))
    assert key is not None and value is not None
    assert (key.start, value.start) == (Position(3, 5), Position(3, 12))
    _key, item = t.lookup(("objectives", 0, "key_results", 1))
    assert item is not None and item.data == "y"
    assert item.start == Position(4, 22)
    assert t.root is not None and t.root.data["objectives"][0]["key_results"] == ["x", "y"]


def test_lookup_past_the_tree_returns_the_nearest_ancestor(loader: type) -> None:
    t = tree("objectives:\n  - title: A\n")
    key, node = t.lookup(("objectives", 0, "owner"))
    assert key is None
    assert node is not None and node.kind == "map" and node.start == Position(2, 5)
    key, node = t.lookup(("objectives", 7))
    assert key is None and node is not None and node.kind == "seq"


def test_empty_text_has_no_root(loader: type) -> None:
    assert tree("").root is None
    assert tree("# only a comment\n").root is None
    root = tree("---\n").root  # an explicit empty document: a null scalar
    assert root is None or (root.kind == "scalar" and root.data is None)


def test_crlf_line_endings_keep_lines_and_columns(loader: type) -> None:
    t = tree("board: x\r\nobjectives:\r\n  - title: A\r\n")
    _key, value = t.lookup(("objectives", 0, "title"))
    assert value is not None and value.data == "A" and value.start == Position(3, 12)


def test_columns_count_code_points_not_bytes(loader: type) -> None:
    t = tree("objectives:\n  - {title: 'é😀', owner: x}\n")
    key, _value = t.lookup(("objectives", 0, "owner"))
    assert key is not None and key.start == Position(2, 19)  # 22 if it counted UTF-8 bytes


def test_yaml_11_booleans_and_dates_are_read_as_yaml_does(loader: type) -> None:
    t = tree("a: yes\nb: off\nc: 2026-09-30\nd: '2026-09-30'\ne: 1_000\n")
    assert t.root is not None
    assert t.root.data == {
        "a": True,
        "b": False,
        "c": dt.date(2026, 9, 30),
        "d": "2026-09-30",
        "e": 1000,
    }


def test_safe_tags_and_the_non_specific_tag_are_allowed(loader: type) -> None:
    t = tree("a: !!str 123\nb: ! 12\nc: !!int '7'\nd: !!map {x: 1}\ne: !!seq [1]\n")
    assert t.root is not None
    assert t.root.data == {"a": "123", "b": "12", "c": 7, "d": {"x": 1}, "e": [1]}


# -- duplicate keys ---------------------------------------------------------------------


def test_a_duplicate_key_is_reported_at_the_second_key(loader: type) -> None:
    t = tree("objectives:\n  - title: A\n    owner: x\n    title: B\n")
    [error] = t.errors
    assert where(error) == ("duplicate-key", 4, 5, "objectives[0].title")
    assert "'title'" in error.message
    assert "line 2" in error.message  # where the first one is
    assert not error.fatal
    assert t.root is not None
    assert t.root.data["objectives"][0]["title"] == "B"  # what YAML would keep


def test_every_repeat_of_a_key_is_reported(loader: type) -> None:
    t = tree("kpis: []\nkpis: []\nobjectives: []\nkpis: []\n")
    assert [(e.line, e.node) for e in t.errors] == [(2, "kpis"), (4, "kpis")]
    assert all("line 1" in e.message for e in t.errors)


def test_duplicate_keys_in_a_flow_mapping(loader: type) -> None:
    t = tree("kpis:\n  - name: a\n    threshold: {min: 1, min: 2}\n")
    [error] = t.errors
    assert where(error) == ("duplicate-key", 3, 25, "kpis[0].threshold.min")


def test_keys_that_read_the_same_are_duplicates(loader: type) -> None:
    # 1 and 0x1 are the same integer key; yes and true the same boolean
    t = tree("a:\n  1: x\n  0x1: y\n  yes: p\n  true: q\n")
    assert [(e.line, e.column) for e in t.errors] == [(3, 3), (5, 3)]


def test_an_alias_used_as_a_duplicate_key_is_reported_where_the_alias_is(loader: type) -> None:
    t = tree("objectives:\n  - &k title: A\n    *k : B\n")
    [error] = t.errors
    assert where(error) == ("duplicate-key", 3, 5, "objectives[0].title")


# -- merge keys, anchors and aliases -----------------------------------------------------


def test_merge_keys_never_override_explicit_keys(loader: type) -> None:
    text = (
        "objectives:\n"
        "  - &base\n"
        "    title: Base\n"
        "    owner: growth\n"
        "  - <<: *base\n"
        "    title: Before the merge\n"
        "  - title: After the merge\n"
        "    <<: *base\n"
    )
    t = tree(text)
    assert t.errors == []
    assert t.root is not None
    base, before, after = t.root.data["objectives"]
    assert base == {"title": "Base", "owner": "growth"}
    assert before == {"title": "Before the merge", "owner": "growth"}
    assert after == {"title": "After the merge", "owner": "growth"}
    # the explicit key keeps its own position; the merged one points at the anchor's text
    key, _value = t.lookup(("objectives", 2, "title"))
    assert key is not None and key.start == Position(7, 5)
    key, _value = t.lookup(("objectives", 2, "owner"))
    assert key is not None and key.start == Position(4, 5)


def test_a_list_of_merges_the_first_wins(loader: type) -> None:
    t = tree("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n")
    assert t.root is not None
    assert t.root.data["c"] == {"x": 1, "y": 1, "z": 3}


@pytest.mark.parametrize("value", ["x", "[x]", "[[1]]"])
def test_a_merge_of_something_else_than_mappings_is_an_error(loader: type, value: str) -> None:
    error = fatal(f"objectives:\n  - title: a\n    <<: {value}\n")
    assert where(error)[:3] == ("parse-error", 3, 9)
    assert error.node == "objectives[0]"
    assert "merge" in error.message


def test_shared_data_through_aliases_is_fine(loader: type) -> None:
    t = tree("owners: &o [ana, ben]\nobjectives:\n  - {title: A, owners: *o}\n  - {owners: *o}\n")
    assert t.errors == []
    assert t.root is not None
    first, second = t.root.data["objectives"]
    assert first["owners"] == second["owners"] == ["ana", "ben"]


def test_an_aliased_item_sits_where_the_alias_is_written(loader: type) -> None:
    t = tree("objectives:\n  - &o\n    title: A\n  - *o\n")
    _key, second = t.lookup(("objectives", 1))
    assert second is not None and second.start == Position(4, 5)
    assert second.data == {"title": "A"}
    # its fields are the anchor's: that is where their text is
    _key, title = t.lookup(("objectives", 1, "title"))
    assert title is not None and title.start == Position(3, 12)


def test_an_alias_to_no_anchor_is_an_error(loader: type) -> None:
    error = fatal("objectives:\n  - *nowhere\n")
    assert where(error) == ("parse-error", 2, 5, "objectives[0]")
    assert "*nowhere" in error.message


def test_billion_laughs_is_refused_at_the_first_alias_over_the_cap(loader: type) -> None:
    error = fatal(billion_laughs())
    # Refused while reading line 5 (9**4 * 10 nodes so far), long before 9**9 expansions.
    assert where(error) == ("limit-exceeded", 5, 8, "e[0]")
    assert "10000" in error.message and "*d" in error.message
    assert "--max-alias-nodes" in error.hint


def test_the_alias_cap_counts_expanded_nodes(loader: type) -> None:
    text = "objectives:\n  - &o {title: A, owner: x}\n  - *o\n  - *o\n"
    # the mapping has 5 nodes (itself, 2 keys, 2 values): two aliases expand to 10
    assert tree(text, Limits(max_alias_nodes=10)).errors == []
    error = fatal(text, Limits(max_alias_nodes=9))
    assert where(error) == ("limit-exceeded", 4, 5, "objectives[2]")


def test_a_self_referencing_anchor_is_not_followed(loader: type) -> None:
    error = fatal("a: &a [*a]\n")
    assert error.kind is ErrorKind.PARSE_ERROR
    assert (error.line, error.column) == (1, 8)


# -- nesting: the builder is iterative -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("objectives: " + "[" * 5000 + "]" * 5000 + "\n", id="flow"),
        pytest.param("objectives:\n  " + "- " * 5000 + "x\n", id="block"),
    ],
)
def test_deep_nesting_is_an_input_error_not_a_recursion_error(loader: type, text: str) -> None:
    error = fatal(text)
    assert error.kind is ErrorKind.LIMIT_EXCEEDED
    assert error.line == 1 or error.line == 2
    assert error.node.startswith("objectives")


def test_the_depth_limit_names_the_place(loader: type) -> None:
    text = "objectives:\n  - title: a\n    key_results:\n      - title: x\n"
    # five levels: the board, objectives, an objective, key_results, a key result
    assert tree(text, Limits(max_depth=5)).errors == []
    error = fatal(text, Limits(max_depth=4))
    assert where(error) == ("limit-exceeded", 4, 9, "objectives[0].key_results[0]")
    assert "4 levels" in error.message and "--max-depth" in error.hint
    error = fatal(text, Limits(max_depth=3))
    assert where(error) == ("limit-exceeded", 4, 7, "objectives[0].key_results")


def test_pure_python_loader_builds_trees_deeper_than_the_recursion_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setattr(yamltree, "_Loader", yaml.SafeLoader)
    depth = sys.getrecursionlimit() * 3
    t = tree("- " * depth + "leaf\n", Limits(max_depth=depth + 1))
    node, levels = t.root, 0
    while node is not None and node.kind == "seq":
        node, levels = node.items[0], levels + 1
    assert levels == depth
    assert node is not None and node.data == "leaf"


# -- documents ------------------------------------------------------------------------


def test_a_second_document_is_refused(loader: type) -> None:
    error = fatal("objectives: []\n---\nkpis: []\n")
    assert where(error) == ("limit-exceeded", 2, 1, "")
    assert "second YAML document" in error.message and "line 2" in error.message


def test_explicit_start_and_end_markers_of_one_document_are_fine(loader: type) -> None:
    t = tree("%YAML 1.1\n---\nobjectives: []\n...\n")
    assert t.root is not None and t.root.data == {"objectives": []}


def test_more_documents_when_the_limit_allows(loader: type) -> None:
    t = tree("a: 1\n---\na: 2\n", Limits(max_documents=2))
    assert t.errors == []


# -- refused tags and unreadable scalars -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "node", "shown"),
    [
        ("objectives: !!python/object:os.system {}\n", 1, 13, "objectives", "!!python/object"),
        (
            "objectives:\n  - !!python/object/apply:os.system ['echo hi']\n",
            2,
            5,
            "objectives[0]",
            "!!python/object/apply",
        ),
        ("board: !!python/name:os.system\n", 1, 8, "board", "!!python/name"),
        ("board: !!binary aGVsbG8=\n", 1, 8, "board", "!!binary"),
        ("objectives: !!set {a}\n", 1, 13, "objectives", "!!set"),
        ("objectives: !!omap []\n", 1, 13, "objectives", "!!omap"),
        ("board: !custom x\n", 1, 8, "board", "!custom"),
    ],
)
def test_unsafe_tags_are_refused(
    loader: type, text: str, line: int, column: int, node: str, shown: str
) -> None:
    error = fatal(text)
    assert where(error) == ("parse-error", line, column, node)
    assert shown in error.message and "not allowed" in error.message


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("!!bool maybe", "parse-error"),
        ("!!int abc", "parse-error"),
        ("!!float abc", "parse-error"),
        ("!!timestamp soon", "schema-error"),
        ("9" * 5000, "parse-error"),  # longer than Python reads as an int
    ],
)
def test_scalars_that_cannot_be_constructed_are_input_errors(
    loader: type, value: str, kind: str
) -> None:
    error = fatal(f"kpis:\n  - name: x\n    current: {value}\n")
    assert where(error) == (kind, 3, 14, "kpis[0].current")
    assert len(error.message) < 200  # a long value is shortened


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2026-02-30", "day is out of range"),
        ("2026-13-01", "month"),
        ("2026-09-31 10:00:00", "day is out of range"),
    ],
)
def test_an_impossible_date_is_a_schema_error_at_its_value(
    loader: type, value: str, reason: str
) -> None:
    error = fatal(f"cycle: 2026-Q1\nobjectives:\n  - title: A\n    due: {value}\n")
    assert where(error) == ("schema-error", 4, 10, "objectives[0].due")
    assert value.split()[0] in error.message and reason in error.message
    assert "2026-09-30" in error.hint


def test_a_key_that_is_a_list_is_an_error(loader: type) -> None:
    error = fatal("objectives:\n  - ? [a, b]\n    : x\n")
    assert error.kind is ErrorKind.PARSE_ERROR
    assert error.node == "objectives[0]"
    assert "key" in error.message


# -- YAML syntax errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "node"),
    [
        ("objectives:\n\t- title: x\n", 2, 1, "objectives"),
        ("objectives:\n  - title: a\n\towner: b\n", 3, 1, "objectives[0]"),
        ("objectives:\n  - title: a\n    key_results:\n  \t  - x\n", 4, 3, None),
    ],
)
def test_tabs_in_indentation_say_so(
    loader: type, text: str, line: int, column: int, node: str | None
) -> None:
    error = fatal(text)
    assert (error.kind, error.line, error.column) == (ErrorKind.PARSE_ERROR, line, column)
    assert "tab" in error.message and "indentation" in error.message
    assert "spaces" in error.hint
    if node is not None:
        assert error.node.startswith(node)


@pytest.mark.parametrize("text", ["objectives:\n  - title: A\tB\n", "objectives:\n  - title:\tA\n"])
def test_a_tab_inside_a_line_loads_or_is_explained(loader: type, text: str) -> None:
    if loader is yaml.SafeLoader:  # PyYAML's pure-Python scanner refuses these tabs
        error = fatal(text)
        assert (error.kind, error.line) == (ErrorKind.PARSE_ERROR, 2)
        assert text.splitlines()[1][error.column - 1] == "\t"
        assert "tab" in error.message and "quote" in error.hint
    else:  # libyaml reads them
        t = tree(text)
        assert t.root is not None
        assert t.root.data["objectives"][0]["title"] in ("A\tB", "A")


@pytest.mark.parametrize(
    "comparison", [">= 99.9", "> 99.9", ">=99.9", "<= 4", "| 4", ">5", "|2", ">4 # min"]
)
def test_an_unquoted_comparison_is_explained_as_a_block_scalar(
    loader: type, comparison: str
) -> None:
    text = f"kpis:\n  - name: Uptime\n    threshold: {comparison}\n    owner: sre\n"
    if comparison.startswith("<"):
        # "<" starts no block scalar: YAML reads it as text, no error
        t = tree(text)
        assert t.root is not None
        assert t.root.data["kpis"][0]["threshold"] == comparison
        return
    # ">5" is valid YAML (a header with an indentation indicator) that reads as "":
    # silently losing the threshold would be worse than an error
    error = fatal(text)
    assert where(error) == ("parse-error", 3, 16, "kpis[0].threshold")
    assert "block scalar" in error.message
    assert "quote" in error.hint


def test_a_real_block_scalar_is_fine(loader: type) -> None:
    t = tree("kpis:\n  - name: >-\n      Monthly\n      churn\n    threshold: |\n      < 4\n")
    assert t.root is not None
    assert t.root.data["kpis"][0] == {"name": "Monthly churn", "threshold": "< 4\n"}


def test_an_unquoted_comparison_in_a_list_item(loader: type) -> None:
    error = fatal("objectives:\n  - title: A\n    key_results:\n      - >= 95% on time\n")
    assert (error.line, error.column) == (4, 9)
    assert "block scalar" in error.message


@pytest.mark.parametrize("text", ["objectives: [a", "objectives: 'a", "a: b\n- c"])
def test_an_error_at_the_end_of_the_text_is_placed_inside_it(loader: type, text: str) -> None:
    # libyaml reports the end of a stream on a line after the last one
    error = fatal(text)
    lines = text.split("\n")
    assert error.line <= len(lines)
    assert error.column <= len(lines[error.line - 1]) + 1


@pytest.mark.parametrize(
    ("text", "line", "node"),
    [
        ('objectives:\n  - title: "unclosed\n', 2, "objectives[0].title"),
        ("objectives:\n  - title: a: b\n", 2, "objectives[0]"),
        ("objectives: [a, b\n", 2, "objectives"),
        ("objectives:\n  - title: a\n   owner: b\n", 3, "objectives"),
    ],
)
def test_syntax_errors_have_a_line_and_a_node_path(
    loader: type, text: str, line: int, node: str
) -> None:
    error = fatal(text)
    assert error.kind is ErrorKind.PARSE_ERROR
    assert error.line == line
    assert error.node == node
    assert error.message.startswith("invalid YAML")
    assert "Traceback" not in error.message


# -- characters YAML does not allow -------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "code"),
    [("\x00", "U+0000"), ("\x07", "U+0007"), ("\x1b", "U+001B"), ("\ufffe", "U+FFFE")],
)
def test_forbidden_characters_are_reported_where_they_are(
    loader: type, char: str, code: str
) -> None:
    # multibyte text before the character: libyaml counts bytes, we count characters
    error = fatal(f"board: é😀\nobjectives:\n  - title: ab{char}c\n")
    assert where(error)[:3] == ("parse-error", 3, 14)
    assert code in error.message


def test_a_nul_character_suggests_utf16_without_a_bom(loader: type) -> None:
    error = fatal("objectives: []\n\x00")
    assert (error.line, error.column) == (2, 1)
    assert "UTF-16" in error.hint


def test_a_lone_surrogate_is_an_input_error(loader: type) -> None:
    error = fatal("objectives:\n  - title: a\ud800b\n")
    assert where(error)[:3] == ("parse-error", 2, 13)
    assert "U+D800" in error.message


def test_lines_are_counted_the_way_yaml_counts_them(loader: type) -> None:
    # NEL (U+0085) is a YAML line break: positions after it are on the next line
    t = tree("board: x\x85objectives:\n  - title: A\n")
    _key, title = t.lookup(("objectives", 0, "title"))
    assert title is not None and title.start == Position(3, 12)
    assert t.root is not None and t.root.data["board"] == "x"
    error = fatal("board: x\x85objectives:\n  - title: A\n\x07")
    assert (error.line, error.column) == (4, 1)
