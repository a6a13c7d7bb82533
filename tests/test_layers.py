"""The direction of imports, as docs/ARCHITECTURE.md lays it out: every module is named
in its layer table, no module imports from a layer above its own, leaves stay leaves,
only the CLI knows typer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import okrlint

SRC = Path(okrlint.__file__).resolve().parent
ARCHITECTURE = Path(__file__).resolve().parent.parent / "docs" / "ARCHITECTURE.md"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            # "from okrlint import workers" imports the module okrlint.workers
            names.update(
                f"{node.module}.{alias.name}"
                for alias in node.names
                if _is_module(f"{node.module}.{alias.name}")
            )
    return names


def _is_module(name: str) -> bool:
    if not name.startswith("okrlint."):
        return False
    path = SRC.joinpath(*name.split(".")[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _modules() -> dict[str, set[str]]:
    out = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).with_suffix("")
        name = ".".join(("okrlint", *rel.parts)).removesuffix(".__init__")
        out[name] = _imports(path)
    return out


def _layers() -> dict[str, int]:
    """Each module named in the architecture's layer table, with its layer's height
    (the table lists the highest layer first)."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    table = text.split("<!-- layers:start -->")[1].split("<!-- layers:end -->")[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "`okrlint" in line]
    heights: dict[str, int] = {}
    for height, row in enumerate(reversed(rows)):
        modules_cell = row.split("|")[2]
        for name in modules_cell.split(","):
            name = name.strip().strip("`")
            assert name not in heights, f"{name} is named twice"
            heights[name] = height
    return heights


def test_every_module_is_named_in_the_architecture() -> None:
    named = _layers()
    assert set(_modules()) - set(named) == set(), "modules missing from docs/ARCHITECTURE.md"
    assert set(named) - set(_modules()) == set(), "docs/ARCHITECTURE.md names no such module"


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    heights = _layers()
    upward = []
    for name, imports in sorted(_modules().items()):
        for imported in sorted(imports):
            if not imported.startswith("okrlint") or imported == "okrlint.__version__":
                continue
            if imported == "okrlint" and _only_the_version(name):
                continue  # "from okrlint import __version__": set before anything imports
            if imported in heights and heights[imported] > heights[name]:
                upward.append(f"{name} -> {imported}")
    assert upward == []


def _only_the_version(module: str) -> bool:
    """Does ``module`` import only ``__version__`` from the package itself?"""
    path = SRC.joinpath(*module.split(".")[1:])
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return all(
        alias.name == "__version__" or _is_module(f"okrlint.{alias.name}")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "okrlint"
        for alias in node.names
    )


def test_only_the_cli_imports_typer() -> None:
    users = {m for m, imps in _modules().items() if any(i.split(".")[0] == "typer" for i in imps)}
    # the commands, in two rooms, and the options they share
    assert users == {"okrlint.cli", "okrlint.cli_commands", "okrlint.cli_options"}


def test_leaves_import_no_okrlint_module_but_leaves() -> None:
    leaves = {
        "okrlint.positions",
        "okrlint.errors",
        "okrlint.findings",
        "okrlint.cycles",
    }
    for name in leaves:
        inner = {i for i in _modules()[name] if i.startswith("okrlint")}
        assert inner <= leaves, (name, inner)
    bottom = {i for i in _modules()["okrlint.positions"] if i.startswith("okrlint")}
    assert not bottom  # the bottom leaf


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


def test_no_module_but_the_worker_pool_rebinds_a_global() -> None:
    """No global mutable state (STYLE.md): only a forked worker sets its own work."""
    users = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Global) for node in ast.walk(tree)):
            users.add(path.relative_to(SRC).as_posix())
    assert users == {"workers.py"}


def test_the_worker_pool_is_imported_only_when_a_run_goes_parallel(tmp_path: Path) -> None:
    board = "cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    key_results: [Ship SSO]\n"
    for n in range(3):
        (tmp_path / f"b{n}.yaml").write_text(board, encoding="utf-8")
    code = (
        "import sys\n"
        "from okrlint.api import lint_paths\n"
        "one = lint_paths([sys.argv[1]], jobs=1)\n"
        "print('okrlint.workers' in sys.modules)\n"
        "two = lint_paths([sys.argv[1]], jobs=2)\n"
        "print('okrlint.workers' in sys.modules, one == two, len(two.files))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.split("\n")[:2] == ["False", "True True 3"]


def test_a_check_loads_no_module_it_does_not_use(tmp_path: Path) -> None:
    """One board, no cache, no house rules, one process: the cache, the custom rules, the
    worker pool and the language server stay unimported (start-up counts, STYLE.md)."""
    board = tmp_path / "b.yaml"
    board.write_text("cycle: 2026-Q3\nobjectives:\n  - title: Grow\n", encoding="utf-8")
    code = (
        "import sys, runpy\n"
        "sys.argv = ['okrlint', 'check', '--no-cache', '--isolated', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('okrlint', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "names = ('okrlint', 'pygls', 'lsprotocol')\n"
        "print(sorted(m for m in sys.modules if m.startswith(names)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(board)], capture_output=True, text=True, check=True
    )
    loaded = set(ast.literal_eval(out.stdout.splitlines()[-1]))
    assert "okrlint.engine" in loaded
    assert not loaded & {
        "okrlint.cache",
        "okrlint.cache_codec",
        "okrlint.custom_rules",
        "okrlint.workers",
    }
    # nor the language server and its packages (an optional extra)
    assert not {m for m in loaded if m.startswith(("okrlint.server", "pygls", "lsprotocol"))}
