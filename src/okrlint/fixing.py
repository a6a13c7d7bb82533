"""``okrlint check --fix`` / ``--diff``: apply the mechanical fixes findings carry.

The rewrite goes through ruamel.yaml's round-trip mode, which keeps comments, key
order and quoting; this module is imported only when fixing (the read path stays on
PyYAML). Where ruamel would still normalize a line the fix does not touch (odd
spacing after a colon, say), only the fix's own lines are taken from ruamel's output:
the board is the original text with the fix's hunks applied, so a diff shows the fix
and nothing else.

The bytes around the YAML are the file's own: the fix works on the lines without their
endings and puts them back after, so each line the fix leaves alone keeps its own
ending (CRLF, LF, CR, even mixed in one file), a new line takes the file's commonest
ending, and a UTF-8 byte-order mark and a missing final newline stay as they were.
``--diff`` is computed from the very text ``--fix`` writes.

Fixes (see each rule's ``fix:`` in ``rules/``):
  * ``move-to-kpis``: a disguised KPI key result leaves its objective and joins
    ``kpis:`` as ``{id, name, threshold, unit, owner}``; an objective left without key
    results is left so (objective-without-key-results reports it), never given an
    invented bet;
  * ``drop``: a disguised KPI key result the board's KPI list already watches (same
    metric, same threshold) leaves its objective, and nothing is added;
  * ``move-to-initiatives``: a task written as a key result leaves the key results and
    joins its objective's ``initiatives:`` (the work stays in the plan);
  * ``add-kpi``: a guard-rail joins ``kpis:`` and the bet stays;
  * ``set``: a field takes a value (``kpi:`` to the KPI it surely meant, a ``cycle:``).
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from okrlint.files import is_markdown
from okrlint.findings import Applicability, Finding, Fix, LintResult

__all__ = [
    "FileFix",
    "apply_fixes",
    "fixes_for",
    "plan_fixes",
    "standalone_replacements",
    "unified_diff",
]


@dataclass
class FileFix:
    """What fixing does to one file."""

    file: str
    old: str
    new: str
    applied: list[Finding] = field(default_factory=list)
    skipped: str = ""  # why the file was left alone

    @property
    def changed(self) -> bool:
        return self.new != self.old


def fixes_for(result: LintResult, *, unsafe: bool) -> dict[str, list[Finding]]:
    """The findings whose fixes apply, by file (safe ones; suggested too with ``unsafe``).

    Files that failed to load are never touched.
    """
    broken = {f.file for f in result.files if any(e.fatal for e in f.errors)}
    allowed = {Applicability.SAFE} | ({Applicability.SUGGESTED} if unsafe else set())
    out: dict[str, list[Finding]] = {}
    for finding in result.findings:
        fix = finding.fix
        if fix is None or not fix.has_edit or fix.applicability not in allowed:
            continue
        if finding.file in broken or finding.file.startswith("<"):
            continue
        out.setdefault(finding.file, []).append(finding)
    return out


def plan_fixes(result: LintResult, *, unsafe: bool) -> list[FileFix]:
    """Work out every file's new text (nothing is written)."""
    plans: list[FileFix] = []
    for file, findings in sorted(fixes_for(result, unsafe=unsafe).items()):
        if is_markdown(file):
            reason = "Markdown boards are not rewritten yet: edit the lines the findings name"
            plans.append(FileFix(file, "", "", skipped=reason))
            continue
        old = read_board_text(file)
        if isinstance(old, _Unreadable):
            plans.append(FileFix(file, "", "", skipped=old.why))
            continue
        new, skipped = apply_fixes(old, [f.fix for f in findings if f.fix is not None])
        plans.append(FileFix(file, old, new, findings if not skipped else [], skipped))
    return plans


@dataclass(frozen=True)
class _Unreadable:
    why: str


def read_board_text(file: str) -> str | _Unreadable:
    """The file's text exactly as stored: a byte-order mark and line endings kept."""
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        return _Unreadable(f"cannot read it ({exc})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _Unreadable("only UTF-8 boards are rewritten")


# -- line endings, the byte-order mark and the final newline ------------------------------

_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


def split_lines(text: str) -> list[str]:
    """``text`` cut after each CRLF, LF or CR (never at the other characters
    ``str.splitlines`` would cut at, which YAML reads as part of a line)."""
    lines: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


@dataclass(frozen=True)
class _Layout:
    """A text's lines without their endings, and what surrounds them."""

    bom: str
    lines: list[str]
    endings: list[str]  # each line's own ending; "" for a last line without one

    @classmethod
    def of(cls, text: str) -> _Layout:
        bom = _BOM if text.startswith(_BOM) else ""
        lines, endings = [], []
        for line in split_lines(text[len(bom) :]):
            body = line.rstrip("\r\n")
            lines.append(body)
            endings.append(line[len(body) :])
        return cls(bom, lines, endings)

    @property
    def plain(self) -> str:
        """The text the YAML library reads: every line ended with LF, no byte-order mark."""
        return "".join(f"{line}\n" for line in self.lines)

    def restore(self, plain: str) -> str:
        """``plain`` (a rewrite of :attr:`plain`) with this text's endings put back: an
        untouched line keeps its own, a new one takes the commonest; the final newline
        and the byte-order mark stay as they were."""
        new = plain.split("\n")
        if new and new[-1] == "":
            new.pop()
        used = [e for e in self.endings if e]
        dominant = max(used, key=used.count) if used else "\n"  # ties: the first seen
        endings = [dominant] * len(new)
        matcher = difflib.SequenceMatcher(None, self.lines, new, autojunk=False)
        for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    endings[j1 + k] = self.endings[i1 + k] or dominant
        if new and self.endings and not self.endings[-1]:
            endings[-1] = ""  # no final newline before, none after
        return self.bom + "".join(line + end for line, end in zip(new, endings, strict=True))


# -- the rewrite --------------------------------------------------------------------------


def _yaml(indent: tuple[int, int, int]) -> Any:
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap long lines
    mapping, sequence, offset = indent
    rt.indent(mapping=mapping, sequence=sequence, offset=offset)
    return rt


_DASH = re.compile(r"^( *)- ")
_KEY = re.compile(r"^( *)[^\s#-][^:]*:\s*(?:#.*)?$")


def detect_indent(text: str) -> tuple[int, int, int]:
    """The (mapping, sequence, dash offset) indentation a board is written with."""
    lines = text.splitlines()
    mapping, offset = 2, 2
    for number, line in enumerate(lines[:-1]):
        key = _KEY.match(line)
        if key is None:
            continue
        nxt = lines[number + 1]
        dash = _DASH.match(nxt)
        if dash is not None:
            offset = len(dash.group(1)) - len(key.group(1))
            break
        inner = re.match(r"^( *)\S", nxt)
        if inner is not None and len(inner.group(1)) > len(key.group(1)):
            mapping = len(inner.group(1)) - len(key.group(1))
    offset = max(offset, 0)
    return mapping, offset + 2, offset


def _dump(rt: Any, data: Any) -> str:
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


@dataclass
class _Parsed:
    """A board read in round-trip mode, with ruamel's rendering of it untouched."""

    text: str
    rt: Any
    data: Any
    normalized: str


def _parse(text: str) -> _Parsed | str:
    """The board in round-trip mode, or why it cannot be fixed."""
    from ruamel.yaml.error import YAMLError

    rt = _yaml(detect_indent(text))
    try:
        data = rt.load(text)
    except (YAMLError, ValueError) as exc:
        return f"ruamel.yaml cannot read it ({type(exc).__name__})"
    if not hasattr(data, "insert"):
        return "not a board mapping"
    return _Parsed(text, rt, data, _dump(rt, data))


def _rewrite(parsed: _Parsed, data: Any, fixes: Sequence[Fix]) -> str:
    """Apply ``fixes`` to ``data`` (the parsed board or a copy of it): the new text."""
    removals: list[tuple[Any, ...]] = []
    for fix in fixes:
        if fix.action in ("move-to-kpis", "add-kpi"):
            _add_kpi(data, dict(fix.values))
            if fix.action == "move-to-kpis":
                removals.append(fix.target)
        elif fix.action == "drop":
            removals.append(fix.target)  # the board's KPI list already watches it
        elif fix.action == "set":
            _set_fields(data, fix.target, fix.values)
        elif fix.action == "move-to-initiatives":
            _add_initiative(data, fix.target, dict(fix.values).get("title", ""))
            removals.append(fix.target)
    for path in sorted(set(removals), key=_removal_order, reverse=True):
        _remove(data, path)
    fixed = _dump(parsed.rt, data)
    if parsed.normalized == parsed.text:
        return fixed
    return _carry_over(parsed.text, parsed.normalized, fixed)


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, str]:
    """Apply ``fixes`` to a board's text: (new text, "" or why nothing was done).

    ``text`` is the file as stored (see :func:`read_board_text`); so is the new text.
    """
    layout = _Layout.of(text)
    parsed = _parse(layout.plain)
    if isinstance(parsed, str):
        return text, parsed
    if not fixes:
        return text, ""
    return layout.restore(_rewrite(parsed, parsed.data, fixes)), ""


def _carry_over(original: str, normalized: str, fixed: str) -> str:
    """Apply the change from ``normalized`` to ``fixed`` onto ``original``.

    ``normalized`` is ruamel's rendering of the untouched board; where it differs from
    the original (spacing ruamel normalizes), the original lines are kept, unless the
    fix itself changes them.
    """
    orig = original.splitlines(keepends=True)
    norm = normalized.splitlines(keepends=True)
    new = fixed.splitlines(keepends=True)
    # the original lines behind each normalized line: a unit of the (orig, norm) diff
    units: list[tuple[int, int, int, int, bool]] = []  # (i1, i2, j1, j2, equal)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, orig, norm, autojunk=False
    ).get_opcodes():
        units.append((i1, i2, j1, j2, tag == "equal"))
    out: list[str] = []

    def emit(j_start: int, j_end: int) -> None:
        """The original text of the normalized lines [j_start, j_end)."""
        for i1, i2, j1, j2, equal in units:
            lo, hi = max(j1, j_start), min(j2, j_end)
            if equal and lo < hi:
                out.extend(orig[i1 + lo - j1 : i1 + hi - j1])
            elif (
                not equal
                and j_start <= j1
                and j2 <= j_end
                and (j1 < j2 or j_start < j_end or j1 == j_start)
            ):
                if j1 == j2 and not (j_start <= j1 < j_end or j1 == j_end == len(norm)):
                    continue
                out.extend(orig[i1:i2])  # a normalized stretch wholly outside the fix
            elif not equal and lo < hi:
                out.extend(norm[lo:hi])  # shared with the fix: ruamel's rendering

    for tag, j1, j2, k1, k2 in difflib.SequenceMatcher(
        None, norm, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            emit(j1, j2)
        else:
            out.extend(new[k1:k2])
    return "".join(out)


def _removal_order(path: tuple[Any, ...]) -> tuple[int, ...]:
    return tuple(p for p in path if isinstance(p, int))


def _node(data: Any, path: Iterable[Any]) -> Any:
    node = data
    for part in path:
        node = node[part]
    return node


def _remove(data: Any, path: tuple[Any, ...]) -> None:
    """Remove the item at ``path`` (a key result) from its list."""
    parent = _node(data, path[:-1])
    index = path[-1]
    if isinstance(index, int) and 0 <= index < len(parent):
        del parent[index]


def _set_fields(data: Any, path: tuple[Any, ...], values: Iterable[tuple[str, str]]) -> None:
    node = _node(data, path)
    if not hasattr(node, "insert"):
        return  # a plain-text key result has no fields to set
    for key, value in values:
        if key in node:
            node[key] = value
        elif not path and key == "cycle":
            position = list(node).index("board") + 1 if "board" in node else 0
            node.insert(position, key, value)
        else:
            node[key] = value


def _add_kpi(data: Any, values: dict[str, str]) -> None:
    """Add a KPI, unless one of the same name is there already (fixing twice adds none)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    kpis = data.get("kpis")
    if kpis is None:
        kpis = CommentedSeq()
        position = list(data).index("objectives") if "objectives" in data else len(data)
        data.insert(position, "kpis", kpis)
    name = values.get("name", "")
    existing = [k for k in kpis if hasattr(k, "get")]
    if any(str(k.get("name", "")).strip().lower() == name.strip().lower() for k in existing):
        return
    taken = {str(k.get("id")) for k in existing if k.get("id") is not None}
    kpi = CommentedMap()
    for key, value in values.items():
        if key == "id":
            value = _unique(value, taken)
        kpi[key] = DoubleQuotedScalarString(value) if key in ("threshold", "unit") else value
    kpis.append(kpi)


def _add_initiative(data: Any, path: tuple[Any, ...], title: str) -> None:
    """Add ``title`` to the initiatives of the objective that holds the key result at
    ``path`` (``objectives[i].key_results[j]``), unless it is there already."""
    from ruamel.yaml.comments import CommentedSeq

    objective = _node(data, path[:2])
    if not hasattr(objective, "insert") or not title:
        return
    initiatives = objective.get("initiatives")
    if initiatives is None:
        initiatives = CommentedSeq()
        keys = list(objective)
        position = keys.index("key_results") if "key_results" in keys else len(keys)
        objective.insert(position, "initiatives", initiatives)
    if title not in [str(i.get("title", "")) if hasattr(i, "get") else str(i) for i in initiatives]:
        initiatives.append(title)


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    taken.add(candidate)
    return candidate


Replacement = tuple[int, int, str]


def standalone_replacements(file: str, fixes: Sequence[Fix]) -> list[list[Replacement]]:
    """Each fix on its own as text replacements of the file: (char offset, deleted
    length, inserted), one list per fix (empty when it changes nothing).

    Whole lines are replaced, hunk by hunk, so that each stands alone (SARIF fixes).
    The file is read and parsed once; each fix is applied to a copy of the board.
    """
    import copy

    if is_markdown(file):
        return [[] for _ in fixes]  # Markdown boards are not rewritten
    old = read_board_text(file)
    if isinstance(old, _Unreadable):
        return [[] for _ in fixes]
    layout = _Layout.of(old)
    parsed = _parse(layout.plain)
    if isinstance(parsed, str):
        return [[] for _ in fixes]
    old_lines = split_lines(old)
    offsets = [0]
    for line in old_lines:
        offsets.append(offsets[-1] + len(line))
    out: list[list[Replacement]] = []
    for fix in fixes:
        new = layout.restore(_rewrite(parsed, copy.deepcopy(parsed.data), [fix]))
        edits: list[Replacement] = []
        if new != old:
            new_lines = split_lines(new)
            matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    edits.append(
                        (offsets[i1], offsets[i2] - offsets[i1], "".join(new_lines[j1:j2]))
                    )
        out.append(edits)
    return out


# -- output -------------------------------------------------------------------------------


def unified_diff(plan: FileFix) -> str:
    """The change as a unified diff of the stored text and the text ``--fix`` writes,
    line endings included; a last line with no newline is marked as ``diff`` marks it."""
    relative = not Path(plan.file).is_absolute()
    out: list[str] = []
    for line in difflib.unified_diff(
        split_lines(plan.old),
        split_lines(plan.new),
        fromfile=f"a/{plan.file}" if relative else plan.file,
        tofile=f"b/{plan.file}" if relative else plan.file,
    ):
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
