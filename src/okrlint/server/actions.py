"""Code actions on a document linted: each finding's fix, every fix of the file at
once, and a suppression comment for one finding.

A fix's edit is the change ``okrlint check --fix`` makes to the same text
(:func:`okrlint.fixing.apply_fixes`, the very function it calls), sent as line edits:
applying them gives the text ``--fix`` would write, byte for byte. "Fix all" takes the
fixes ``--fix`` takes (:func:`okrlint.fixing.fixes_for`): the safe ones, and the
suggested ones when the server's ``unsafeFixes`` is on. A finding's own quick fix is
offered whatever its applicability: the writer picks it by hand.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace

from okrlint.checks import META_RULES
from okrlint.files import is_markdown
from okrlint.findings import Applicability, Finding
from okrlint.fixing import apply_fixes, fixes_for, split_lines
from okrlint.positions import Position
from okrlint.server.diagnostics import INTERNAL_ERROR, finding_diagnostic
from okrlint.server.session import Linted
from okrlint.server.values import ActionKind, CodeAction, Place, Range, TextEdit, TextIndex

#: An inline suppression already on a line, its rule list in group 2.
_YAML_DIRECTIVE = re.compile(
    r"(#\s*okrlint:\s*disable\s*=\s*)([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)"
)
_HTML_DIRECTIVE = re.compile(
    r"(<!--\s*okrlint:\s*disable\s*=\s*)([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)"
)


def text_edits(index: TextIndex, new: str) -> tuple[TextEdit, ...]:
    """The line edits that turn the indexed text into ``new`` (each changed stretch of
    whole lines replaced; the edits do not overlap)."""
    old_lines = split_lines(index.text)
    new_lines = split_lines(new)
    offsets = [0]
    for line in old_lines:
        offsets.append(offsets[-1] + len(line))
    edits: list[TextEdit] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            where = Range(index.place(offsets[i1]), index.place(offsets[i2]))
            edits.append(TextEdit(where, "".join(new_lines[j1:j2])))
    return tuple(edits)


def _fixable(linted: Linted) -> bool:
    return linted.result is not None and not is_markdown(linted.file)


def fix_edits(linted: Linted, findings: Sequence[Finding]) -> tuple[TextEdit, ...]:
    """The edits that apply the fixes of ``findings`` to the document, as ``--fix``
    would (none for a Markdown board, which ``--fix`` does not rewrite)."""
    fixes = [f.fix for f in findings if f.fix is not None and f.fix.has_edit]
    if not fixes or not _fixable(linted):
        return ()
    new, skipped = apply_fixes(linted.text, fixes)
    if skipped or new == linted.text:
        return ()
    return text_edits(linted.index, new)


def fix_all(linted: Linted, *, unsafe: bool) -> CodeAction | None:
    """Every fix ``okrlint check --fix`` (``--unsafe-fixes`` with ``unsafe``) would apply
    to this document, as one action; None when there is none."""
    if linted.result is None:
        return None
    findings = fixes_for(linted.result, unsafe=unsafe).get(linted.file, [])
    edits = fix_edits(linted, findings)
    if not edits:
        return None
    return CodeAction(
        "okrlint: fix all problems in this file",
        ActionKind.FIX_ALL,
        edits,
        tuple(finding_diagnostic(f, linted.index) for f in findings),
    )


def _title(rule: str, text: str) -> str:
    return f"okrlint ({rule}): {text[:1].upper()}{text[1:]}"


def _wanted(kind: ActionKind, only: Sequence[str] | None) -> bool:
    """Does the client ask for actions of this kind (LSP's dotted kinds: "source"
    asks for "source.fixAll.okrlint" too)?"""
    return only is None or any(kind == o or kind.startswith(f"{o}.") for o in only)


def code_actions(
    linted: Linted, wanted: Range, *, unsafe: bool, only: Sequence[str] | None = None
) -> list[CodeAction]:
    """The actions for the findings whose range meets ``wanted``, then "fix all"."""
    result = linted.result
    if result is None:
        return []
    index = linted.index
    actions: list[CodeAction] = []
    here = [f for f in result.findings if index.range_of(f.span).overlaps(wanted)]
    if _wanted(ActionKind.QUICK_FIX, only):
        for finding in here:
            diagnostic = finding_diagnostic(finding, index)
            fix = finding.fix
            if fix is not None and fix.has_edit and fix.applicability != Applicability.DISPLAY:
                edits = fix_edits(linted, [finding])
                if edits:
                    safe = fix.applicability == Applicability.SAFE
                    title = _title(finding.rule, fix.description)
                    actions.append(
                        CodeAction(
                            title if safe else f"{title} (suggested: check it)",
                            ActionKind.QUICK_FIX,
                            edits,
                            (diagnostic,),
                            preferred=safe,
                        )
                    )
            edit = suppression_edit(linted, finding)
            if edit is not None:
                actions.append(
                    CodeAction(
                        _title(finding.rule, "suppress on this line"),
                        ActionKind.QUICK_FIX,
                        (edit,),
                        (diagnostic,),
                    )
                )
    everything = fix_all(linted, unsafe=unsafe)
    if everything is not None:
        fixable_here = any(f.fix is not None and f.fix.has_edit for f in here)
        if fixable_here and _wanted(ActionKind.QUICK_FIX, only):
            actions.append(replace(everything, kind=ActionKind.QUICK_FIX))
        if _wanted(ActionKind.FIX_ALL, only):
            actions.append(everything)
    return actions


# -- suppressions ----------------------------------------------------------------------


def suppression_edit(linted: Linted, finding: Finding) -> TextEdit | None:
    """The edit that silences ``finding`` with an inline comment on the line where its
    node starts (the line a ``disable`` comment covers): the rule joins a suppression
    already there, else a comment is added at the end of the line. In YAML, where a
    comment there would fall inside a text running over several lines, it goes on a
    line of its own above, as ``disable-next-line``. None for findings a comment
    cannot silence (the suppressions' own reports, okrlint's crashes)."""
    if finding.rule in META_RULES or finding.rule == INTERNAL_ERROR or finding.node_line < 1:
        return None
    index = linted.index
    start = index.place(index.offset_of(Position(finding.node_line, 1)))
    line = index.line_text(start.line)
    markdown = is_markdown(linted.file)
    existing = (_HTML_DIRECTIVE if markdown else _YAML_DIRECTIVE).search(line)
    if existing is not None:
        at = Place(start.line, index.encoding.units(line[: existing.end(2)]))
        return TextEdit(Range(at, at), f",{finding.rule}")
    end = Place(start.line, index.encoding.units(line))
    if markdown:
        return TextEdit(Range(end, end), f" <!-- okrlint: disable={finding.rule} -->")
    gap = "" if line.endswith((" ", "\t")) else "  "
    comment = f"{gap}# okrlint: disable={finding.rule}"
    inline = TextEdit(Range(end, end), comment)
    if _keeps_values(linted.text, _applied(index, inline)):
        return inline
    indent = line[: len(line) - len(line.lstrip(" "))]
    above = Place(start.line, 0)
    own_line = TextEdit(
        Range(above, above), f"{indent}# okrlint: disable-next-line={finding.rule}\n"
    )
    return own_line if _keeps_values(linted.text, _applied(index, own_line)) else None


def _applied(index: TextIndex, edit: TextEdit) -> str:
    start = index.offset_at(edit.range.start)
    end = index.offset_at(edit.range.end)
    return index.text[:start] + edit.new_text + index.text[end:]


def _keeps_values(old: str, new: str) -> bool:
    """Does ``new`` hold the same YAML values as ``old`` (a comment added, nothing
    else)? Compared token by token: fast, and blind to comments."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def values(text: str) -> list[tuple[str, object]] | None:
        try:
            return [(type(t).__name__, getattr(t, "value", None)) for t in yaml.scan(text, loader)]
        except yaml.YAMLError:
            return None

    before = values(old)
    return before is not None and before == values(new)
