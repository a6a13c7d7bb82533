"""The engine: severities, positions, and isolation of a crashing rule or reader."""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from conftest import board_with
from okrlint import checks
from okrlint.api import lint_paths, lint_text
from okrlint.config import Config
from okrlint.findings import Hit, Severity
from okrlint.understanding.board import UnderstoodBoard

BOARD = board_with("Maintain 99.9% uptime", "Increase NPS to 60")


def _boom(board: UnderstoodBoard, options: Mapping[str, Any]) -> Iterator[Hit]:
    raise RuntimeError("deliberate failure")
    yield  # pragma: no cover


def test_a_crashing_rule_is_reported_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(checks.BOARD_CHECKS, "no-baseline", _boom)
    config = Config(select=("kpi-in-disguise", "no-baseline"))
    result = lint_text(BOARD, "b.yaml", config)
    rules = sorted(f.rule for f in result.findings)
    assert rules == ["internal-error", "kpi-in-disguise"]
    [crash] = [f for f in result.findings if f.rule == "internal-error"]
    assert "no-baseline" in crash.message and "RuntimeError" in crash.message
    assert (crash.file, crash.line, crash.severity) == ("b.yaml", 1, Severity.ERROR)
    assert result.exit_code(Severity.ERROR) == 2


def test_a_crashing_reader_is_reported_for_that_board(monkeypatch: pytest.MonkeyPatch) -> None:
    import okrlint.understanding.board

    def explode(*args: object, **kwargs: object) -> UnderstoodBoard:
        raise ValueError("reader bug")

    monkeypatch.setattr(okrlint.understanding.board, "understand", explode)
    result = lint_text(BOARD, "b.yaml")
    [f] = result.findings
    assert f.rule == "internal-error" and "reader bug" in f.message
    assert result.exit_code(Severity.ERROR) == 2


def test_user_severity_override_wins_over_rule_and_variant() -> None:
    text = board_with("Grow MRR from $80k to $120k while keeping churn below 3%")
    config = Config(select=("kpi-in-disguise",), severities={"kpi-in-disguise": Severity.WARNING})
    [f] = lint_text(text, "b.yaml", config).findings
    assert f.severity is Severity.WARNING


def test_ignore_and_select_combine() -> None:
    config = Config(select=("kpi-in-disguise", "no-baseline"), ignore=("no-baseline",))
    assert {f.rule for f in lint_text(BOARD, "b.yaml", config).findings} == {"kpi-in-disguise"}


def test_exit_code_follows_fail_on() -> None:
    result = lint_text(board_with("Increase NPS to 60"), "b.yaml")
    assert result.exit_code(Severity.ERROR) == 0
    assert result.exit_code(Severity.WARNING) == 1
    assert result.exit_code(Severity.INFO) == 1


def test_the_progress_bar_starts_only_for_many_files_and_stops() -> None:
    from okrlint.run import _progress

    with _progress(False) as tick:
        assert tick is None
    bar = _progress(True)
    with bar as tick:
        assert tick is not None
        tick(0, 10)
        assert bar._bar is None  # a short run shows no bar
        for done in range(60):
            tick(done, 60)
        assert bar._bar is not None


def test_jobs_through_the_library_give_the_same_result(tmp_path: Path) -> None:
    """Worker processes send results back by pickling: settings and fixes must travel."""
    for n in range(6):
        Path(tmp_path, f"b{n}.yaml").write_text(BOARD.replace("Increase NPS", f"Raise NPS {n}"))
    config = Config(rule_options={"too-many-objectives": {"max": 4}})
    assert pickle.loads(pickle.dumps(config)) == config
    one = lint_paths([tmp_path], config, jobs=1)
    two = lint_paths([tmp_path], config, jobs=2)
    assert two.findings == one.findings and [f.file for f in two.files] == [
        f.file for f in one.files
    ]
    assert any(f.fix is not None for f in two.findings)


def test_results_and_traces_survive_pickling_unchanged(tmp_path: Path) -> None:
    """What a worker sends back (compact pickles of the result records) comes back equal."""
    from okrlint.api import _lint_one

    board = Path(tmp_path, "b.yaml")
    board.write_text(BOARD.replace("objectives:", "cycle: 2026-Q3\nobjectives:"))
    linted, trace = _lint_one(board, lambda _path: Config())
    assert trace is not None and trace.key_results and linted.result.board is not None
    assert any(f.fix is not None and f.fix.has_edit for f in linted.findings)
    for record in (linted.result, trace, *linted.findings, *trace.key_results):
        copy = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert copy == record and type(copy) is type(record)
    broken = lint_text("objectives: [", "x.yaml").files[0]
    assert broken.errors and pickle.loads(pickle.dumps(broken)) == broken


def test_more_jobs_than_files_is_fine(tmp_path: Path) -> None:
    """--jobs 2 on one board, or on a folder without boards, asked for a pool of 0."""
    Path(tmp_path, "b.yaml").write_text(BOARD)
    assert lint_paths([tmp_path / "b.yaml"], Config(), jobs=2) == lint_paths(
        [tmp_path / "b.yaml"], Config(), jobs=1
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    assert lint_paths([empty], Config(), jobs=2).files == ()
