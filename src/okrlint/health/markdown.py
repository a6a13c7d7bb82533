"""The health report as Markdown: fits a pull-request comment or a CI job summary."""

from __future__ import annotations

import re

from okrlint.health import Health, count, headline, made_from, percent, rows, safe_link

_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
_TREND = {"improving": "▼ improving", "worsening": "▲ worsening", "steady": "= steady"}


def cell(text: str) -> str:
    """Board text made inert in a Markdown table cell: one line, no markup, no HTML."""
    from okrlint.reporters import visible

    flat = " ".join(visible(text.replace("\n", " ")).split())
    return _SPECIAL.sub(r"\\\1", flat).replace("<", "&lt;").replace(">", "&gt;")


def render(health: Health) -> str:
    out = [f"# {cell(health.title)}", "", f"**{headline(health)}**", ""]
    out += [f"{made_from(health)}.", ""]
    if not health.teams:
        out.append("No boards were read.")
    else:
        out += [
            "## Per team and cycle",
            "",
            "| Team | Cycle | Boards | Key results | Disguised KPIs | Share "
            "| No baseline | Evergreen | Over focus limits | Red KPIs without OKR "
            "| Stretch bets | Progress | Suppressed | Failed to load |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
        ]
        for team, c in rows(health):
            counts = (c.key_results, c.disguised)
            others = (c.no_baseline, c.evergreen, c.boards_over_focus, c.red_kpis, c.stretch)
            failed = "; ".join(f"**failed:** {cell(str(u))}" for u in c.failed)
            out.append(
                f"| {cell(team.team)} | {cell(c.cycle)} | {c.boards} | "
                + " | ".join(count(c, n) for n in counts)
                + f" | {percent(c.share)} | "
                + " | ".join(count(c, n) for n in others)
                + f" | {percent(c.progress)} | {c.suppressed} | {failed} |"
            )
        out += [
            "",
            "## Trend: share of key results that are KPIs in disguise",
            "",
            "| Team | Cycles | Share per cycle | Trend |",
            "|---|---|---|---|",
        ]
        for team in health.teams:
            span = cell(team.cycles[0].cycle)
            if len(team.cycles) > 1:
                span += f" → {cell(team.cycles[-1].cycle)}"
            shares = " → ".join(percent(s) for s in team.shares)
            out.append(
                f"| {cell(team.team)} | {span} | {shares} | {_TREND.get(team.trend, team.trend)} |"
            )
    if health.worst:
        out += ["", f"## The {len(health.worst)} worst findings", ""]
        out += ["| # | Severity | Rule | Where | Message |", "|--:|---|---|---|---|"]
        for n, w in enumerate(health.worst, 1):
            f = w.finding
            place = f"[{cell(w.path)}:{f.line}]({_url(w.link)})"
            out.append(f"| {n} | {f.severity.value} | `{f.rule}` | {place} | {cell(f.message)} |")
    elif health.boards:  # with no board read, there is nothing to praise
        out += ["", "## Findings", "", "None: every board reads as a set of bets."]
    if health.unreadable:
        out += ["", "## Files that could not be read", "", "| File | Error | Message |"]
        out.append("|---|---|---|")
        for u in health.unreadable:
            out.append(f"| {cell(u.path)}:{u.line}:{u.column} | {u.kind} | {cell(u.message)} |")
    out += [
        "",
        "<sub>Made by okrlint report. Disguised KPIs: key results flagged "
        "kpi-in-disguise (guard-rails excluded), no-change or target-already-met. "
        "Suppressed: findings silenced by inline okrlint: disable comments, counted in no "
        "other column. –: nothing counted (no board of the cycle loaded).</sub>",
        "",
    ]
    return "\n".join(out)


def _url(link: str) -> str:
    """A link target that cannot break out of its parentheses."""
    return safe_link(link).replace(" ", "%20").replace("(", "%28").replace(")", "%29")
