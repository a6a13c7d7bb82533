"""The HTML report in a real headless Chromium: it renders without console errors or
network requests, each team's chart has one bar per cycle, and the table sorts.

With --update-golden, it also retakes docs/report.png, the README's screenshot of the
report on examples/goals. Chromium comes from the OS packages (.ci/run installs
Debian's ``chromium`` when no browser is present); playwright drives it. The test
skips, saying why, only where no browser can be had.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from okrlint.cli import app

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LAUNCH_ARGS = [
    "--no-sandbox",  # CI containers run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_browser() -> str | None:
    explicit = os.environ.get("OKRLINT_CHROMIUM")
    if explicit:
        return explicit
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install '.[test]')"
    )
    executable = find_browser()
    if executable is None:
        pytest.skip(
            "no Chromium found (apt-get install chromium, or set OKRLINT_CHROMIUM to a binary)"
        )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield launched
        launched.close()


def _report(tmp: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Any]:
    repo = tmp / "goals"
    shutil.copytree(source, repo)
    (repo / "drafts" / "broken.yaml").unlink(missing_ok=True)
    monkeypatch.chdir(repo)
    runner = CliRunner(env={"GITHUB_SERVER_URL": None, "GITHUB_SHA": None})
    assert (
        runner.invoke(app, ["report", "--isolated", "-f", "html", "-o", "health.html"]).exit_code
        == 0
    )
    data = json.loads(runner.invoke(app, ["report", "--isolated", "-f", "json"]).stdout)
    return repo / "health.html", data


@pytest.mark.parametrize(
    "source", [HERE / "repo", ROOT / "examples" / "goals"], ids=["tests", "examples"]
)
def test_the_report_renders_in_chromium(
    browser: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    source: Path,
    update_golden: bool,
) -> None:
    html, data = _report(tmp_path, source, monkeypatch)
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.as_uri())
    page.wait_for_load_state("load")
    assert problems == []
    assert requests == [html.as_uri()]  # self-contained: nothing else is fetched
    # one chart per team, one bar per cycle, in the cycles' order
    charts = page.locator("figure.team")
    assert charts.count() == len(data["teams"])
    for team in data["teams"]:
        chart = page.locator(f"figure.team[data-team={json.dumps(team['team'])}]")
        bars = chart.locator("svg g.bar")
        assert bars.count() == len(team["cycles"])
        cycles = [bars.nth(i).get_attribute("data-cycle") for i in range(bars.count())]
        assert cycles == [c["cycle"] for c in team["cycles"]]
        assert chart.locator("svg").bounding_box()["width"] > 0
    # a 0% bar is seen: its empty track and its "0%"
    zeros = page.locator('svg g.bar[data-share="0.0000"]')
    assert zeros.count() > 0
    for i in range(zeros.count()):
        track = zeros.nth(i).locator("rect.track").bounding_box()
        assert track is not None and track["height"] > 50 and track["width"] > 0
        label = zeros.nth(i).locator("text", has_text="0%")
        assert label.count() == 1 and (label.bounding_box() or {}).get("height", 0) > 0
    # coloured cells come with a legend in words, and keep their text
    assert page.locator("p.legend").is_visible()
    assert page.locator("p.legend .key").count() == 4
    for graded in page.locator("table#cells td.good, table#cells td.poor").all():
        assert graded.inner_text().strip()
    # the table sorts by a numeric column, both ways
    table = page.locator("table#cells")
    share = table.locator("thead th", has_text="Share")
    column = [th.strip() for th in table.locator("thead th").all_inner_texts()].index(
        share.inner_text().strip()
    )

    def values() -> list[float]:
        cells = table.locator(f"tbody tr td:nth-child({column + 1})")
        raw = [cells.nth(i).get_attribute("data-value") for i in range(cells.count())]
        return [float(v) if v else float("inf") for v in raw]

    share.locator("button").click()
    assert share.get_attribute("aria-sort") == "ascending"
    assert values() == sorted(values())
    share.locator("button").click()
    assert share.get_attribute("aria-sort") == "descending"
    assert values() == sorted(values(), reverse=True)
    # ties keep the report's order: sorting by team gives back each team's cycles in time
    team_header = table.locator("thead th", has_text="Team")
    team_header.locator("button").click()
    order = [
        int(i) for i in table.locator("tbody tr").evaluate_all("rs => rs.map(r => r.dataset.index)")
    ]
    assert order == sorted(order)
    assert problems == []
    if update_golden and source == ROOT / "examples" / "goals":
        # the README's screenshot of the shipped example, in the report's own order
        page.reload()
        page.screenshot(path=str(ROOT / "docs" / "report.png"), full_page=True)
    page.close()
