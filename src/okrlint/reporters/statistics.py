"""``okrlint check --statistics``: how many findings each rule made, instead of the findings.

    3  key-result-without-owner  [ ] A key result with no owner, where its objective ...
    1  kpi-in-disguise           [*] A key result or objective that asks to hold a level ...

One line per rule that found something: the count, the rule id, ``[*]`` when ``--fix``
can fix at least one of its findings (the column is left out when it can fix none),
and the rule's summary; the most frequent rule first, ties by id. With ``--format
json``, a JSON list of ``{"rule", "count", "fixable", "summary"}`` in the same order
(``fixable``: whether ``--fix`` can fix at least one). Notices and input errors go to
stderr, one line each as in the concise format.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from okrlint.findings import Finding, LintResult
from okrlint.reporters import Rendered, fixable, visible
from okrlint.reporters.concise import diagnostics


@dataclass(frozen=True, slots=True)
class RuleCount:
    rule: str
    count: int
    fixable: bool
    summary: str


def count_by_rule(result: LintResult) -> list[RuleCount]:
    """The findings counted per rule, the most frequent first, ties by rule id."""
    counts = Counter(f.rule for f in result.findings)
    can_fix = {f.rule for f in result.findings if fixable(f)}
    # a rule's one-line summary from its documentation; a custom rule has none (nor has
    # an internal error): its first message stands in
    summaries: dict[str, str] = {}
    if counts:
        from okrlint.catalog import load_rule_doc, rules_dir

        documented = {path.stem for path in rules_dir().glob("*.yaml")}
        for f in sorted(result.findings, key=Finding.sort_key):
            if f.rule not in summaries:
                documented_rule = f.rule in documented
                summaries[f.rule] = load_rule_doc(f.rule).summary if documented_rule else f.message
    rows = [
        RuleCount(rule, count, rule in can_fix, summaries[rule]) for rule, count in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.count, r.rule))


def render(result: LintResult, *, as_json: bool = False) -> Rendered:
    rows = count_by_rule(result)
    if as_json:
        out = json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False) + "\n"
        return Rendered(out, diagnostics(result))
    count_width = max((len(str(r.count)) for r in rows), default=0)
    rule_width = max((len(r.rule) for r in rows), default=0)
    any_fixable = any(r.fixable for r in rows)
    lines = []
    for r in rows:
        mark = ("[*] " if r.fixable else "[ ] ") if any_fixable else ""
        lines.append(
            visible(f"{r.count:>{count_width}}  {r.rule:<{rule_width}}  {mark}{r.summary}")
        )
    return Rendered("".join(f"{line}\n" for line in lines), diagnostics(result))
