"""The health report as JSON: the same numbers, for dashboards and scripts."""

from __future__ import annotations

import json
from typing import Any

from okrlint.health import CycleHealth, Health, Unreadable


def _cycle(c: CycleHealth) -> dict[str, Any]:
    return {
        "cycle": c.cycle,
        "start": c.start,
        "boards": c.boards,
        "key_results": c.key_results,
        "disguised_kpis": c.disguised,
        "disguised_share": None if c.share is None else round(c.share, 4),
        "no_baseline": c.no_baseline,
        "evergreen": c.evergreen,
        "boards_over_focus_limits": c.boards_over_focus,
        "red_kpis_without_okr": c.red_kpis,
        "stretch_bets": c.stretch,
        "progress": None if c.progress is None else round(c.progress, 4),
        "findings": {"error": c.errors, "warning": c.warnings, "info": c.infos},
        "suppressed": c.suppressed,
        "failed": [_unreadable(u) for u in c.failed],
    }


def _unreadable(u: Unreadable) -> dict[str, Any]:
    return {
        "file": u.path,
        "kind": u.kind,
        "line": u.line,
        "column": u.column,
        "message": u.message,
    }


def to_dict(health: Health) -> dict[str, Any]:
    total = _cycle(health.total)
    del total["cycle"], total["start"], total["failed"]
    total["boards_failed"] = len(health.total.failed)
    return {
        "version": 1,
        "title": health.title,
        "generated_at": health.generated_at,
        "commit": health.commit,
        "totals": {"teams": len(health.teams), "cycles": health.cycles, **total},
        "teams": [
            {
                "team": t.team,
                "trend": t.trend,
                "cycles": [_cycle(c) for c in t.cycles],
            }
            for t in health.teams
        ],
        "worst": [
            {
                "rule": w.finding.rule,
                "severity": w.finding.severity.value,
                "message": w.finding.message,
                "file": w.path,
                "line": w.finding.line,
                "column": w.finding.column,
                "node": w.finding.node,
                "link": w.link,
            }
            for w in health.worst
        ],
        "unreadable": [_unreadable(u) for u in health.unreadable],
    }


def render(health: Health) -> str:
    return json.dumps(to_dict(health), indent=2, ensure_ascii=False) + "\n"
