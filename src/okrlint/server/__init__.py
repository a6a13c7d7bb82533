"""okrlint in the editor: a language server (``okrlint server``).

The server needs pygls and lsprotocol, okrlint's optional ``server`` extra (pygls
brings lsprotocol); nothing else in okrlint imports them, so ``okrlint check`` starts
as fast without them. :func:`run` starts the server, or says in one line how to
install what it needs.
"""

from __future__ import annotations

INSTALL_HINT = "okrlint server needs pygls (okrlint's server extra): pip install 'pygls>=2.0'"
#: The packages the server needs beyond okrlint's own.
NEEDS = ("pygls", "lsprotocol")


class ServerUnavailable(Exception):
    """The server's packages are not installed."""


def run() -> int:
    """Serve the Language Server Protocol on stdin and stdout until the client exits;
    the exit status (1 when the client exited without asking to shut down first)."""
    try:
        from okrlint.server.lsp import serve
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in NEEDS:
            raise ServerUnavailable(INSTALL_HINT) from None
        raise
    return serve()
