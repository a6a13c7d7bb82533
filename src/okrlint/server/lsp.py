"""``okrlint server``: the Language Server Protocol over stdio (pygls), a thin adapter.

Everything okrlint decides is in the protocol-free modules beside this one (the
session lints, :mod:`~okrlint.server.diagnostics`, :mod:`~okrlint.server.actions`,
:mod:`~okrlint.server.hover`, :mod:`~okrlint.server.completion`); this module turns
LSP messages into their calls and their values into LSP types.

Diagnostics are published when a document is opened or saved and, while it is typed,
once typing pauses (``debounce``, 200 ms unless ``initializationOptions`` say
otherwise). A board saved, a file of the goals repository created, changed or deleted
(watched files) or a configuration changed lints every open document again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from okrlint import __version__
from okrlint.server.actions import code_actions
from okrlint.server.completion import completions
from okrlint.server.diagnostics import diagnostics
from okrlint.server.hover import hover
from okrlint.server.session import Linted, Session, Settings
from okrlint.server.values import (
    ActionKind,
    CodeAction,
    Completion,
    Diagnostic,
    Encoding,
    Place,
    Range,
    TextEdit,
)

SOURCE = "okrlint"
#: What the server asks the client to watch (the boards, the settings, baselines).
WATCHED = (
    "**/*.{yaml,yml,md,markdown}",
    "**/pyproject.toml",
    "**/*.json",
)
_CHANGES = {
    types.FileChangeType.Created: "created",
    types.FileChangeType.Changed: "changed",
    types.FileChangeType.Deleted: "deleted",
}

log = logging.getLogger("okrlint.server")


class OkrlintServer(LanguageServer):
    """The language server: open documents (pygls keeps their text), one session,
    and the lints waiting for typing to pause."""

    def __init__(self) -> None:
        super().__init__(
            "okrlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.session = Session()
        self.shut_down = False  # the client asked: exiting now is a success
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.latest: dict[str, tuple[int | None, Linted]] = {}

    # -- documents ----------------------------------------------------------------------

    def path_of(self, uri: str) -> Path:
        """The file a document is (an unsaved one is linted as a board in the working
        folder, named after its URI)."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:
            name = uri.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "untitled"
            if not name.lower().endswith((".yaml", ".yml", ".md", ".markdown")):
                name += ".yaml"
            return Path.cwd() / name
        return Path(os.path.abspath(path))

    def linted(self, uri: str) -> Linted | None:
        """The document linted at its current version (linted now if need be)."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        known = self.latest.get(uri)
        if known is not None and known[0] == document.version and known[1].text == document.source:
            return known[1]
        linted = self.session.lint(self.path_of(uri), document.source)
        self.latest[uri] = (document.version, linted)
        return linted

    def publish(self, uri: str) -> None:
        """Lint a document and publish its diagnostics."""
        self.pending.pop(uri, None)
        document = self.workspace.text_documents.get(uri)
        linted = self.linted(uri)
        if document is None or linted is None:
            return
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=[to_diagnostic(d) for d in diagnostics(linted)],
                version=document.version,
            )
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Publish a document's diagnostics after ``delay`` seconds, unless it changes
        again before (then the wait starts over)."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if delay <= 0:
            self.publish(uri)
            return
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay, self.publish, uri)

    def relint_all(self) -> None:
        """Lint every open document again (something they depend on changed)."""
        self.latest.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, self.session.settings.debounce)

    def forget(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.latest.pop(uri, None)


def build() -> OkrlintServer:
    """The server with its features registered."""
    server = OkrlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: OkrlintServer, params: types.InitializeParams) -> None:
        encoding = str(ls.workspace.position_encoding or Encoding.UTF16.value)
        ls.session = Session(
            Settings.from_options(params.initialization_options),
            Encoding(encoding) if encoding in set(Encoding) else Encoding.UTF16,
        )

    @server.feature(types.INITIALIZED)
    async def initialized(ls: OkrlintServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        changes = watch.did_change_watched_files if watch is not None else None
        if changes is None or not changes.dynamic_registration:
            return  # the files are read again on save only
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
        )
        registration = types.Registration(
            id="okrlint-watched-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        try:
            await ls.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception as exc:  # a client that refuses: files are read again on save
            log.warning("could not register watched files: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OkrlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OkrlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.session.settings.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: OkrlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.session.files_changed([(ls.path_of(uri), "changed")]):
            ls.relint_all()
        ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: OkrlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget(uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: OkrlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        changes = [
            (ls.path_of(change.uri), _CHANGES.get(change.type, "changed"))
            for change in params.changes
        ]
        if ls.session.files_changed(changes):
            ls.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[
                types.CodeActionKind.QuickFix,
                types.CodeActionKind.SourceFixAll,
                ActionKind.FIX_ALL.value,
            ],
            resolve_provider=False,
        ),
    )
    def code_action(
        ls: OkrlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = ls.linted(uri)
        if linted is None:
            return None
        only = [str(kind) for kind in params.context.only] if params.context.only else None
        actions = code_actions(
            linted,
            from_range(params.range),
            unsafe=ls.session.settings.unsafe_fixes,
            only=only,
        )
        document = ls.workspace.text_documents.get(uri)
        version = document.version if document is not None else None
        edits = ls.client_capabilities.workspace
        edit = edits.workspace_edit if edits is not None else None
        versioned = bool(edit is not None and edit.document_changes)
        return [to_action(a, uri, version, versioned=versioned) for a in actions]

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: OkrlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.linted(params.text_document.uri)
        if linted is None:
            return None
        found = hover(linted, Place(params.position.line, params.position.character))
        if found is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=found.markdown),
            range=to_range(found.range) if found.range is not None else None,
        )

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[":", "=", ",", " "]),
    )
    def on_completion(
        ls: OkrlintServer, params: types.CompletionParams
    ) -> types.CompletionList | None:
        linted = ls.linted(params.text_document.uri)
        if linted is None:
            return None
        items = completions(linted, Place(params.position.line, params.position.character))
        return types.CompletionList(is_incomplete=False, items=[to_completion(c) for c in items])

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: OkrlintServer, *args: object) -> None:
        ls.shut_down = True
        for uri in list(ls.pending):
            ls.forget(uri)

    return server


# -- values to protocol types -------------------------------------------------------------


def to_range(value: Range) -> types.Range:
    return types.Range(
        start=types.Position(value.start.line, value.start.character),
        end=types.Position(value.end.line, value.end.character),
    )


def from_range(value: types.Range) -> Range:
    return Range(
        Place(value.start.line, value.start.character), Place(value.end.line, value.end.character)
    )


def to_diagnostic(value: Diagnostic) -> types.Diagnostic:
    return types.Diagnostic(
        range=to_range(value.range),
        message=value.message,
        severity=types.DiagnosticSeverity(int(value.severity)),
        code=value.code,
        source=SOURCE,
        tags=[types.DiagnosticTag.Unnecessary] if value.unnecessary else None,
    )


def _edits(edits: Sequence[TextEdit]) -> list[types.TextEdit]:
    return [types.TextEdit(range=to_range(e.range), new_text=e.new_text) for e in edits]


def to_action(
    value: CodeAction, uri: str, version: int | None, *, versioned: bool = True
) -> types.CodeAction:
    """An action as LSP's; its edit names the document's ``version``, or is a plain
    change of the document for a client without versioned edits."""
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        edit = types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(text_document=document, edits=list(_edits(value.edits)))
            ]
        )
    else:
        edit = types.WorkspaceEdit(changes={uri: list(_edits(value.edits))})
    return types.CodeAction(
        title=value.title,
        kind=value.kind.value,
        diagnostics=[to_diagnostic(d) for d in value.diagnostics] or None,
        is_preferred=value.preferred or None,
        edit=edit,
    )


def to_completion(value: Completion) -> types.CompletionItem:
    edit = value.edit
    return types.CompletionItem(
        label=value.label,
        kind=types.CompletionItemKind(int(value.kind)),
        detail=value.detail or None,
        documentation=value.documentation or None,
        sort_text=value.sort or None,
        text_edit=(
            types.TextEdit(range=to_range(edit.range), new_text=edit.new_text)
            if edit is not None
            else None
        ),
    )


def serve() -> int:
    """Run the server on stdin and stdout until the client says exit: the exit status,
    0 after a shutdown request, 1 without one (as the protocol asks)."""
    logging.basicConfig(level=logging.WARNING)  # pygls logs to stderr, never stdout
    server = build()
    with contextlib.suppress(SystemExit):  # pygls's way out on the exit notification
        server.start_io()
    return 0 if server.shut_down else 1
