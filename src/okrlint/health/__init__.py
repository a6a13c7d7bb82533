"""The health of a goals repository: a run's findings tallied per team and cycle.

``build_health`` turns a :class:`~okrlint.findings.LintResult` into a :class:`Health`
(plain data); the renderers (:mod:`.markdown`, :mod:`.json_health`, :mod:`.html`)
only format it. Nothing here finds anything: the numbers are the findings of the
rules, counted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from okrlint.checks import LEVEL_RULE_IDS
from okrlint.findings import BoardFacts, Finding, LintResult, Severity
from okrlint.repository import relative_uri

#: Boards over the focus limits.
FOCUS_RULES = frozenset({"too-many-objectives", "too-many-key-results"})
#: "Worst" orders findings by severity, then by how directly the rule names the
#: failure the tool exists for (lower first), then by place.
RULE_WEIGHT: Mapping[str, int] = {
    "internal-error": 0,
    "kpi-in-disguise": 1,
    "no-change": 1,
    "board-mostly-kpis": 2,
    "business-as-usual-objective": 2,
    "evergreen-key-result": 3,
    "red-kpi-without-okr": 3,
    "no-baseline": 4,
    "not-measurable": 4,
    "target-already-met": 4,
    "too-many-objectives": 5,
    "too-many-key-results": 5,
}
OTHER_WEIGHT = 9
WORST = 10
NO_CYCLE = "no cycle"
#: The cycle of a board that failed to load and names none in its text or path.
UNKNOWN_CYCLE = "cycle unknown"


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file that could not be read, or a board that failed to load: its first error."""

    path: str
    kind: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column} {self.kind}: {self.message}"


@dataclass(slots=True)
class CycleHealth:
    """One team in one cycle (all of its boards of that cycle together)."""

    cycle: str
    start: str | None = None
    boards: int = 0
    key_results: int = 0
    disguised: int = 0  # key results that hold a level (or have already arrived)
    no_baseline: int = 0
    evergreen: int = 0
    boards_over_focus: int = 0
    red_kpis: int = 0  # KPIs outside their threshold that no key result targets
    stretch: int = 0  # stretch bets (tracker field stretch: true)
    progress_sum: float = 0.0  # progress reported by the boards (tracker field progress)
    progress_count: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    suppressed: int = 0  # findings silenced by inline suppressions (not counted above)
    failed: list[Unreadable] = field(default_factory=list)  # boards that failed to load

    @property
    def progress(self) -> float | None:
        """The mean progress the boards report; None when none reports any."""
        return self.progress_sum / self.progress_count if self.progress_count else None

    @property
    def share(self) -> float | None:
        """Disguised KPIs over key results; None for a cycle without key results."""
        return self.disguised / self.key_results if self.key_results else None


@dataclass(slots=True)
class TeamHealth:
    team: str
    cycles: list[CycleHealth] = field(default_factory=list)

    @property
    def shares(self) -> list[float | None]:
        return [c.share for c in self.cycles]

    @property
    def trend(self) -> str:
        """improving, worsening or steady (first to last measured cycle); "one cycle";
        "no board loaded" when every board of the team failed to load."""
        measured = [s for s in self.shares if s is not None]
        if not any(c.boards for c in self.cycles):
            return "no board loaded"
        if len(measured) < 2:
            return "one cycle" if measured else "no key results"
        first, last = round(measured[0], 4), round(measured[-1], 4)
        if last < first:
            return "improving"
        if last > first:
            return "worsening"
        return "steady"


@dataclass(frozen=True, slots=True)
class WorstFinding:
    finding: Finding
    path: str  # repository-relative
    link: str


@dataclass(slots=True)
class Health:
    """What ``okrlint report`` shows."""

    title: str
    teams: list[TeamHealth]
    worst: list[WorstFinding]
    unreadable: list[Unreadable]
    total: CycleHealth  # every board together (its ``cycle`` is "all")
    cycles: int  # distinct cycles across teams (boards without a cycle not counted)
    generated_at: str = ""  # UTC, ISO 8601 ("2026-07-01T09:30:00Z")
    commit: str | None = None  # the goals repository's commit (short hash), if in git

    @property
    def boards(self) -> int:
        return self.total.boards


def build_health(
    result: LintResult,
    *,
    title: str = "Goals health",
    link_base: str | None = None,
    link_from: str | None = None,
    worst: int = WORST,
    generated_at: dt.datetime | None = None,
    commit: str | None = None,
) -> Health:
    """Tally ``result`` per team and cycle.

    A board that failed to load is shown in its team's cycle with its error (the
    cycle its text or path names); findings silenced by inline suppressions are
    counted apart. ``generated_at`` (default: now) and ``commit`` say what the report
    was made of and when.

    Links to findings are ``link_base`` + the repository-relative path + ``#L<line>``
    when a base is given (e.g. a forge's blob URL); otherwise paths relative to the
    folder ``link_from`` (where the report is written), else to the repository root.
    """
    root = Path(result.root) if result.root else None

    def where(file: str) -> str:
        return relative_uri(file, root)

    def link(file: str, line: int) -> str:
        if link_base:
            return f"{link_base.rstrip('/')}/{where(file)}#L{line}"
        if link_from is not None:
            target = os.path.relpath(os.path.abspath(file), os.path.abspath(link_from))
            return f"{Path(target).as_posix()}#L{line}"
        return f"{where(file)}#L{line}"

    facts: dict[str, BoardFacts] = {
        f.file: f.board for f in result.files if f.board is not None and f.board.loaded
    }
    cells: dict[tuple[str, str], CycleHealth] = {}
    total = CycleHealth("all")

    def cell_of(board: BoardFacts) -> CycleHealth:
        cycle = board.cycle or (NO_CYCLE if board.loaded else UNKNOWN_CYCLE)
        key = (board.team, cycle)
        if key not in cells:
            cells[key] = CycleHealth(cycle, board.cycle_start)
        return cells[key]

    for facts_of_board in facts.values():
        for cell in (cell_of(facts_of_board), total):
            cell.boards += 1
            cell.key_results += facts_of_board.key_results
            cell.stretch += facts_of_board.stretch
            cell.progress_sum += facts_of_board.progress_sum
            cell.progress_count += facts_of_board.progress_count
    for failed in result.files:
        if failed.board is not None and not failed.board.loaded and failed.errors:
            e = failed.errors[0]
            gone = Unreadable(where(e.file), e.kind.value, e.line, e.column, e.message)
            cell_of(failed.board).failed.append(gone)
            total.failed.append(gone)
    seen: set[tuple[int, str, str, str]] = set()  # (cell, what, file, node) counted once
    for finding in result.findings:
        board = facts.get(finding.file)
        targets = [total] if board is None else [cell_of(board), total]
        for cell in targets:
            _count(cell, finding, seen)
    for finding in result.suppressed:
        board = facts.get(finding.file)
        for cell in [total] if board is None else [cell_of(board), total]:
            cell.suppressed += 1
    teams: dict[str, TeamHealth] = {}
    for (team, _cycle), cell in sorted(cells.items(), key=lambda kv: _order(kv[0][0], kv[1])):
        teams.setdefault(team, TeamHealth(team)).cycles.append(cell)
    ranked = sorted(result.findings, key=_badness)[:worst]
    unreadable = [
        Unreadable(where(e.file), e.kind.value, e.line, e.column, e.message)
        for f in result.files
        for e in f.errors[:1]
    ]
    distinct = {
        c.cycle
        for t in teams.values()
        for c in t.cycles
        if c.cycle not in (NO_CYCLE, UNKNOWN_CYCLE)
    }
    when = generated_at or dt.datetime.now(dt.UTC)
    return Health(
        title=title,
        teams=list(teams.values()),
        worst=[WorstFinding(f, where(f.file), link(f.file, f.line)) for f in ranked],
        unreadable=unreadable,
        total=total,
        cycles=len(distinct),
        generated_at=iso_utc(when),
        commit=commit,
    )


def iso_utc(when: dt.datetime) -> str:
    """``when`` in UTC to the second, ISO 8601 with a Z: "2026-07-01T09:30:00Z"."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def report_time(environ: Mapping[str, str]) -> dt.datetime:
    """When the report is made: ``SOURCE_DATE_EPOCH`` (seconds since 1970, the
    reproducible-builds convention) when set, else now. ValueError when it is set to
    anything but a whole number of seconds."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC)
    if not epoch.isdigit():
        raise ValueError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (got {epoch!r})"
        )
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"SOURCE_DATE_EPOCH is out of range (got {epoch!r})") from None


def made_from(health: Health) -> str:
    """When the report was made and of which commit, in words."""
    text = f"Generated {health.generated_at}"
    if health.commit:
        text += f" from commit {health.commit}"
    return text


def count(cell: CycleHealth, value: int) -> str:
    """A cell's count as shown: "–" where no board of the cell loaded (nothing was
    counted, which is not zero)."""
    return str(value) if cell.boards else "–"


def _once(seen: set[tuple[int, str, str, str]], key: tuple[int, str, str, str]) -> bool:
    if key in seen:
        return False
    seen.add(key)
    return True


def _count(cell: CycleHealth, finding: Finding, seen: set[tuple[int, str, str, str]]) -> None:
    rule = finding.rule
    if finding.severity is Severity.ERROR:
        cell.errors += 1
    elif finding.severity is Severity.WARNING:
        cell.warnings += 1
    else:
        cell.infos += 1
    if rule in LEVEL_RULE_IDS and finding.variant != "guard-rail":
        # one key result counts once, whichever of the rules judged it
        if _once(seen, (id(cell), "disguised", finding.file, finding.node)):
            cell.disguised += 1
    elif rule == "no-baseline":
        cell.no_baseline += 1
    elif rule == "evergreen-key-result":
        cell.evergreen += 1
    elif rule == "red-kpi-without-okr":
        cell.red_kpis += 1
    elif rule in FOCUS_RULES and _once(seen, (id(cell), "focus", finding.file, "")):
        cell.boards_over_focus += 1


def _order(team: str, cell: CycleHealth) -> tuple[str, int, str, str]:
    """Teams by name; a team's cycles by start date, unreadable ones and none last."""
    if cell.cycle == NO_CYCLE:
        return (team.casefold(), 2, "", "")
    if cell.cycle == UNKNOWN_CYCLE:
        return (team.casefold(), 3, "", "")
    return (team.casefold(), 0 if cell.start else 1, cell.start or "", cell.cycle)


def _badness(finding: Finding) -> tuple[int, int, str, int, int, str]:
    return (
        -finding.severity.rank,
        RULE_WEIGHT.get(finding.rule, OTHER_WEIGHT),
        finding.file,
        finding.line,
        finding.column,
        finding.rule,
    )


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def safe_link(link: str) -> str:
    """A link that cannot run script: a relative path that looks like a URL scheme
    (a file named ``javascript:x.yaml``) is made explicitly relative."""
    match = _SCHEME.match(link)
    if match and match.group(0).lower() not in ("http:", "https:"):
        return "./" + link
    return link


def percent(share: float | None) -> str:
    """0.3333 → "33%"; None → "–"."""
    return "–" if share is None else f"{share * 100:.0f}%"


def headline(health: Health) -> str:
    """One line: teams, boards, cycles, key results and the disguised share."""
    t = health.total
    parts = [
        _plural(len(health.teams), "team"),
        _plural(t.boards, "board"),
        _plural(health.cycles, "cycle"),
        _plural(t.key_results, "key result"),
        f"{_plural(t.disguised, 'disguised KPI')} ({percent(t.share)})",
    ]
    if t.suppressed:
        parts.append(f"{_plural(t.suppressed, 'finding')} suppressed inline")
    if health.unreadable:
        parts.append(f"{_plural(len(health.unreadable), 'unreadable file')}")
    return " · ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def rows(health: Health) -> Iterable[tuple[TeamHealth, CycleHealth]]:
    for team in health.teams:
        for cell in team.cycles:
            yield team, cell


#: The report formats and the module that renders each (imported only when used).
REPORT_FORMATS: Mapping[str, str] = {
    "markdown": "okrlint.health.markdown",
    "json": "okrlint.health.json_health",
    "html": "okrlint.health.html",
}


def render_health(health: Health, fmt: str = "markdown") -> str:
    """``health`` as text in one of :data:`REPORT_FORMATS`."""
    import importlib

    module = importlib.import_module(REPORT_FORMATS[fmt])
    text: str = module.render(health)
    return text


def forge_link_base(environ: Mapping[str, str]) -> str | None:
    """Under GitHub Actions, links go to the files at the commit being built."""
    server = environ.get("GITHUB_SERVER_URL")
    repository = environ.get("GITHUB_REPOSITORY")
    sha = environ.get("GITHUB_SHA")
    if server and repository and sha:
        return f"{server.rstrip('/')}/{repository}/blob/{sha}"
    return None
