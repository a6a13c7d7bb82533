"""Safe YAML reading into a tree whose every node knows its position.

Two readers build the same tree. With libyaml (PyYAML's C extension), the document is
first composed by libyaml's C composer, whose nodes carry their start and end marks,
and the tree is built from that node graph: the fast path. Any text it cannot take
as it is goes to the reader of parser events in :mod:`okrlint.yaml_events`, the only
reader without libyaml: a text with an anchor and an alias, a merge key, a duplicate
key, a tag other than the plain ones, nesting past the depth limit, more than one
document or an error of the parser. So every error, its message and its position come
from that one reader; and an alias bomb never reaches the fast path (libyaml would
compose it cheaply, sharing the nodes; the events reader refuses it after a few
thousand nodes). Recent libyaml caps nesting at 1,000 levels, so its recursive
composer stays within bounds; a build without that cap (asked once, with a deeper
text) never composes: every text goes to the events reader.

Only the safe schema is constructed: strings, numbers, booleans, null, dates,
sequences and mappings. Any other tag (``!!python/object`` ...) is an error; no tag
can construct objects or run code.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any, Final, cast

from yaml import YAMLError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from okrlint.errors import InputError
from okrlint.files import DEFAULT_LIMITS, Limits
from okrlint.positions import NodePath, Position, Span

try:  # libyaml's C parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


TAG_PREFIX: Final = "tag:yaml.org,2002:"
STR_TAG: Final = TAG_PREFIX + "str"
SEQ_TAG: Final = TAG_PREFIX + "seq"
MAP_TAG: Final = TAG_PREFIX + "map"
MERGE_TAG: Final = TAG_PREFIX + "merge"
SCALAR_TAGS: Final = frozenset(
    TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)
#: First characters that may start a non-text plain scalar (numbers, bools, null, dates).
RESOLVED_FIRST: Final = frozenset(k for k in Resolver.yaml_implicit_resolvers if k)
#: The plain words YAML 1.1 reads as something other than text (bools and null).
WORD_VALUES: Final = frozenset(
    f(w)
    for w in ("yes", "no", "true", "false", "on", "off", "null")
    for f in (str.lower, str.capitalize, str.upper)
)
#: Scalars and sequences have no pairs, scalars and mappings no items: they share these
#: (read-only: a write fails loudly instead of changing every node).
_NO_PAIRS: Final = cast("dict[str, tuple[YNode, YNode]]", MappingProxyType({}))
_NO_ITEMS: Final = cast("list[YNode]", ())


class YNode:
    """One YAML node: its kind, its plain Python data and its span in the file.

    ``data`` is the constructed value (str, int, float, bool, None, date, list or
    dict). For mappings, ``pairs`` maps each key's text to its (key node, value
    node), merged keys included.
    """

    __slots__ = ("_end", "_start", "data", "items", "kind", "merge", "pairs", "size")

    def __init__(self, kind: str, start: Position | int, end: Position | int, data: Any) -> None:
        self.kind = kind  # "scalar" | "seq" | "map"
        # Positions are kept as Positions or as the parser's 0-based line and column in
        # one int (``line << 32 | column``, see :func:`packed`), turned into Positions
        # only when asked: most nodes never are, and a large board has hundreds of
        # thousands of them (an int is a third of the size of the parser's mark).
        self._start = start
        self._end = end
        self.data = data
        self.pairs: dict[str, tuple[YNode, YNode]] = {} if kind == "map" else _NO_PAIRS
        self.items: list[YNode] = [] if kind == "seq" else _NO_ITEMS
        self.size = 1
        self.merge = False  # a "<<" merge key

    @property
    def start(self) -> Position:
        return _as_position(self._start)

    @start.setter
    def start(self, value: Position | int) -> None:
        self._start = value

    @property
    def end(self) -> Position:
        return _as_position(self._end)

    @end.setter
    def end(self, value: Position | int) -> None:
        self._end = value

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def packed(mark: Any) -> int:
    """A parser's mark (0-based line and column) as a YNode keeps it."""
    return int(mark.line) << 32 | int(mark.column)


def _as_position(place: Position | int) -> Position:
    if isinstance(place, Position):
        return place
    return Position((place >> 32) + 1, (place & 0xFFFFFFFF) + 1)


class YamlTreeError(Exception):
    """A fatal problem in the YAML; carries the input error to report."""

    def __init__(self, error: InputError) -> None:
        super().__init__(error.message)
        self.error = error


@dataclass(slots=True)
class YamlTree:
    """A parsed document: its root node (None for an empty file) and non-fatal errors."""

    root: YNode | None
    errors: list[InputError] = field(default_factory=list)

    def lookup(self, path: NodePath) -> tuple[YNode | None, YNode | None]:
        """Return (key node, value node) at ``path``; the deepest existing node otherwise.

        When the path runs past the tree (a missing field), the value node is the
        nearest existing ancestor and the key node is None.
        """
        node, key = self.root, None
        for part in path:
            if node is None:
                break
            if isinstance(part, int):
                if node.kind != "seq" or not 0 <= part < len(node.items):
                    return None, node
                node, key = node.items[part], None
            else:
                pair = node.pairs.get(part) if node.kind == "map" else None
                if pair is None:
                    return None, node
                key, node = pair
        return key, node


def key_text(data: Any) -> str:
    """A mapping key's text (keys are looked up, and paths written, as text)."""
    if isinstance(data, bool):
        return "true" if data else "false"
    if data is None:
        return "null"
    return str(data)


def read_tree(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlTree:
    """Parse ``text`` into a :class:`YamlTree`; raises :class:`YamlTreeError` when fatal."""
    loader = _Loader  # looked up at call time: tests swap in the pure-Python loader
    # Nothing built here is cyclic, and all of it lives on: the cyclic garbage collector
    # would only walk the growing tree again and again (a quarter to a half of the time
    # a large board's tree takes, depending on its thresholds). It is paused meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if (
            loader is _C_LOADER
            and limits.max_documents >= 1
            and not ("&" in text and "*" in text)
            and composer_bounded()
        ):
            try:
                return YamlTree(_composed(text, limits.max_depth))
            except Exception:  # anything unusual: the events reader says what it is
                pass
        from okrlint.yaml_events import read_events

        return read_events(text, file, limits, loader)
    finally:
        if collecting:
            gc.enable()


# -- the fast path: libyaml's composed node graph ---------------------------------------

#: The loader whose C composer builds the tree (None without libyaml).
_C_LOADER: Final = _Loader if _Loader.__name__.startswith("C") else None


class _Composer(_Loader):
    """libyaml's composer, taking text as text without going through the tag table.

    The composer asks for a tag for every node; most are text: quoted, or plain text
    that cannot be a number, bool, null or date (these start with a digit, a sign, a
    dot or "~", or are one of a few words). The others go to PyYAML's table.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if (
                not implicit[0]
                or (value and value[0] not in RESOLVED_FIRST)
                or (value[:1].isalpha() and value not in WORD_VALUES)
            ):
                return STR_TAG
            return Resolver.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]
        return SEQ_TAG if kind is SequenceNode else MAP_TAG


_CONSTRUCT: Final = {
    tag: SafeConstructor.yaml_constructors[tag] for tag in SCALAR_TAGS if tag != STR_TAG
}
_CONSTRUCTOR: Final = SafeConstructor()
_BLOCK: Final = ("|", ">")


@cache
def composer_bounded() -> bool:
    """Does this libyaml cap nesting, so that its recursive composer cannot exhaust the
    C stack (the cap is 1,000 levels)? Without the cap, texts go to the events reader."""
    try:
        _Composer("[" * 1_001 + "]" * 1_001).get_single_node()
    except YAMLError:
        return True
    return False


class _Unusual(Exception):
    """A text the fast path leaves to the events reader."""


def _composed(text: str, max_depth: int) -> YNode | None:
    """The tree of ``text`` from libyaml's composer; raises when the text is unusual."""
    if "\ufeff" in text:  # libyaml's marks skip a byte-order mark: the checks below need them
        raise _Unusual
    loader = _Composer(text)
    try:
        return _build(loader.get_single_node(), text, max_depth)
    finally:
        loader.dispose()


def _build(document: Any, text: str, max_depth: int) -> YNode | None:
    """The tree of a composed document (None for no document)."""

    def build(node: Any, depth: int) -> YNode:
        """A composed node as a YNode; ``depth``: the collections around it. Each
        collection's composed children are dropped once read: the graph shrinks as the
        tree grows."""
        kind = type(node)
        if kind is ScalarNode:
            tag, value = node.tag, node.value
            if tag == STR_TAG:
                if node.style in _BLOCK and not value.strip():
                    raise _Unusual  # maybe ">5": the events reader checks the header
                start, end = node.start_mark, node.end_mark
                return YNode(
                    "scalar", start.line << 32 | start.column, end.line << 32 | end.column, value
                )
            construct = _CONSTRUCT.get(tag)
            if construct is None:
                raise _Unusual  # a merge key or a tag to refuse
            # The composer reads "! 12" as a number, the events reader as text: a scalar
            # read as a number, bool, null or date must stand where it starts, untagged.
            start, end = node.start_mark, node.end_mark
            at = start.index
            if not (text.startswith(value, at) if value else text[at : at + 1] != "!"):
                raise _Unusual
            data = construct(_CONSTRUCTOR, node)
            return YNode(
                "scalar", start.line << 32 | start.column, end.line << 32 | end.column, data
            )
        if depth >= max_depth:
            raise _Unusual
        depth += 1
        children = node.value
        start, end = node.start_mark, node.end_mark
        at, to = start.line << 32 | start.column, end.line << 32 | end.column
        if kind is MappingNode:
            if node.tag != MAP_TAG:
                raise _Unusual
            mapping: dict[str, Any] = {}
            tree = YNode("map", at, to, mapping)
            pairs = tree.pairs
            size = 1
            for key_node, value_node in children:
                key = build(key_node, depth)
                if key.kind != "scalar":
                    raise _Unusual
                name = key_text(key.data)
                if name in pairs:
                    raise _Unusual  # a duplicate key: the events reader reports it
                value = build(value_node, depth)
                pairs[name] = (key, value)
                mapping[name] = value.data
                size += key.size + value.size
        elif kind is SequenceNode:
            if node.tag != SEQ_TAG:
                raise _Unusual
            items = [build(child, depth) for child in children]
            tree = YNode("seq", at, to, [item.data for item in items])
            tree.items = items
            size = 1 + sum(item.size for item in items)
        else:  # pragma: no cover - the composer makes only these three
            raise _Unusual
        tree.size = size
        children.clear()
        return tree

    return None if document is None else build(document, 0)
