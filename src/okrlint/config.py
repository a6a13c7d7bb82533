"""Run settings: which rules run, their options and severities, when to fail, input limits."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from okrlint.catalog import load_rule_doc, rule_defaults
from okrlint.checks import RULE_IDS
from okrlint.findings import Severity
from okrlint.yamltree import DEFAULT_LIMITS, Limits


class ConfigError(Exception):
    """A usage error in the settings (unknown rule, bad option): exit status 2."""


_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Config:
    """Everything that shapes a run; immutable, passed in, never global."""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _EMPTY)
    severities: Mapping[str, Severity] = field(default_factory=lambda: _EMPTY)
    limits: Limits = DEFAULT_LIMITS
    language: str | None = None

    def rules(self) -> tuple[str, ...]:
        """The rule ids that run, in catalog order."""
        chosen = set(RULE_IDS if self.select is None else self.select)
        chosen.difference_update(self.ignore)
        return tuple(r for r in RULE_IDS if r in chosen)

    def options_for(self, rule_id: str) -> dict[str, Any]:
        values: dict[str, Any] = dict(rule_defaults(rule_id).options)
        values.update(self.rule_options.get(rule_id, {}))
        return values


def unknown_rule_message(rule_id: str) -> str:
    close = difflib.get_close_matches(rule_id, RULE_IDS, n=1)
    suggestion = f" (did you mean {close[0]}?)" if close else ""
    return f"unknown rule id '{rule_id}'{suggestion}; run 'okrlint rules' to list them"


def split_rule_ids(values: Iterable[str]) -> tuple[str, ...]:
    """``--select a,b --select c`` → ``('a', 'b', 'c')``; each id must exist."""
    ids: list[str] = []
    for value in values:
        for part in value.split(","):
            rule_id = part.strip()
            if not rule_id:
                continue
            if rule_id.upper() == "ALL":
                ids.extend(RULE_IDS)
                continue
            if rule_id not in RULE_IDS:
                raise ConfigError(unknown_rule_message(rule_id))
            ids.append(rule_id)
    return tuple(dict.fromkeys(ids))


def parse_rule_options(values: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``too-many-objectives.max=4`` → ``{'too-many-objectives': {'max': 4}}``, checked."""
    out: dict[str, dict[str, Any]] = {}
    for value in values:
        name, sep, raw = value.partition("=")
        rule_id, dot, option = name.strip().rpartition(".")
        if not sep or not dot:
            raise ConfigError(f"--rule-option expects RULE.OPTION=VALUE, got '{value}'")
        if rule_id not in RULE_IDS:
            raise ConfigError(unknown_rule_message(rule_id))
        out.setdefault(rule_id, {})[option] = coerce_option(rule_id, option, raw.strip())
    return out


def coerce_option(rule_id: str, option: str, raw: object) -> Any:
    doc = load_rule_doc(rule_id)
    spec = next((o for o in doc.options if o.name == option), None)
    if spec is None:
        known = ", ".join(o.name for o in doc.options) or "none"
        raise ConfigError(f"rule {rule_id} has no option '{option}' (options: {known})")
    try:
        value: Any = {"int": int, "float": float, "str": str}[spec.type](raw)
    except (TypeError, ValueError):
        raise ConfigError(f"option {rule_id}.{option} expects {spec.type}, got {raw!r}") from None
    if isinstance(value, (int, float)) and value < 0:
        raise ConfigError(f"option {rule_id}.{option} must not be negative, got {value}")
    return value
