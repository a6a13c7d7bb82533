"""``okrlint init``: a commented ``.okrlint.yaml`` and, on request, a starter board.

The configuration lists every key :mod:`okrlint.config_files` knows. Keys that are
written out hold their default value, read from the code that owns it (rule options
from ``rules/<id>.yaml``, limits from :mod:`okrlint.yamltree`); the others are
commented examples. So the file documents everything and changes nothing until edited.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections.abc import Callable
from pathlib import Path

from okrlint.catalog import load_rule_doc
from okrlint.checks import RULE_IDS
from okrlint.config import Config
from okrlint.config_files import LANGUAGE_CHOICES
from okrlint.cycles import find_cycle, parse_cycle_text
from okrlint.files import DEFAULT_LIMITS
from okrlint.schema import SCHEMA_ID

CONFIG_NAME = ".okrlint.yaml"


class ScaffoldError(Exception):
    """A file that ``init`` would write is already there, or cannot be written."""


def _comment(text: str, indent: str = "") -> list[str]:
    prefix = f"{indent}# "
    return textwrap.wrap(
        text, width=88, initial_indent=prefix, subsequent_indent=prefix, break_on_hyphens=False
    )


def _flow(values: tuple[str, ...] | list[str]) -> str:
    """A YAML flow list; JSON strings are valid YAML and quote ``.*`` and friends."""
    return json.dumps(list(values))


def _rules_section() -> list[str]:
    lines = ["rules:"]
    for rule_id in RULE_IDS:
        options = load_rule_doc(rule_id).options
        if not options:
            continue
        lines.append(f"  {rule_id}:")
        for option in options:
            lines += _comment(option.description, indent="    ")
            lines.append(f"    {option.name}: {json.dumps(option.default)}")
    return lines if len(lines) > 1 else ["rules: {}"]


def _limit(name: str) -> Callable[[], list[str]]:
    return lambda: [f"{name.replace('_', '-')}: {getattr(DEFAULT_LIMITS, name)}"]


def _fail_on() -> list[str]:
    return [f"fail-on: {Config().fail_on.value}"]


def _exclude() -> list[str]:
    return [f"exclude: {_flow(Config().exclude)}"]


_CUSTOM_RULE_EXAMPLE = """\
# custom-rules:
#   - id: kr-owner-from-leads
#     severity: warning
#     message: a key result's owner must be one of the team leads
#     given: key-results              # objectives | key-results | kpis | board
#     field: owner
#     one-of: [dana, lee, maya]       # or pattern / not-pattern / required / max-count"""

#: Each key of the configuration: what it does (a comment), then its default or an example.
_SECTIONS: tuple[tuple[str, str, Callable[[], list[str]]], ...] = (
    (
        "select",
        "Rules to run (default: every rule). `okrlint rules` lists them.",
        lambda: ["# select: [kpi-in-disguise, no-baseline, not-measurable]"],
    ),
    (
        "ignore",
        "Rules to skip, e.g. [key-result-without-owner].",
        lambda: ["ignore: []"],
    ),
    (
        "extend-select",
        "Rules to run in addition to those in select.",
        lambda: ["extend-select: []"],
    ),
    (
        "severity",
        "Per-rule severity: error, warning, info, or off (the rule does not run), e.g. "
        "{no-baseline: error, key-result-without-owner: off}.",
        lambda: ["severity: {}"],
    ),
    (
        "rules",
        "Rule options, each at its default. `okrlint explain RULE` documents them.",
        _rules_section,
    ),
    (
        "fail-on",
        "Exit with status 1 when a finding is at or above this severity: error, warning or info.",
        _fail_on,
    ),
    (
        "include",
        "The files a folder walk reads: gitignore-style patterns (default: *.yaml, *.yml, "
        "*.md, *.markdown). "
        "A file read that is YAML but no board (a docker-compose.yml) is skipped and "
        "counted in one notice; --verbose lists them.",
        lambda: ['# include: ["*.yaml", "*.yml", "*.md", "*.markdown"]'],
    ),
    (
        "exclude",
        "Paths never linted when folders are walked: gitignore-style patterns, relative "
        "to this file's folder. The default skips hidden files and folders; files named "
        "on the command line are linted anyway, unless --force-exclude.",
        _exclude,
    ),
    (
        "extend-exclude",
        'Patterns excluded in addition to exclude, e.g. ["drafts/", "goals/archive/**"].',
        lambda: ["extend-exclude: []"],
    ),
    (
        "per-file-ignores",
        "Rules to skip in the files a pattern matches, e.g. "
        '{"goals/archive/**": [evergreen-key-result]}.',
        lambda: ["per-file-ignores: {}"],
    ),
    (
        "language",
        f"Language of boards that do not set one: {LANGUAGE_CHOICES} (default: detected "
        "from each text's words).",
        lambda: ["# language: en"],
    ),
    (
        "fiscal-year",
        "When the fiscal year starts, to date fiscal cycles (FY26-Q3): its first month, "
        "and whether the year it ends in (end, the common case) or starts in names it "
        "(default: fiscal years are calendar years).",
        lambda: ["# fiscal-year: {starts: 7, named-by: end}"],
    ),
    (
        "max-file-size",
        "Input limits: the largest board file, in bytes.",
        _limit("max_file_size"),
    ),
    ("max-depth", "The deepest YAML nesting.", _limit("max_depth")),
    (
        "max-alias-nodes",
        "The most YAML nodes that aliases (*name) may expand to.",
        _limit("max_alias_nodes"),
    ),
    (
        "baseline",
        "A baseline file (okrlint check --write-baseline FILE writes it), relative to this "
        "file: its findings are not reported, so only new ones are. --baseline FILE "
        "overrides it, --no-baseline turns it off.",
        lambda: ["# baseline: okrlint-baseline.json"],
    ),
    (
        "custom-rules",
        "House rules written as data: a field of objectives, key-results, kpis or the "
        "board, and one check (pattern, not-pattern, one-of, required, max-count).",
        lambda: _CUSTOM_RULE_EXAMPLE.splitlines(),
    ),
)

#: The configuration keys this file documents, in order.
CONFIG_KEYS: tuple[str, ...] = tuple(key for key, _about, _body in _SECTIONS)

_HEADER = """\
# okrlint configuration: every key, documented. The values written out are the
# defaults and the commented keys are examples, so this file changes nothing until
# you edit it. Command-line flags win over it; the nearest configuration file above
# a board applies to it.
#   okrlint rules           every rule id, its default severity and summary
#   okrlint explain RULE    a rule's documentation, examples and options
"""


def config_text() -> str:
    """The text of a commented ``.okrlint.yaml`` holding the defaults."""
    parts = [_HEADER]
    for _key, about, body in _SECTIONS:
        parts.append("\n".join([*_comment(about), *body()]) + "\n")
    return "\n".join(parts)


def quarter_of(day: dt.date) -> str:
    """The quarter ``day`` falls in, as a cycle: ``2026-Q3``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def board_cycle(path: str | Path, day: dt.date) -> str | None:
    """The cycle a new board's path names ("goals/2026-Q3/growth.yaml",
    "okrs-FY27-Q1.yaml"; the file name first, then its folders upward), or None."""
    parts = Path(path).parts
    for depth, part in enumerate(reversed(parts)):
        found = find_cycle(Path(part).stem if depth == 0 else part)
        cycle = parse_cycle_text(found.group()) if found is not None else None
        if cycle is not None:
            return cycle.label
    return None


def starter_board_text(day: dt.date, cycle: str | None = None) -> str:
    """A board for ``cycle`` (by default the quarter of ``day``) that shows the format
    and lints clean."""
    when = "this quarter" if cycle is None else "the cycle its path names"
    return f"""\
# yaml-language-server: $schema={SCHEMA_ID}
# A starter goal board: replace the examples with your team's bets and vital signs.
# Lint it with `okrlint check`; `okrlint explain RULE` says why a finding matters.
# board: Growth team              # display name; defaults to the file name
{"cycle: " + (cycle or quarter_of(day)):<33s} # when the bets resolve: {when}
owner: growth
kpis:                             # vital signs: ongoing, with a threshold, no end
  - id: churn                     # what key results refer to (kpi: churn)
    name: Monthly gross churn
    owner: finance
    unit: "%"
    threshold: "< 4"              # or {{max: 4}}; quote comparisons in YAML
objectives:                       # bets: what should be different when the cycle ends
  - id: O1
    title: Make onboarding effortless for new teams
    owner: growth
    key_results:                  # how you will know: a number from a baseline to a target
      - Increase weekly activation from 61% to 75%
      - title: Cut median onboarding time
        from: 10                  # the baseline (alias: baseline)
        to: 6                     # the target (alias: target)
        unit: days
"""


def write_new(path: Path, text: str) -> None:
    """Write ``text`` to a file that must not exist yet; raises :class:`ScaffoldError`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(
            f"{path} already exists; okrlint init never overwrites a file"
        ) from None
    except OSError as exc:
        raise ScaffoldError(f"cannot write {path}: {exc.strerror or exc}") from None
