"""Configuration files: ``.okrlint.yaml`` or ``[tool.okrlint]`` in ``pyproject.toml``.

Found by searching upward from each linted path; the nearest wins. A file is read
and checked here, key by key, into plain values; every mistake (an unknown key, an
unknown rule id, a bad option value) is a :class:`ConfigError` naming the file and
the line. :mod:`okrlint.config` combines these values with the command line.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from okrlint.catalog import LANGUAGES
from okrlint.cycles import FiscalYear

#: The languages a board may set, for messages: "en, de, es or fr".
LANGUAGE_CHOICES = f"{', '.join(LANGUAGES[:-1])} or {LANGUAGES[-1]}"

YAML_NAMES = (".okrlint.yaml", ".okrlint.yml")
SEVERITY_WORDS = ("error", "warning", "info", "off")

#: Every key of a configuration file, with what it holds (for messages and `init`).
KEYS: dict[str, str] = {
    "select": "rule ids to run (default: all)",
    "ignore": "rule ids to skip",
    "extend-select": "rule ids to run in addition to select",
    "severity": "per-rule severity: error, warning, info or off",
    "rules": "rule options, e.g. too-many-objectives: {max: 4}",
    "fail-on": "exit 1 at or above this severity: error, warning or info",
    "include": "glob patterns of the files a folder walk reads (default: *.yaml, *.yml, *.md)",
    "exclude": "glob patterns of paths never linted (default: .*)",
    "extend-exclude": "glob patterns excluded in addition to exclude",
    "per-file-ignores": "glob pattern -> rule ids to skip in matching files",
    "language": f"language of boards that do not set one: {LANGUAGE_CHOICES}",
    "fiscal-year": "when the fiscal year starts: {starts: 7, named-by: end}",
    "custom-rules": "house rules written as data",
    "max-file-size": "largest board file, in bytes",
    "max-depth": "deepest YAML nesting",
    "max-alias-nodes": "most YAML nodes aliases may expand to",
    "baseline": "baseline file of findings not to report, relative to this file",
}


class ConfigError(Exception):
    """A mistake in the settings (file or command line): a usage error, exit status 2."""


#: A place in a configuration file: (line, column), both counted from 1.
Place = tuple[int, int]
#: Keys (and list indexes) from the top of the configuration: ("rules", RULE_ID, OPTION).
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class FileSettings:
    """A configuration file's checked values (raw: rule ids are checked later)."""

    path: Path
    values: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    #: Where each key is (``("rules", RULE_ID, "max")``: the option's
    #: name), and where its value is (a list item's key path ends with its index).
    key_places: Mapping[KeyPath, Place] = field(default_factory=dict)
    value_places: Mapping[KeyPath, Place] = field(default_factory=dict)

    @property
    def base(self) -> Path:
        """The folder that relative globs (exclude, per-file-ignores) start from."""
        return self.path.parent

    def where(self, key: str) -> str:
        line = self.lines.get(key)
        return f"{self.path}:{line}" if line else str(self.path)

    def error(self, key: str, message: str, *, value: bool = False) -> ConfigError:
        return self.error_at((key,), message, value=value)

    def error_at(self, path: KeyPath, message: str, *, value: bool = False) -> ConfigError:
        """An error at the deepest known place of ``path``: its value (with ``value``)
        or its key; a parent's when the file does not say where (an item of a TOML list)."""
        for depth in range(len(path), 0, -1):
            sub = path[:depth]
            place = (self.value_places.get(sub) if value else None) or self.key_places.get(sub)
            if place is not None:
                return ConfigError(f"{self.path}:{place[0]}:{place[1]}: {message}")
        return ConfigError(f"{self.where(str(path[0]))}: {message}" if path else message)


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    import tomllib  # only when a pyproject.toml is on the way up

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    tool = data.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("okrlint"), dict):
        table: dict[str, Any] = tool["okrlint"]
        return table
    return None


@lru_cache(maxsize=1024)
def find_config_file(folder: Path) -> Path | None:
    """The nearest configuration file at or above ``folder`` (absolute), or None."""
    for candidate in (folder, *folder.parents):
        for name in YAML_NAMES:
            path = candidate / name
            if path.is_file():
                return path
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


@lru_cache(maxsize=64)
def load_config_file(path: Path) -> FileSettings:
    """Read and check a configuration file; raises :class:`ConfigError`."""
    if path.name == "pyproject.toml":
        return _load_pyproject(path)
    return _load_yaml(path)


def _load_yaml(path: Path) -> FileSettings:
    from okrlint.files import decode
    from okrlint.yamltree import YamlTreeError, read_tree

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror}") from None
    text = decode(raw, str(path))
    if not isinstance(text, str):
        raise ConfigError(f"{path}:{text.line}: {text.message}")
    try:
        tree = read_tree(text, str(path))
    except YamlTreeError as exc:
        e = exc.error
        raise ConfigError(f"{path}:{e.line}:{e.column}: {e.message}") from None
    for dup in tree.errors:
        raise ConfigError(f"{path}:{dup.line}:{dup.column}: {dup.message}")
    root = tree.root
    if root is None or (root.kind == "scalar" and root.data is None):
        return FileSettings(path, {})
    if root.kind != "map":
        raise ConfigError(f"{path}:{root.start.line}: the configuration must be a mapping of keys")
    lines = {key: pair[0].start.line for key, pair in root.pairs.items()}
    keys: dict[KeyPath, Place] = {}
    values: dict[KeyPath, Place] = {}
    _yaml_places(root, (), keys, values)
    return _checked(FileSettings(path, dict(root.data), lines, keys, values))


def _yaml_places(
    node: Any, path: KeyPath, keys: dict[KeyPath, Place], values: dict[KeyPath, Place]
) -> None:
    """Where each key and value of a configuration's tree is (a few levels deep)."""
    if len(path) > 3:
        return
    if node.kind == "map":
        children = [((*path, text), key, value) for text, (key, value) in node.pairs.items()]
    elif node.kind == "seq":
        children = [((*path, i), item, item) for i, item in enumerate(node.items)]
    else:
        return
    for child, key, value in children:
        keys[child] = (key.start.line, key.start.column)
        empty = value.kind == "scalar" and value.data is None and value.start == value.end
        values[child] = keys[child] if empty else (value.start.line, value.start.column)
        _yaml_places(value, child, keys, values)


def _load_pyproject(path: Path) -> FileSettings:
    text = path.read_text(encoding="utf-8")
    table = _pyproject_table(path)
    if table is None:  # pragma: no cover - find_config_file checked it
        return FileSettings(path, {})
    keys, values = _toml_places(text)
    lines = {key: keys[(key,)][0] for key in table if (key,) in keys}
    return _checked(FileSettings(path, table, lines, keys, values))


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_TOML_PAIR = re.compile(rf"^\s*({_TOML_KEY}(?:\s*\.\s*{_TOML_KEY})*)\s*=\s*")
_TOML_INLINE_PAIR = re.compile(rf"[{{,]\s*({_TOML_KEY})\s*=\s*")


def _toml_parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("\"'") for p in re.findall(_TOML_KEY, dotted))


def _toml_places(text: str) -> tuple[dict[KeyPath, Place], dict[KeyPath, Place]]:
    """Where [tool.okrlint]'s keys and values are (tomllib keeps no positions: they are
    found in the text, a table's keys and one level of inline tables)."""
    keys: dict[KeyPath, Place] = {}
    values: dict[KeyPath, Place] = {}
    section: KeyPath | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            name = stripped.strip("[] ")
            parts = _toml_parts(name)
            section = parts[2:] if parts[:2] == ("tool", "okrlint") else None
            for depth in range(1, len(section or ()) + 1):
                assert section is not None
                keys.setdefault(section[:depth], (number, line.index("[") + 1))
            continue
        m = _TOML_PAIR.match(line)
        if section is None or m is None:
            continue
        path = (*section, *_toml_parts(m.group(1)))
        keys.setdefault(path, (number, m.start(1) + 1))
        values.setdefault(path, (number, m.end() + 1))
        if line[m.end() :].startswith("{"):
            for inner in _TOML_INLINE_PAIR.finditer(line, m.end()):
                at = (*path, *_toml_parts(inner.group(1)))
                keys.setdefault(at, (number, inner.start(1) + 1))
                values.setdefault(at, (number, inner.end() + 1))
    return keys, values


# -- checking values key by key ---------------------------------------------------------


def _checked(settings: FileSettings) -> FileSettings:
    values: dict[str, Any] = {}
    for key, value in settings.values.items():
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise settings.error(str(key), f"unknown key '{key}'{hint}; allowed: {', '.join(KEYS)}")
        values[key] = _CHECKS[key](settings, key, value)
    return FileSettings(
        settings.path, values, settings.lines, settings.key_places, settings.value_places
    )


def _ids(
    settings: FileSettings, key: str, value: Any, path: KeyPath | None = None
) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise settings.error_at(path or (key,), f"'{key}' expects a list of rule ids", value=True)
    return tuple(v.strip() for v in value if v.strip())


def _globs(settings: FileSettings, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise settings.error(key, f"'{key}' expects a list of glob patterns", value=True)
    return tuple(value)


def severity_word(value: Any) -> str | None:
    """YAML reads ``off`` as false: accept both."""
    if value is False:
        return "off"
    if isinstance(value, str) and value.strip().lower() in SEVERITY_WORDS:
        return value.strip().lower()
    return None


def _severity(settings: FileSettings, key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise settings.error(
            key, "'severity' expects a mapping: rule-id: error|warning|info|off", value=True
        )
    out: dict[str, str] = {}
    for rule_id, word in value.items():
        level = severity_word(word)
        if level is None:
            raise settings.error_at(
                (key, str(rule_id)),
                f"severity of '{rule_id}' must be error, warning, info or off, not {word!r}"
                + did_you_mean(word, SEVERITY_WORDS),
                value=True,
            )
        out[str(rule_id)] = level
    return out


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """ " (did you mean 'warning'?)" for a near miss of one of ``choices``, else ""."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word.strip().lower(), list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _rules(settings: FileSettings, key: str, value: Any) -> dict[str, dict[str, Any]]:
    message = "'rules' expects rule-id: {option: value} mappings"
    if not isinstance(value, dict):
        raise settings.error(key, message, value=True)
    for rule_id, options in value.items():
        if not isinstance(options, dict):
            raise settings.error_at((key, str(rule_id)), message, value=True)
    return {str(k): dict(v) for k, v in value.items()}


def _fail_on(settings: FileSettings, key: str, value: Any) -> str:
    word = severity_word(value)
    if word is None or word == "off":
        raise settings.error(
            key,
            f"'fail-on' must be error, warning or info, not {value!r}"
            + did_you_mean(value, SEVERITY_WORDS[:3]),
            value=True,
        )
    return word


def _per_file(settings: FileSettings, key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise settings.error(key, "'per-file-ignores' expects glob: [rule ids] mappings")
    return {str(glob): _ids(settings, key, ids, (key, str(glob))) for glob, ids in value.items()}


def _language(settings: FileSettings, key: str, value: Any) -> str:
    if not isinstance(value, str) or value.lower() not in LANGUAGES:
        raise settings.error(
            key,
            f"'language' must be one of {', '.join(LANGUAGES)}" + did_you_mean(value, LANGUAGES),
            value=True,
        )
    return value.lower()


def _fiscal_year(settings: FileSettings, key: str, value: Any) -> FiscalYear:
    """``fiscal-year: {starts: 7, named-by: end}`` (or ``fiscal-year: 7``); a month may be
    named ("july")."""
    given = value if isinstance(value, dict) else {"starts": value}
    starts_key = "start-month" if "start-month" in given else "starts"
    given = {("starts" if k == "start-month" else k): v for k, v in given.items()}
    unknown = set(given) - {"starts", "named-by"}
    if unknown:
        first = sorted(unknown)[0]
        raise settings.error_at(
            (key, first),
            f"'fiscal-year' takes starts and named-by, not {', '.join(sorted(unknown))}"
            + did_you_mean(first, ("starts", "named-by")),
        )
    where: KeyPath = (key, starts_key) if isinstance(value, dict) else (key,)
    month = _month_number(given.get("starts", 1))
    if month is None:
        raise settings.error_at(
            where,
            "'fiscal-year' starts must be a month: 1 to 12, or a name such as july",
            value=True,
        )
    named_by = given.get("named-by", "end")
    if named_by not in ("end", "start"):
        raise settings.error_at(
            (key, "named-by"),
            "'fiscal-year' named-by must be end (FY2026 ends in 2026) or start",
            value=True,
        )
    return FiscalYear(month, named_by)


def _month_number(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= 12 else None
    if isinstance(value, str):
        word = value.strip().lower()
        for number in range(1, 13):
            name = calendar.month_name[number].lower()
            if word in (name, name[:3]):
                return number
    return None


def _custom(settings: FileSettings, key: str, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise settings.error(key, "'custom-rules' expects a list of rule mappings")
    return [dict(v) for v in value]


def _positive(settings: FileSettings, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise settings.error(key, f"'{key}' expects a whole number, not {value!r}", value=True)
    return value


def _file(settings: FileSettings, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise settings.error(key, f"'{key}' expects a file name, not {value!r}")
    return value.strip()


_CHECKS: dict[str, Callable[[FileSettings, str, Any], Any]] = {
    "select": _ids,
    "ignore": _ids,
    "extend-select": _ids,
    "severity": _severity,
    "rules": _rules,
    "fail-on": _fail_on,
    "include": _globs,
    "exclude": _globs,
    "extend-exclude": _globs,
    "per-file-ignores": _per_file,
    "language": _language,
    "fiscal-year": _fiscal_year,
    "custom-rules": _custom,
    "max-file-size": _positive,
    "max-depth": _positive,
    "max-alias-nodes": _positive,
    "baseline": _file,
}


def split_ids(values: Iterable[str]) -> tuple[str, ...]:
    """``a,b`` and repeated values → ``('a', 'b', ...)`` (no checking)."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())
