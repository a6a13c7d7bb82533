"""Rule metadata and phrase data, read from the ``rules/`` folder.

The wheel carries ``rules/`` as ``okrlint/_rules``; an editable install or a
checkout reads the top-level ``rules/`` folder. :func:`rules_dir` finds either.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from okrlint.findings import Severity

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class CatalogError(Exception):
    """The shipped rule data is broken: a packaging bug, never a user's fault."""


@cache
def rules_dir() -> Path:
    """The folder holding ``<rule-id>.yaml`` files and ``phrases/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent.parent / "rules"):
        if (candidate / "phrases").is_dir():
            return candidate
    raise CatalogError(f"okrlint's rules folder is missing (looked in {here / '_rules'})")


def read_data_file(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError(f"cannot read {path}: {exc}") from exc


class RuleOption(BaseModel):
    # defer_build: the schema is built on first use (okrlint explain), not at import
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str
    type: str  # "int" | "float" | "str"
    default: int | float | str
    description: str


class RuleVariant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    severity: Severity
    description: str = ""


class RuleDoc(BaseModel):
    """The documentation and defaults of one rule, from ``rules/<id>.yaml``.

    ``bad`` and ``good`` are examples that the test suite lints with only this rule
    selected (tests/test_rule_examples.py): each bad example must fire the rule, no
    good example may. Each is a string:

    - one line: the text of a key result, for a rule that judges key results; the
      title of an objective, for a rule that judges only objectives;
    - several lines (a YAML block scalar ``|``): a whole board in YAML, opening with a
      comment that says what it shows (``# a board with four objectives``);
    - several YAML documents separated by ``---`` lines, each opening with a comment
      naming its path (``# goals/2026-Q1/growth.yaml``): a goals repository, for the
      rules that compare a team's boards across cycles.

    The suppression rules' examples are boards, linted with the rules their comments
    name as well. ``okrlint explain`` and SARIF's rule help show a board under its
    comment, as a block (:func:`example_lines`; a fenced ``yaml`` block in Markdown).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    severity: Severity
    category: str
    summary: str
    rationale: str
    bad: list[str] = Field(min_length=1)
    good: list[str] = Field(min_length=1)
    judges: str  # "key results", "objectives", "board", "kpis"
    options: list[RuleOption] = Field(default_factory=list)
    variants: dict[str, RuleVariant] = Field(default_factory=dict)
    fix: Literal["safe", "suggested", "none"] = "none"
    fix_note: str = Field(default="", alias="fix-note")  # what the fix does, and when
    # how real text is read for this rule where RULES.md's policies are silent
    reading: list[str] = Field(default_factory=list)
    since: str = "0.1.0"


def is_board_example(example: str) -> bool:
    """Is this rule example a whole board (or several), rather than one line of text?"""
    return "\n" in example.strip()


def example_lines(example: str, marker: str) -> list[str]:
    """A rule example as plain text, after ``marker`` ("-" flagged, "+" instead): one
    line as written; a board's opening comment, and the board indented beneath it."""
    if not is_board_example(example):
        return [f"  {marker} {example}"]
    lines = example.strip("\n").splitlines()
    if lines[0].lstrip().startswith("#"):
        head, body = lines[0].strip(), lines[1:]
    else:
        head, body = "# a board", lines
    return [f"  {marker} {head}", *(f"      {line}".rstrip() for line in body)]


def examples_lines(examples: list[str], marker: str) -> list[str]:
    """Rule examples as plain text (:func:`example_lines`), a board set apart from its
    neighbours by blank lines."""
    out: list[str] = []
    for index, example in enumerate(examples):
        if index and (is_board_example(example) or is_board_example(examples[index - 1])):
            out.append("")
        out += example_lines(example, marker)
    return out


@cache
def load_rule_doc(rule_id: str) -> RuleDoc:
    path = _rule_path(rule_id)
    try:
        doc = RuleDoc.model_validate(read_data_file(path))
    except ValidationError as exc:
        raise CatalogError(f"{path} is invalid: {exc}") from exc
    if doc.id != rule_id:
        raise CatalogError(f"{path} declares id {doc.id!r}")
    return doc


# a NamedTuple: every run defines it at start-up, at a third of a frozen dataclass's cost
class RuleDefaults(NamedTuple):
    """What a lint run needs of a rule's metadata: severities and option defaults.

    Read without pydantic (cheap at start-up); the shipped files are validated as
    full :class:`RuleDoc` values by the test suite and by ``okrlint explain``.
    """

    severity: Severity
    variants: Mapping[str, Severity]
    options: Mapping[str, Any]


def _rule_path(rule_id: str) -> Path:
    path = rules_dir() / f"{rule_id}.yaml"
    if not path.is_file():
        raise CatalogError(f"no documentation file for rule {rule_id} ({path})")
    return path


@cache
def rule_defaults(rule_id: str) -> RuleDefaults:
    data = read_data_file(_rule_path(rule_id))
    try:
        return RuleDefaults(
            severity=Severity(data["severity"]),
            variants={k: Severity(v["severity"]) for k, v in (data.get("variants") or {}).items()},
            options={o["name"]: o["default"] for o in data.get("options") or ()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CatalogError(f"rule file for {rule_id} is invalid: {exc!r}") from exc


@cache
def load_phrases(language: str) -> dict[str, Any]:
    path = rules_dir() / "phrases" / f"{language}.yaml"
    if not path.is_file():
        raise CatalogError(f"no phrase file for language {language!r} ({path})")
    data = read_data_file(path)
    if not isinstance(data, dict):
        raise CatalogError(f"{path} is not a mapping")
    return data


DETECTION_FILE = "detection"
NOISE_FILE = "noise"


#: The languages a board may set (``language:``); each has a phrase file (a test checks).
LANGUAGES = ("en", "de", "es", "fr")


@cache
def available_languages() -> tuple[str, ...]:
    """Languages with a phrase file (``rules/phrases/<lang>.yaml``)."""
    phrases = rules_dir() / "phrases"
    return tuple(
        sorted(p.stem for p in phrases.glob("*.yaml") if p.stem not in (DETECTION_FILE, NOISE_FILE))
    )


@cache
def load_detection() -> dict[str, Any]:
    """What tells the languages apart: ``rules/phrases/detection.yaml``."""
    data = read_data_file(rules_dir() / "phrases" / f"{DETECTION_FILE}.yaml")
    if not isinstance(data, dict):
        raise CatalogError("rules/phrases/detection.yaml is not a mapping")
    return data


@cache
def load_noise() -> dict[str, Any]:
    """What is not the key result, in every language: ``rules/phrases/noise.yaml``."""
    data = read_data_file(rules_dir() / "phrases" / f"{NOISE_FILE}.yaml")
    if not isinstance(data, dict):
        raise CatalogError("rules/phrases/noise.yaml is not a mapping")
    return data
