"""Benchmark okrlint on synthetic goals repositories and large boards (run by hand, not in CI).

    python bench/run.py                # 1,000 and 10,000 boards, large boards, 7 runs each
    python bench/run.py --quick        # 1,000 boards and large boards, 3 runs

Reports the median wall time of, in one run:
  * ``okrlint check`` on a 1,000-board repository with default settings (jobs = cores,
    the default output format), cold (``--no-cache``: every board read) and warm (the
    result cache filled by the run before, as on a developer's machine or in a
    pre-commit hook),
  * the same cold with ``--jobs 1``,
  * the bare parse of the same files with PyYAML's C loader,
  * a single-board ``okrlint check``, cold and warm,
  * the bare interpreter importing yaml, typer, rich and pydantic's BaseModel, and a
    four-option typer command that does nothing (the floor typer sets),
  * ``okrlint check`` on one large board (2,400 objectives, about 650 KB, and 18,000,
    about 4.9 MB, under the default 5 MiB file-size limit) and the bare parse of that
    file, with each one's peak memory (is the cost linear in the board's size?),
  * ``okrlint check`` on 10,000 boards, cold and warm (is the cost linear in the
    repository's size?), with peak memory,
then each target of the performance issue as a ratio beside its target. Peak memory
is each command's own (the largest single process of it, as the kernel accounts it
when the command ends), the largest over its runs. Byte-code caching is left on (a
user's normal setting), and every command runs once before it is timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, large_board  # noqa: E402

PYTHON = sys.executable
BARE_PARSE = (
    "import sys, pathlib, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
#: The large boards: (name, objectives). 2,400 objectives make about 650 KB, 18,000
#: about 4.9 MB (the default file-size limit is 5 MiB).
LARGE = (("650 KB", 2_400), ("5 MB", 18_000))
BARE_IMPORT = "import yaml, typer, rich; from pydantic import BaseModel"
# The floor typer sets: a command with four options, parsed and run (typer builds a
# pydantic TypeAdapter per option), and nothing else.
TYPER_HELLO = (
    "import yaml, typer, rich\n"
    "from pydantic import BaseModel\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def check(paths: list[str], fmt: str = 'json', n: int = 1, flag: bool = False) -> None:\n"
    "    print(paths)\n"
    "@app.command()\n"
    "def other() -> None: ...\n"
    "app()\n"
)


#: The result cache of the warm runs (set in main: a folder of the benchmark's own).
CACHE_DIR: dict[str, str] = {}


def environment() -> dict[str, str]:
    env = {**os.environ, **CACHE_DIR}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users keep byte-code caches
    env.pop("GITHUB_ACTIONS", None)
    env.pop("OKRLINT_NO_CACHE", None)
    return env


def run_once(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB: the largest single process) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(proc.pid, 0)  # this command's own usage, not a running max
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss


def timed(cmd: list[str], cwd: Path, runs: int, warmup: bool = True) -> tuple[float, int]:
    """Median wall seconds over ``runs`` (after one warm-up), and peak memory in KiB."""
    env = environment()
    if warmup:
        run_once(cmd, cwd, env)
    measured = [run_once(cmd, cwd, env) for _ in range(runs)]
    return statistics.median(t for t, _ in measured), max(peak for _, peak in measured)


def okrlint(*args: str, warm: bool = False) -> list[str]:
    """The command: cold (``--no-cache``) or warm (the cache the warm-up run filled)."""
    return [
        PYTHON,
        "-m",
        "okrlint",
        "check",
        "--isolated",
        *args,
        *([] if warm else ["--no-cache"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="okrlint benchmark")
    parser.add_argument(
        "--quick", action="store_true", help="no 10,000 boards; 3 runs; the 5 MB board once"
    )
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=None, help="keep the repositories here")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    base = args.keep or Path(tempfile.mkdtemp(prefix="okrlint-bench-"))
    small, large = base / "r1k", base / "r10k"
    if not small.exists():
        generate(small, 1000)
    one = sorted(small.rglob("*.yaml"))[0]

    rows: list[tuple[str, float, str]] = []
    CACHE_DIR["OKRLINT_CACHE_DIR"] = str(base / "cache")
    t_check, mem_check = timed(okrlint("."), small, runs)
    t_warm, _ = timed(okrlint(".", warm=True), small, runs)
    t_parse, _ = timed([PYTHON, "-c", BARE_PARSE, "."], small, runs)
    t_one, _ = timed(okrlint(str(one.relative_to(small))), small, runs)
    t_one_warm, _ = timed(okrlint(str(one.relative_to(small)), warm=True), small, runs)
    t_import, _ = timed([PYTHON, "-c", BARE_IMPORT], small, runs)
    t_hello, _ = timed([PYTHON, "-c", TYPER_HELLO, "check", "a.yaml"], small, runs)
    t_check1, _ = timed(okrlint("--jobs", "1", "."), small, runs)
    rows += [
        ("okrlint check, 1,000 boards, cold (no cache)", t_check, mib(mem_check)),
        ("okrlint check, 1,000 boards, cold, --jobs 1", t_check1, ""),
        ("okrlint check, 1,000 boards, warm (result cache)", t_warm, ""),
        ("bare parse, C loader, same files", t_parse, ""),
        ("okrlint check, one board, cold", t_one, ""),
        ("okrlint check, one board, warm", t_one_warm, ""),
        ("bare interpreter: import yaml, typer, rich, BaseModel", t_import, ""),
        ("a four-option typer command doing nothing (typer's floor)", t_hello, ""),
    ]

    # one large board: (size in bytes, check seconds and peak, bare parse seconds and peak)
    boards: dict[str, tuple[int, float, int, float, int]] = {}
    notes: list[str] = []
    for name, objectives in LARGE:
        folder = base / f"large-{objectives}"
        path = folder / "large.yaml"
        if not path.exists():
            large_board(folder, objectives)
        board_runs, warmup = runs, True
        if args.quick and objectives > 10_000:
            board_runs, warmup = 1, False  # about half a minute a run
            notes.append(f"the {name} board was run once, without a warm-up (--quick)")
        t_board, mem_board = timed(okrlint("large.yaml"), folder, board_runs, warmup)
        t_board_parse, mem_board_parse = timed(
            [PYTHON, "-c", BARE_PARSE, "."], folder, board_runs, warmup
        )
        boards[name] = (path.stat().st_size, t_board, mem_board, t_board_parse, mem_board_parse)
        size = f"{path.stat().st_size / 1e6:.2f} MB, {objectives:,} objectives"
        rows += [
            (f"okrlint check, one board of {size}", t_board, mib(mem_board)),
            ("bare parse, C loader, that file", t_board_parse, mib(mem_board_parse)),
        ]

    if not args.quick:
        if not large.exists():
            generate(large, 10_000)
        large_runs = max(3, runs // 2)
        t_large, mem_large = timed(okrlint("."), large, large_runs)
        t_large_warm, mem_large_warm = timed(okrlint(".", warm=True), large, large_runs)
        t_large_parse, _ = timed([PYTHON, "-c", BARE_PARSE, "."], large, large_runs)
        rows += [
            ("okrlint check, 10,000 boards, cold", t_large, mib(mem_large)),
            ("okrlint check, 10,000 boards, warm", t_large_warm, mib(mem_large_warm)),
            ("bare parse, C loader, 10,000 boards", t_large_parse, ""),
        ]
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, runs: {runs} (median)")
    for name, seconds, note in rows:
        print(f"  {name:<62} {seconds * 1000:8.0f} ms  {note}")

    size_s, t_s, mem_s, _, _ = boards["650 KB"]
    size_l, t_l, mem_l, parse_l, parse_mem_l = boards["5 MB"]
    targets = [
        ("1,000 boards cold / bare C-loader parse", t_check / t_parse, 2.5),
        ("1,000 boards warm / bare C-loader parse", t_warm / t_parse, 1.5),
        ("one board cold / bare interpreter imports", t_one / t_import, 1.3),
        ("5 MB board / its bare C-loader parse", t_l / parse_l, 10.0),
        ("5 MB board peak memory / the bare parse's peak", mem_l / parse_mem_l, 2.0),
    ]
    print("targets (ratio, target):")
    for name, ratio, target in targets:
        verdict = "met" if ratio <= target else "NOT met"
        print(f"  {name:<50} {ratio:5.2f}x  <= {target}x  {verdict}")
    grow = size_l / size_s
    print("other ratios:")
    print(f"  one board warm / bare interpreter imports          {t_one_warm / t_import:5.2f}x")
    print(f"  typer's floor / bare interpreter imports           {t_hello / t_import:5.2f}x")
    print(
        f"  5 MB / 650 KB board: time {t_l / t_s:4.2f}x, peak memory {mem_l / mem_s:4.2f}x, "
        f"for {grow:4.2f}x the size (linear: time / size {t_l / t_s / grow:4.2f})"
    )
    if not args.quick:
        print(f"  10,000 / 1,000 boards, cold                        {t_large / t_check:5.2f}x")
        print(f"  10,000 / 1,000 boards, warm                        {t_large_warm / t_warm:5.2f}x")
    for note in notes:
        print(f"note: {note}")
    print(f"repositories: {base}")


def mib(kib: int) -> str:
    return f"peak {kib / 1024:.0f} MiB"


if __name__ == "__main__":
    main()
