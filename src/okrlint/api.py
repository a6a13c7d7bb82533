"""The library's entry points: paths or text in, one :class:`LintResult` out.

Nothing here prints or exits; bad input comes back as values inside the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from okrlint.config import Config
from okrlint.discovery import discover, display
from okrlint.engine import check_history, lint_board
from okrlint.findings import FileResult, Finding, LintResult
from okrlint.history import BoardTrace, History
from okrlint.loader import LoadedBoard, load_board, load_text
from okrlint.repository import find_root


def _lint_loaded(
    loaded: LoadedBoard, config: Config
) -> tuple[FileResult, list[Finding], BoardTrace | None]:
    findings, board_trace = lint_board(loaded, config)
    keep_source = bool(findings or loaded.errors)
    result = FileResult(loaded.file, tuple(loaded.errors), loaded.source if keep_source else "")
    return result, findings, board_trace


def lint_text(text: str, file: str = "<text>", config: Config | None = None) -> LintResult:
    """Lint one board given as text (``file`` names it in positions)."""
    config = config or Config()
    loaded = load_text(text, file, config.limits)
    result, findings, _trace = _lint_loaded(loaded, config)
    return LintResult(files=(result,), findings=tuple(findings), root=str(Path.cwd()))


def lint_paths(paths: Iterable[str | Path], config: Config | None = None) -> LintResult:
    """Lint board files and folders (folders are walked for ``*.yaml``/``*.yml``)."""
    config = config or Config()
    found = discover(paths)
    files: list[FileResult] = [FileResult(e.file, (e,)) for e in found.errors]
    findings: list[Finding] = []
    history = History()
    for path in found.files:
        loaded = load_board(path, config.limits, display(path))
        result, board_findings, board_trace = _lint_loaded(loaded, config)
        files.append(result)
        findings.extend(board_findings)
        history.add(board_trace)
    findings.extend(check_history(history, config))
    findings.sort(key=Finding.sort_key)
    return LintResult(
        files=tuple(files),
        findings=tuple(findings),
        notices=tuple(found.notices),
        root=str(find_root(Path.cwd()) or Path.cwd()),
    )


__all__: Sequence[str] = ("lint_paths", "lint_text", "load_board")
