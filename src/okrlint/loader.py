"""Bytes to a validated board, or input errors with positions; never an exception.

Stages: read (size limit) → decode (UTF-8, with BOM handling) → YAML tree
(:mod:`okrlint.yamltree`: safe, limited, positioned) → pydantic :class:`Board` → ids.
Each stage turns its failures into :class:`InputError` values with file, line,
column and node path.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from okrlint.errors import ErrorKind, InputError
from okrlint.files import DEFAULT_LIMITS, Limits, is_markdown, read_source
from okrlint.models import ALLOWED_FIELDS, UNION_TAGS, Board, KeyResultSpec, describe_value
from okrlint.positions import FILE_START, NodePath, Position, Span, format_path
from okrlint.yamltree import YamlTree, YamlTreeError, read_tree


@dataclass(slots=True)
class LoadedBoard:
    """The outcome of loading one file: a board (or None) and its input errors."""

    file: str
    source: str = ""
    tree: YamlTree | None = None
    board: Board | None = None
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def span_of(self, path: NodePath, field_name: str | None = None) -> Span:
        """The span of the node at ``path`` (or of its ``field_name`` value, when present)."""
        if self.tree is None:
            return FILE_START
        if field_name is not None:
            key, node = self.tree.lookup((*path, field_name))
            if key is not None and node is not None:
                # a scalar value is the place to point at; for a list, its key
                return node.span if node.kind == "scalar" else key.span
        _key, node = self.tree.lookup(path)
        return _span(node)

    def node_text(self, path: NodePath) -> str:
        """The words of the item at ``path``: a key result's text, a title or a name."""
        if self.tree is None:
            return ""
        _key, node = self.tree.lookup(path)
        data = node.data if node is not None else None
        if isinstance(data, dict):
            data = data.get("title", data.get("name", data.get("board", "")))
        return data if isinstance(data, str) else ""

    def node_line(self, path: NodePath) -> int:
        if self.tree is None:
            return 1
        _key, node = self.tree.lookup(path)
        return node.start.line if node is not None else 1


def load_text(text: str, file: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> LoadedBoard:
    """Parse and validate board text; the result carries a board or input errors."""
    loaded = LoadedBoard(file=file, source=text)
    try:
        tree = (
            _markdown_tree(text, file, limits)
            if is_markdown(file)
            else read_tree(text, file, limits)
        )
    except YamlTreeError as exc:
        loaded.errors.append(exc.error)
        return loaded
    if tree is None:
        from okrlint.markdown_board import SHAPES

        loaded.errors.append(
            InputError(
                ErrorKind.NOT_A_BOARD,
                "no board in this Markdown file: no objective or key-result label, heading, "
                "column or front matter",
                file,
                hint=f"a Markdown board is {SHAPES}",
            )
        )
        return loaded
    loaded.tree = tree
    loaded.errors.extend(tree.errors)
    root = tree.root
    if root is None or (root.kind == "scalar" and root.data is None):
        loaded.errors.append(
            InputError(
                ErrorKind.SCHEMA_ERROR,
                "the file is empty: a board needs 'objectives' or 'kpis'",
                file,
                hint="see the board format in the README",
            )
        )
        return loaded
    if root.kind != "map":
        loaded.errors.append(
            InputError(
                ErrorKind.NOT_A_BOARD if _other_list(root.data) else ErrorKind.SCHEMA_ERROR,
                "a board is a mapping with 'objectives' and/or 'kpis', "
                f"found {describe_value(root.data)}",
                file,
                root.span,
            )
        )
        return loaded
    unmarked = _not_a_board(root.data)
    if unmarked:
        loaded.errors.append(
            InputError(
                ErrorKind.NOT_A_BOARD,
                f"not a board: no 'objectives', 'kpis' or 'board' at its top ({unmarked})",
                file,
                root.span,
                hint="a folder walk skips such files; given by name, it is an input error",
            )
        )
        return loaded
    try:
        board = Board.model_validate(root.data)
    except ValidationError as exc:
        loaded.errors.extend(_schema_errors(exc, tree, file))
        return loaded
    empty = _empty_board(board, tree, file)
    if empty:
        loaded.errors.extend(empty)
        return loaded
    loaded.board = board
    loaded.errors.extend(_duplicate_ids(board, tree, file))
    return loaded


#: The top-level keys that make a YAML file a board (and what a near miss is measured to).
BOARD_MARKS = ("objectives", "kpis", "board")
_NEAR = (*BOARD_MARKS, "objective", "kpi", "key_results", "okrs", "okr")


def _other_list(data: Any) -> bool:
    """Is the top-level list something else than goals ("- title: Grow ..." is a board
    written as a list: an error to report; a playbook or a hooks file is skipped)?"""
    return isinstance(data, list) and not any(
        isinstance(item, dict) and ("title" in item or not _not_a_board(item)) for item in data
    )


def _not_a_board(data: Any) -> str:
    """Why a top-level mapping is no board ("its keys: services, volumes"), or "" when
    it has a board's key or a near miss of one ("objetives": a board with a typo)."""
    keys = [str(k) for k in data] if isinstance(data, dict) else []
    lowered = [k.strip().lower() for k in keys]
    if any(k in BOARD_MARKS for k in keys):
        return ""
    if any(difflib.get_close_matches(k, _NEAR, n=1, cutoff=0.75) for k in lowered):
        return ""
    shown = ", ".join(keys[:6]) + (", ..." if len(keys) > 6 else "")
    return f"its keys: {shown}" if keys else "an empty mapping"


def _markdown_tree(text: str, file: str, limits: Limits) -> YamlTree | None:
    """The board of a Markdown file, or None when it has no board's marks."""
    from okrlint.markdown_board import board_marks, read_markdown

    if len(text) > limits.max_file_size:
        return read_tree(text, file, limits)  # the size limit's own error
    if not board_marks(text, file):
        return None
    return read_markdown(text, file)


def convert_to_yaml(path: str | Path) -> tuple[str, str]:
    """(the YAML board a Markdown board is read as, "" or why there is none)."""
    import yaml

    file = Path(path).as_posix()
    source = read_source(Path(path), file, DEFAULT_LIMITS)
    if isinstance(source, InputError):
        return "", f"{file}: {source.message}"
    try:
        tree = _markdown_tree(source, file, DEFAULT_LIMITS)
    except YamlTreeError as exc:
        return "", f"{file}: {exc.error.message}"
    if tree is None or tree.root is None:
        return "", f"{file}: no board in this Markdown file"
    header = f"# converted by okrlint from {file}\n"
    return header + yaml.safe_dump(tree.root.data, sort_keys=False, allow_unicode=True), ""


def load_board(
    path: str | Path, limits: Limits = DEFAULT_LIMITS, file: str | None = None
) -> LoadedBoard:
    """Load one board file from disk; ``file`` is how positions name it (default: the path)."""
    path = Path(path)
    file = file if file is not None else path.as_posix()
    source = read_source(path, file, limits)
    if isinstance(source, InputError):
        return LoadedBoard(file=file, errors=[source])
    return load_text(source, file, limits)


# -- pydantic errors → positioned, human messages ---------------------------------------


def _clean_loc(loc: tuple[str | int, ...]) -> NodePath:
    return tuple(
        part
        for part in loc
        if not (isinstance(part, str) and (part in UNION_TAGS or part.startswith("function-")))
    )


def _kind_of(path: NodePath) -> str:
    """What kind of mapping lives at ``path`` (for the allowed-fields list)."""
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return "board"
    last = names[-1]
    return {
        "objectives": "objective",
        "key_results": "key result",
        "kpis": "kpi",
        "cycle": "cycle",
        "threshold": "threshold",
        "initiatives": "initiative",
    }.get(last, "board")


def _schema_errors(exc: ValidationError, tree: YamlTree, file: str) -> list[InputError]:
    errors: list[InputError] = []
    seen: set[tuple[NodePath, str]] = set()
    for err in exc.errors(include_url=False):
        path = _clean_loc(err["loc"])
        kind = err["type"]
        if (path, kind) in seen:
            continue
        seen.add((path, kind))
        errors.append(_schema_error(kind, path, err, tree, file))
    errors.sort(key=lambda e: (e.span.start, e.node))
    return errors


def _schema_error(kind: str, path: NodePath, err: Any, tree: YamlTree, file: str) -> InputError:
    key_node, node = tree.lookup(path)
    where = format_path(path[:-1]) if path else ""
    owner = f" in {where}" if where else " at the top level"
    hint = ""
    if kind == "extra_forbidden":
        name = str(path[-1])
        allowed = ALLOWED_FIELDS[_kind_of(path[:-1])]
        message = (
            f"unknown field '{name}'{owner}; allowed: {', '.join(allowed)}, "
            "or any field starting with 'x-'"
        )
        close = difflib.get_close_matches(name.strip().lower(), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else ""
        if not close and len(path) == 1 and not _has_content_key(tree):
            hint = "a board needs 'objectives' or 'kpis' (or both)"
        span = key_node.span if key_node is not None else _span(node)
    elif kind == "missing":
        name = str(path[-1])
        message = f"'{name}' is required{owner}"
        span = _span(node)
        if _kind_of(path[:-1]) == "key result":
            hint = "a key result mapping needs a title; plain text works too"
    elif kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        message = f"expected one of {expected}, found {describe_value(err.get('input'))}"
        span = _span(node)
    elif kind == "okrlint_alias":
        # point at the second spelling: that is the one to remove
        name = str(err.get("ctx", {}).get("name", ""))
        alias = str(err.get("ctx", {}).get("alias", ""))
        alias_key, _value = tree.lookup((*path, alias))
        message = err["msg"]
        span = alias_key.span if alias_key is not None else _span(node)
        path = (*path, alias) if alias_key is not None else path
        hint = f"'{alias}' is another name for '{name}': keep one of them"
    elif kind.startswith("okrlint_"):
        message = err["msg"]
        span = _span(node)
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        what = _kind_of(path)
        article = "an" if what[0] in "aeiou" else "a"
        found = describe_value(err.get("input"))
        message = f"expected {article} {what} (a mapping of fields), found {found}"
        span = _span(node)
    else:
        message = (
            f"{err['msg'][:1].lower()}{err['msg'][1:]}, found {describe_value(err.get('input'))}"
        )
        span = _span(node)
    if kind not in ("extra_forbidden", "missing") and path:
        message = f"{path[-1]}: {message}" if isinstance(path[-1], str) else message
    return InputError(ErrorKind.SCHEMA_ERROR, message, file, span, path, hint)


def _span(node: Any) -> Span:
    if node is None:
        return FILE_START
    start: Position = node.start
    end: Position = node.end
    if node.kind != "scalar" and end.line > start.line:
        end = Position(start.line, start.column + 1)
    return Span(start, end)


def _has_content_key(tree: YamlTree) -> bool:
    root = tree.root
    return (
        root is not None and root.kind == "map" and bool({"objectives", "kpis"} & root.pairs.keys())
    )


def _empty_board(board: Board, tree: YamlTree, file: str) -> list[InputError]:
    """A board with no objective and no KPI (``objectives: []``, ``kpis:`` with nothing)
    is an input error at the first empty list: there is nothing to lint, and a board
    that lints clean must have said something."""
    if board.objectives or board.kpis or tree.root is None:
        return []
    given = sorted(
        (pair for name, pair in tree.root.pairs.items() if name in ("objectives", "kpis")),
        key=lambda pair: pair[0].start,
    )
    if not given:  # pragma: no cover - the model requires one of them
        return []
    key, value = given[0]
    name = str(key.data)
    words = [
        f"'{k.data}' {'is an empty list' if v.kind == 'seq' else 'has no items'}" for k, v in given
    ]
    where = value.span if value.kind == "seq" else key.span
    return [
        InputError(
            ErrorKind.SCHEMA_ERROR,
            f"the board is empty: {' and '.join(words)}; "
            "a board needs at least one objective or KPI",
            file,
            where,
            (name,),
            "add an objective with its key results, or a KPI with its threshold",
        )
    ]


def _duplicate_ids(board: Board, tree: YamlTree, file: str) -> list[InputError]:
    """Ids are unique within a board: objectives, key results (where given) and KPIs."""
    first_seen: dict[str, NodePath] = {}
    errors: list[InputError] = []

    def check(item_id: str | None, path: NodePath) -> None:
        if item_id is None:
            return
        first = first_seen.get(item_id)
        if first is None:
            first_seen[item_id] = path
            return
        _key, node = tree.lookup((*path, "id"))
        errors.append(
            InputError(
                ErrorKind.DUPLICATE_ID,
                f"duplicate id '{item_id}': {format_path(first)} already uses it",
                file,
                _span(node),
                (*path, "id"),
                "give every objective, key result and KPI its own id",
            )
        )

    for k, kpi in enumerate(board.kpis):
        check(kpi.id, ("kpis", k))
    for o, objective in enumerate(board.objectives):
        check(objective.id, ("objectives", o))
        for r, kr in enumerate(objective.key_results):
            if isinstance(kr, KeyResultSpec):
                check(kr.id, ("objectives", o, "key_results", r))
    return errors
