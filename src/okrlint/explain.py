"""Rendering rule documentation for ``okrlint rules`` and ``okrlint explain``."""

from __future__ import annotations

import textwrap
from typing import Any

from okrlint.catalog import RuleDoc, examples_lines, load_rule_doc
from okrlint.checks import META_RULES, RULE_IDS
from okrlint.custom_rules import CustomRule
from okrlint.errors import ERROR_KIND_SUMMARIES


def all_docs() -> list[RuleDoc]:
    """Every built-in rule's documentation, the suppression checks last."""
    return [load_rule_doc(rule_id) for rule_id in (*RULE_IDS, *META_RULES)]


def rules_table() -> list[tuple[str, str, str]]:
    """(id, default severity, summary) for every rule, in catalog order."""
    return [(d.id, d.severity.value, d.summary) for d in all_docs()]


def rules_json() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "id": d.id,
            "severity": d.severity.value,
            "category": d.category,
            "summary": d.summary,
            "judges": d.judges,
            "options": [o.model_dump() for o in d.options],
            "fix": d.fix,
            "fix_note": d.fix_note,
            "reading": d.reading,
            "variants": {k: v.severity.value for k, v in d.variants.items()},
        }
        for d in all_docs()
    ]
    return rows


def input_error_rows() -> list[tuple[str, str]]:
    return [(kind.value, text) for kind, text in ERROR_KIND_SUMMARIES.items()]


def explain_text(rule_id: str, width: int = 88) -> str:
    """The full documentation of one rule, as plain text (Markdown-compatible)."""
    doc = load_rule_doc(rule_id)

    def para(text: str) -> str:
        return textwrap.fill(" ".join(text.split()), width=width)

    out = [f"{doc.id} ({doc.severity.value}, judges {doc.judges})", "", para(doc.summary), ""]
    out += ["Why it matters", "", para(doc.rationale), ""]
    out += ["Flagged", "", *examples_lines(doc.bad, "-"), ""]
    out += ["Instead", "", *examples_lines(doc.good, "+"), ""]
    if doc.variants:
        out += ["Variants", ""]
        out += [
            f"  {name}: {v.severity.value}. {v.description}" for name, v in doc.variants.items()
        ]
        out.append("")
    if doc.reading:
        out += ["How real text is read", ""]
        for note in doc.reading:
            out += textwrap.wrap(
                " ".join(note.split()), width=width, initial_indent="  - ", subsequent_indent="    "
            )
        out.append("")
    out += ["Fix", "", f"  {_FIX_TEXT[doc.fix]}"]
    if doc.fix_note:
        out.append(textwrap.indent(para(doc.fix_note), "  "))
    out.append("")
    if doc.options:
        out += ["Options (--rule-option RULE.OPTION=VALUE)", ""]
        out += [
            f"  {doc.id}.{o.name} = {o.default}  ({o.type}) {o.description}" for o in doc.options
        ]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_FIX_TEXT = {
    "safe": "safe: okrlint check --fix applies it",
    "suggested": "suggested: okrlint check --fix --unsafe-fixes applies it (review the diff)",
    "none": "none: the finding says what to change; okrlint does not rewrite it",
}


def readme_table() -> str:
    """The README's rule table, generated from ``rules/`` (a test keeps them in sync)."""
    lines = ["| id | default | fix | options | summary |", "|---|---|---|---|---|"]
    for doc in all_docs():
        options = ", ".join(f"`{o.name}={o.default}`" for o in doc.options) or ""
        fix = "" if doc.fix == "none" else doc.fix
        lines.append(f"| `{doc.id}` | {doc.severity.value} | {fix} | {options} | {doc.summary} |")
    return "\n".join(lines)


def explain_custom(rule: CustomRule) -> str:
    """A custom rule's definition, as ``okrlint explain`` shows it."""
    regex = rule.pattern.pattern if rule.pattern else ""
    check = {
        "pattern": f"{rule.field} must match {regex}",
        "not-pattern": f"{rule.field} must not match {regex}",
        "required": f"{rule.field} is required",
        "max-count": f"at most {rule.count} {rule.field or rule.given}",
        "one-of": f"{rule.field} must be one of: {', '.join(rule.values)}",
    }[rule.kind]
    return (
        f"{rule.id} ({rule.severity.value}, custom rule from the configuration)\n\n"
        f"{rule.message}\n\nJudges: {rule.given}. Check: {check}.\n"
    )
