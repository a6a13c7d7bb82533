"""Finding board files: sorted, hidden ones skipped, each once, missing ones reported."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from okrlint.errors import ErrorKind
from okrlint.repository import discover, display, walk_boards


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("objectives: []\n", encoding="utf-8")


def shown(paths: list[Path]) -> list[str]:
    return [display(p) for p in paths]


def test_folders_are_walked_in_sorted_path_order(in_tmp: Path) -> None:
    touch(
        in_tmp,
        "goals/2026-Q3/growth.yaml",
        "goals/2026-Q3/core.yml",
        "goals/2026-Q1/growth.yaml",
        "goals/b.yaml",
        "goals/a.yaml",
        "goals/2026-Q10/x.yaml",
    )
    found = discover(["goals"])
    assert shown(found.files) == [
        "goals/2026-Q1/growth.yaml",
        "goals/2026-Q10/x.yaml",
        "goals/2026-Q3/core.yml",
        "goals/2026-Q3/growth.yaml",
        "goals/a.yaml",
        "goals/b.yaml",
    ]
    assert found.errors == [] and found.notices == []


def test_only_yaml_and_yml_files(in_tmp: Path) -> None:
    touch(in_tmp, "g/a.yaml", "g/b.yml", "g/c.YAML", "g/d.json", "g/e.yaml.bak", "g/f.txt")
    assert shown(discover(["g"]).files) == ["g/a.yaml", "g/b.yml", "g/c.YAML"]


def test_hidden_files_and_folders_are_skipped_when_walking(in_tmp: Path) -> None:
    touch(
        in_tmp,
        "g/.hidden.yaml",
        "g/.git/config.yaml",
        "g/.github/workflows/ci.yml",
        "g/team/.draft/board.yaml",
        "g/team/board.yaml",
    )
    assert shown(discover(["g"]).files) == ["g/team/board.yaml"]


def test_a_hidden_file_given_explicitly_is_linted(in_tmp: Path) -> None:
    touch(in_tmp, ".secret-board.yaml", ".goals/board.yaml")
    found = discover([".secret-board.yaml", ".goals"])
    assert shown(found.files) == [".secret-board.yaml", ".goals/board.yaml"]


def test_the_current_folder(in_tmp: Path) -> None:
    touch(in_tmp, "b.yaml", "a/x.yml", ".hidden/y.yaml")
    assert shown(discover(["."]).files) == ["a/x.yml", "b.yaml"]


def test_a_path_given_twice_is_linted_once(in_tmp: Path) -> None:
    touch(in_tmp, "goals/a.yaml", "goals/b.yaml")
    found = discover(["goals/a.yaml", "goals", "./goals/a.yaml", "goals/../goals/b.yaml"])
    assert shown(found.files) == ["goals/a.yaml", "goals/b.yaml"]


def test_explicit_files_keep_the_order_given(in_tmp: Path) -> None:
    touch(in_tmp, "a.yaml", "b.yaml")
    assert shown(discover(["b.yaml", "a.yaml"]).files) == ["b.yaml", "a.yaml"]


def test_an_explicit_file_with_another_suffix_is_linted(in_tmp: Path) -> None:
    touch(in_tmp, "board.txt")
    assert shown(discover(["board.txt"]).files) == ["board.txt"]


def test_a_missing_path_is_an_io_error(in_tmp: Path) -> None:
    touch(in_tmp, "a.yaml")
    found = discover(["nope.yaml", "a.yaml", "missing/"])
    assert shown(found.files) == ["a.yaml"]
    assert [(e.kind, e.file, e.line, e.column) for e in found.errors] == [
        (ErrorKind.IO_ERROR, "nope.yaml", 1, 1),
        (ErrorKind.IO_ERROR, "missing", 1, 1),
    ]
    assert "no such file" in found.errors[0].message


def test_a_missing_path_given_twice_is_reported_once(in_tmp: Path) -> None:
    assert len(discover(["nope.yaml", "nope.yaml", "./nope.yaml"]).errors) == 1


def test_an_unusable_path_is_an_io_error_not_an_exception(in_tmp: Path) -> None:
    found = discover(["x" * 5000 + ".yaml", "bad\0name.yaml"])
    assert [e.kind for e in found.errors] == [ErrorKind.IO_ERROR, ErrorKind.IO_ERROR]
    assert found.files == []


def test_a_folder_without_boards_is_a_notice_not_an_error(in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    touch(in_tmp, "docs/readme.txt", "docs/.hidden.yaml")
    found = discover(["empty", "docs"])
    assert found.files == [] and found.errors == []
    assert len(found.notices) == 2
    assert found.notices[0].startswith("empty:") and "no board files" in found.notices[0]
    assert found.notices[1].startswith("docs:")
    # Markdown is read (it may be a board); one with no board's marks is skipped later
    touch(in_tmp, "docs/readme.md")
    assert discover(["docs"]).files == [Path("docs/readme.md")]


def test_a_folder_that_cannot_be_read_is_reported(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    touch(in_tmp, "goals/a.yaml", "goals/locked/b.yaml")
    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str = ".") -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover(["goals"])
    assert shown(found.files) == ["goals/a.yaml"]
    [error] = found.errors
    assert (error.kind, error.file) == (ErrorKind.IO_ERROR, "goals/locked")
    assert "Permission denied" in error.message


def test_symlinked_folders_are_not_followed(in_tmp: Path) -> None:
    touch(in_tmp, "real/a.yaml")
    (in_tmp / "goals").mkdir()
    (in_tmp / "goals" / "link").symlink_to(in_tmp / "real", target_is_directory=True)
    touch(in_tmp, "goals/b.yaml")
    assert shown(walk_boards(Path("goals"))[0]) == ["goals/b.yaml"]


def test_absolute_paths_stay_absolute(tmp_path: Path) -> None:
    touch(tmp_path, "g/a.yaml")
    [path] = discover([tmp_path / "g"]).files
    assert path == tmp_path / "g" / "a.yaml"
    assert display(path) == (tmp_path / "g" / "a.yaml").as_posix()
