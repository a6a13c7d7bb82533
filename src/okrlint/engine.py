"""Runs the selected checks on understood boards and turns hits into findings."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from okrlint.checks import BOARD_CHECKS, HISTORY_CHECKS, Judged
from okrlint.config import Config
from okrlint.findings import Finding, Hit, Severity, fingerprint
from okrlint.history import BoardTrace, History, trace
from okrlint.positions import FILE_START
from okrlint.repository import find_root, relative_uri

if TYPE_CHECKING:  # the reader and the board checks load with the first board read
    from okrlint.loader import LoadedBoard
    from okrlint.understanding.board import UnderstoodBoard

INTERNAL_ERROR = "internal-error"


@lru_cache(maxsize=4096)
def repository_path(file: str) -> str:
    """A file as its repository knows it: the stable part of a finding's fingerprint."""
    if file.startswith("<"):
        return file  # "<stdin>", "<text>"
    return relative_uri(file, find_root(file))


def to_finding(
    rule_id: str,
    hit: Hit,
    loaded: LoadedBoard,
    config: Config,
    default: Severity | None = None,
) -> Finding:
    text = loaded.node_text(hit.path)
    return Finding(
        rule=rule_id,
        severity=config.severity(rule_id, hit.variant, default),
        message=hit.message,
        file=loaded.file,
        span=loaded.span_of(hit.path, hit.field),
        path=hit.path,
        hint=hit.hint,
        fingerprint=fingerprint(rule_id, repository_path(loaded.file), hit.path, text),
        node_line=loaded.node_line(hit.path),
        fix=hit.fix,
        variant=hit.variant,
    )


def _internal_error(loaded: LoadedBoard, what: str, exc: Exception) -> Finding:
    return Finding(
        rule=INTERNAL_ERROR,
        severity=Severity.ERROR,
        message=f"{what} crashed on this board ({type(exc).__name__}: {exc}); "
        "please report this bug",
        file=loaded.file,
        span=FILE_START,
        path=(),
    )


def lint_board(
    loaded: LoadedBoard, config: Config, *, rules: bool = True
) -> tuple[list[Finding], BoardTrace | None]:
    """Read a loaded board and run the selected checks on it; never raises.

    Also returns the board's trace for the cross-cycle rules (None without a cycle).
    With ``rules=False`` only the trace is made (a board read as history).
    """
    if loaded.board is None:
        return [], None
    from okrlint.understanding.board import understand

    try:
        board = understand(
            loaded.board, loaded.file, language=config.language, fiscal=config.fiscal_year
        )
    except Exception as exc:  # a reader bug must not end the run either
        return [_internal_error(loaded, "reading the board's goals", exc)], None
    if not rules:
        return [], trace(board, loaded)
    return check_board(board, loaded, config), trace(board, loaded)


def check_history(history: History, config: Config) -> list[Finding]:
    """Run the selected cross-cycle rules over a goals repository's boards."""
    findings: list[Finding] = []
    for rule_id in config.rules():
        check = HISTORY_CHECKS.get(rule_id)
        if check is None:
            continue
        try:
            placed = list(check(history, config.options_for(rule_id)))
        except Exception as exc:  # the same isolation as for board rules
            findings.append(
                Finding(
                    INTERNAL_ERROR,
                    Severity.ERROR,
                    f"rule {rule_id} crashed on the goals repository "
                    f"({type(exc).__name__}: {exc}); please report this bug",
                    "",
                    FILE_START,
                    (),
                )
            )
            continue
        for p in placed:
            findings.append(
                Finding(
                    rule=rule_id,
                    severity=config.severity(rule_id, p.hit.variant),
                    message=p.hit.message,
                    file=p.file,
                    span=p.span,
                    path=p.hit.path,
                    hint=p.hit.hint,
                    fingerprint=fingerprint(rule_id, repository_path(p.file), p.hit.path, p.text),
                    node_line=p.node_line,
                )
            )
    return findings


def check_board(board: UnderstoodBoard, loaded: LoadedBoard, config: Config) -> list[Finding]:
    """All findings of the selected rules on one board; a crashing rule becomes a finding."""
    selected = config.rules()
    judged = Judged(board, frozenset(selected))
    findings: list[Finding] = []
    for rule_id in selected:
        check = BOARD_CHECKS.get(rule_id)
        if check is None:
            continue  # a cross-cycle rule: see check_history
        try:
            hits = list(check(judged, config.options_for(rule_id)))
        except Exception as exc:  # the one broad except: a rule bug must not end the run
            findings.append(_internal_error(loaded, f"rule {rule_id}", exc))
            continue
        findings.extend(to_finding(rule_id, hit, loaded, config) for hit in hits)
    for custom in config.active_custom_rules():
        try:
            hits = list(custom.check(board))
        except Exception as exc:  # a custom rule is data, but isolate it all the same
            findings.append(_internal_error(loaded, f"custom rule {custom.id}", exc))
            continue
        findings.extend(
            to_finding(custom.id, hit, loaded, config, default=custom.severity) for hit in hits
        )
    findings.sort(key=Finding.sort_key)
    return findings
