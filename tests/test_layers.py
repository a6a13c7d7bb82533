"""The direction of imports (STYLE.md): leaves stay leaves, only the CLI knows typer."""

from __future__ import annotations

import ast
from pathlib import Path

import okrlint

SRC = Path(okrlint.__file__).resolve().parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules() -> dict[str, set[str]]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).with_suffix("")
        name = ".".join(("okrlint", *rel.parts)).removesuffix(".__init__")
        out[name] = _imports(path)
    return out


def test_only_the_cli_imports_typer() -> None:
    users = {m for m, imps in _modules().items() if any(i.split(".")[0] == "typer" for i in imps)}
    assert users == {"okrlint.cli"}


def test_leaves_import_no_okrlint_module_but_leaves() -> None:
    leaves = {
        "okrlint.positions",
        "okrlint.errors",
        "okrlint.findings",
        "okrlint.cycles",
        "okrlint.records",
    }
    for name in leaves:
        inner = {i for i in _modules()[name] if i.startswith("okrlint")}
        assert inner <= leaves, (name, inner)


def test_checks_never_import_each_other_or_the_cli() -> None:
    for name, imps in _modules().items():
        registries = ("okrlint.checks",)
        if name.startswith("okrlint.checks.") and name not in registries:
            bad = {
                i
                for i in imps
                if i.startswith("okrlint.checks.") or i in ("okrlint.cli", "okrlint.api")
            }
            assert not bad, (name, bad)


def test_understanding_does_not_reach_up_into_engine_api_or_reporters() -> None:
    upper = ("okrlint.engine", "okrlint.api", "okrlint.cli", "okrlint.reporters", "okrlint.checks")
    for name, imps in _modules().items():
        if name.startswith("okrlint.understanding"):
            assert not {i for i in imps if i.startswith(upper)}, name


def test_reporters_only_read_results() -> None:
    for name, imps in _modules().items():
        if name.startswith("okrlint.reporters"):
            bad = {
                i
                for i in imps
                if i.startswith(
                    ("okrlint.api", "okrlint.engine", "okrlint.checks", "okrlint.loader")
                )
            }
            assert not bad, (name, bad)
