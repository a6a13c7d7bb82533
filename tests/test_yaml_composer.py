"""The tree built from libyaml's composer is the tree the events reader builds.

With libyaml, ``read_tree`` composes the document in C and builds the tree from the
composed nodes; whatever that fast path does not take as it is (aliases, merge keys,
duplicate keys, tags, limits, errors) goes to the events reader
(:mod:`okrlint.yaml_events`). Both must give the same nodes, data, positions, errors
and messages, whatever the text.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import okrlint.yaml_events as yaml_events
import okrlint.yamltree as yamltree
from conftest import billion_laughs
from okrlint.cli import app
from okrlint.files import DEFAULT_LIMITS, Limits
from okrlint.yamltree import YamlTreeError, YNode, read_tree

pytestmark = pytest.mark.skipif(
    yamltree._C_LOADER is None or not yamltree.composer_bounded(),
    reason="needs libyaml with its nesting cap",
)

ROOT = Path(__file__).resolve().parent.parent
BOARD = """\
board: Growth
cycle: 2026-Q3
objectives:
  - id: O1
    title: Make onboarding effortless for new teams
    owner: growth
    key_results:
      - "Grow weekly active teams from 120 to 180"
      - title: Cut onboarding time
        from: 10
        to: 6.5
        unit: days
        due: 2026-09-30
        stretch: true
        notes: ~
      - 'Keep churn below 3%'
      - >
        Raise NPS to 60
kpis: [{name: Uptime, threshold: ">= 99.9", current: 99.95}]
"""


def _dump(node: YNode | None, out: list[Any]) -> list[Any]:
    if node is None:
        out.append(None)
        return out
    data = node.data
    out.append((node.kind, node.span, repr(data), type(data), node.size, node.merge))
    for name, (key, value) in node.pairs.items():
        out.append(name)
        _dump(key, out)
        _dump(value, out)
    for item in node.items:
        _dump(item, out)
    return out


def _outcome(read: Any, text: str, limits: Limits) -> Any:
    try:
        tree = read(text, "board.yaml", limits)
    except YamlTreeError as exc:
        return "error", exc.error
    return _dump(tree.root, []), tree.errors


def _events(text: str, file: str, limits: Limits) -> Any:
    return yaml_events.read_events(text, file, limits, yaml.CSafeLoader)


def assert_same(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    assert _outcome(read_tree, text, limits) == _outcome(_events, text, limits)


@pytest.fixture
def no_events_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> Any:
        raise AssertionError("the events reader was asked")

    monkeypatch.setattr(yaml_events, "read_events", refuse)


def test_a_plain_board_is_read_from_the_composed_nodes(no_events_reader: None) -> None:
    tree = read_tree(BOARD, "board.yaml")
    assert tree.root is not None and tree.errors == []
    key, value = tree.lookup(("objectives", 0, "key_results", 1, "to"))
    assert key is not None and value is not None
    assert (key.start.line, key.start.column, value.data) == (11, 9, 6.5)
    assert tree.root.data["kpis"][0]["current"] == 99.95


def test_check_lints_a_board_without_the_events_reader(
    no_events_reader: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "board.yaml").write_text(BOARD, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--isolated", "--format", "json", "board.yaml"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["files"][0]["errors"] == []
    assert report["findings"]


@pytest.mark.parametrize(
    "text",
    [
        BOARD,
        "",
        "# a comment\n",
        "---\n",
        "a:\n",
        "a: !!str 123\nb: ! 12\nc: !!int '7'\nd: !!map {x: 1}\ne: !!seq [1]\nf: ! ~\n",
        "a: [ !, x]\n",
        "a: !!python/object:os.system x\n",
        "a: !!binary aGk=\n",
        "a: !custom x\n",
        "a: =\n",
        "a: 1\na: 2\n",
        "1: x\n'1': y\n",
        "? [a, b]\n: c\n",
        "base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n",
        "a: &x 1\nb: *x\n",
        "a: R&D\nb: 5* rating\n",
        "a: &x 1\n",
        "a: &x 1\nb: &x 2\n",
        "a: *nothing\n",
        "t: >5\n",
        "t: |-\n",
        "t: |\n  text\n",
        "a: 1\n---\nb: 2\n",
        "\ufeffa: ! 12\n",
        "a: x\r\nb: ! 12\r\n",
        "a: 😀\nb: ! 12\n",
        "d: 2026-02-30\n",
        "d: 2026-09-30\nt: 2026-09-30 10:00:00\n",
        "n: [yes, No, ON, off, null, Null, ~, 0x1F, 0o17, 1_000, -.5, +1, 1e3, .NaN, -.inf]\n",
        "n: [y, n, Yes please, nothing, 12abc, 1.2.3, -x, .x]\n",
        "a: 'unclosed\n",
        'a: "tab\there"\nb: "\\u00e9"\n',
        "a: \x00\n",
        "- a\n- b: c\n  d: [e, {f: g}]\n",
        "[" * 70 + "]" * 70 + "\n",
        "x: " + "[" * 2000 + "]" * 2000 + "\n",
        "a: {b: {c: {d: 1}}}\n",
        "a: b: c\n",
        "a: |\n  line one\n  line two\n",
        "plain\n  folded\n  text\n",
        "a: 1\n...\n",
        "%YAML 1.1\n---\na: 1\n",
    ],
)
def test_the_fast_path_builds_the_events_readers_tree(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    "limits",
    [Limits(max_depth=2), Limits(max_depth=3), Limits(max_alias_nodes=3), Limits(max_documents=0)],
)
def test_limits_are_the_events_readers(limits: Limits) -> None:
    for text in (BOARD, "a: {b: {c: 1}}\n", "a: &x [1, 2]\nb: *x\n", "a: [[1]]\n"):
        assert_same(text, limits)


def test_every_example_and_corpus_board_reads_the_same() -> None:
    paths = [*sorted((ROOT / "examples").rglob("*.y*ml"))]
    paths += sorted((ROOT / "tests" / "corpus").rglob("*.y*ml"))
    assert len(paths) > 50
    for path in paths:
        assert_same(path.read_text(encoding="utf-8"))


def test_an_alias_bomb_never_reaches_the_composer(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> Any:
        raise AssertionError("composed")

    monkeypatch.setattr(yamltree, "_Composer", refuse)
    with pytest.raises(YamlTreeError) as info:
        read_tree(billion_laughs(30), "board.yaml")  # 9**30 nodes, expanded
    assert "alias bomb" in info.value.error.message


def test_a_libyaml_without_the_nesting_cap_never_composes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(text: str) -> Any:
        raise AssertionError("composed")

    monkeypatch.setattr(yamltree, "_Composer", refuse)
    monkeypatch.setattr(yamltree, "composer_bounded", lambda: False)
    deep = "x: " + "[" * 5000 + "]" * 5000 + "\n"
    for text in (BOARD, deep):
        assert_same(text)


def test_the_collector_runs_again_after_a_tree() -> None:
    assert gc.isenabled()
    read_tree(BOARD, "board.yaml")
    assert gc.isenabled()
    with pytest.raises(YamlTreeError):
        read_tree("a: 'unclosed\n", "board.yaml")
    assert gc.isenabled()
    read_tree("a: 1\na: 2\n", "board.yaml")  # the events reader
    assert gc.isenabled()
    gc.disable()
    try:
        read_tree(BOARD, "board.yaml")
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


# -- any text ------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        *":-?[]{},#&*!|>'\"%@`\t\n ",
        *("objectives", "title", "key_results", "<<", "---", "...", "2026-02-30", "2026-09-30"),
        *("yes", "~", "- ", ": ", "\n  ", "\n    ", "!!str ", "!!int ", "! ", "&a ", "*a"),
        *("12", "1.5", ".inf", "0x1F", "null", "é", "😀", "\ufeff", "\r\n", "Ship it!"),
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.dates(),
    st.sampled_from(["12", "1e3", "yes", "~", "", "2026-Q3", "<< x", "R&D*"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)
SETTINGS = settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(text=st.lists(PIECES, max_size=50).map("".join))
def test_any_yamlish_text_reads_the_same(text: str) -> None:
    assert_same(text)


@SETTINGS
@given(
    value=VALUES,
    flow=st.sampled_from([None, True, False]),
    style=st.sampled_from([None, "'", '"', "|", ">"]),
)
def test_any_dumped_value_reads_the_same(value: Any, flow: bool | None, style: str | None) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, default_style=style, allow_unicode=True)
    assert_same(text)
