"""``okrlint server`` on the command line: its help, the one-line hint without the
extra installed, and ``okrlint check`` never loading the server's packages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from okrlint.cli import app


def test_server_without_its_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import okrlint.server.lsp  # noqa: F401  (loaded: it must be loaded again, and fail)

    for name in list(sys.modules):
        if name.split(".")[0] in ("pygls", "lsprotocol"):
            monkeypatch.setitem(sys.modules, name, None)  # as if not installed
    monkeypatch.setitem(sys.modules, "lsprotocol", None)
    monkeypatch.delitem(sys.modules, "okrlint.server.lsp")
    result = CliRunner().invoke(app, ["server"])
    assert result.exit_code == 2
    assert result.output == (
        "okrlint: error: okrlint server needs its extra: pip install 'okrlint[server]'\n"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_server_help_names_the_extra() -> None:
    result = CliRunner().invoke(app, ["server", "--help"])
    assert result.exit_code == 0
    assert "pip install 'okrlint[server]'" in result.output
    assert "docs/editors.md" in result.output


def test_check_never_imports_the_server_packages(tmp_path: Path) -> None:
    board = tmp_path / "b.yaml"
    board.write_text("cycle: 2026-Q3\nobjectives:\n  - title: Grow\n", encoding="utf-8")
    code = (
        "import sys, runpy\n"
        "sys.argv = ['okrlint', 'check', '--no-cache', '--isolated', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('okrlint', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pygls', 'lsprotocol'}))\n"
        "print('okrlint.server' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(board)], capture_output=True, text=True, check=True
    )
    assert out.stdout.splitlines()[-2:] == ["[]", "False"]
