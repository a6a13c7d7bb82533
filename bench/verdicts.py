"""Snapshot every verdict okrlint gives, to prove that a refactor changed none.

    python bench/verdicts.py save SNAPSHOT.json     # before the change
    python bench/verdicts.py compare SNAPSHOT.json  # after: prints each difference

The snapshot holds the JSON findings (no cache, all rules at their defaults) of:
  * every entry of ``tests/corpus/`` on a board of its own (one objective; the entry
    as its key result, or as the objective for objective entries), with a cycle so
    that the text rules, not the cycle rules, speak;
  * ``okrlint check examples/``;
  * the 1,000-board benchmark repository (``bench/generate.py``, seed 7).
Run by hand; not part of CI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def _corpus_boards(out: Path) -> None:
    for number, path in enumerate(sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))):
        for index, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            text = str(entry["text"])
            if entry["kind"] == "objective":
                objective: dict[str, Any] = {"title": text, "key_results": []}
            else:
                item: Any = text
                if any(k in entry for k in ("from", "to", "unit")):
                    item = {"title": text}
                    item.update({k: entry[k] for k in ("from", "to", "unit") if k in entry})
                objective = {"title": "Corpus", "key_results": [item]}
            board = {"cycle": "2026-Q3", "objectives": [objective]}
            name = f"{number:02d}-{path.parent.name}-{path.stem}-{index:03d}.yaml"
            (out / name).write_text(yaml.safe_dump(board, allow_unicode=True), encoding="utf-8")


def _findings(target: Path, cwd: Path) -> list[dict[str, Any]]:
    """The findings and input errors of ``okrlint check target`` (named relative to
    ``cwd``, so that snapshots made in different temporary folders compare)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "okrlint",
            "check",
            "--no-cache",
            "--format",
            "json",
            "--exit-zero",
            os.path.relpath(target, cwd),
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1, 2):
        raise SystemExit(done.stderr)
    report = json.loads(done.stdout)
    rows: list[dict[str, Any]] = list(report["findings"])
    errors = [{"file": f["file"], **e} for f in report["files"] for e in f["errors"]]
    return rows + errors


def snapshot() -> dict[str, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        _corpus_boards(corpus)
        bench = Path(tmp) / "bench"
        generate(bench, 1000)
        return {
            "corpus": _findings(corpus, Path(tmp)),
            "examples": _findings(ROOT / "examples", ROOT),
            "bench": _findings(bench, Path(tmp)),
        }


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("save", "compare"):
        raise SystemExit(__doc__)
    path = Path(sys.argv[2])
    now = snapshot()
    if sys.argv[1] == "save":
        path.write_text(json.dumps(now, indent=1, sort_keys=True), encoding="utf-8")
        print({k: len(v) for k, v in now.items()})
        return
    before = json.loads(path.read_text(encoding="utf-8"))
    differences = 0
    for part in sorted(set(before) | set(now)):
        old = [json.dumps(r, sort_keys=True) for r in before.get(part, [])]
        new = [json.dumps(r, sort_keys=True) for r in now.get(part, [])]
        gone = sorted(set(old) - set(new))
        added = sorted(set(new) - set(old))
        for row in gone:
            print(f"{part} - {row}")
        for row in added:
            print(f"{part} + {row}")
        differences += len(gone) + len(added)
        if not gone and not added and old != new:
            print(f"{part}: same findings in another order")
            differences += 1
    print(f"{differences} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
