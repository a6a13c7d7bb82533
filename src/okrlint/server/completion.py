"""Completion: KPI ids after ``kpi:`` (and ``metric:``), cycles after ``cycle:``, and
rule ids in suppression comments.

It works on the line being typed, so a half-typed board (no YAML yet) still gets it:
the KPI ids are found in the text (the ``kpis:`` block) rather than in a parsed board.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from okrlint.checks import META_RULES, RULE_IDS
from okrlint.config import Config
from okrlint.cycles import FiscalYear, find_cycle, parse_cycle_text
from okrlint.server.session import Linted
from okrlint.server.values import Completion, CompletionKind, Place, Range, TextEdit

_RULES = re.compile(
    r"(?:#|<!--)\s*okrlint:\s*(?:disable-next-line|disable-file|disable)\s*=\s*"
    r"(?:[A-Za-z0-9_-]+\s*,\s*)*(?P<word>[A-Za-z0-9_-]*)$"
)
_DIRECTIVE = re.compile(r"(?:#|<!--)\s*okrlint:\s*(?P<word>[a-z-]*)$")
_KPI = re.compile(r"(?:^|[\s{,])(?:kpi|metric):\s*[\"']?(?P<word>[\w.-]*)$")
_CYCLE = re.compile(r"^cycle:\s*[\"']?(?P<word>[\w /-]*)$")

_KPIS_BLOCK = re.compile(r"^kpis:(?P<block>[^\n]*(?:\n(?:[ \t#\-].*|[ \t]*))*)", re.MULTILINE)
_ITEM = re.compile(r"(?m)^[ \t]*-[ \t]+|\{")
_ID = re.compile(r"(?:^|[\s{,])id:[ \t]*[\"']?(?P<value>[^\s\"',}#\]]+)")
_NAME = re.compile(r"(?:^|[\s{,])name:[ \t]*[\"']?(?P<value>[^\"'\n,}#\]]+)")

DIRECTIVES = (
    ("disable=", "silence rules on this line"),
    ("disable-next-line=", "silence rules on the next line"),
    ("disable-file=", "silence rules in the whole file"),
)


def completions(linted: Linted, place: Place, today: dt.date | None = None) -> list[Completion]:
    """What may be typed at ``place``: rule ids, directives, KPI ids or cycles."""
    index = linted.index
    line = index.line_text(place.line)
    prefix = line[: index.column_at(place)]
    config = linted.config or Config()

    def edit(word_start: int, text: str) -> TextEdit:
        start = Place(place.line, index.encoding.units(prefix[:word_start]))
        return TextEdit(Range(start, place), text)

    found = _RULES.search(prefix)
    if found is not None:
        at = found.start("word")
        return _rule_items(config, lambda text: edit(at, text))
    found = _DIRECTIVE.search(prefix)
    if found is not None:
        return [
            Completion(
                name,
                CompletionKind.KEYWORD,
                detail,
                edit=edit(found.start("word"), name),
                sort=f"{n:02d}",
            )
            for n, (name, detail) in enumerate(DIRECTIVES)
        ]
    found = _KPI.search(prefix)
    if found is not None:
        start = found.start("word")
        return [
            Completion(
                kpi_id, CompletionKind.REFERENCE, name, edit=edit(start, kpi_id), sort=f"{n:03d}"
            )
            for n, (kpi_id, name) in enumerate(kpi_ids(index.text))
        ]
    found = _CYCLE.search(prefix)
    if found is not None:
        start = found.start("word")
        choices = cycle_choices(today or dt.date.today(), config.fiscal_year, linted.path)
        return [
            Completion(
                label, CompletionKind.VALUE, detail, edit=edit(start, label), sort=f"{n:02d}"
            )
            for n, (label, detail) in enumerate(choices)
        ]
    return []


def _rule_items(config: Config, make: Callable[[str], TextEdit]) -> list[Completion]:
    from okrlint.catalog import load_rule_doc

    items: list[Completion] = []
    for n, rule in enumerate((*RULE_IDS, *META_RULES)):
        doc = load_rule_doc(rule)
        items.append(
            Completion(
                rule,
                CompletionKind.CONSTANT,
                f"{doc.severity.value}: {doc.summary}",
                edit=make(rule),
                sort=f"{n:03d}",
            )
        )
    for n, house in enumerate(config.custom_rules, start=len(items)):
        items.append(
            Completion(
                house.id,
                CompletionKind.CONSTANT,
                f"{house.severity.value}: {house.message} (house rule)",
                edit=make(house.id),
                sort=f"{n:03d}",
            )
        )
    return items


def kpi_ids(text: str) -> list[tuple[str, str]]:
    """The (id, name) of each KPI with an id, found in a board's text (YAML: the
    top-level ``kpis:`` list, block or flow style), even when the rest does not parse."""
    found = _KPIS_BLOCK.search(text)
    if found is None:
        return []
    block = found.group("block")
    out: dict[str, str] = {}
    for item in _ITEM.split(block):
        kpi_id = _ID.search(item)
        if kpi_id is None:
            continue
        name = _NAME.search(item)
        out.setdefault(kpi_id.group("value"), name.group("value").strip() if name else "")
    return list(out.items())


def cycle_choices(today: dt.date, fiscal: FiscalYear, path: Path) -> list[tuple[str, str]]:
    """Cycles to offer, with their dates: the one the board's path names, then this
    quarter, the next and the last, this half and the next, this year and the next
    (and the fiscal quarters around today, with a fiscal year)."""
    year, quarter, half = today.year, (today.month - 1) // 3 + 1, (today.month - 1) // 6 + 1
    labels: list[str] = []
    named = find_cycle(path.as_posix())
    if named is not None:
        labels.append(named.group())
    nxt = (year + (quarter == 4), quarter % 4 + 1)
    last = (year - (quarter == 1), (quarter - 2) % 4 + 1)
    labels += [f"{y}-Q{q}" for y, q in ((year, quarter), nxt, last)]
    labels += [f"{year}-H{half}", f"{year + (half == 2)}-H{half % 2 + 1}"]
    labels += [str(year), str(year + 1)]
    if fiscal.start_month != 1:
        for fy in (year, year + 1):
            for q in range(1, 5):
                cycle = parse_cycle_text(f"FY{fy}-Q{q}", fiscal)
                near = cycle is not None and cycle.end >= today - dt.timedelta(days=92)
                if near and cycle is not None and cycle.start <= today + dt.timedelta(days=184):
                    labels.append(f"FY{fy}-Q{q}")
    out: list[tuple[str, str]] = []
    for label in dict.fromkeys(labels):
        cycle = parse_cycle_text(label, fiscal)
        if cycle is not None:
            out.append((label, f"{cycle.start.isoformat()} to {cycle.end.isoformat()}"))
    return out
