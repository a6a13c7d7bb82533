"""The YAML tree read from the parser's events: the reader of every text the fast one
in :mod:`okrlint.yamltree` hands over, and the only one without libyaml.

It reads the event stream (libyaml's C parser when present, PyYAML's pure-Python one
otherwise), not a composed node graph, for three reasons:

* PyYAML's Python composer is recursive, so deep nesting raised ``RecursionError``;
  events are flat and the depth here is counted and capped;
* PyYAML silently keeps the last of duplicate keys; here each one is reported;
* anchors and aliases are resolved here, counting how many nodes every alias
  expands to, so an alias bomb ("billion laughs") is refused after a few thousand
  nodes instead of exhausting memory.

As it goes, it knows the node path of the place the parser has reached: every error
(a duplicate key, a limit, a refused tag, the parser's own) is placed there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from okrlint.errors import ErrorKind, InputError
from okrlint.files import Limits
from okrlint.positions import NodePath, Position, Span, source_lines
from okrlint.yaml_errors import (
    BLOCK_SCALAR_HINT,
    BLOCK_SCALAR_MESSAGE,
    bad_character_error,
    reader_error,
    tree_error,
)
from okrlint.yamltree import (
    MAP_TAG,
    MERGE_TAG,
    RESOLVED_FIRST,
    SCALAR_TAGS,
    SEQ_TAG,
    STR_TAG,
    TAG_PREFIX,
    WORD_VALUES,
    YamlTree,
    YamlTreeError,
    YNode,
    key_text,
    packed,
)

_RESOLVER = Resolver()
_QUOTES = ("'", '"')
_CONSTRUCTOR = SafeConstructor()


def read_events(text: str, file: str, limits: Limits, loader: Any) -> YamlTree:
    """Parse ``text`` with ``loader``'s parser; raises :class:`YamlTreeError` when fatal."""
    builder = _Builder(file, limits, text)
    try:
        builder.feed(yaml.parse(text, Loader=loader))
    except yaml.reader.ReaderError as exc:
        c_loader = loader.__name__.startswith("C")
        error = reader_error(file, text, exc, builder.path(child=False), c_loader)
        raise YamlTreeError(error) from None
    except yaml.YAMLError as exc:
        error = tree_error(file, text, exc, builder.path(child=False), builder.quoted)
        raise YamlTreeError(error) from None
    except UnicodeEncodeError as exc:  # libyaml encodes to UTF-8: lone surrogates fail
        raise YamlTreeError(bad_character_error(file, text, exc.start, ())) from None
    except RecursionError:  # pragma: no cover - the builder is iterative; belt and braces
        raise YamlTreeError(
            InputError(ErrorKind.LIMIT_EXCEEDED, "nesting too deep to read", file)
        ) from None
    return YamlTree(builder.root, builder.errors)


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _span(start_mark: Any, end_mark: Any) -> Span:
    return Span(_pos(start_mark), _pos(end_mark))


class _Builder:
    """Turns the event stream into a YNode tree, enforcing limits as it goes."""

    def __init__(self, file: str, limits: Limits, text: str = "") -> None:
        self.file = file
        self.limits = limits
        self.text = text
        self._lines: list[str] | None = None
        self.anchors: dict[str, YNode] = {}
        self.alias_nodes = 0
        self.errors: list[InputError] = []
        # Each frame, five items: [collection node, pending key node or None, explicit
        # keys (key text -> key node), merge values (<<), the collection's anchor or None]
        self.stack: list[list[Any]] = []
        self.root: YNode | None = None
        self.documents = 0
        self.quoted: Any = None  # the last quoted scalar read: a quote left open trips later

    def fail(
        self, kind: ErrorKind, message: str, span: Span, hint: str = "", *, child: bool = True
    ) -> YamlTreeError:
        return YamlTreeError(InputError(kind, message, self.file, span, self.path(child), hint))

    def path(self, child: bool = True) -> NodePath:
        """The node path of the place the parser has reached.

        With ``child``, the path of the node being added to the innermost collection
        (its index in a list, its key in a mapping); without, the path of that
        collection (a mapping's pending key included: its value is being read).
        """
        parts: list[str | int] = []
        last = len(self.stack) - 1
        for depth, frame in enumerate(self.stack):
            node: YNode = frame[0]
            key: YNode | None = frame[1]
            if node.kind == "seq":
                if depth == last and not child:
                    break
                parts.append(len(node.items))
            elif key is not None and key.kind == "scalar":
                parts.append(key_text(key.data))
            else:  # reading a key of this mapping
                break
        return tuple(parts)

    def feed(self, events: Iterator[Any]) -> None:
        for event in events:
            cls = type(event)
            if cls is yaml.ScalarEvent:
                if event.style in _QUOTES:
                    self.quoted = event
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
        tag, value = event.tag, event.value
        if tag is None and (
            event.style in _QUOTES
            or (value and value[0] not in RESOLVED_FIRST)
            or (value[:1].isalpha() and value not in WORD_VALUES)
        ):
            # the common case, text: no tag to resolve (quoted, or a plain scalar that
            # cannot be a number, bool, null or date: these start with a digit, a sign,
            # a dot or "~", or are one of a few words)
            start, end = event.start_mark, event.end_mark
            return YNode(
                "scalar", start.line << 32 | start.column, end.line << 32 | end.column, value
            )
        span = _span(event.start_mark, event.end_mark)
        if tag in (None, "!"):
            resolved: str = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
                ScalarNode, value, event.implicit
            )
            tag = STR_TAG if tag == "!" else resolved
        elif tag not in SCALAR_TAGS:
            raise self.unsafe_tag(tag, span)
        if tag in (STR_TAG, MERGE_TAG):
            data: Any = value
        else:
            try:
                data = _CONSTRUCTOR.yaml_constructors[tag](
                    _CONSTRUCTOR, ScalarNode(tag, value, event.start_mark, event.end_mark)
                )
            except (
                ValueError,
                TypeError,
                OverflowError,
                KeyError,
                AttributeError,
                IndexError,
                yaml.YAMLError,
            ) as exc:  # e.g. !!bool maybe (KeyError), !!timestamp soon (AttributeError)
                raise self.bad_scalar(tag, value, exc, span) from None
        if event.style in (">", "|") and not value.strip():
            self.check_block_scalar_header(span)
        node = YNode("scalar", span.start, span.end, data)
        node.merge = tag == MERGE_TAG
        return node

    def check_block_scalar_header(self, span: Span) -> None:
        """Refuse ``threshold: >5``: YAML reads it as an empty block scalar, silently.

        ``>`` or ``|`` followed by a digit is a block scalar header with an indentation
        indicator; when no text follows, the writer almost surely meant a comparison.
        """
        if self._lines is None:
            self._lines = source_lines(self.text)
        line = span.start.line
        source = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        header = source[span.start.column - 1 :].split("#", 1)[0].strip()
        if len(header) > 1 and header[0] in "><|" and header[1:].lstrip("+-")[:1].isdigit():
            raise self.fail(
                ErrorKind.PARSE_ERROR,
                BLOCK_SCALAR_MESSAGE + f" ({header!r} reads as empty text)",
                span,
                BLOCK_SCALAR_HINT,
            )

    def unsafe_tag(self, tag: str, span: Span) -> YamlTreeError:
        shown = tag.replace(TAG_PREFIX, "!!")
        return self.fail(
            ErrorKind.PARSE_ERROR,
            f"the YAML tag {shown} is not allowed: boards are plain YAML "
            "(text, numbers, dates, lists and mappings)",
            span,
            "remove the tag",
        )

    def bad_scalar(self, tag: str, value: str, exc: Exception, span: Span) -> YamlTreeError:
        shown = value if len(value) <= 40 else value[:37] + "..."
        if tag.endswith("timestamp"):
            reason = f" ({exc})" if isinstance(exc, ValueError) and str(exc) else ""
            return self.fail(
                ErrorKind.SCHEMA_ERROR,
                f"{shown} is not a real date{reason}",
                span,
                "write an existing ISO date, e.g. 2026-09-30",
            )
        return self.fail(
            ErrorKind.PARSE_ERROR,
            f"cannot read {shown!r} as {tag.replace(TAG_PREFIX, '')}",
            span,
            "quote the value to keep it as text, or remove the tag",
        )

    def start_collection(self, event: Any, is_map: bool) -> None:
        if event.tag not in (None, "!", MAP_TAG if is_map else SEQ_TAG):
            raise self.unsafe_tag(event.tag, _span(event.start_mark, event.end_mark))
        if len(self.stack) >= self.limits.max_depth:
            raise self.fail(
                ErrorKind.LIMIT_EXCEEDED,
                f"nesting deeper than {self.limits.max_depth} levels",
                _span(event.start_mark, event.end_mark),
                "a board needs only a few levels; "
                "raise the limit with --max-depth if this is intended",
            )
        start = packed(event.start_mark)
        node = YNode("map" if is_map else "seq", start, start, {} if is_map else [])
        self.stack.append([node, None, {}, [], event.anchor])

    def end_collection(self, event: Any) -> None:
        node, _key, explicit, merges, anchor = self.stack.pop()
        node.end = packed(event.end_mark)
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
        # The alias shares the anchored data and children, but sits where it is written,
        # so errors about the aliased item point at the alias, not at the anchor.
        node = YNode(target.kind, span.start, span.end, target.data)
        node.pairs, node.items = target.pairs, target.items
        node.size, node.merge = target.size, target.merge
        self.add(node, None)

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
        text = key_text(key.data)
        first = explicit.get(text)
        if first is not None:
            self.errors.append(
                InputError(
                    ErrorKind.DUPLICATE_KEY,
                    f"duplicate key '{text}' (first at line {first.start.line}): "
                    "YAML keeps only the last value",
                    self.file,
                    key.span,
                    self.path(),
                    "remove or rename one of them",
                )
            )
        explicit.setdefault(text, key)  # keep the first, for "first at line N"
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
