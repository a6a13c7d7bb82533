"""The health report as one self-contained HTML file.

No network: styles and the table-sorting script are inline, the charts are inline
SVG, and a Content-Security-Policy forbids fetching anything. Every text from a
board is escaped.
"""

from __future__ import annotations

from html import escape as _escape

from okrlint.health import (
    CycleHealth,
    Health,
    TeamHealth,
    Unreadable,
    count,
    headline,
    percent,
    rows,
    safe_link,
)
from okrlint.reporters import visible


def escape(text: str, quote: bool = True) -> str:
    """Board text made inert in HTML, control characters shown as symbols."""
    return _escape(visible(text), quote)


_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff;
  --good: #1a7f37; --fair: #bf8700; --poor: #cf222e; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px; color: var(--ink);
  background: var(--bg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; border-bottom: 1px solid var(--line);
  padding-bottom: 4px; }
.headline { color: var(--muted); margin: 0 0 16px; }
.teams { display: flex; flex-wrap: wrap; gap: 16px; }
.team { margin: 0; padding: 12px 16px; background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; }
.team figcaption { font-weight: 600; margin-bottom: 4px; }
.trend { font-weight: 400; font-size: 12px; margin-left: 8px; padding: 1px 6px;
  border-radius: 10px; border: 1px solid var(--line); color: var(--muted); }
.trend.improving { color: var(--good); border-color: var(--good); }
.trend.worsening { color: var(--poor); border-color: var(--poor); }
svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
svg .axis { stroke: var(--line); }
svg .tick { fill: var(--muted); }
.bar .track { fill: var(--panel); stroke: var(--line); }
.bar.good .level { fill: var(--good); } .bar.fair .level { fill: var(--fair); }
.bar.poor .level { fill: var(--poor); } .bar.none .level { fill: var(--line); }
.made { color: var(--muted); margin: 0 0 16px; font-size: 12px; }
td.good, .key.good { background: #dafbe1; } td.fair, .key.fair { background: #fff8c5; }
td.poor, .key.poor { background: #ffebe9; } td.none, .key.none { background: var(--panel); }
tr.failed td { background: #ffebe9; }
.scroll { overflow-x: auto; }
.failure { white-space: normal; font-size: 12px; margin-top: 2px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 8px; font-size: 12px; }
.key { padding: 1px 8px; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 6px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th button { all: inherit; cursor: pointer; padding: 0; }
th button::after { content: " \\2195"; color: var(--muted); font-size: 11px; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.sev { font-size: 12px; font-weight: 600; }
.sev.error { color: var(--poor); } .sev.warning { color: var(--fair); }
.sev.info { color: var(--muted); }
#cells td:nth-child(-n+2), #worst code, #worst a { white-space: nowrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
"""

# Sort a table by the clicked column: numbers by value (empty last), text by locale.
_JS = """
"use strict";
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, index) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = th.dataset.type === "number";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].dataset.value, y = b.cells[index].dataset.value;
        var order;
        if (numeric) {
          var fx = x === "" ? Infinity : parseFloat(x), fy = y === "" ? Infinity : parseFloat(y);
          order = fx === fy ? 0 : (fx < fy ? -1 : 1);
        } else {
          order = x.localeCompare(y);
        }
        if (!ascending) { order = -order; }
        // ties keep the report's own order (team, then cycle in time)
        return order || (a.dataset.index - b.dataset.index);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

# chart geometry (SVG user units)
_BAR, _GAP, _LEFT, _TOP, _PLOT, _BOTTOM = 44, 16, 40, 18, 120, 36


def render(health: Health) -> str:
    title = escape(health.title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{title}</h1>",
        f'<p class="headline">{escape(headline(health))}</p>',
        _made(health),
        "</header>",
    ]
    if health.teams:
        parts.append("<h2>Share of key results that are KPIs in disguise</h2>")
        parts.append('<section class="teams">')
        parts += [_chart(team) for team in health.teams]
        parts.append("</section>")
        parts.append("<h2>Per team and cycle</h2>")
        parts.append(_LEGEND)
        parts.append(_table(health))
    else:
        parts.append("<p>No boards were read.</p>")
    if health.worst or health.boards:  # with no board read, there is nothing to praise
        parts.append(_worst(health))
    if health.unreadable:
        parts.append(_unreadable(health))
    parts += [
        "<footer>Made by okrlint report. Disguised KPIs: key results flagged kpi-in-disguise "
        "(guard-rails excluded), no-change or target-already-met. Suppressed: findings "
        "silenced by inline okrlint: disable comments, counted in no other column. "
        "–: nothing counted (no board of the cycle loaded). Click a column to sort.</footer>",
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _made(health: Health) -> str:
    """When the report was made, and of which commit."""
    when = escape(health.generated_at)
    text = f'<p class="made">Generated <time datetime="{when}">{when}</time>'
    if health.commit:
        text += f" from commit <code>{escape(health.commit)}</code>"
    return text + "</p>"


# The colours of the table's cells, each said in words too (the cells keep their text).
_LEGEND = (
    '<p class="legend">'
    '<span class="key good">Share under 20%: a board of bets</span>'
    '<span class="key fair">Share 20% to 49%, or a problem counted</span>'
    '<span class="key poor">Share 50% or more, or a board that failed to load</span>'
    '<span class="key none">No key results</span>'
    "</p>"
)


def _grade(share: float | None) -> str:
    if share is None:
        return "none"
    if share < 0.2:
        return "good"
    return "fair" if share < 0.5 else "poor"


def _chart(team: TeamHealth) -> str:
    n = len(team.cycles)
    width = _LEFT + n * (_BAR + _GAP) + _GAP
    height = _TOP + _PLOT + _BOTTOM
    base = _TOP + _PLOT
    label = escape(f"{team.team}: share of disguised KPIs per cycle", quote=True)
    out = [
        f'<figure class="team" data-team="{escape(team.team, quote=True)}">',
        f"<figcaption>{escape(team.team)}"
        f'<span class="trend {escape(team.trend.replace(" ", "-"), quote=True)}">'
        f"{escape(team.trend)}</span></figcaption>",
        f'<svg class="chart" role="img" aria-label="{label}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{label}</title>",
    ]
    for tick in (0, 50, 100):
        y = base - _PLOT * tick / 100
        out.append(
            f'<line class="axis" x1="{_LEFT - 4}" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{_LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{tick}%</text>'
        )
    for i, c in enumerate(team.cycles):
        out.append(_bar(c, _LEFT + _GAP + i * (_BAR + _GAP), base))
    out += ["</svg>", "</figure>"]
    return "\n".join(out)


def _bar(c: CycleHealth, x: float, base: float) -> str:
    share = c.share
    h = _PLOT * (share or 0.0)
    shown = percent(share)
    said = f"{c.disguised} of {c.key_results} key results hold a level ({shown})"
    if not c.boards:
        said = "no board of this cycle loaded"
    tip = escape(f"{c.cycle}: {said}", quote=True)
    cycle = escape(c.cycle, quote=True)
    short = escape(c.cycle if len(c.cycle) <= 10 else c.cycle[:9] + "…")
    return (
        f'<g class="bar {_grade(share)}" data-cycle="{cycle}" '
        f'data-share="{"" if share is None else f"{share:.4f}"}">'
        f"<title>{tip}</title>"
        f'<rect class="track" x="{x}" y="{_TOP}" width="{_BAR}" height="{_PLOT}" rx="2"/>'
        f'<rect class="level" x="{x}" y="{base - h:.1f}" width="{_BAR}" height="{h:.1f}" rx="2"/>'
        f'<text x="{x + _BAR / 2}" y="{base - h - 4:.1f}" text-anchor="middle">{shown}</text>'
        f'<text x="{x + _BAR / 2}" y="{base + 16}" text-anchor="middle">{short}</text>'
        "</g>"
    )


_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Team", "text"),
    ("Cycle", "text"),
    ("Boards", "number"),
    ("Key results", "number"),
    ("Disguised KPIs", "number"),
    ("Share", "number"),
    ("No baseline", "number"),
    ("Evergreen", "number"),
    ("Over focus limits", "number"),
    ("Red KPIs without OKR", "number"),
    ("Stretch bets", "number"),
    ("Progress", "number"),
    ("Suppressed", "number"),
)


def _table(health: Health) -> str:
    head = "".join(
        f'<th scope="col" data-type="{kind}"{" class=n" if kind == "number" else ""}>'
        f'<button type="button">{escape(name)}</button></th>'
        for name, kind in _COLUMNS
    )
    body = []
    for index, (team, c) in enumerate(rows(health)):
        # a cycle sorts by its start date, so quarters sort in time order
        cycle_key = escape(f"{c.start or '9999'} {c.cycle}", quote=True)
        share = "" if c.share is None else f"{c.share:.4f}"
        progress = "" if c.progress is None else f"{c.progress:.4f}"
        failed = "".join(_failure(u, health.unreadable) for u in c.failed)
        row_class = ' class="failed"' if c.failed and not c.boards else ""
        body.append(
            f'<tr data-index="{index}"{row_class}>'
            f'<td data-value="{escape(team.team.casefold(), quote=True)}">{escape(team.team)}</td>'
            f'<td data-value="{cycle_key}">{escape(c.cycle)}{failed}</td>'
            + _number(c.boards, str(c.boards))
            + _count(c, c.key_results)
            + _count(c, c.disguised)
            + _number(share, percent(c.share), _grade(c.share) if c.boards else "")
            + "".join(
                _count(c, v, problem=True)
                for v in (c.no_baseline, c.evergreen, c.boards_over_focus, c.red_kpis)
            )
            + _count(c, c.stretch)
            + _number(progress, percent(c.progress))
            + _number(c.suppressed, str(c.suppressed))
            + "</tr>"
        )
    return (
        f'<div class="scroll"><table class="sortable" id="cells"><thead><tr>{head}</tr></thead>'
        f"<tbody>\n{chr(10).join(body)}\n</tbody></table></div>"
    )


def _failure(u: Unreadable, listed: list[Unreadable]) -> str:
    """A board that failed to load, under its cycle in its row: where and what kind of
    error, linked to its message in the table of files that could not be read (and as a
    tooltip)."""
    where = f"{escape(u.path)}:{u.line}:{u.column}"
    if u in listed:
        where = f'<a href="#unreadable-{listed.index(u) + 1}">{where}</a>'
    title = escape(u.message, quote=True)
    return f'<div class="failure" title="{title}">failed to load: {where} {escape(u.kind)}</div>'


def _number(value: object, text: str, grade: str = "") -> str:
    kind = f"n {grade}" if grade else "n"
    return f'<td class="{kind}" data-value="{value}">{escape(text)}</td>'


def _count(c: CycleHealth, value: int, *, problem: bool = False) -> str:
    """A count; "–" (sorted last) where no board of the cycle loaded; a problem counted
    is tinted."""
    if not c.boards:
        return _number("", count(c, value))
    return _number(value, str(value), "fair" if problem and value else "")


def _worst(health: Health) -> str:
    if not health.worst:
        return "<h2>Findings</h2><p>None: every board reads as a set of bets.</p>"
    out = [
        f"<h2>The {len(health.worst)} worst findings</h2>",
        '<table id="worst"><thead><tr><th class="n">#</th><th>Severity</th><th>Rule</th>'
        "<th>Where</th><th>Message</th></tr></thead><tbody>",
    ]
    for n, w in enumerate(health.worst, 1):
        f = w.finding
        href = escape(safe_link(w.link), quote=True)
        out.append(
            f'<tr><td class="n">{n}</td>'
            f'<td><span class="sev {f.severity.value}">{f.severity.value}</span></td>'
            f"<td><code>{escape(f.rule)}</code></td>"
            f'<td><a href="{href}">{escape(w.path)}:{f.line}</a></td>'
            f"<td>{escape(f.message)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _unreadable(health: Health) -> str:
    out = [
        "<h2>Files that could not be read</h2>",
        "<table><thead><tr><th>File</th><th>Error</th><th>Message</th></tr></thead><tbody>",
    ]
    for n, u in enumerate(health.unreadable, 1):
        out.append(
            f'<tr id="unreadable-{n}"><td>{escape(u.path)}:{u.line}:{u.column}</td>'
            f"<td>{escape(u.kind)}</td>"
            f"<td>{escape(u.message)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)
