"""House rules written as data in the configuration (Spectral and Vale style).

    custom-rules:
      - id: kr-owner-from-leads
        severity: warning
        message: a key result's owner must be one of the team leads
        given: key-results            # objectives | key-results | kpis | board
        field: owner
        one-of: [dana, lee, maya]     # or pattern / not-pattern / required / max-count

No code is ever run from configuration: a rule is a field, a regular expression or a
list, and a count. Definitions are checked when the configuration is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from okrlint.findings import Hit, Severity
from okrlint.positions import NodePath

if TYPE_CHECKING:
    from okrlint.understanding.board import UnderstoodBoard

GIVEN = ("objectives", "key-results", "kpis", "board")
CHECK_KINDS = ("pattern", "not-pattern", "required", "max-count", "one-of")
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_ALLOWED = {"id", "severity", "message", "given", "field", *CHECK_KINDS}
_FIELD_NAMES = {"from": "from_", "to": "to", "baseline": "from_", "target": "to"}


@dataclass(frozen=True)
class CustomRule:
    id: str
    severity: Severity
    message: str
    given: str
    field: str | None
    kind: str
    pattern: re.Pattern[str] | None = None
    values: tuple[str, ...] = ()
    count: int = 0

    def check(self, board: UnderstoodBoard) -> Iterator[Hit]:
        """The hits of this rule on one board."""
        if self.kind == "max-count" and self.given != "board" and self.field is None:
            items = list(_items(board, self.given))
            if len(items) > self.count:
                where = "key_results" if self.given == "key-results" else self.given
                yield Hit(
                    (),
                    f"{self.message} ({len(items)} {self.given}, at most {self.count})",
                    field=where if self.given != "key-results" else None,
                )
            return
        for path, item in _items(board, self.given):
            yield from self._check_item(path, item)

    def _check_item(self, path: NodePath, item: Any) -> Iterator[Hit]:
        name = self.field or ""
        value = _field(item, name)
        where = name if name and _present(value) else None
        if self.kind == "required":
            if not _present(value):
                yield Hit(path, f"{self.message} ({name} is missing)")
            return
        if not _present(value):
            return
        if self.kind == "max-count":
            size = len(value) if isinstance(value, (list, tuple)) else 1
            if size > self.count:
                yield Hit(
                    path, f"{self.message} ({size} {name}, at most {self.count})", field=where
                )
            return
        if self._breaks(str(value)):
            yield Hit(path, f"{self.message} ({name}: {value})", field=where)

    def _breaks(self, text: str) -> bool:
        if self.kind == "one-of":
            return text not in self.values
        if self.pattern is None:
            return False
        found = self.pattern.search(text) is not None
        return not found if self.kind == "pattern" else found


def _present(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != ()


def _items(board: UnderstoodBoard, given: str) -> Iterator[tuple[NodePath, Any]]:
    if given == "board":
        yield (), board.board
    elif given == "objectives":
        for o in board.objectives:
            yield o.path, o.model
    elif given == "kpis":
        for k in board.kpis:
            yield k.path, k.model
    else:
        for kr in board.key_results:
            yield kr.path, kr.spec if kr.spec is not None else {"title": kr.text}


def _field(item: Any, name: str) -> Any:
    if not name:
        return item
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, _FIELD_NAMES.get(name, name.replace("-", "_")), None)


def parse_custom_rules(
    definitions: list[dict[str, Any]], builtin: frozenset[str]
) -> tuple[CustomRule, ...]:
    """Check and build custom rules; raises ValueError with a message naming the rule."""
    rules: list[CustomRule] = []
    seen: set[str] = set()
    for n, d in enumerate(definitions):
        label = f"custom rule {d.get('id', f'#{n + 1}')!s}"
        unknown = set(d) - _ALLOWED
        if unknown:
            raise ValueError(
                f"{label}: unknown key(s) {', '.join(sorted(unknown))}; "
                f"allowed: {', '.join(sorted(_ALLOWED))}"
            )
        rule_id = d.get("id")
        if not isinstance(rule_id, str) or not _ID.match(rule_id):
            raise ValueError(f"{label}: 'id' must be kebab-case, like no-maintain-objectives")
        if rule_id in builtin:
            raise ValueError(f"{label}: the id clashes with a built-in rule; choose another")
        if rule_id in seen:
            raise ValueError(f"{label}: the id is used twice")
        seen.add(rule_id)
        given = d.get("given")
        if given not in GIVEN:
            raise ValueError(f"{label}: 'given' must be one of {', '.join(GIVEN)}")
        kinds = [k for k in CHECK_KINDS if k in d]
        if len(kinds) != 1:
            raise ValueError(f"{label}: give exactly one of {', '.join(CHECK_KINDS)}")
        kind = kinds[0]
        field = d.get("field")
        if field is not None and not isinstance(field, str):
            raise ValueError(f"{label}: 'field' must be a field name")
        if field is None and kind != "max-count":
            raise ValueError(f"{label}: '{kind}' needs a 'field' to look at")
        severity_text = str(d.get("severity", "warning")).lower()
        if severity_text not in ("error", "warning", "info"):
            raise ValueError(f"{label}: 'severity' must be error, warning or info")
        message = d.get("message") or f"custom rule {rule_id}"
        rule = CustomRule(rule_id, Severity(severity_text), str(message), given, field, kind)
        rules.append(_with_check(rule, d[kind], label))
    return tuple(rules)


def _with_check(rule: CustomRule, value: Any, label: str) -> CustomRule:
    from dataclasses import replace

    if rule.kind in ("pattern", "not-pattern"):
        if not isinstance(value, str):
            raise ValueError(f"{label}: '{rule.kind}' must be a regular expression")
        try:
            return replace(rule, pattern=re.compile(value))
        except re.error as exc:
            raise ValueError(f"{label}: bad regular expression {value!r}: {exc}") from None
    if rule.kind == "one-of":
        if not isinstance(value, list) or not value:
            raise ValueError(f"{label}: 'one-of' must be a non-empty list")
        return replace(rule, values=tuple(str(v) for v in value))
    if rule.kind == "max-count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{label}: 'max-count' must be a whole number")
        return replace(rule, count=value)
    if value is not True:
        raise ValueError(f"{label}: 'required' must be true")
    return rule
