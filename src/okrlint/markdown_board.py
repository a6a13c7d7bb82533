"""Markdown boards: the common shapes of OKR files read as a board, with positions.

Teams keep OKRs in ``OKR.md`` files and handbook pages: a heading per objective with
bullet key results (or a "Key results" sub-heading), "Objective:" / "KR:" labels,
the title in a bold line under a numbered heading, nested bullets, or a table with
objective and key-result columns. Optional YAML front matter gives ``board``,
``cycle``, ``owner`` and ``language``; otherwise the cycle is taken from a heading or
the file name where one is written ("# OKRs Q3 2026", ``okrs-2026-Q3.md``).

:func:`read_markdown` returns the same :class:`~okrlint.yamltree.YamlTree` a YAML
board gives (plain data and spans on the Markdown lines), so that the models, the
reader and every rule work unchanged and findings point at the Markdown lines. A file
without the marks of a board (a README) is told apart: :func:`board_marks` is "".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from okrlint.cycles import find_cycle
from okrlint.positions import Position
from okrlint.yamltree import YamlTree, YNode

#: The shapes a Markdown board may take, for the "no board here" message.
SHAPES = (
    'a heading per objective ("## Objective 1: ...") with bullet key results or a '
    '"Key results" sub-heading; "- Objective:" bullets with nested "- KR:" bullets; '
    "a table with objective and key-result columns; YAML front matter with board or cycle"
)

_OBJECTIVE = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:objectives?|obj|okr|goal|ziel|objetivo|objectif|o(?=\s*\d))"
    r"\s*#?\s*(?P<number>\d+(?:\.\d+)?)?\s*(?:\*\*|__)?\s*[:.)\-–—]?\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_KEY_RESULTS = re.compile(
    r"^\s*(?:key\s*results?|krs?|résultats?\s*clés?|resultados?\s*clave|"
    r"schlüsselergebnisse?)\s*:?\s*$",
    re.IGNORECASE,
)
_KR_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:key\s*result|kr|résultat\s*clé|resultado\s*clave|"
    r"schlüsselergebnis)\s*#?\s*[\d.]*\s*(?:\*\*|__)?\s*[:.)\-–—]",
    re.IGNORECASE,
)
_KPIS = re.compile(
    r"^\s*(?:kpis?|health\s+metrics|vital\s+signs|kennzahlen|indicadores|indicateurs)\s*:?\s*$",
    re.IGNORECASE,
)
_INITIATIVES = re.compile(
    r"^\s*(?:initiatives?|tasks?|projects?|maßnahmen|iniciativas|initiatives|actions)\s*:?\s*$",
    re.IGNORECASE,
)
_OKR_WORD = re.compile(r"\b(?:okrs?|goals|objectives|ziele|objectifs|objetivos)\b", re.IGNORECASE)
_BOLD = re.compile(r"^\s*(?:\*\*|__)(?P<text>.+?)(?:\*\*|__)\s*$")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)\s*$", re.MULTILINE)
_COLUMNS = {
    "objective": ("objective", "objectives", "goal", "ziel", "objetivo", "objectif"),
    "title": (
        "key result",
        "key results",
        "kr",
        "krs",
        "résultat clé",
        "resultado clave",
        "schlüsselergebnis",
        "key-result",
    ),
    "owner": ("owner", "owners", "dri", "lead", "responsible", "verantwortlich", "responsable"),
    "from": ("baseline", "from", "start", "current", "today", "ist", "actual"),
    "to": ("target", "to", "goal value", "ziel-wert", "zielwert", "meta", "cible"),
    "status": ("status", "state", "estado", "statut"),
}


@dataclass(slots=True)
class _Block:
    """One block of the file: a heading, a paragraph, a list item or a table."""

    kind: str  # "heading" | "paragraph" | "item" | "table"
    line: int  # 1-based
    text: str = ""
    level: int = 0  # a heading's level, a list item's depth
    rows: list[list[tuple[str, int]]] = field(default_factory=list)  # (cell, line)


def board_marks(text: str, file: str) -> str:
    """What makes ``text`` a board ("" when nothing does): front matter with a board's
    key, an objective or key-result label, a "Key results" heading, a key-result column."""
    front, _body = _front_matter(text)
    if any(re.match(rf"^{k}\s*:", front, re.MULTILINE) for k in ("board", "cycle", "objectives")):
        return "front matter"
    for block in _blocks(_body):
        if block.kind in ("heading", "item", "paragraph") and _objective_title(block.text):
            return "an objective label"
        if block.kind == "heading" and _KEY_RESULTS.match(block.text):
            return "a key-results heading"
        if block.kind == "item" and _KR_LABEL.match(block.text):
            return "a key-result label"
        if block.kind == "table" and block.rows and _column(block.rows[0], "title") is not None:
            return "a key-result column"
        if block.kind == "heading" and _OKR_WORD.search(block.text) and find_cycle(block.text):
            return "a heading that names OKRs and their cycle"
    return ""


def read_markdown(text: str, file: str) -> YamlTree:
    """The board of a Markdown file as a tree (plain data and spans on its lines)."""
    lines = text.splitlines()
    front, body = _front_matter(text)
    root = _node("map", 1, 1, {})
    if front:
        _merge_front_matter(root, front, file)
    objectives, kpis = _objectives(_blocks(body), lines)
    if "cycle" not in root.pairs:
        _add_cycle(root, body, file)
    if objectives:
        seq = _node("seq", objectives[0].start.line, objectives[0].start.line, [])
        for objective in objectives:
            seq.items.append(objective)
            seq.data.append(objective.data)
        _put(root, "objectives", seq, seq.start.line)
    if kpis:
        seq = _node("seq", kpis[0].start.line, kpis[-1].end.line, [k.data for k in kpis])
        seq.items = kpis
        _put(root, "kpis", seq, seq.start.line)
    return YamlTree(root)


# -- blocks ----------------------------------------------------------------------------


def _front_matter(text: str) -> tuple[str, str]:
    """(front matter, body with the front matter's lines blanked: lines keep numbers)."""
    if not text.startswith("---"):
        return "", text
    end = _FRONT_END.search(text, 4)
    if end is None:
        return "", text
    front = text[4 : end.start()]
    blanked = "\n" * text[: end.end()].count("\n") + text[end.end() :]
    return front, blanked


def _blocks(body: str) -> list[_Block]:
    from markdown_it import MarkdownIt  # only when a Markdown file is read

    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    blocks: list[_Block] = []
    depth = -1
    pending: _Block | None = None  # a list item waiting for its first inline text
    table: _Block | None = None
    row: list[tuple[str, int]] | None = None
    cell_line = 0
    for tok in tokens:
        line = tok.map[0] + 1 if tok.map else 0
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif tok.type == "list_item_open":
            pending = _Block("item", line, level=depth)
            blocks.append(pending)
        elif tok.type == "heading_open":
            blocks.append(_Block("heading", line, level=int(tok.tag[1:])))
        elif tok.type == "paragraph_open" and pending is None:
            blocks.append(_Block("paragraph", line))
        elif tok.type == "table_open":
            table = _Block("table", line)
            blocks.append(table)
        elif tok.type == "tr_open":
            row, cell_line = [], line
        elif tok.type == "tr_close" and table is not None and row is not None:
            table.rows.append(row)
            row = None
        elif tok.type == "table_close":
            table = None
        elif tok.type == "inline":
            if row is not None:
                row.append((tok.content.strip(), cell_line))
            elif pending is not None:
                pending.text = tok.content.strip()
                pending = None
            elif blocks and not blocks[-1].text and blocks[-1].kind in ("heading", "paragraph"):
                blocks[-1].text = tok.content.strip()
    return blocks


# -- objectives -------------------------------------------------------------------------


def _objective_title(text: str) -> str:
    """The title after an objective's label ("Objective 2: Grow" is "Grow"), or ""."""
    m = _OBJECTIVE.match(text)
    if m is None or (m.end() == 0):
        return ""
    rest = text[m.end() :].strip().strip("*_` ").strip()
    labelled = m.group("number") is not None or re.search(r"[:.)\-–—]", text[: m.end()])
    return rest if labelled and rest else ""


@dataclass(slots=True)
class _Objective:
    node: YNode
    level: int  # the heading level or list depth it opened at
    heading: bool
    krs: list[YNode] = field(default_factory=list)
    initiatives: list[YNode] = field(default_factory=list)
    in_krs: bool = True  # list items go to key results (False under "Initiatives")
    notes: dict[int, list[str]] = field(default_factory=dict)  # a key result's nested bullets


def _objectives(blocks: list[_Block], lines: list[str]) -> tuple[list[YNode], list[YNode]]:
    """The objectives, and the KPIs of a "KPIs" section ("- Monthly churn: < 4%")."""
    done: list[_Objective] = []
    kpis: list[YNode] = []
    kpi_level: int | None = None  # the level of the "KPIs" heading we are under
    current: _Objective | None = None
    labelled = any(b.kind in ("heading", "item") and _objective_title(b.text) for b in blocks)
    for i, block in enumerate(blocks):
        if block.kind == "heading" and kpi_level is not None and block.level <= kpi_level:
            kpi_level = None
        if block.kind == "heading" and _KPIS.match(block.text):
            kpi_level, current = block.level, None
            continue
        if kpi_level is not None:
            if block.kind == "item" and block.level == 0:
                kpis.append(_kpi_node(block, lines))
            continue
        if block.kind == "heading":
            title = _objective_title(block.text)
            bold = _bold_after(blocks, i) if not title and _numbered(block.text) else ""
            if title or bold or (not labelled and _has_items(blocks, i)):
                current = _start(done, title or bold or block.text, block, lines, True)
                continue
            if current is not None and current.heading and block.level <= current.level:
                current = None  # a heading at or above the objective's ends it
            elif current is not None:
                current.in_krs = not _INITIATIVES.match(block.text)
        elif block.kind == "item":
            title = _objective_title(block.text)
            if title:
                current = _start(done, title, block, lines, False)
            elif current is not None and block.level == (
                0 if current.heading else current.level + 1
            ):
                target = current.krs if current.in_krs else current.initiatives
                target.append(_text_node(_unlabelled(block.text), block.line, lines))
            elif (
                current is not None
                and current.in_krs
                and current.krs
                and block.level == (1 if current.heading else current.level + 2)
            ):
                # a bullet nested under a key result is its note ("- 40% there", a sub-task)
                current.notes.setdefault(len(current.krs) - 1, []).append(block.text)
        elif block.kind == "table" and block.rows:
            current = _table(done, block, lines, current)
    return [_finish(o) for o in done], kpis


def _kpi_node(block: _Block, lines: list[str]) -> YNode:
    """ "Monthly churn: < 4%" is a KPI named "Monthly churn" with threshold "< 4%"."""
    name, colon, threshold = block.text.rpartition(":")
    if not colon or not name.strip() or not threshold.strip():
        name, threshold = block.text, ""
    node = _node("map", block.line, block.line, {})
    _put(node, "name", _text_node(name.strip(), block.line, lines), block.line)
    if threshold.strip():
        _put(node, "threshold", _text_node(threshold.strip(), block.line, lines), block.line)
    return node


def _unlabelled(text: str) -> str:
    """A key result without its list label ("KR2: Grow ..." is "Grow ...")."""
    m = _KR_LABEL.match(text)
    rest = text[m.end() :].strip() if m else ""
    return rest or text


def _numbered(text: str) -> bool:
    """A heading that is only a label or a number ("1.", "O1", "Objective 2")."""
    return bool(re.fullmatch(r"\s*(?:\w+\s*)?#?\s*\d+[.:)]?\s*", text))


def _bold_after(blocks: list[_Block], i: int) -> str:
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    m = _BOLD.match(nxt.text) if nxt is not None and nxt.kind == "paragraph" else None
    return m.group("text").strip() if m else ""


def _has_items(blocks: list[_Block], i: int) -> bool:
    """Is the heading at ``i`` directly followed by list items (or a "Key results"
    sub-heading), before any other heading?"""
    if _OKR_WORD.search(blocks[i].text) and find_cycle(blocks[i].text):
        return False  # the board's own title: "# OKRs Q3 2026"
    for block in blocks[i + 1 :]:
        if block.kind == "heading":
            return bool(_KEY_RESULTS.match(block.text))
        if block.kind == "item":
            return True
    return False


def _start(
    done: list[_Objective], title: str, block: _Block, lines: list[str], heading: bool
) -> _Objective:
    node = _node("map", block.line, block.line, {})
    _put(node, "title", _text_node(title, block.line, lines), block.line)
    objective = _Objective(node, block.level, heading)
    done.append(objective)
    return objective


def _finish(objective: _Objective) -> YNode:
    for index, notes in objective.notes.items():
        kr = objective.krs[index]
        if kr.kind == "scalar":  # a key result with notes becomes {title, notes}
            mapping = YNode("map", kr.start, kr.end, {})
            _put(mapping, "title", kr, kr.start.line)
            kr = objective.krs[index] = mapping
        if kr.kind == "map" and "notes" not in kr.data:
            last = kr.end.line
            _put(kr, "notes", _node("scalar", last, last, "; ".join(notes)), last)
    for key, items in (("initiatives", objective.initiatives), ("key_results", objective.krs)):
        if items:
            seq = _node("seq", items[0].start.line, items[-1].end.line, [i.data for i in items])
            seq.items = items
            _put(objective.node, key, seq, items[0].start.line)
    return objective.node


def _table(
    done: list[_Objective], block: _Block, lines: list[str], current: _Objective | None
) -> _Objective | None:
    """A table of key results (under an objective's heading), or of objectives and their
    key results (an objective cell left empty repeats the one above)."""
    header, rows = block.rows[0], block.rows[1:]
    title_col = _column(header, "title")
    objective_col = _column(header, "objective")
    if title_col is None:
        return current
    for row in rows:
        if title_col >= len(row) or not row[title_col][0]:
            continue
        if objective_col is not None and objective_col < len(row) and row[objective_col][0]:
            cell, line = row[objective_col]
            current = _start(done, cell, _Block("item", line, cell), lines, False)
            current.level = -99  # rows are not list items
        if current is None:
            continue
        node = _node("map", row[title_col][1], row[title_col][1], {})
        for key in ("title", "owner", "from", "to", "status"):
            col = _column(header, key)
            if col is not None and col < len(row) and row[col][0]:
                _put(node, key, _text_node(row[col][0], row[col][1], lines), row[col][1])
        current.krs.append(node)
    return current


def _column(header: list[tuple[str, int]], key: str) -> int | None:
    names = _COLUMNS[key]
    for i, (cell, _line) in enumerate(header):
        word = re.sub(r"[*_`#]", "", cell).strip().lower()
        if word in names or any(word.startswith(n + " ") for n in names if len(n) > 3):
            return i
    return None


# -- the board's other fields ----------------------------------------------------------


def _merge_front_matter(root: YNode, front: str, file: str) -> None:
    from okrlint.yamltree import read_tree

    padded = "\n" + front  # the front matter starts on the file's line 2
    tree = read_tree(padded, file)
    if tree.root is not None and tree.root.kind == "map":
        root.pairs.update(tree.root.pairs)
        root.data.update(tree.root.data)


def _add_cycle(root: YNode, body: str, file: str) -> None:
    """A cycle written in a heading ("# OKRs Q3 2026") or in the file name."""
    # the body's lines: the front matter's are blank there, so a "# ..." in it is no heading
    for number, line in enumerate(body.splitlines(), start=1):
        m = find_cycle(line) if line.lstrip().startswith("#") else None
        if m is not None:
            node = _node("scalar", number, number, m.group(), m.start() + 1, m.end() + 1)
            _put(root, "cycle", node, number)
            return
    m = find_cycle(PurePath(file).stem.replace("_", "-"))
    if m is not None:
        _put(root, "cycle", _node("scalar", 1, 1, m.group()), 1)


# -- nodes --------------------------------------------------------------------------------


def _node(kind: str, line: int, end_line: int, data: Any, col: int = 1, end_col: int = 1) -> YNode:
    return YNode(kind, Position(line, col), Position(end_line, end_col), data)


def _text_node(text: str, line: int, lines: list[str]) -> YNode:
    """A scalar for ``text`` on ``line``, spanning where the text stands in the line."""
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    at = source.find(text[:20]) if text else -1
    col = at + 1 if at >= 0 else len(source) - len(source.lstrip()) + 1
    return _node("scalar", line, line, text, col, col + len(text))


def _put(mapping: YNode, key: str, value: YNode, line: int) -> None:
    key_node = _node("scalar", line, line, key, value.start.column, value.start.column)
    mapping.pairs[key] = (key_node, value)
    mapping.data[key] = value.data
