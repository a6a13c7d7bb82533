"""Generate a synthetic goals repository for benchmarks.

    python bench/generate.py OUT_DIR --boards 1000 [--seed 7]
    python bench/generate.py OUT_DIR --large 2400    # one board of 2,400 objectives (650 KB)

Boards are spread over teams and quarterly cycles (``OUT_DIR/goals/<cycle>/<team>.yaml``),
about four objectives each, with plain-text and structured key results (real bets,
disguised KPIs, targets without baselines, tasks) and a KPI list. Texts vary in their
metrics, verbs and numbers, so no two boards are the same.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

METRICS = [
    ("activation", "%"),
    ("monthly churn", "%"),
    ("NPS", ""),
    ("weekly active teams", ""),
    ("trial-to-paid conversion", "%"),
    ("p95 API latency", "ms"),
    ("median onboarding time", "days"),
    ("first response time", "hours"),
    ("CSAT", "%"),
    ("average deal size", "£"),
    ("net revenue retention", "%"),
    ("MRR", "$"),
    ("deployment frequency", "per week"),
    ("escaped defects", ""),
    ("time to hire", "days"),
    ("gross margin", "%"),
    ("support tickets per customer", ""),
    ("self-serve share of revenue", "%"),
    ("infrastructure cost per customer", "$"),
    ("employee engagement score", ""),
]
UP = ["Increase", "Grow", "Raise", "Lift", "Improve", "Boost"]
DOWN = ["Reduce", "Cut", "Lower", "Decrease", "Shrink", "Bring down"]
HOLD = ["Maintain", "Keep", "Sustain", "Hold"]
OBJECTIVES = [
    "Make onboarding effortless for {who}",
    "Win the mid-market segment in {where}",
    "Turn {who} into advocates",
    "Build a support experience {who} rave about",
    "Ship faster without breaking things",
    "Make our pricing easy to say yes to",
    "Grow the business in {where}",
    "Make every release boring",
    "Hit our sales targets",
    "Run a reliable platform",
    "Become the default tool for {who}",
    "Keep customers happy",
]
WHO = ["new teams", "enterprise buyers", "admins", "developers", "finance leads", "students"]
WHERE = ["Germany", "the Nordics", "Spain", "France", "the US", "APAC", "LATAM"]
TASKS = [
    "Launch the new {thing}",
    "Run {n} customer workshops",
    "Hire {n} engineers",
    "Publish {n} case studies",
    "Migrate the {thing} to the new platform",
]
THINGS = ["pricing page", "billing system", "help centre", "mobile app", "onboarding flow"]


def amount(unit: str, value: float) -> str:
    if unit == "%":
        return f"{value:.1f}%"
    if unit in ("£", "$"):
        return f"{unit}{int(value)}k"
    if unit:
        return f"{int(value)} {unit}"
    return str(int(value))


def key_result(rng: random.Random) -> str | dict[str, object]:
    metric, unit = rng.choice(METRICS)
    base = rng.uniform(10, 90)
    kind = rng.random()
    if kind < 0.45:
        verb = rng.choice(UP)
        return f"{verb} {metric} from {amount(unit, base)} to {amount(unit, base * 1.3)}"
    if kind < 0.6:
        verb = rng.choice(DOWN)
        return f"{verb} {metric} from {amount(unit, base)} to {amount(unit, base * 0.7)}"
    if kind < 0.72:
        return f"{rng.choice(HOLD)} {metric} above {amount(unit, base)}"
    if kind < 0.8:
        return f"{rng.choice(UP)} {metric} to {amount(unit, base)}"
    if kind < 0.87:
        task = rng.choice(TASKS)
        return task.format(thing=rng.choice(THINGS), n=rng.randint(2, 9))
    target = round(base * 0.8, 1)
    return {
        "title": f"{rng.choice(DOWN)} {metric}",
        "from": round(base, 1),
        "to": target,
        "unit": unit or "count",
        "owner": rng.choice(["dana", "lee", "maya", "sam"]),
    }


def board_text(rng: random.Random, team: str, cycle: str, objectives: int | None = None) -> str:
    """One board; ``objectives`` gives their number (by default three to five)."""
    lines = [f"board: {team}", f"cycle: {cycle}", f"owner: {team.lower()}", "kpis:"]
    for k in range(rng.randint(2, 4)):
        metric, unit = rng.choice(METRICS)
        lines += [
            f"  - id: kpi{k}",
            f"    name: {metric.capitalize()}",
            f"    owner: {rng.choice(['ops', 'finance', 'growth'])}",
            f'    unit: "{unit or "count"}"',
            f'    threshold: ">= {rng.randint(10, 90)}"',
            f"    current: {rng.randint(5, 95)}",
        ]
    lines.append("objectives:")
    count = rng.choice([3, 4, 4, 5]) if objectives is None else objectives
    for o in range(count):
        title = rng.choice(OBJECTIVES).format(who=rng.choice(WHO), where=rng.choice(WHERE))
        lines += [
            f"  - id: O{o + 1}",
            f"    title: {title}",
            f"    owner: {team.lower()}",
            "    key_results:",
        ]
        for _ in range(rng.randint(2, 4)):
            kr = key_result(rng)
            if isinstance(kr, str):
                lines.append(f'      - "{kr}"')
            else:
                lines.append(f'      - title: "{kr["title"]}"')
                lines += [
                    f"        {k}: {v!r}" if isinstance(v, str) else f"        {k}: {v}"
                    for k, v in kr.items()
                    if k != "title"
                ]
    return "\n".join(lines) + "\n"


def generate(out: Path, boards: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    cycles = [f"{year}-Q{q}" for year in range(2020, 2100) for q in range(1, 5)]
    teams_count = max(1, boards // 20)
    teams = [f"Team{t:04d}" for t in range(teams_count)]
    written: list[Path] = []
    for n in range(boards):
        team = teams[n % teams_count]
        cycle = cycles[n // teams_count]
        path = out / "goals" / cycle / f"{team.lower()}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(board_text(rng, team, cycle), encoding="utf-8")
        written.append(path)
    return written


def large_board(out: Path, objectives: int, seed: int = 7) -> Path:
    """One board of ``objectives`` objectives (2,400: about 650 KB; 18,000: about 4.9 MB,
    under the default 5 MiB file-size limit), written to ``out/large.yaml``."""
    rng = random.Random(seed)
    path = out / "large.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(board_text(rng, "Large", "2026-Q3", objectives), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--boards", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--large", type=int, default=0, metavar="OBJECTIVES", help="one board this large instead"
    )
    args = parser.parse_args()
    if args.large:
        path = large_board(args.out, args.large, args.seed)
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
        return
    paths = generate(args.out, args.boards, args.seed)
    print(f"wrote {len(paths)} boards under {args.out}")


if __name__ == "__main__":
    main()
