"""Properties of --fix over every fixable board we have: a fix never creates a defect,
and it keeps the file's own bytes (line endings, byte-order mark, final newline).

The boards are the examples (a goals repository, linted as one) and boards made of the
labelled corpora's dev splits (``tests/corpus/dev``, ``tests/corpus/real/dev``): each
corpus file becomes one board, its key results grouped under objectives, with owners on
some boards and objectives and not on others. The holdout splits are for measuring the
reader only and are not read here.

Findings are compared by what they are about, not where: (file, rule, variant, the kind
of node, the node's own text), so the lines a fix moves do not matter. After a fix the
findings are those before, less the ones fixed, plus only what the board honestly is
after a move: the focus rules on an objective a key result left
(``too-few-key-results``, ``objective-without-key-results``), the board's tally
(``board-mostly-kpis``), and a key result's missing owner carried over to the KPI it
became (``key-result-without-owner`` becomes ``kpi-without-owner`` when nobody on the
board owns anything: the defect was there before, under another name).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from okrlint.api import lint_paths
from okrlint.cli import app
from okrlint.config import Config
from okrlint.findings import Finding, LintResult
from okrlint.fixing import FileFix, apply_fixes, plan_fixes, split_lines
from okrlint.positions import NodePath

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
CORPORA = (HERE / "corpus" / "dev", HERE / "corpus" / "real" / "dev")
#: What a board honestly is after a key result leaves an objective.
FOCUS = frozenset({"too-few-key-results", "objective-without-key-results"})
TALLY = "board-mostly-kpis"
REMOVING = frozenset({"move-to-kpis", "drop", "move-to-initiatives"})

Identity = tuple[str, str, str, tuple[str, ...], str]


# -- the boards ----------------------------------------------------------------------------


def _item(entry: dict[str, Any]) -> Any:
    if any(k in entry for k in ("from", "to", "unit")):
        item = {"title": str(entry["text"])}
        item.update({k: entry[k] for k in ("from", "to", "unit") if k in entry})
        return item
    return str(entry["text"])


def corpus_boards() -> Iterator[tuple[str, str]]:
    """(file name, YAML text): one board per corpus file."""
    for number, path in enumerate(sorted(p for c in CORPORA for p in c.glob("*.yaml"))):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        items = [_item(e) for e in entries if e["kind"] == "key_result"]
        titles = [str(e["text"]) for e in entries if e["kind"] == "objective"]
        objectives = []
        for k in range(0, len(items), 4):
            n = k // 4
            objective: dict[str, Any] = {
                "title": titles[n % len(titles)] if titles else f"Objective {n + 1}"
            }
            if n % 3 == 1:
                objective["owner"] = f"lead-{n}"
            objective["key_results"] = items[k : k + 4]
            objectives.append(objective)
        board: dict[str, Any] = {"board": path.stem, "cycle": "2026-Q3"}
        if number % 2:
            board["owner"] = "team"  # half the boards: only the board has an owner
        board["objectives"] = objectives
        name = f"{path.parent.parent.name}-{path.stem}.yaml"
        yield name, yaml.safe_dump(board, allow_unicode=True, sort_keys=False, width=4096)


CORPUS_BOARDS = list(corpus_boards())
#: The examples as written (comments, blank lines, flow style), each on its own.
EXAMPLE_BOARDS = [
    ("-".join(p.relative_to(EXAMPLES).parts), p.read_text(encoding="utf-8"))
    for p in sorted(EXAMPLES.rglob("*.yaml"))
]


# -- what a finding is about --------------------------------------------------------------


def _node(data: Any, path: NodePath) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _text(node: Any) -> str:
    if isinstance(node, dict):
        return str(node.get("title") or node.get("name") or node.get("id") or "")
    return "" if node is None else str(node)


@dataclass
class Run:
    """A lint result with the boards' text as they were when it was linted."""

    result: LintResult
    boards: dict[str, Any]

    @classmethod
    def of(cls, paths: list[Path]) -> Run:
        result = lint_paths(paths, Config())
        files = {f.file for f in result.findings}
        return cls(result, {f: yaml.safe_load(Path(f).read_text("utf-8")) for f in files})

    def about(self, finding: Finding) -> str:
        return _text(_node(self.boards[finding.file], finding.path))

    def identities(self, findings: Iterable[Finding] | None = None) -> Counter[Identity]:
        """The findings by what they are about (two equal key results count twice)."""
        out: Counter[Identity] = Counter()
        for f in self.result.findings if findings is None else findings:
            kind = tuple(p for p in f.path if isinstance(p, str))
            out[(f.file, f.rule, f.variant or "", kind, self.about(f))] += 1
        return out


def allowed_new(before: Run, plans: Sequence[FileFix]) -> set[Identity]:
    """What may honestly appear after the fixes in ``plans``."""
    allowed: set[Identity] = set()
    ownerless = {
        (f.file, before.about(f))
        for f in before.result.findings
        if f.rule == "key-result-without-owner"
    }
    for plan in plans:
        data = before.boards[plan.file]
        for finding in plan.applied:
            fix = finding.fix
            assert fix is not None
            if fix.action in REMOVING:
                left = _text(_node(data, fix.target[:2]))
                for rule in FOCUS:
                    allowed.add((plan.file, rule, "", ("objectives",), left))
            nobody = not (isinstance(data, dict) and data.get("owner"))
            if (
                fix.action == "move-to-kpis"
                and nobody
                and (plan.file, before.about(finding)) in ownerless
            ):
                name = dict(fix.values)["name"]
                allowed.add((plan.file, "kpi-without-owner", "", ("kpis",), name))
        allowed.add((plan.file, TALLY, "", (), ""))
    return allowed


def assert_no_new_defect(before: Run, after: Run, plans: list[FileFix]) -> None:
    fixed = before.identities(f for p in plans for f in p.applied)
    remaining = before.identities() - fixed
    now = after.identities()
    allowed = allowed_new(before, plans)
    created = {i: n for i, n in (now - remaining).items() if i not in allowed}
    assert not created, f"the fix created: {created}"
    lingering = {i: n for i, n in fixed.items() if now[i] > remaining[i]}
    assert not lingering, f"fixed but still reported: {lingering}"


def fix_files(paths: list[Path], *, unsafe: bool) -> tuple[Run, Run, list[FileFix]]:
    """Lint, fix through the library, lint again: (before, after, the plans)."""
    before = Run.of(paths)
    plans = [p for p in plan_fixes(before.result, unsafe=unsafe) if p.changed]
    for plan in plans:
        Path(plan.file).write_bytes(plan.new.encode("utf-8"))
    return before, Run.of(paths), plans


# -- a fix never creates a defect ----------------------------------------------------------


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fixing_the_examples_creates_no_defect(tmp_path: Path, unsafe: bool) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    before, after, plans = fix_files([tmp_path / "examples"], unsafe=unsafe)
    assert plans and any(p.applied for p in plans)
    assert_no_new_defect(before, after, plans)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fixing_the_corpus_boards_creates_no_defect(tmp_path: Path, unsafe: bool) -> None:
    paths = []
    for name, text in CORPUS_BOARDS:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    before, after, plans = fix_files(paths, unsafe=unsafe)
    assert len(plans) > len(paths) // 3  # many boards have something to fix
    assert_no_new_defect(before, after, plans)


def test_a_board_that_already_has_its_kpis_gets_none_copied(tmp_path: Path) -> None:
    """Each corpus board again, this time with the KPIs its fix made already on it: the
    fix adds no KPI and drops the key results those KPIs watch."""
    boards = []
    for name, text in CORPUS_BOARDS:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        boards.append(path)
    _, _, plans = fix_files(boards, unsafe=False)
    again = []
    for plan in plans:
        kpis = (yaml.safe_load(plan.new) or {}).get("kpis")
        if kpis:
            data = yaml.safe_load(plan.old)
            data = {"kpis": kpis, **data}
            path = Path(plan.file).with_name("again-" + Path(plan.file).name)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096))
            again.append(path)
    assert len(again) > 10
    before, after, replans = fix_files(again, unsafe=False)
    assert_no_new_defect(before, after, replans)
    dropped = 0
    for plan in replans:
        assert len(yaml.safe_load(plan.new)["kpis"]) == len(yaml.safe_load(plan.old)["kpis"])
        dropped += sum(1 for f in plan.applied if f.fix is not None and f.fix.action == "drop")
    assert dropped > 10


def test_fixing_the_examples_through_the_cli_creates_no_defect(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    folder = str(tmp_path / "examples")
    runner = CliRunner()
    args = ["check", "--isolated", "--no-cache", "--format", "json", folder]
    before = Run.of([Path(folder)])
    plans = [p for p in plan_fixes(before.result, unsafe=False) if p.changed]
    first = runner.invoke(app, args)
    fixed = runner.invoke(app, [*args, "--fix"])
    assert fixed.exit_code in (0, 1), fixed.output
    assert f"fixed {sum(len(p.applied) for p in plans)} findings" in fixed.stderr
    assert {f["rule"] for f in json.loads(first.stdout)["findings"]} >= {"kpi-in-disguise"}
    after = Run.of([Path(folder)])
    assert len(json.loads(fixed.stdout)["findings"]) == len(after.result.findings)
    assert_no_new_defect(before, after, plans)


# -- a fix keeps the file's own bytes ------------------------------------------------------


def _plain(text: str) -> str:
    """``text`` with LF endings, a final newline and no byte-order mark."""
    return "".join(line.rstrip("\r\n") + "\n" for line in split_lines(text.removeprefix("\ufeff")))


def _endings(text: str) -> list[tuple[str, str]]:
    out = []
    for line in split_lines(text.removeprefix("\ufeff")):
        body = line.rstrip("\r\n")
        out.append((body, line[len(body) :]))
    return out


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
@given(
    board=st.sampled_from(EXAMPLE_BOARDS + CORPUS_BOARDS),
    endings=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=300),
    bom=st.booleans(),
    final_newline=st.booleans(),
    unsafe=st.booleans(),
)
def test_fixing_keeps_line_endings_the_bom_and_the_final_newline(
    tmp_path: Path,
    board: tuple[str, str],
    endings: list[str],
    bom: bool,
    final_newline: bool,
    unsafe: bool,
) -> None:
    lines = board[1].split("\n")[:-1]
    each = [endings[k % len(endings)] for k in range(len(lines))]
    if not final_newline:
        each[-1] = ""
    raw = ("\ufeff" if bom else "") + "".join(
        line + end for line, end in zip(lines, each, strict=True)
    )
    path = tmp_path / board[0]
    path.write_bytes(raw.encode("utf-8"))
    result = lint_paths([path], Config())
    fixes = [
        f.fix
        for f in result.findings
        if f.fix is not None and f.fix.has_edit and (unsafe or f.fix.applicability == "safe")
    ]
    assume(fixes)
    new, skipped = apply_fixes(raw, fixes)
    assert skipped == ""
    assert new != raw
    # the same fix as on the plain text, only the bytes around the lines differ
    assert _plain(new) == apply_fixes(_plain(raw), fixes)[0]
    assert new.startswith("\ufeff") == bom and new.count("\ufeff") == raw.count("\ufeff")
    assert new.endswith(("\n", "\r")) == final_newline
    used = [e for e in each if e]
    commonest = max(used, key=used.count)  # ties: the first in the file
    old, new_lines = _endings(raw), _endings(new)
    own: dict[str, set[str]] = {}
    for body, ending in old:
        own.setdefault(body, set()).add(ending or commonest)
    # the lines before the first change and after the last keep their own endings
    head = 0
    while head < min(len(old), len(new_lines)) and old[head][0] == new_lines[head][0]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new_lines)) - head and (
        old[-1 - tail][0] == new_lines[-1 - tail][0]
    ):
        tail += 1
    for k, (body, ending) in enumerate(new_lines):
        if k == len(new_lines) - 1:
            assert (ending == "") == (not final_newline)
        if k < head or k >= len(new_lines) - tail:
            same = old[k] if k < head else old[k - len(new_lines) + len(old)]
            if k < len(new_lines) - 1:
                assert ending == (same[1] or commonest), (body, ending)
            elif final_newline:
                assert ending == same[1], (body, ending)
        elif body not in own and k < len(new_lines) - 1:
            assert ending == commonest, (body, ending)  # a line the fix wrote
        elif k < len(new_lines) - 1:
            assert ending in own[body] | {commonest}, (body, ending)
