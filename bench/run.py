"""Benchmark okrlint on synthetic goals repositories (run by hand, not in CI).

    python bench/run.py                # 1,000 and 10,000 boards, 7 runs each
    python bench/run.py --quick        # 1,000 boards, 3 runs

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
  * ``okrlint check`` on 10,000 boards, cold and warm (is the cost linear?), with peak
    memory,
and the ratios the targets are stated in. Byte-code caching is left on (a user's
normal setting), and every command runs once before it is timed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PYTHON = sys.executable
BARE_PARSE = (
    "import sys, pathlib, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
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


def timed(cmd: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    """Median wall seconds over ``runs`` (after one warm-up), and peak RSS in KiB."""
    env = environment()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times: list[float] = []
    peak = 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return statistics.median(times), peak


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
    parser.add_argument("--quick", action="store_true", help="1,000 boards only, 3 runs")
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
        ("okrlint check, 1,000 boards, cold (no cache)", t_check, f"peak {mem_check // 1024} MiB"),
        ("okrlint check, 1,000 boards, cold, --jobs 1", t_check1, ""),
        ("okrlint check, 1,000 boards, warm (result cache)", t_warm, ""),
        ("bare parse, C loader, same files", t_parse, ""),
        ("okrlint check, one board, cold", t_one, ""),
        ("okrlint check, one board, warm", t_one_warm, ""),
        ("bare interpreter: import yaml, typer, rich, BaseModel", t_import, ""),
        ("a four-option typer command doing nothing (typer's floor)", t_hello, ""),
    ]
    if not args.quick:
        if not large.exists():
            generate(large, 10_000)
        large_runs = max(3, runs // 2)
        t_large, mem_large = timed(okrlint("."), large, large_runs)
        t_large_warm, mem_large_warm = timed(okrlint(".", warm=True), large, large_runs)
        t_large_parse, _ = timed([PYTHON, "-c", BARE_PARSE, "."], large, large_runs)
        rows += [
            ("okrlint check, 10,000 boards, cold", t_large, f"peak {mem_large // 1024} MiB"),
            (
                "okrlint check, 10,000 boards, warm",
                t_large_warm,
                f"peak {mem_large_warm // 1024} MiB",
            ),
            ("bare parse, C loader, 10,000 boards", t_large_parse, ""),
        ]
    print(f"cores: {os.cpu_count()}, python {sys.version.split()[0]}, runs: {runs} (median)")
    for name, seconds, note in rows:
        print(f"  {name:<56} {seconds * 1000:8.0f} ms  {note}")
    print("ratios (targets: 1,000 boards <= 2.5x the parse and < 1 s; one board <= 1.2x):")
    print(f"  1,000 boards cold / bare C-loader parse     {t_check / t_parse:5.2f}x")
    print(f"  1,000 boards warm / bare C-loader parse     {t_warm / t_parse:5.2f}x")
    print(f"  one board cold / bare interpreter imports   {t_one / t_import:5.2f}x")
    print(f"  one board warm / bare interpreter imports   {t_one_warm / t_import:5.2f}x")
    print(f"  typer's floor / bare interpreter imports    {t_hello / t_import:5.2f}x")
    if not args.quick:
        print(f"  10,000 / 1,000 boards, cold                 {t_large / t_check:5.2f}x  (linear)")
        print(f"  10,000 / 1,000 boards, warm                 {t_large_warm / t_warm:5.2f}x")
    print(f"repositories: {base}")


if __name__ == "__main__":
    main()
