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
        "okrlint: error: okrlint server needs pygls (okrlint's server extra): "
        "pip install 'pygls>=2.0'\n"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_server_help_names_the_extra() -> None:
    result = CliRunner().invoke(app, ["server", "--help"])
    assert result.exit_code == 0
    assert "pip install 'pygls>=2.0'" in result.output
    assert "docs/editors.md" in result.output


def _message(body: dict[str, object]) -> bytes:
    import json

    data = json.dumps(body).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def test_exit_without_shutdown_is_a_failure_as_the_protocol_says() -> None:
    """The protocol: exit after shutdown is status 0 (the end-to-end tests), else 1."""
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"processId": None, "rootUri": None, "capabilities": {}},
    }
    exit_ = {"jsonrpc": "2.0", "method": "exit"}
    done = subprocess.run(
        [sys.executable, "-m", "okrlint", "server"],
        input=_message(initialize) + _message(exit_),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert b'"serverInfo": {"name": "okrlint"' in done.stdout or b'"okrlint"' in done.stdout
    assert b"Traceback" not in done.stderr


def test_the_vscode_extension_starts_okrlint_server_on_boards() -> None:
    """It cannot be built here (no npm); its manifest is checked instead."""
    import json

    folder = Path(__file__).resolve().parents[2] / "editors" / "vscode"
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    assert manifest["activationEvents"] == ["onLanguage:yaml", "onLanguage:markdown"]
    assert manifest["main"] == "./extension.js"
    settings = manifest["contributes"]["configuration"]["properties"]
    assert settings["okrlint.command"]["default"] == ["okrlint", "server"]
    assert {"okrlint.debounce", "okrlint.unsafeFixes"} <= set(settings)
    commands = [c["command"] for c in manifest["contributes"]["commands"]]
    assert commands == ["okrlint.restart"]
    assert "vscode-languageclient" in manifest["dependencies"]
    script = (folder / "extension.js").read_text(encoding="utf-8")
    assert 'require("vscode-languageclient/node")' in script
    assert '"okrlint.restart"' in script and "initializationOptions" in script
