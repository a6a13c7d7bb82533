"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. ``tool.driver.rules`` documents every id okrlint can print, whatever was
selected: the rules (from ``rules/<id>.yaml``: summary, rationale, flagged and
better examples, options), the input-error kinds, ``internal-error`` and the
suppression warnings. Each finding and each input error is a result whose location
is relative to the repository root (``%SRCROOT%``, declared in
``originalUriBaseIds``), with the item judged as a logical location and the
finding's fingerprint as ``partialFingerprints["okrlint/v1"]``. Findings silenced
by an inline comment are results too, with ``suppressions``. Columns count code
points and ``endColumn`` is exclusive, as okrlint's own positions. No timestamps,
so the same run gives the same bytes.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from okrlint import __version__
from okrlint.catalog import RuleDoc, examples_lines, is_board_example, load_rule_doc, rules_dir
from okrlint.errors import ERROR_KIND_SUMMARIES, InputError
from okrlint.findings import Finding, LintResult, Severity, fingerprint
from okrlint.positions import Span
from okrlint.reporters import Rendered, repository_path, rewritable, visible

if TYPE_CHECKING:
    from okrlint.fixing import Replacement

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/okrlint/"
#: The key of okrlint's fingerprint in ``partialFingerprints``; bump it if it changes.
FINGERPRINT_KEY = "okrlint/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

#: The same id as ``engine.INTERNAL_ERROR`` (a reporter never imports the engine).
INTERNAL_ERROR = "internal-error"

#: Ids okrlint prints that have no rule file: (default severity, summary, rationale).
OTHER_IDS: dict[str, tuple[Severity, str, str]] = {
    INTERNAL_ERROR: (
        Severity.ERROR,
        "A rule crashed on a board; the other rules and boards were still checked.",
        "This is a bug in okrlint, not in the board: the named rule raised an exception "
        "on this board, so the board was not fully checked. The run exits with status 2. "
        "Please report it together with the board that triggers it.",
    ),
    "unused-suppression": (
        Severity.WARNING,
        "An inline suppression that suppresses no finding.",
        "A suppression comment that matches no finding hides nothing today, and may hide "
        "a real finding tomorrow when the board changes. Remove it.",
    ),
    "unknown-rule-in-suppression": (
        Severity.WARNING,
        "An inline suppression names a rule id that does not exist.",
        "A misspelt or retired rule id in a suppression comment suppresses nothing. Use "
        "an id listed by `okrlint rules`.",
    ),
}

_INPUT_ERROR_RATIONALE = (
    "Not a rule but an input error: the file could not be read, parsed or validated, "
    "so it was not linted (a duplicate key or id is reported and the board is still "
    "linted). Input errors always exit with status 2, and the other files are still "
    "linted. Fix the file at the position given."
)


def _para(text: str) -> str:
    return " ".join(text.split())


def _code(text: str) -> str:
    """A Markdown code span around ``text``, whatever backticks it holds."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _fenced(text: str) -> list[str]:
    """A fenced ``yaml`` code block, its fence longer than any backtick run inside."""
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return [f"{fence}yaml", *text.strip("\n").splitlines(), fence]


def _markdown_examples(examples: list[str]) -> list[str]:
    """One-line examples as a list of code spans; a board as a fenced block."""
    out: list[str] = []
    for index, example in enumerate(examples):
        board = is_board_example(example)
        if index and (board or is_board_example(examples[index - 1])):
            out.append("")
        out += _fenced(example) if board else [f"- {_code(example)}"]
    return out


def _help(doc: RuleDoc) -> dict[str, str]:
    text = [doc.summary, "", textwrap.fill(_para(doc.rationale), 88), "", "Flagged:"]
    text += examples_lines(doc.bad, "-")
    text += ["", "Instead:"] if is_board_example(doc.bad[-1]) else ["Instead:"]
    text += examples_lines(doc.good, "+")
    markdown = [doc.summary, "", _para(doc.rationale), "", "Flagged:", ""]
    markdown += [*_markdown_examples(doc.bad), "", "Instead:", ""]
    markdown += _markdown_examples(doc.good)
    if doc.options:
        text += ["", "Options (--rule-option RULE.OPTION=VALUE):"]
        markdown += ["", "Options (`--rule-option RULE.OPTION=VALUE`):", ""]
        for o in doc.options:
            text.append(f"  {doc.id}.{o.name} = {o.default} ({o.type}) {o.description}")
            setting = _code(f"{doc.id}.{o.name}={o.default}")
            markdown.append(f"- {setting} ({o.type}) {o.description}")
    text += ["", f"Run `okrlint explain {doc.id}` for the full documentation."]
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


def _descriptor(
    rule_id: str, severity: Severity, summary: str, rationale: str, tags: list[str]
) -> dict[str, Any]:
    return {
        "id": rule_id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rationale},
        "help": {"text": f"{summary}\n\n{rationale}", "markdown": f"{summary}\n\n{rationale}"},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"tags": tags},
    }


def _rule_descriptor(doc: RuleDoc) -> dict[str, Any]:
    descriptor = _descriptor(doc.id, doc.severity, doc.summary, _para(doc.rationale), ["okr"])
    descriptor["help"] = _help(doc)
    descriptor["properties"] = {"tags": ["okr", doc.category]}
    return descriptor


def rule_descriptors() -> list[dict[str, Any]]:
    """``tool.driver.rules``: every rule (by id), then input errors, then the other ids."""
    documented = sorted(path.stem for path in rules_dir().glob("*.yaml"))
    rules = [_rule_descriptor(load_rule_doc(rule_id)) for rule_id in documented]
    for kind, summary in ERROR_KIND_SUMMARIES.items():
        rules.append(
            _descriptor(kind.value, Severity.ERROR, summary, _INPUT_ERROR_RATIONALE, ["input"])
        )
    for rule_id, (severity, summary, rationale) in OTHER_IDS.items():
        if rule_id not in documented:
            rules.append(_descriptor(rule_id, severity, summary, rationale, ["okrlint"]))
    return rules


def _artifact(file: str, root: str) -> dict[str, Any]:
    """The file's URI: relative to ``%SRCROOT%`` inside the repository, else absolute."""
    relative = repository_path(file, root)
    path = PurePosixPath(relative)
    if not root:
        return {"uri": quote(relative)}
    if path.is_absolute() or ".." in path.parts:
        return {"uri": Path(file).resolve().as_uri()}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def _region(span: Span) -> dict[str, int]:
    # a file-level position may say column 0 (nesting limits): SARIF counts from 1
    start_line, start_column = max(span.start.line, 1), max(span.start.column, 1)
    end_line = max(span.end.line, start_line)
    end_column = max(span.end.column, 1)
    if end_line == start_line:
        end_column = max(end_column, start_column)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _location(file: str, span: Span, node: str, root: str) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": _artifact(file, root), "region": _region(span)}
    }
    if node:
        location["logicalLocations"] = [{"fullyQualifiedName": node}]
    return location


def _text(message: str, hint: str) -> str:
    return f"{message}\nhint: {hint}" if hint else message


def _sarif_result(
    rule_id: str,
    level: str,
    text: str,
    location: dict[str, Any],
    print_: str,
    index: dict[str, int],
) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": rule_id}
    if rule_id in index:
        out["ruleIndex"] = index[rule_id]
    out["level"] = level
    out["message"] = {"text": text}
    out["locations"] = [location]
    out["partialFingerprints"] = {FINGERPRINT_KEY: print_}
    return out


def _finding_result(
    f: Finding, root: str, index: dict[str, int], edits: Sequence[Replacement] = ()
) -> dict[str, Any]:
    print_ = f.fingerprint or fingerprint(f.rule, f.file, f.path, f.message)
    location = _location(f.file, f.span, f.node, root)
    out = _sarif_result(
        f.rule, LEVELS[f.severity], _text(f.message, f.hint), location, print_, index
    )
    if f.fix is not None:
        out["properties"] = {
            "fix": {"description": f.fix.description, "applicability": f.fix.applicability.value}
        }
        if edits:
            out["fixes"] = _fixes(f, edits, root)
    return out


def _edits(findings: Iterable[Finding]) -> dict[int, list[Replacement]]:
    """Each fix's text replacements, by ``id`` of its finding (one parse per file)."""
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        if rewritable(f):  # a board file --fix rewrites: its edits are text replacements
            by_file.setdefault(f.file, []).append(f)
    if not by_file:
        return {}
    from okrlint.fixing import standalone_replacements

    out: dict[int, list[Replacement]] = {}
    for file, fixable in by_file.items():
        edits = standalone_replacements(file, [f.fix for f in fixable if f.fix is not None])
        out.update((id(f), e) for f, e in zip(fixable, edits, strict=True))
    return out


def _fixes(f: Finding, edits: Sequence[Replacement], root: str) -> list[dict[str, Any]]:
    """A fix with an edit, as SARIF artifact changes (only these go in ``fixes``)."""
    assert f.fix is not None
    return [
        {
            "description": {"text": f.fix.description},
            "artifactChanges": [
                {
                    "artifactLocation": _artifact(f.file, root),
                    "replacements": [
                        {
                            "deletedRegion": {"charOffset": offset, "charLength": length},
                            "insertedContent": {"text": text},
                        }
                        for offset, length, text in edits
                    ],
                }
            ],
        }
    ]


def _error_result(e: InputError, root: str, index: dict[str, int]) -> dict[str, Any]:
    print_ = fingerprint(e.kind.value, e.file, e.path, e.message)
    location = _location(e.file, e.span, e.node, root)
    return _sarif_result(e.kind.value, "error", _text(e.message, e.hint), location, print_, index)


def to_dict(result: LintResult) -> dict[str, Any]:
    """The SARIF log as plain data."""
    rules = rule_descriptors()
    known = {rule["id"] for rule in rules}
    # house rules from the configuration: described by their (fixed) message
    for f in sorted((*result.findings, *result.suppressed), key=Finding.sort_key):
        if f.rule not in known:
            known.add(f.rule)
            rules.append(
                {
                    "id": f.rule,
                    "shortDescription": {"text": f.message},
                    "properties": {"tags": ["custom"]},
                }
            )
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    root = result.root
    keyed: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    edits = _edits((*result.findings, *result.suppressed))
    for f in result.findings:
        keyed.append(((*f.sort_key(), 0), _finding_result(f, root, index, edits.get(id(f), ()))))
    for f in result.suppressed:  # silenced by an inline comment in the board
        sarif_result = _finding_result(f, root, index, edits.get(id(f), ()))
        sarif_result["suppressions"] = [{"kind": "inSource", "status": "accepted"}]
        keyed.append(((*f.sort_key(), 1), sarif_result))
    for e in result.input_errors:
        key = (e.file, e.line, e.column, -Severity.ERROR.rank, e.kind.value, e.message, 0)
        keyed.append((key, _error_result(e, root, index)))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "okrlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not any(f.rule == INTERNAL_ERROR for f in result.findings),
                "toolExecutionNotifications": [
                    {"level": "note", "message": {"text": notice}} for notice in result.notices
                ],
            }
        ],
    }
    if root:
        root_path = Path(root)
        base = (root_path if root_path.is_absolute() else root_path.resolve()).as_uri()
        run["originalUriBaseIds"] = {SRCROOT: {"uri": base.rstrip("/") + "/"}}
    run["columnKind"] = "unicodeCodePoints"
    run["results"] = [r for _key, r in sorted(keyed, key=lambda pair: pair[0])]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render(result: LintResult, *, color: bool = False, quiet: bool = False) -> Rendered:
    err = "".join(f"okrlint: {visible(notice)}\n" for notice in result.notices)
    return Rendered(json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n", err)
