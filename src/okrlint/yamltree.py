"""Safe YAML reading into a tree whose every node knows its position.

The tree is built from PyYAML's event stream (libyaml's C parser when present), not
from PyYAML's composer, for three reasons:

* the composer is recursive, so deep nesting raised ``RecursionError``; events are
  flat and the depth here is counted and capped;
* PyYAML silently keeps the last of duplicate keys; here each one is reported;
* anchors and aliases are resolved here, counting how many nodes every alias
  expands to, so an alias bomb ("billion laughs") is refused after a few thousand
  nodes instead of exhausting memory.

Only the safe schema is constructed: strings, numbers, booleans, null, dates,
sequences and mappings. Any other tag (``!!python/object`` ...) is an error; no tag
can construct objects or run code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from okrlint.errors import ErrorKind, InputError
from okrlint.positions import NodePath, Position, Span

try:  # libyaml's C parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: True when libyaml's C parser is in use.
USING_LIBYAML = _Loader.__name__.startswith("C")

_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP, _MERGE = _TAG + "str", _TAG + "seq", _TAG + "map", _TAG + "merge"
_SCALAR_TAGS = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()


@dataclass(frozen=True, slots=True)
class Limits:
    """Input limits; each is documented and can be raised by the user."""

    max_file_size: int = 5 * 1024 * 1024
    max_depth: int = 64
    max_alias_nodes: int = 10_000
    max_documents: int = 1


DEFAULT_LIMITS = Limits()


class YNode:
    """One YAML node: its kind, its plain Python data and its span in the file.

    ``data`` is the constructed value (str, int, float, bool, None, date, list or
    dict). For mappings, ``pairs`` maps each key's text to its (key node, value
    node), merged keys included.
    """

    __slots__ = ("data", "end", "items", "kind", "merge", "pairs", "size", "start")

    def __init__(self, kind: str, start: Position, end: Position, data: Any) -> None:
        self.kind = kind  # "scalar" | "seq" | "map"
        self.start = start
        self.end = end
        self.data = data
        self.pairs: dict[str, tuple[YNode, YNode]] = {}
        self.items: list[YNode] = []
        self.size = 1
        self.merge = False  # a "<<" merge key

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


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


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _span(start_mark: Any, end_mark: Any) -> Span:
    return Span(_pos(start_mark), _pos(end_mark))


class _Builder:
    """Turns the event stream into a YNode tree, enforcing limits as it goes."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        self.anchors: dict[str, YNode] = {}
        self.alias_nodes = 0
        self.errors: list[InputError] = []
        # Each frame: [node, pending key node or None, explicit-key set, merges]
        self.stack: list[list[Any]] = []
        self.root: YNode | None = None
        self.documents = 0

    def fail(self, kind: ErrorKind, message: str, span: Span, hint: str = "") -> YamlTreeError:
        return YamlTreeError(InputError(kind, message, self.file, span, (), hint))

    def feed(self, events: Iterator[Any]) -> None:
        for event in events:
            cls = type(event)
            if cls is yaml.ScalarEvent:
                self.add(self.scalar(event), event.anchor)
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                self.start_collection(event, cls is yaml.MappingStartEvent)
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                self.end_collection(event)
            elif cls is yaml.AliasEvent:
                self.alias(event)
            elif cls is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > self.limits.max_documents:
                    raise self.fail(
                        ErrorKind.LIMIT_EXCEEDED,
                        f"a second YAML document starts at line {event.start_mark.line + 1}: "
                        "a board file holds exactly one document",
                        _span(event.start_mark, event.end_mark),
                        "split the documents into separate board files",
                    )

    # -- nodes -------------------------------------------------------------------------

    def scalar(self, event: Any) -> YNode:
        span = _span(event.start_mark, event.end_mark)
        tag, value = event.tag, event.value
        if tag in (None, "!"):
            tag = _STR if tag == "!" else _RESOLVER.resolve(ScalarNode, value, event.implicit)
        elif tag not in _SCALAR_TAGS:
            raise self.unsafe_tag(tag, span)
        if tag == _STR or tag == _MERGE:
            data: Any = value
        else:
            try:
                data = _CONSTRUCTOR.yaml_constructors[tag](
                    _CONSTRUCTOR, ScalarNode(tag, value, event.start_mark, event.end_mark)
                )
            except (ValueError, TypeError, OverflowError, yaml.YAMLError) as exc:
                raise self.bad_scalar(tag, value, exc, span) from None
        node = YNode("scalar", span.start, span.end, data)
        node.merge = tag == _MERGE
        return node

    def unsafe_tag(self, tag: str, span: Span) -> YamlTreeError:
        shown = tag.replace(_TAG, "!!")
        return self.fail(
            ErrorKind.PARSE_ERROR,
            f"the YAML tag {shown} is not allowed: boards are plain YAML "
            "(text, numbers, dates, lists and mappings)",
            span,
            "remove the tag",
        )

    def bad_scalar(self, tag: str, value: str, exc: Exception, span: Span) -> YamlTreeError:
        if tag.endswith("timestamp"):
            reason = str(exc) or "not a real date"
            return self.fail(
                ErrorKind.SCHEMA_ERROR,
                f"{value} is not a real date ({reason})",
                span,
                "write an existing ISO date, e.g. 2026-09-30",
            )
        return self.fail(
            ErrorKind.PARSE_ERROR, f"cannot read {value!r} as {tag.replace(_TAG, '')}", span
        )

    def start_collection(self, event: Any, is_map: bool) -> None:
        if event.tag not in (None, "!", _MAP if is_map else _SEQ):
            raise self.unsafe_tag(event.tag, _span(event.start_mark, event.end_mark))
        if len(self.stack) >= self.limits.max_depth:
            raise self.fail(
                ErrorKind.LIMIT_EXCEEDED,
                f"nesting deeper than {self.limits.max_depth} levels",
                _span(event.start_mark, event.end_mark),
                "a board needs only a few levels; raise the limit with --max-depth if this is intended",
            )
        start = _pos(event.start_mark)
        node = YNode("map" if is_map else "seq", start, start, {} if is_map else [])
        self.stack.append([node, None, {}, [], event.anchor])

    def end_collection(self, event: Any) -> None:
        node, _key, explicit, merges, anchor = self.stack.pop()
        node.end = _pos(event.end_mark)
        if node.kind == "map":
            self.apply_merges(node, explicit, merges)
        self.add(node, anchor)

    def alias(self, event: Any) -> None:
        span = _span(event.start_mark, event.end_mark)
        target = self.anchors.get(event.anchor)
        if target is None:
            raise self.fail(
                ErrorKind.PARSE_ERROR,
                f"the alias *{event.anchor} refers to no earlier anchor &{event.anchor}",
                span,
            )
        self.alias_nodes += target.size
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise self.fail(
                ErrorKind.LIMIT_EXCEEDED,
                f"aliases expand to more than {self.limits.max_alias_nodes} nodes "
                f"(at *{event.anchor}): refusing a possible alias bomb",
                span,
                "use fewer anchors and aliases, or raise --max-alias-nodes",
            )
        self.add(target, None)

    def add(self, node: YNode, anchor: str | None) -> None:
        """Attach a finished node to its parent (or make it the root)."""
        if anchor is not None:
            self.anchors[anchor] = node
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        parent: YNode = frame[0]
        parent.size += node.size
        if parent.kind == "seq":
            parent.items.append(node)
            parent.data.append(node.data)
        elif frame[1] is None:
            frame[1] = node
        else:
            self.add_pair(frame, frame[1], node)
            frame[1] = None

    def add_pair(self, frame: list[Any], key: YNode, value: YNode) -> None:
        parent: YNode = frame[0]
        explicit: dict[str, YNode] = frame[2]
        if key.merge:
            frame[3].append(value)
            return
        if key.kind != "scalar" or isinstance(key.data, (list, dict)):
            raise self.fail(
                ErrorKind.PARSE_ERROR,
                "a mapping key must be plain text, not a list or mapping",
                key.span,
            )
        text = _key_text(key.data)
        first = explicit.get(text)
        if first is not None:
            self.errors.append(
                InputError(
                    ErrorKind.DUPLICATE_KEY,
                    f"duplicate key '{text}' (first at line {first.start.line}): "
                    "YAML keeps only the last value",
                    self.file,
                    key.span,
                    (),
                    "remove or rename one of them",
                )
            )
        explicit[text] = key
        parent.pairs[text] = (key, value)
        parent.data[text] = value.data

    def apply_merges(self, node: YNode, explicit: dict[str, YNode], merges: list[YNode]) -> None:
        """Apply ``<<`` merge keys: merged keys never override explicit ones."""
        for merge in merges:
            sources = merge.items if merge.kind == "seq" else [merge]
            for source in sources:
                if source.kind != "map":
                    raise self.fail(
                        ErrorKind.PARSE_ERROR,
                        "a merge key (<<) takes a mapping or a list of mappings",
                        merge.span,
                    )
                for text, (key, value) in source.pairs.items():
                    if text not in explicit and text not in node.pairs:
                        node.pairs[text] = (key, value)
                        node.data[text] = value.data


def _key_text(data: Any) -> str:
    if isinstance(data, bool):
        return "true" if data else "false"
    if data is None:
        return "null"
    return str(data)


def _tree_error(file: str, text: str, exc: yaml.YAMLError) -> InputError:
    """Turn a PyYAML error into an input error with a position and a helpful hint."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    message = f"invalid YAML: {problem}"
    if context and context not in problem:
        message = f"invalid YAML: {problem} ({context})"
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    hint = ""
    if "\t" in source[: max(column, 1)] or (column - 1 < len(source) and source[column - 1] == "\t"):
        message = "invalid YAML: a tab character; YAML allows only spaces for indentation"
        hint = "replace the tabs with spaces"
    elif _looks_like_block_scalar_comparison(source):
        message = (
            "invalid YAML: a value starting with '>' or '|' is a YAML block scalar, "
            "so an unquoted comparison cannot be read"
        )
        hint = "quote the comparison, e.g. threshold: \">= 99.9\""
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        hint = "check the indentation and that every key ends with ':'"
    return InputError(
        ErrorKind.PARSE_ERROR,
        message,
        file,
        Span(Position(line, column), Position(line, column + 1)),
        (),
        hint,
    )


def _looks_like_block_scalar_comparison(line: str) -> bool:
    _, sep, value = line.partition(": ")
    value = value.strip() if sep else line.strip().lstrip("- ").strip()
    return len(value) > 1 and value[0] in "><|" and (value[1] in "= " or value[1].isdigit())


def read_tree(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> YamlTree:
    """Parse ``text`` into a :class:`YamlTree`; raises :class:`YamlTreeError` when fatal."""
    builder = _Builder(file, limits)
    try:
        builder.feed(yaml.parse(text, Loader=_Loader))
    except yaml.YAMLError as exc:
        raise YamlTreeError(_tree_error(file, text, exc)) from None
    except RecursionError:  # pragma: no cover - the builder is iterative; belt and braces
        raise YamlTreeError(
            InputError(ErrorKind.LIMIT_EXCEEDED, "nesting too deep to read", file)
        ) from None
    return YamlTree(builder.root, builder.errors)

