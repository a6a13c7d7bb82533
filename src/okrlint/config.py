"""Run settings: which rules run, their options and severities, when to fail, what to skip.

A :class:`Config` is what one board is linted with. The :class:`Resolver` builds it
for each path from the nearest configuration file (read by :mod:`okrlint.config_files`)
and the command line, which wins: ``--select`` replaces the file's ``select``,
``--ignore`` and ``--extend-select`` add to the file's, ``--fail-on``,
``--language``, ``--rule-option`` and the limits override it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from okrlint.catalog import load_rule_doc, rule_defaults
from okrlint.checks import META_RULES, RULE_IDS
from okrlint.config_files import (
    ConfigError,
    FileSettings,
    KeyPath,
    find_config_file,
    load_config_file,
)
from okrlint.cycles import CALENDAR_YEAR, FiscalYear
from okrlint.files import BOARD_SUFFIXES, DEFAULT_LIMITS, Limits
from okrlint.findings import Severity
from okrlint.rule_settings import coerce_option, split_rule_ids, unknown_rule_message

if TYPE_CHECKING:  # house rules load (with the reader) only for a file that has some
    from okrlint.custom_rules import CustomRule

DEFAULT_EXCLUDE: tuple[str, ...] = (".*",)
#: The files a folder walk reads (gitignore-style globs); a file given by name is read
#: whatever its name.
DEFAULT_INCLUDE: tuple[str, ...] = tuple(f"*{suffix}" for suffix in BOARD_SUFFIXES)

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _rebuild_config(state: dict[str, Any]) -> Config:
    return Config(**state)


__all__ = ["META_RULES", "CommandLine", "Config", "ConfigError", "Resolver"]


@dataclass(frozen=True)
class Config:
    """Everything that shapes the linting of a board; immutable, passed in, never global."""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _EMPTY)
    severities: Mapping[str, Severity] = field(default_factory=lambda: _EMPTY)
    limits: Limits = DEFAULT_LIMITS
    language: str | None = None
    fiscal_year: FiscalYear = CALENDAR_YEAR
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    custom_rules: tuple[CustomRule, ...] = ()
    base: str = ""  # the folder relative globs start from (the config file's), absolute
    source: str = ""  # the configuration file, if any
    force_exclude: bool = False
    baseline: str = field(default="", repr=False)  # not in the cache key: shapes no board

    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        """Picklable (for worker processes): read-only mappings travel as dicts."""
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["rule_options"] = {k: dict(v) for k, v in self.rule_options.items()}
        state["severities"] = dict(self.severities)
        return (_rebuild_config, (state,))

    def _chosen(self) -> set[str]:
        everything = (*RULE_IDS, *META_RULES, *(r.id for r in self.custom_rules))
        chosen = set(everything if self.select is None else self.select)
        chosen.difference_update(self.ignore)
        return chosen

    def rules(self) -> tuple[str, ...]:
        """The built-in rule ids that run, in catalog order."""
        chosen = self._chosen()
        return tuple(r for r in RULE_IDS if r in chosen)

    def enabled(self, rule_id: str) -> bool:
        """Does ``rule_id`` (built-in, meta or custom) run?"""
        return rule_id in self._chosen()

    def active_custom_rules(self) -> tuple[CustomRule, ...]:
        chosen = self._chosen()
        return tuple(r for r in self.custom_rules if r.id in chosen)

    def known_ids(self) -> frozenset[str]:
        return frozenset((*RULE_IDS, *META_RULES, *(r.id for r in self.custom_rules)))

    def severity(
        self, rule_id: str, variant: str | None = None, default: Severity | None = None
    ) -> Severity:
        """A finding's severity: the user's override wins, then ``default`` (a custom
        rule's own, or the grade a finding already carries), then the variant's default
        (``guard-rail``), then the rule's (``rules/<id>.yaml``)."""
        override = self.severities.get(rule_id)
        if override is not None:
            return override
        if default is not None:
            return default
        defaults = rule_defaults(rule_id)
        if variant is not None and variant in defaults.variants:
            return defaults.variants[variant]
        return defaults.severity

    def options_for(self, rule_id: str) -> dict[str, Any]:
        values: dict[str, Any] = dict(rule_defaults(rule_id).options)
        values.update(self.rule_options.get(rule_id, {}))
        return values

    def for_file(self, path: str | Path) -> Config:
        """This configuration with the ``per-file-ignores`` that match ``path``."""
        if not self.per_file_ignores:
            return self
        rel = self._relative(path)
        extra: list[str] = []
        for pattern, ids in self.per_file_ignores:
            if _spec((pattern,)).match_file(rel):
                extra.extend(ids)
        return replace(self, ignore=(*self.ignore, *extra)) if extra else self

    @cached_property
    def _exclude_spec(self) -> Any:
        return _spec((*self.exclude, *self.extend_exclude))

    def excluded(self, path: str | Path) -> bool:
        """Does an ``exclude`` pattern match ``path`` (relative to the config's folder)?"""
        if self.exclude == DEFAULT_EXCLUDE and not self.extend_exclude:
            # the default ".*" alone: any hidden part of the path (no pathspec needed)
            rel = self._relative(path)
            return any(p.startswith(".") and p not in (".", "..") for p in rel.split("/"))
        rel = self._relative(path)
        if rel in (".", ""):
            return False  # the config's own folder
        if rel.startswith("../"):
            rel = Path(path).name  # outside the config's folder: match the name alone
        return bool(self._exclude_spec.match_file(rel)) or bool(
            Path(path).is_dir() and self._exclude_spec.match_file(rel + "/")
        )

    def included(self, path: str | Path) -> bool:
        """Does a folder walk read ``path``: does an ``include`` pattern match it?"""
        if self.include == DEFAULT_INCLUDE:
            return str(path).lower().endswith(BOARD_SUFFIXES)
        rel = self._relative(path)
        if rel.startswith("../"):
            rel = Path(path).name
        return bool(self._include_spec.match_file(rel))

    @cached_property
    def _include_spec(self) -> Any:
        return _spec(self.include)

    def _relative(self, path: str | Path) -> str:
        base = self.base or os.getcwd()
        try:
            rel = os.path.relpath(path, base)  # normalized: as Path(rel).as_posix() is
        except ValueError:  # pragma: no cover - another drive on Windows
            return Path(path).as_posix()
        return rel if os.sep == "/" else rel.replace(os.sep, "/")


def _spec(patterns: Iterable[str]) -> Any:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(list(patterns))


# -- the command line and the resolver --------------------------------------------------


@dataclass(frozen=True)
class CommandLine:
    """What the command line says; None means "not given" (the file or default decides)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _EMPTY)
    language: str | None = None
    max_file_size: int | None = None
    max_depth: int | None = None
    max_alias_nodes: int | None = None
    config_file: Path | None = None
    isolated: bool = False
    force_exclude: bool = False
    baseline: str | None = None  # --baseline FILE (relative to the working folder)
    no_baseline: bool = False  # --no-baseline: none, whatever the file says


@dataclass
class Resolver:
    """Builds the :class:`Config` of each path: nearest configuration file + command line."""

    cli: CommandLine = field(default_factory=CommandLine)
    _cache: dict[Path | None, Config] = field(default_factory=dict)
    origins: dict[Path | None, dict[str, str]] = field(default_factory=dict)

    def config_file_for(self, path: str | Path) -> Path | None:
        if self.cli.isolated:
            return None
        if self.cli.config_file is not None:
            return self.cli.config_file.resolve()
        return _config_file_in(os.path.abspath(path))

    def config_for(self, path: str | Path) -> Config:
        """The settings a board at ``path`` is linted with (cached per config file)."""
        source = self.config_file_for(path)
        if source not in self._cache:
            settings = None
            if source is not None:
                if not source.is_file():
                    raise ConfigError(f"{source}: no such configuration file")
                settings = load_config_file(source)
            self._cache[source], self.origins[source] = combine(settings, self.cli)
        return self._cache[source]


@lru_cache(maxsize=4096)
def _config_file_in(path: str) -> Path | None:
    """The nearest configuration file for an absolute path (a file or a folder)."""
    return _config_file_of_folder(path if os.path.isdir(path) else os.path.dirname(path))


@lru_cache(maxsize=1024)
def _config_file_of_folder(folder: str) -> Path | None:
    """The nearest configuration file of a folder: looked up once for all its boards."""
    return find_config_file(Path(folder))


def forget_config_files() -> None:
    """Forget which configuration files exist and what they say: a long-running process
    (the language server) calls this when one is created, changed or deleted, before it
    makes a new :class:`Resolver`."""
    _config_file_in.cache_clear()
    _config_file_of_folder.cache_clear()
    find_config_file.cache_clear()
    load_config_file.cache_clear()


@dataclass(frozen=True)
class _FileValues:
    """A configuration file's checked values (none without a file), and how to blame
    one of them: an error names the file and the key's line."""

    settings: FileSettings | None

    @property
    def values(self) -> Mapping[str, Any]:
        return self.settings.values if self.settings is not None else _EMPTY

    def where(self, key: str) -> str:
        return self.settings.where(key) if self.settings is not None else "default"

    def fail(self, key: str, message: str) -> ConfigError:
        return self.fail_at((key,), message)

    def fail_at(self, path: KeyPath, message: str, *, value: bool = False) -> ConfigError:
        """An error at ``path`` in the file (its value's place with ``value``)."""
        if self.settings is not None and path and path[0] in self.values:
            return self.settings.error_at(path, message, value=value)
        return ConfigError(message)

    def ids(self, key: str, known: tuple[str, ...]) -> tuple[str, ...]:
        return self.checked_ids((key,), self.values.get(key, ()), known)

    def checked_ids(
        self, path: KeyPath, ids: Iterable[str], known: tuple[str, ...]
    ) -> tuple[str, ...]:
        """Rule ids given at ``path``, each known: an error points at the unknown one."""
        items = tuple(ids)
        for i, item in enumerate(items):
            try:
                split_rule_ids((item,), known)
            except ConfigError as exc:
                raise self.fail_at((*path, i), str(exc), value=True) from None
        return split_rule_ids(items, known)


def combine(settings: FileSettings | None, cli: CommandLine) -> tuple[Config, dict[str, str]]:
    """A file's settings and the command line as one Config, and where each value came from."""
    given = _FileValues(settings)
    values = given.values
    custom = _custom_rules(given)
    known = (*RULE_IDS, *META_RULES, *(r.id for r in custom))
    ignore, severities = _ignore_and_severities(given, cli, known)
    config = Config(
        select=_select(given, cli, known),
        ignore=ignore,
        fail_on=cli.fail_on or Severity(values.get("fail-on", "error")),
        rule_options=_rule_options(given, cli, known),
        severities=severities,
        limits=_limits(values, cli),
        language=cli.language or values.get("language"),
        fiscal_year=values.get("fiscal-year", CALENDAR_YEAR),
        include=tuple(values.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(values.get("exclude", DEFAULT_EXCLUDE)),
        extend_exclude=tuple(values.get("extend-exclude", ())),
        per_file_ignores=_per_file_ignores(given, known),
        custom_rules=custom,
        base=str(settings.base) if settings is not None else os.getcwd(),
        source=str(settings.path) if settings is not None else "",
        force_exclude=cli.force_exclude,
        baseline=_baseline(settings, cli),
    )
    return config, _origins(given, cli)


def _baseline(settings: FileSettings | None, cli: CommandLine) -> str:
    """The baseline file: the command line's, else the file's (relative to the file)."""
    if cli.no_baseline:
        return ""
    if cli.baseline is not None:
        return cli.baseline
    if settings is not None and "baseline" in settings.values:
        return os.path.normpath(settings.base / str(settings.values["baseline"]))
    return ""


def _custom_rules(given: _FileValues) -> tuple[CustomRule, ...]:
    """The file's house rules, checked (imported only when a file has some)."""
    if "custom-rules" not in given.values:
        return ()
    from okrlint.custom_rules import parse_custom_rules

    try:
        return parse_custom_rules(given.values["custom-rules"], frozenset((*RULE_IDS, *META_RULES)))
    except ValueError as exc:
        raise given.fail("custom-rules", str(exc)) from None


def _select(given: _FileValues, cli: CommandLine, known: tuple[str, ...]) -> tuple[str, ...] | None:
    """``--select`` replaces the file's; ``extend-select`` adds to either (None: all)."""
    select = given.ids("select", known) if "select" in given.values else None
    if cli.select is not None:
        select = split_rule_ids(cli.select, known)
    extend = (*given.ids("extend-select", known), *split_rule_ids(cli.extend_select, known))
    if select is not None and extend:
        select = tuple(dict.fromkeys((*select, *extend)))
    return select


def _ignore_and_severities(
    given: _FileValues, cli: CommandLine, known: tuple[str, ...]
) -> tuple[tuple[str, ...], dict[str, Severity]]:
    """Rules ignored (the file's, ``--ignore``'s, and those of severity ``off``) and
    the severities the file sets."""
    ignore = [*given.ids("ignore", known), *split_rule_ids(cli.ignore, known)]
    severities: dict[str, Severity] = {}
    for rule_id, word in given.values.get("severity", {}).items():
        if rule_id not in known:
            raise given.fail_at(("severity", rule_id), unknown_rule_message(rule_id, known))
        if word == "off":
            ignore.append(rule_id)
        else:
            severities[rule_id] = Severity(word)
    return tuple(dict.fromkeys(ignore)), severities


def _rule_options(
    given: _FileValues, cli: CommandLine, known: tuple[str, ...]
) -> dict[str, dict[str, Any]]:
    """The file's rule options, checked, then ``--rule-option``'s over them."""
    options: dict[str, dict[str, Any]] = {}
    for rule_id, opts in given.values.get("rules", {}).items():
        if rule_id not in RULE_IDS:
            raise given.fail_at(("rules", rule_id), unknown_rule_message(rule_id, known))
        for name, raw in opts.items():
            try:
                options.setdefault(rule_id, {})[name] = coerce_option(rule_id, str(name), raw)
            except ConfigError as exc:
                # an unknown option points at its name, a bad value at the value
                named = any(o.name == str(name) for o in load_rule_doc(rule_id).options)
                raise given.fail_at(("rules", rule_id, str(name)), str(exc), value=named) from None
    for rule_id, opts in cli.rule_options.items():
        options.setdefault(rule_id, {}).update(opts)
    return options


def _per_file_ignores(
    given: _FileValues, known: tuple[str, ...]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    per_file: list[tuple[str, tuple[str, ...]]] = []
    for pattern, rule_ids in given.values.get("per-file-ignores", {}).items():
        per_file.append(
            (pattern, given.checked_ids(("per-file-ignores", pattern), rule_ids, known))
        )
    return tuple(per_file)


def _limits(values: Mapping[str, Any], cli: CommandLine) -> Limits:
    return Limits(
        max_file_size=_pick(
            cli.max_file_size, values.get("max-file-size"), DEFAULT_LIMITS.max_file_size
        ),
        max_depth=_pick(cli.max_depth, values.get("max-depth"), DEFAULT_LIMITS.max_depth),
        max_alias_nodes=_pick(
            cli.max_alias_nodes, values.get("max-alias-nodes"), DEFAULT_LIMITS.max_alias_nodes
        ),
    )


def _origins(given: _FileValues, cli: CommandLine) -> dict[str, str]:
    """Where each value came from, for ``--show-settings``: the file (and its line),
    the command line, or the default."""
    origin = {key: given.where(key) for key in given.values}
    if "select" not in given.values:
        origin["select"] = "default (all rules)"
    for key, overridden in (
        ("select", cli.select),
        ("fail-on", cli.fail_on),
        ("language", cli.language),
        ("max-file-size", cli.max_file_size),
        ("max-depth", cli.max_depth),
        ("max-alias-nodes", cli.max_alias_nodes),
        ("baseline", cli.baseline if not cli.no_baseline else "--no-baseline"),
    ):
        if overridden is not None:
            origin[key] = "command line"
    if cli.ignore:
        origin["ignore"] = f"{origin.get('ignore', 'default')} + command line"
    if cli.rule_options:
        origin["rules"] = f"{origin.get('rules', 'default')} + command line"
    return origin


def _pick(cli: int | None, file: Any, default: int) -> int:
    if cli is not None:
        return cli
    return int(file) if file is not None else default


def describe_settings(config: Config, origin: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(key, value, where it came from) rows for ``okrlint check --show-settings``."""

    def show(value: Any) -> str:
        if isinstance(value, (tuple, list)):
            return ", ".join(str(v) for v in value) or "(none)"
        if isinstance(value, Mapping):
            return ", ".join(f"{k}: {show(v)}" for k, v in value.items()) or "(none)"
        return "(none)" if value is None else str(value)

    def row(key: str, value: str) -> tuple[str, str, str]:
        return (key, value, origin.get(key, "default"))

    limits = config.limits
    return [
        ("config file", config.source or "(none)", "search upward from the path"),
        row("select", "all rules" if config.select is None else show(config.select)),
        row("ignore", show(config.ignore)),
        ("rules run", show(config.rules()), "select - ignore"),
        row("severity", show({k: v.value for k, v in config.severities.items()})),
        (
            "rules (options)",
            show({r: dict(o) for r, o in config.rule_options.items()}),
            origin.get("rules", "default"),
        ),
        row("fail-on", config.fail_on.value),
        row("include", show(config.include)),
        row("exclude", show(config.exclude)),
        row("extend-exclude", show(config.extend_exclude)),
        row("per-file-ignores", show(dict(config.per_file_ignores))),
        row("language", show(config.language) if config.language else "detected per text"),
        row("fiscal-year", config.fiscal_year.describe()),
        row("custom-rules", show([r.id for r in config.custom_rules])),
        row("max-file-size", str(limits.max_file_size)),
        row("max-depth", str(limits.max_depth)),
        row("max-alias-nodes", str(limits.max_alias_nodes)),
        row("baseline", config.baseline or "(none)"),
    ]
