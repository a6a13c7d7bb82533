"""The documentation holds together: every relative link in README.md and docs/*.md
points at a file that exists and, for an #anchor into a Markdown file, at one of its
headings (GitHub's rules); every page of docs/ is linked from the README; and the
README's Quick start keeps the two one-line commands that CI runs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

#: ``[text](target)`` and ``![alt](target)``, with an optional "title".
LINK = re.compile(r"!?\[(?:[^\]`]|`[^`]*`)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^ {0,3}(```|~~~)")


def _prose(text: str) -> list[str]:
    """The lines outside fenced code blocks, inline code blanked out."""
    lines, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            lines.append("")
        elif fenced:
            lines.append("")
        else:
            lines.append(line)
    return lines


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: the text as shown, lower-case, punctuation dropped,
    spaces turned into hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link: its text
    text = text.replace("`", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every anchor GitHub makes for a page's headings (a repeated one gets -1, -2, ...)."""
    seen: dict[str, int] = {}
    found = set()
    for line in _prose(page.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if not match:
            continue
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(page: Path) -> list[tuple[int, str]]:
    """(line number, target) of every link in the page's prose."""
    found = []
    for number, line in enumerate(_prose(page.read_text(encoding="utf-8")), start=1):
        line = re.sub(r"(?<!\])`[^`]*`(?!\])", "", line)  # code spans that are not link text
        found += [(number, m.group(1)) for m in LINK.finditer(line)]
    return found


def test_the_slug_follows_githubs_rules() -> None:
    assert slug("Baseline: adopting okrlint on an old goals repository") == (
        "baseline-adopting-okrlint-on-an-old-goals-repository"
    )
    assert slug("Reading from stdin, and the team's history") == (
        "reading-from-stdin-and-the-teams-history"
    )
    assert slug("`okrlint report` in CI") == "okrlint-report-in-ci"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(page: Path) -> None:
    broken = []
    for number, target in links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):  # https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        goal = (page.parent / path).resolve() if path else page
        where = f"{page.relative_to(ROOT)}:{number}: {target}"
        if not goal.exists():
            broken.append(f"{where}: no such file")
        elif anchor and goal.suffix == ".md" and anchor not in anchors(goal):
            broken.append(f"{where}: no heading with that anchor")
        elif ROOT not in goal.parents and goal != ROOT:
            broken.append(f"{where}: outside the repository")
    assert broken == []


def test_a_broken_link_or_anchor_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n## The `check` command\n\nSee [it](#the-check-command), "
        "[gone](#nowhere) and [a file](missing.md).\n\n```md\n[in code](ignored.md)\n```\n",
        encoding="utf-8",
    )
    assert anchors(page) == {"title", "the-check-command"}
    assert [t for _, t in links(page)] == ["#the-check-command", "#nowhere", "missing.md"]


def test_every_docs_page_is_linked_from_the_readme() -> None:
    linked = {target.partition("#")[0] for _, target in links(ROOT / "README.md")}
    pages = {f"docs/{p.name}" for p in PAGES[1:]}
    assert pages - linked == set()


def test_the_quick_start_keeps_the_two_one_line_commands_that_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("\n## Quick start\n", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", quick_start, re.S)
    assert len(blocks) == 2 and all("\n" not in b for b in blocks), blocks
    run, test = blocks
    assert run.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install . &&")
    assert run.endswith("okrlint check --exit-zero examples/")
    assert test.endswith("pip install '.[test]' && python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet '.[test]' && python -m pytest\n" in ci
    assert "okrlint check --exit-zero examples/" in ci
