"""Shared test helpers: lint a snippet, build a board around key results."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from okrlint.api import lint_text
from okrlint.config import Config
from okrlint.findings import Finding

# Property tests judge behaviour, never speed: on a busy two-core machine generating an
# example may be slow, which must not fail the suite (health check and deadline off).
settings.register_profile(
    "okrlint", deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
settings.load_profile("okrlint")


def lint_snippet(
    yaml_text: str,
    only: str | Iterable[str] | None = None,
    file: str = "board.yaml",
    **options: Any,
) -> list[Finding]:
    """Lint board text with only the given rule(s); ``options`` are ``rule.option=value``."""
    select = None if only is None else ((only,) if isinstance(only, str) else tuple(only))
    rule_options: dict[str, dict[str, Any]] = {}
    for key, value in options.items():
        rule_id, _, option = key.replace("__", ".").rpartition(".")
        rule_options.setdefault(rule_id.replace("_", "-"), {})[option.replace("_", "-")] = value
    config = Config(select=select, rule_options=rule_options)
    result = lint_text(textwrap.dedent(yaml_text), file, config)
    assert not result.input_errors, result.input_errors
    return list(result.findings)


def board_with(
    *key_results: str,
    title: str = "Make onboarding effortless for new teams",
    cycle: str = "2026-Q3",
) -> str:
    """A one-objective board; key result 1 sits on line 6, column 9."""
    lines = [
        "board: Test",
        f"cycle: {cycle}",
        "objectives:",
        f"  - title: {title}",
        "    key_results:",
    ]
    lines += [f"      - {_quote(kr)}" for kr in key_results]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """Quote a key result for YAML when it needs it (colons, leading symbols...)."""
    import json

    if any(c in text for c in ":#{}[]&*!|>'\"%@`,") or text[:1] in "-?<=~":
        return json.dumps(text, ensure_ascii=False)
    return text


@pytest.fixture
def snippet():  # type: ignore[no-untyped-def]
    return lint_snippet


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files of reporter tests from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: ``levels`` anchors, each nine aliases of the one before."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        prev, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def check_golden(path: Path, text: str, update: bool) -> None:
    """``text`` must equal the golden file; ``--update-golden`` rewrites it instead."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        if not update:
            pytest.fail(f"golden file {path.name} was missing and has been written; review it")
    assert text == path.read_bytes().decode("utf-8")
