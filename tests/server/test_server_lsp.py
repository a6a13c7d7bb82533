"""``okrlint server`` end to end: the real server as a subprocess, driven by a real LSP
client (pytest-lsp), over a copy of the shipped examples (a goals repository of its
own: three teams over three cycles, so the cross-cycle rules have history).

One server serves the whole module (starting one costs a second); the tests run in
file order and share it, each on documents of its own. The last one shuts it down.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20.0  # seconds: generous for a busy two-core machine

pytestmark = pytest.mark.asyncio(loop_scope="module")

STATE: dict[str, object] = {}
VERSIONS: dict[str, int] = {}
TEXTS: dict[str, str] = {}


@pytest.fixture(scope="module")
def goals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples copied into a goals repository (its configuration marks the root)."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "examples", root / "examples")
    (root / ".okrlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    return root


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "okrlint", "server"]),
)
async def client(lsp_client: LanguageClient, goals: Path):  # type: ignore[no-untyped-def]
    registered: list[types.Registration] = []
    STATE["registered"] = registered

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)

    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=goals.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=goals.as_uri(), name="goals")],
        )
    )
    STATE["initialize"] = result
    yield
    if not STATE.get("shut down"):
        await lsp_client.shutdown_session()


# -- helpers ------------------------------------------------------------------------------


async def published(client: LanguageClient, uri: str, send: object) -> list[types.Diagnostic]:
    """Send a notification (``send()``) and wait for the diagnostics of ``uri`` it brings."""
    client.diagnostics.pop(uri, None)
    assert callable(send)
    send()
    deadline = time.monotonic() + TIMEOUT
    while uri not in client.diagnostics:
        assert time.monotonic() < deadline, f"no diagnostics for {uri}"
        await asyncio.sleep(0.005)
    return list(client.diagnostics[uri])


async def open_text(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    uri = path.as_uri()
    VERSIONS[uri], TEXTS[uri] = 1, text
    item = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
    return await published(
        client,
        uri,
        lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item)),
    )


async def change_text(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    uri = path.as_uri()
    VERSIONS[uri] += 1
    TEXTS[uri] = text
    params = types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=VERSIONS[uri]),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    )
    return await published(client, uri, lambda: client.text_document_did_change(params))


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions, LF lines), last first: as an editor does."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
        return before + len(units)

    spans = sorted(
        ((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def action_edits(action: types.CodeAction) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.document_changes is not None
    change = action.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    return [e for e in change.edits if isinstance(e, types.TextEdit)]


def found(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    return [
        (
            str(d.code),
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in diagnostics
    ]


# -- the tests ----------------------------------------------------------------------------


async def test_initialize_announces_the_capabilities(client: LanguageClient) -> None:
    result = STATE["initialize"]
    assert isinstance(result, types.InitializeResult)
    capabilities = result.capabilities
    assert result.server_info is not None and result.server_info.name == "okrlint"
    assert capabilities.hover_provider
    assert capabilities.completion_provider is not None
    assert isinstance(capabilities.code_action_provider, types.CodeActionOptions)
    kinds = capabilities.code_action_provider.code_action_kinds or []
    assert types.CodeActionKind.QuickFix in kinds
    assert "source.fixAll.okrlint" in kinds
    sync = capabilities.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.open_close and sync.save
    deadline = time.monotonic() + TIMEOUT
    registered = STATE["registered"]
    assert isinstance(registered, list)
    while not registered and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    # the boards and settings on disk are watched (cross-cycle rules, configuration)
    assert [r.method for r in registered] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]


async def test_a_board_opened_gets_its_findings_with_exact_ranges_and_history(
    client: LanguageClient, goals: Path
) -> None:
    path = goals / "examples/goals/2026-Q3/platform.yaml"
    diagnostics = await open_text(client, path, path.read_text(encoding="utf-8"))
    assert found(diagnostics) == [
        ("board-mostly-kpis", 4, 0, 4, 10),
        ("business-as-usual-objective", 5, 11, 5, 34),
        ("kpi-in-disguise", 8, 8, 8, 41),
        ("kpi-in-disguise", 9, 8, 9, 45),
        ("kpi-in-disguise", 10, 8, 10, 27),
        # a cross-cycle rule, live: the team's boards of Q1 and Q2 are read from disk
        ("evergreen-key-result", 14, 8, 14, 66),
        ("kpi-in-disguise", 15, 8, 15, 45),
    ]
    first = diagnostics[2]
    assert first.source == "okrlint"
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.message.startswith('"Keep API uptime at or above 99.9%" holds a level')
    assert "\n" in first.message  # the hint, on a line of its own
    assert diagnostics[5].severity == types.DiagnosticSeverity.Warning


async def test_a_change_gets_new_diagnostics_quickly(client: LanguageClient, goals: Path) -> None:
    """Change → diagnostics on each examples/*.yaml (the default 200 ms pause included)."""
    times: list[float] = []
    for name in ("dashboard.yaml", "healthy.yaml"):
        path = goals / "examples" / name
        text = path.read_text(encoding="utf-8")
        before = await open_text(client, path, text)
        for n in range(3):
            start = time.perf_counter()
            after = await change_text(client, path, text + "\n" * (n + 1))
            times.append(time.perf_counter() - start)
            assert found(after) == found(before)
    path = goals / "examples/dashboard.yaml"
    text = TEXTS[path.as_uri()].replace("Maintain 99.9% uptime", "Raise uptime from 99.5% to 99.9%")
    after = await change_text(client, path, text)
    assert ("kpi-in-disguise", 8, 8, 8, 41) not in found(after)
    median = statistics.median(times)
    print(f"\nchange → diagnostics: median {median * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    assert median < 2.0


async def test_a_quick_fix_and_fix_all_remove_their_findings(
    client: LanguageClient, goals: Path
) -> None:
    path = goals / "examples/goals/2026-Q1/growth.yaml"
    diagnostics = await open_text(client, path, path.read_text(encoding="utf-8"))
    target = next(d for d in diagnostics if d.code == "kpi-in-disguise")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=target.range,
            context=types.CodeActionContext(diagnostics=[target]),
        )
    )
    assert actions is not None
    titles = [a.title for a in actions if isinstance(a, types.CodeAction)]
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred and a.edit)
    assert fix.title.startswith("okrlint (kpi-in-disguise): Move to kpis")
    assert "okrlint (kpi-in-disguise): Suppress on this line" in titles
    assert "okrlint: fix all problems in this file" in titles
    fixed = apply_edits(TEXTS[path.as_uri()], action_edits(fix))
    after = await change_text(client, path, fixed)
    assert target.range not in [d.range for d in after if d.code == "kpi-in-disguise"]
    assert len(after) < len(diagnostics)

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    assert actions is not None and len(actions) == 1
    assert isinstance(actions[0], types.CodeAction)
    assert actions[0].kind == "source.fixAll.okrlint"
    everything = apply_edits(fixed, action_edits(actions[0]))
    after = await change_text(client, path, everything)
    # what --fix leaves: the duty repeated every month has no safe fix
    left = [d for d in after if d.code == "kpi-in-disguise"]
    assert len(left) == 1 and "newsletter" in left[0].message


async def test_suppressing_a_finding_on_its_line(client: LanguageClient, goals: Path) -> None:
    path = goals / "examples/goals/2026-Q2/growth.yaml"
    diagnostics = await open_text(client, path, path.read_text(encoding="utf-8"))
    target = next(d for d in diagnostics if d.code == "no-baseline")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=target.range,
            context=types.CodeActionContext(diagnostics=[target], only=["quickfix"]),
        )
    )
    assert actions is not None
    suppress = next(a for a in actions if isinstance(a, types.CodeAction) and "Suppress" in a.title)
    text = apply_edits(TEXTS[path.as_uri()], action_edits(suppress))
    assert "- Increase NPS to 40  # okrlint: disable=no-baseline\n" in text
    after = await change_text(client, path, text)
    assert "no-baseline" not in [d.code for d in after]
    assert "unused-suppression" not in [d.code for d in after]


async def test_hover_reads_a_key_result_and_names_a_suppressed_rule(
    client: LanguageClient, goals: Path
) -> None:
    path = goals / "examples/healthy.yaml"
    text = path.read_text(encoding="utf-8") + "# okrlint: disable-file=key-result-without-owner\n"
    await open_text(client, path, text)
    uri = types.TextDocumentIdentifier(uri=path.as_uri())
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=uri, position=types.Position(23, 20))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "a bet: activation 61% → 75% by 2026-09-30" in hover.contents.value
    assert hover.range == types.Range(types.Position(23, 8), types.Position(23, 43))
    last = len(text.splitlines()) - 1
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=uri, position=types.Position(last, 30))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    from okrlint.catalog import load_rule_doc

    assert hover.contents.value.startswith("**key-result-without-owner** (info)")
    assert load_rule_doc("key-result-without-owner").summary in hover.contents.value


async def test_completion_offers_kpi_ids_cycles_and_rule_ids(
    client: LanguageClient, goals: Path
) -> None:
    path = goals / "examples/goals/2026-Q3/draft.yaml"
    text = (
        "board: Growth\n"
        "cycle: \n"
        "kpis:\n"
        "  - {id: churn, name: Monthly gross churn, threshold: '< 4'}\n"
        "objectives:\n"
        "  - title: Win back first-month customers\n"
        "    key_results:\n"
        "      - title: Bring churn down from 4.6% to 3.5%\n"
        "        kpi: \n"
        "      - Grow activation from 40% to 50%  # okrlint: disable=no-\n"
    )
    await open_text(client, path, text)
    uri = types.TextDocumentIdentifier(uri=path.as_uri())

    async def labels(line: int, character: int) -> list[str]:
        result = await client.text_document_completion_async(
            types.CompletionParams(text_document=uri, position=types.Position(line, character))
        )
        assert isinstance(result, types.CompletionList)
        return [item.label for item in result.items]

    assert await labels(8, 13) == ["churn"]
    assert (await labels(1, 7))[0] == "2026-Q3"  # the cycle the board's folder names
    rules = await labels(9, 63)
    assert "no-baseline" in rules and "no-change" in rules


async def test_a_broken_document_is_a_diagnostic_and_the_server_lives_on(
    client: LanguageClient, goals: Path
) -> None:
    path = goals / "examples/goals/2026-Q3/support.yaml"
    text = path.read_text(encoding="utf-8")
    await open_text(client, path, text)
    broken = "board: Support\ncycle: 2026-Q3\nobjectives:\n  - title: [Make support\n"
    diagnostics = await change_text(client, path, broken)
    assert [d.code for d in diagnostics] == ["parse-error"]
    assert diagnostics[0].severity == types.DiagnosticSeverity.Error
    again = await change_text(client, path, text)
    assert "evergreen-key-result" in [d.code for d in again]


async def test_positions_count_utf16_units_after_an_emoji(
    client: LanguageClient, goals: Path
) -> None:
    path = goals / "emoji.yaml"
    text = (
        "board: Emoji\ncycle: 2026-Q3\nobjectives:\n  - title: Grow activation\n"
        "    key_results: [Grow 🚀 signups from 10 to 20, Maintain 99.9% uptime]\n"
    )
    diagnostics = await open_text(client, path, text)
    disguised = next(d for d in diagnostics if d.code == "kpi-in-disguise")
    start = text.splitlines()[4].index("Maintain")  # 48 code points: 49 UTF-16 units
    assert disguised.range.start == types.Position(4, start + 1)
    assert disguised.range.end == types.Position(4, start + 1 + len("Maintain 99.9% uptime"))


async def test_boards_and_settings_changed_on_disk_are_read_again(
    client: LanguageClient, goals: Path
) -> None:
    """The Q3 board (opened above) follows its team's Q2 board and the configuration."""
    uri = (goals / "examples/goals/2026-Q3/platform.yaml").as_uri()

    async def changed_on_disk(path: Path, text: str) -> list[str]:
        path.write_text(text, encoding="utf-8")
        event = types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)
        params = types.DidChangeWatchedFilesParams(changes=[event])
        found = await published(
            client, uri, lambda: client.workspace_did_change_watched_files(params)
        )
        return [str(d.code) for d in found]

    q2 = goals / "examples/goals/2026-Q2/platform.yaml"
    before = q2.read_text(encoding="utf-8")
    other = before.replace("Grow self-service environments", "Grow other things")
    assert "evergreen-key-result" not in await changed_on_disk(q2, other)
    assert "evergreen-key-result" in await changed_on_disk(q2, before)
    config = goals / ".okrlint.yaml"
    ignored = "fail-on: error\nignore: [kpi-in-disguise]\n"
    assert "kpi-in-disguise" not in await changed_on_disk(config, ignored)
    assert "kpi-in-disguise" in await changed_on_disk(config, "fail-on: error\n")


async def test_shutdown_and_exit_end_the_server_cleanly(client: LanguageClient) -> None:
    await client.shutdown_session()
    STATE["shut down"] = True
    server = client._server
    assert server is not None and server.returncode == 0
