"""The result cache: same answers as a fresh run, entries that cannot run code, and a
cache that invalidates on every input a board's findings depend on."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import board_with
from okrlint.api import lint_paths
from okrlint.cache import CACHE_DIR_NAME, CachedBoard, ResultCache, decode_entry, encode_entry
from okrlint.config import Config

KEY_RESULTS = (
    "Maintain 99.9% uptime",
    "Reduce churn from 4% to 2.5%",
    "Launch the partner portal",
)
BOARD = board_with(*KEY_RESULTS)


def write_boards(folder: Path, count: int = 3) -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"team{n}.yaml"
        path.write_text(BOARD.replace("board: Test", f"board: Team {n}"), encoding="utf-8")
        paths.append(path)
    return paths


def entries(cache: ResultCache) -> list[Path]:
    return sorted(cache.here.rglob("*.json"))


def test_a_second_run_reads_every_board_from_the_cache_and_answers_the_same(
    tmp_path: Path,
) -> None:
    write_boards(tmp_path)
    fresh = lint_paths([tmp_path], Config())
    cache = ResultCache(tmp_path / "cache")
    first = lint_paths([tmp_path], Config(), cache=cache)
    assert (cache.hits, len(entries(cache))) == (0, 3)
    second = lint_paths([tmp_path], Config(), cache=cache)
    assert cache.hits == 3
    assert fresh.findings and first == fresh and second == fresh


def test_an_entry_round_trips_every_record_exactly(tmp_path: Path) -> None:
    from okrlint.api import _lint_one

    [path] = write_boards(tmp_path, 1)
    (linted, trace) = _lint_one(path, lambda _p: Config())
    board = CachedBoard(linted.result, tuple(linted.findings), tuple(linted.suppressions), trace)
    assert any(f.fix is not None and f.fix.has_edit for f in board.findings)
    assert trace is not None and trace.cycle is not None
    text = encode_entry(board)
    again = decode_entry(text)
    assert again == board
    assert repr(again) == repr(board)  # tuples stay tuples, enums enums, dates dates
    # the same entry with one value of the wrong type is damage, not a record
    entry = json.loads(text)
    finding = entry[2][0]  # [rule, severity, message, line, column, end line, end column, ...]
    first = board.findings[0]
    assert finding[:4] == [first.rule, first.severity.value, first.message, first.line]
    for field, wrong in ((3, "1"), (0, 7), (1, "catastrophic"), (7, [1.5]), (6, None)):
        damaged = json.loads(text)
        damaged[2][0][field] = wrong
        assert decode_entry(json.dumps(damaged)) is None, (field, wrong)
    assert decode_entry(json.dumps([*entry[:2], [finding[:-1]], *entry[3:]])) is None
    damaged = json.loads(text)
    damaged[4][1][1] = "tomorrow"  # the trace's cycle starts on no date
    assert decode_entry(json.dumps(damaged)) is None


def test_the_entry_layout_names_every_field_of_every_record() -> None:
    """A field added to a record must be added to the cache's layout (and codec)."""
    import dataclasses

    from okrlint.cache_codec import LAYOUT

    for record, names in LAYOUT.items():
        assert names == tuple(f.name for f in dataclasses.fields(record)), record.__name__


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[1, 2]",
        '{"@": "system", "v": ["echo hacked"]}',  # only okrlint's own records are made
        '{"@": "Position", "v": [1, 2, 3]}',
        '[{"plain": "dict"}, {"@t": []}, {"@t": []}, null]',
        '[{"@": "Finding", "v": []}, {"@t": []}, {"@t": []}, null]',
        '{"@e": "Severity", "v": "catastrophic"}',
        '["a.yaml", [[], "", null], [[]], [], null]',
        '["a.yaml", [[], "", null], [], [], ["team", ["Q1", "2026-01-01"], [], true, []]]',
        '["a.yaml", [[["no-such-kind", "m", [1, 1, 1, 2], [], ""]], "", null], [], [], null]',
        "[" * 100_000,
    ],
)
def test_a_damaged_or_hostile_entry_is_a_miss(text: str) -> None:
    assert decode_entry(text) is None


def test_a_damaged_entry_on_disk_is_linted_again(tmp_path: Path) -> None:
    write_boards(tmp_path, 1)
    cache = ResultCache(tmp_path / "cache")
    fresh = lint_paths([tmp_path], Config(), cache=cache)
    [entry] = entries(cache)
    entry.write_text('{"@": "Finding"', encoding="utf-8")
    assert lint_paths([tmp_path], Config(), cache=cache) == fresh
    assert cache.hits == 0 and json.loads(entry.read_text(encoding="utf-8"))  # rewritten


def test_the_key_follows_name_text_settings_and_code(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    key = cache.key("a.yaml", BOARD, Config())
    assert cache.key("a.yaml", BOARD, Config()) == key
    assert cache.key("b.yaml", BOARD, Config()) != key
    assert cache.key("a.yaml", BOARD + "\n", Config()) != key
    assert cache.key("a.yaml", BOARD, Config(ignore=("no-baseline",))) != key
    assert cache.key("a.yaml", BOARD, Config(language="de")) != key
    tomorrow = ResultCache(tmp_path / "cache", today=dt.date.today() + dt.timedelta(days=1))
    assert tomorrow.here != cache.here  # a fix may name the current quarter


def test_changed_settings_and_text_are_linted_again(tmp_path: Path) -> None:
    [path] = write_boards(tmp_path, 1)
    cache = ResultCache(tmp_path / "cache")
    lint_paths([path], Config(), cache=cache)
    ignored = lint_paths([path], Config(ignore=("kpi-in-disguise",)), cache=cache)
    assert "kpi-in-disguise" not in {f.rule for f in ignored.findings}
    path.write_text(board_with("Reduce churn from 4% to 2.5%"), encoding="utf-8")
    edited = lint_paths([path], Config(), cache=cache)
    assert edited == lint_paths([path], Config())
    assert cache.hits == 0


def test_inline_suppressions_and_team_history_come_back_from_the_cache(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    for quarter in ("2026-Q1", "2026-Q2"):
        board = board_with(*KEY_RESULTS, cycle=quarter)
        (tmp_path / f"{quarter}.yaml").write_text(board, encoding="utf-8")
    q3 = tmp_path / "2026-Q3.yaml"
    q3.write_text(
        BOARD.replace(
            "- Launch the partner portal",
            "- Launch the partner portal  # okrlint: disable=output-not-outcome",
        ),
        encoding="utf-8",
    )
    fresh = lint_paths([q3], Config())  # one file given: its team's other cycles are read
    assert fresh.suppressed and "evergreen-key-result" in {f.rule for f in fresh.findings}
    cache = ResultCache(tmp_path / "cache")
    assert lint_paths([q3], Config(), cache=cache) == fresh
    again = lint_paths([q3], Config(), cache=cache)
    assert again == fresh and cache.hits == 3  # the board and its team's other cycles


def test_workers_and_the_cache_together_answer_the_same(tmp_path: Path) -> None:
    write_boards(tmp_path, 6)
    fresh = lint_paths([tmp_path], Config(), jobs=1)
    cache = ResultCache(tmp_path / "cache")
    assert lint_paths([tmp_path], Config(), jobs=2, cache=cache) == fresh
    assert len(entries(cache)) == 6  # workers write the entries of what they linted
    (tmp_path / "team0.yaml").write_text(board_with("Hire 3 engineers"), encoding="utf-8")
    mixed = lint_paths([tmp_path], Config(), jobs=2, cache=cache)
    assert mixed == lint_paths([tmp_path], Config(), jobs=1)
    assert cache.hits == 5


def test_the_folder_is_tagged_ignored_and_old_generations_are_dropped(tmp_path: Path) -> None:
    write_boards(tmp_path, 1)
    folder = tmp_path / "cache"
    old = ResultCache(folder, today=dt.date(2020, 1, 1))
    lint_paths([tmp_path], Config(), cache=old)
    assert old.here.is_dir()
    (folder / "keep-me").mkdir()  # not a generation of ours: left alone
    new = ResultCache(folder)
    lint_paths([tmp_path], Config(), cache=new)
    assert not old.here.exists() and new.here.is_dir() and (folder / "keep-me").is_dir()
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (
        (folder / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    write_boards(tmp_path, 2)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    cache = ResultCache(blocker / "cache")
    assert lint_paths([tmp_path], Config(), cache=cache) == lint_paths([tmp_path], Config())
    assert not cache.writable


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    for name in ("OKRLINT_NO_CACHE", "OKRLINT_CACHE_DIR", "GITHUB_ACTIONS"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "okrlint", "check", "--isolated", "--format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_the_cli_caches_by_default_and_not_when_told(tmp_path: Path) -> None:
    write_boards(tmp_path, 2)
    first = run(tmp_path, ".")
    assert first.returncode == 1 and (tmp_path / CACHE_DIR_NAME / "CACHEDIR.TAG").is_file()
    second = run(tmp_path, ".")
    assert second.stdout == first.stdout and second.returncode == 1
    elsewhere = tmp_path / "elsewhere"
    moved = run(tmp_path, ".", "--no-cache", OKRLINT_CACHE_DIR=str(elsewhere))
    assert moved.stdout == first.stdout and not elsewhere.exists()
    assert run(tmp_path, ".", OKRLINT_CACHE_DIR=str(elsewhere)).stdout == first.stdout
    assert (elsewhere / "CACHEDIR.TAG").is_file()
    bare = tmp_path / "bare"
    bare.mkdir()
    write_boards(bare, 1)
    assert run(bare, ".", OKRLINT_NO_CACHE="1").returncode == 1
    assert not (bare / CACHE_DIR_NAME).exists()


def test_each_board_is_read_and_hashed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a miss, on a hit and without a cache: one read per board, one key per board."""
    import okrlint.api
    from okrlint.files import read_source

    boards = tmp_path / "boards"
    boards.mkdir()
    write_boards(boards)
    reads: list[str] = []
    keys: list[str] = []

    def counted_read(path: Path, file: str, *args: object) -> object:
        reads.append(file)
        return read_source(path, file, *args)

    real_key = ResultCache.key

    def counted_key(self: ResultCache, file: str, text: str, settings: object) -> str:
        keys.append(file)
        return real_key(self, file, text, settings)

    monkeypatch.setattr(okrlint.api, "read_source", counted_read)
    monkeypatch.setattr(ResultCache, "key", counted_key)
    cache = ResultCache(tmp_path / "cache")
    for run in (None, cache, cache):  # no cache, every board a miss, every board a hit
        reads.clear()
        keys.clear()
        lint_paths([boards], Config(), cache=run, jobs=1)
        names = sorted(p.as_posix() for p in boards.glob("*.yaml"))
        assert sorted(reads) == names
        assert sorted(keys) == (names if run is not None else [])
    assert cache.hits == 3


def test_entries_hold_no_text_and_a_hit_carries_the_text_read(tmp_path: Path) -> None:
    [path] = write_boards(tmp_path, 1)
    cache = ResultCache(tmp_path / "cache")
    fresh = lint_paths([path], Config(), cache=cache)
    [entry] = entries(cache)
    stored = decode_entry(entry.read_text(encoding="utf-8"))
    assert stored is not None and stored.result.source == ""
    assert fresh.files[0].source == path.read_text(encoding="utf-8")
    again = lint_paths([path], Config(), cache=cache)
    assert cache.hits == 1 and again.files[0].source == fresh.files[0].source


def test_history_boards_are_cached_as_their_own_linting_finds_them(tmp_path: Path) -> None:
    """The team-history scan lints each board with its own (nearest) settings, so the
    entries it makes are the ones linting those boards finds."""
    (tmp_path / ".git").mkdir()
    goals = tmp_path / "goals"
    goals.mkdir()
    (goals / ".okrlint.yaml").write_text("ignore: [no-baseline]\n", encoding="utf-8")
    for quarter in ("2026-Q1", "2026-Q2", "2026-Q3"):
        (goals / f"{quarter}.yaml").write_text(board_with(*KEY_RESULTS, cycle=quarter))
    cache = ResultCache(tmp_path / "cache")
    lint_paths([goals / "2026-Q3.yaml"], cache=cache)  # Q1 and Q2 read as history
    assert (cache.hits, len(entries(cache))) == (0, 3)
    lint_paths([goals], cache=cache)
    assert (cache.hits, len(entries(cache))) == (3, 3)
