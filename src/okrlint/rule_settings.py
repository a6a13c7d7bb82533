"""Rule ids and rule options as settings give them: ``--select a,b``, ``ALL``,
``RULE.OPTION=VALUE``, checked against the registry and each rule's documented options."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from okrlint.catalog import load_rule_doc
from okrlint.checks import META_RULES, RULE_IDS
from okrlint.config_files import ConfigError, did_you_mean


def unknown_rule_message(rule_id: str, known: Iterable[str] = (*RULE_IDS, *META_RULES)) -> str:
    close = difflib.get_close_matches(rule_id, list(known), n=1)
    suggestion = f" (did you mean {close[0]}?)" if close else ""
    return f"unknown rule id '{rule_id}'{suggestion}; run 'okrlint rules' to list them"


def split_rule_ids(
    values: Iterable[str], known: Iterable[str] = (*RULE_IDS, *META_RULES)
) -> tuple[str, ...]:
    """``--select a,b --select c`` → ``('a', 'b', 'c')``; each id must exist (ALL: every)."""
    known_ids = tuple(known)
    ids: list[str] = []
    for value in values:
        for part in value.split(","):
            rule_id = part.strip()
            if not rule_id:
                continue
            if rule_id.upper() == "ALL":
                ids.extend(known_ids)
                continue
            if rule_id not in known_ids:
                raise ConfigError(unknown_rule_message(rule_id, known_ids))
            ids.append(rule_id)
    return tuple(dict.fromkeys(ids))


def parse_rule_options(values: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``RULE.OPTION=VALUE`` → ``{RULE: {OPTION: VALUE}}``, each checked against the rule's doc."""
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
        names = [o.name for o in doc.options]
        raise ConfigError(
            f"rule {rule_id} has no option '{option}'{did_you_mean(option, names)} "
            f"(options: {', '.join(names) or 'none'})"
        )
    if isinstance(raw, bool):
        raise ConfigError(f"option {rule_id}.{option} expects {spec.type}, got {raw!r}")
    try:
        value: Any = {"int": int, "float": float, "str": str}[spec.type](raw)
    except (TypeError, ValueError):
        raise ConfigError(f"option {rule_id}.{option} expects {spec.type}, got {raw!r}") from None
    if spec.type == "int" and isinstance(raw, float) and raw != int(raw):
        raise ConfigError(f"option {rule_id}.{option} expects a whole number, got {raw!r}")
    if isinstance(value, (int, float)) and value < 0:
        raise ConfigError(f"option {rule_id}.{option} must not be negative, got {value}")
    return value
