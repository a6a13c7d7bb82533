"""The language server's core, without the protocol: positions, diagnostics, settings,
history, code actions, hover and completion, called directly."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from okrlint.cli import app
from okrlint.cycles import FiscalYear
from okrlint.positions import Position, Span
from okrlint.server.actions import code_actions, fix_all, suppression_edit
from okrlint.server.completion import completions, cycle_choices, kpi_ids
from okrlint.server.diagnostics import diagnostics
from okrlint.server.hover import hover, word_reading
from okrlint.server.session import Linted, Session, Settings
from okrlint.server.values import Encoding, Place, Range, TextEdit, TextIndex

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def apply(index: TextIndex, edits: tuple[TextEdit, ...] | list[TextEdit]) -> str:
    text = index.text
    spans = sorted(
        ((index.offset_at(e.range.start), index.offset_at(e.range.end), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A goals repository: the examples, and a configuration at its root."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / ".okrlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    return tmp_path


def lint(session: Session, path: Path, text: str | None = None) -> Linted:
    return session.lint(path, path.read_text(encoding="utf-8") if text is None else text)


def codes(linted: Linted) -> list[str]:
    return [d.code for d in diagnostics(linted)]


# -- positions ----------------------------------------------------------------------------


def test_positions_become_utf16_units_through_the_offset() -> None:
    text = "a: 🚀x\nb: é\n"
    index = TextIndex(text)
    # okrlint's column 5 (code points) is the x after the rocket: 6 UTF-16 units in
    assert index.range_of(Span(Position(1, 5), Position(1, 6))) == Range(Place(0, 5), Place(0, 6))
    assert TextIndex(text, Encoding.UTF8).place(4) == Place(0, 7)
    assert TextIndex(text, Encoding.UTF32).place(4) == Place(0, 4)
    assert index.offset_at(Place(0, 5)) == 4  # back again
    assert index.offset_at(Place(0, 4)) == 3  # inside the rocket's pair: its start
    assert index.offset_at(Place(1, 99)) == len("a: 🚀x\nb: é")  # past the end: the end


def test_yaml_and_editor_line_breaks_differ_and_both_are_kept() -> None:
    """YAML breaks a line at a line separator (U+2028); an editor does not."""
    text = "title: a\u2028b\nnext: x\n"
    index = TextIndex(text)
    # okrlint's line 3 is the editor's line 1
    assert index.range_of(Span(Position(3, 1), Position(3, 5))) == Range(Place(1, 0), Place(1, 4))


# -- diagnostics and settings -------------------------------------------------------------


def test_every_finding_and_input_error_becomes_a_diagnostic(repo: Path) -> None:
    session = Session()
    path = repo / "examples/dashboard.yaml"
    linted = lint(session, path)
    found = diagnostics(linted)
    assert linted.result is not None
    assert [d.code for d in found] == [f.rule for f in linted.result.findings]
    first = found[0]
    assert (first.code, first.range) == ("too-many-objectives", Range(Place(5, 0), Place(5, 10)))
    assert first.message.startswith("4 objectives on one board")
    assert first.message.count("\n") == 1  # the hint
    broken = lint(session, path, "board: X\nobjectives: [\n")
    assert codes(broken) == ["parse-error"]


def test_the_nearest_configuration_applies_and_is_read_again_when_it_changes(
    repo: Path,
) -> None:
    session = Session()
    path = repo / "examples/dashboard.yaml"
    assert "key-result-without-owner" in codes(lint(session, path))
    nested = repo / "examples/.okrlint.yaml"
    nested.write_text("ignore: [key-result-without-owner]\n", encoding="utf-8")
    assert session.files_changed([(nested, "created")])
    assert "key-result-without-owner" not in codes(lint(session, path))
    nested.write_text("ignore: [no-such-rule]\n", encoding="utf-8")
    session.files_changed([(nested, "changed")])
    broken = diagnostics(lint(session, path))
    assert [d.code for d in broken] == ["config-error"]
    assert "no-such-rule" in broken[0].message
    assert broken[0].range == Range(Place(0, 0), Place(0, len(path.read_text().splitlines()[0])))


def test_excluded_files_and_files_that_are_no_board_show_nothing(repo: Path) -> None:
    session = Session()
    compose = repo / "docker-compose.yml"
    compose.write_text("services:\n  web: {image: nginx}\n", encoding="utf-8")
    assert lint(session, compose).skipped
    (repo / ".okrlint.yaml").write_text("extend-exclude: [examples/healthy.yaml]\n")
    session.files_changed([(repo / ".okrlint.yaml", "changed")])
    healthy = lint(session, repo / "examples/healthy.yaml")
    assert healthy.skipped and diagnostics(healthy) == []


def test_suppressions_and_the_baseline_are_honoured(repo: Path) -> None:
    session = Session()
    path = repo / "examples/goals/2026-Q2/growth.yaml"
    text = path.read_text(encoding="utf-8")
    suppressed = text.replace("Increase NPS to 40", "Increase NPS to 40  # okrlint: disable")
    assert "no-baseline" in codes(lint(session, path, text))
    assert "no-baseline" not in codes(lint(session, path, suppressed))
    runner = CliRunner()
    baseline = repo / "baseline.json"
    out = runner.invoke(app, ["check", "--write-baseline", str(baseline), str(path)])
    assert out.exit_code == 0, out.output
    (repo / ".okrlint.yaml").write_text("baseline: baseline.json\n", encoding="utf-8")
    session.files_changed([(repo / ".okrlint.yaml", "changed")])
    assert codes(lint(session, path, text)) == []
    baseline.write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    assert "no-baseline" in codes(lint(session, path, text))  # read again when it changed


def test_the_size_limit_applies_to_the_text_being_typed(repo: Path) -> None:
    (repo / ".okrlint.yaml").write_text("max-file-size: 100\n", encoding="utf-8")
    session = Session()
    path = repo / "examples/healthy.yaml"
    assert codes(lint(session, path)) == ["limit-exceeded"]


def test_a_crash_inside_a_rule_or_okrlint_becomes_a_diagnostic(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from okrlint import checks

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(checks.BOARD_CHECKS, "no-baseline", boom)
    session = Session()
    path = repo / "examples/goals/2026-Q2/growth.yaml"
    found = diagnostics(lint(session, path))
    crash = next(d for d in found if d.code == "internal-error")
    assert "rule no-baseline crashed" in crash.message
    assert "kpi-in-disguise" in [d.code for d in found]  # the other rules still ran
    monkeypatch.setattr("okrlint.server.session.lint_text", boom)
    crashed = diagnostics(lint(session, path))
    assert [d.code for d in crashed] == ["internal-error"]
    assert "RuntimeError: boom" in crashed[0].message


def test_cross_cycle_rules_read_the_other_boards_and_follow_them_on_disk(repo: Path) -> None:
    session = Session()
    q3 = repo / "examples/goals/2026-Q3/platform.yaml"
    assert "evergreen-key-result" in codes(lint(session, q3))
    q2 = repo / "examples/goals/2026-Q2/platform.yaml"
    q2_text = q2.read_text(encoding="utf-8")
    q2.write_text(q2_text.replace("Grow self-service environments", "Grow other things"))
    session.files_changed([(q2, "changed")])
    assert "evergreen-key-result" not in codes(lint(session, q3))  # two cycles now, not three
    q2.unlink()
    session.files_changed([(q2, "deleted")])
    moved = repo / "examples/goals/2026-Q2/platform-again.yaml"
    moved.write_text(q2_text, encoding="utf-8")
    session.files_changed([(moved, "created")])
    assert "evergreen-key-result" in codes(lint(session, q3))


def test_settings_come_from_initialization_options() -> None:
    assert Settings.from_options({"debounce": 50, "unsafeFixes": True}) == Settings(0.05, True)
    assert Settings.from_options({"debounce": "fast", "unsafeFixes": 1}) == Settings()
    assert Settings.from_options(None) == Settings()


# -- code actions -------------------------------------------------------------------------


@pytest.mark.parametrize("unsafe", [False, True])
def test_fix_all_writes_what_check_fix_writes(repo: Path, unsafe: bool) -> None:
    session = Session(Settings(unsafe_fixes=unsafe))
    path = repo / "examples/dashboard.yaml"
    linted = lint(session, path)
    action = fix_all(linted, unsafe=unsafe)
    assert action is not None
    fixed = apply(linted.index, action.edits)
    args = ["check", "--fix", "--no-cache", str(path)] + (["--unsafe-fixes"] if unsafe else [])
    CliRunner().invoke(app, args)
    assert fixed == path.read_text(encoding="utf-8")


def test_each_fix_is_a_quick_fix_and_leaves_its_finding_gone(repo: Path) -> None:
    session = Session()
    path = repo / "examples/dashboard.yaml"
    linted = lint(session, path)
    here = Range(Place(9, 10), Place(9, 10))  # "Uptime stays at or above 99.9% all quarter"
    actions = code_actions(linted, here, unsafe=False)
    titles = [a.title for a in actions]
    assert titles[0].startswith("okrlint (kpi-in-disguise): Move to kpis")
    assert "okrlint (key-result-without-owner): Suppress on this line" in titles
    assert titles[-2:] == ["okrlint: fix all problems in this file"] * 2
    assert [a.kind.value for a in actions[-2:]] == ["quickfix", "source.fixAll.okrlint"]
    fixed = apply(linted.index, actions[0].edits)
    after = diagnostics(lint(session, path, fixed))
    assert ("kpi-in-disguise", 9) not in [(d.code, d.range.start.line) for d in after]
    only = code_actions(linted, here, unsafe=False, only=["source"])
    assert [a.kind.value for a in only] == ["source.fixAll.okrlint"]


def test_markdown_boards_get_no_fix_but_a_suppression(tmp_path: Path) -> None:
    path = tmp_path / "OKR.md"
    path.write_text(
        "# Growth OKRs 2026-Q3\n\n## Objective: Win new teams\n\n"
        "- KR1: Keep churn below 4%\n- KR2: Increase NPS from 30 to 40\n",
        encoding="utf-8",
    )
    session = Session()
    linted = lint(session, path)
    actions = code_actions(linted, Range(Place(4, 10), Place(4, 10)), unsafe=True)
    assert [a.title for a in actions] == [
        "okrlint (kpi-in-disguise): Suppress on this line",
        "okrlint (key-result-without-owner): Suppress on this line",
    ]
    text = apply(linted.index, actions[0].edits)
    assert "- KR1: Keep churn below 4% <!-- okrlint: disable=kpi-in-disguise -->\n" in text
    assert "kpi-in-disguise" not in codes(lint(session, path, text))


def test_a_suppression_joins_one_on_the_line_or_goes_above_a_long_text(tmp_path: Path) -> None:
    path = tmp_path / "board.yaml"
    text = (
        "board: T\ncycle: 2026-Q3\nobjectives:\n  - title: Win new teams\n    key_results:\n"
        "      - Maintain 99.9% uptime  # okrlint: disable=key-result-without-owner\n"
        '      - "Keep churn below\n        4% all quarter"\n'
    )
    session = Session()
    linted = lint(session, path, text)
    assert linted.result is not None
    first, second = (f for f in linted.result.findings if f.rule == "kpi-in-disguise")
    edit = suppression_edit(linted, first)
    assert edit is not None and edit.new_text == ",kpi-in-disguise"
    joined = apply(linted.index, [edit])
    assert "# okrlint: disable=key-result-without-owner,kpi-in-disguise\n" in joined
    edit = suppression_edit(linted, second)
    assert edit is not None
    above = apply(linted.index, [edit])
    assert '      # okrlint: disable-next-line=kpi-in-disguise\n      - "Keep churn' in above
    left = codes(lint(session, path, apply(TextIndex(joined), [edit])))
    assert "kpi-in-disguise" not in left and "unused-suppression" not in left


# -- hover --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Increase activation from 61% to 75%", "a bet: activation 61% → 75% by 2026-09-30"),
        ("Uptime stays at or above 99.9% all quarter", "holds a level: Uptime ≥ 99.9%"),
        ("Keep churn below 4%", "holds a level: churn < 4%"),
        ("Zero missed payroll runs", "holds a level: missed payroll runs = 0"),
        ("Release notes go out every Friday", "holds a level: a duty repeated every Friday"),
        ("Increase NPS to 40", "a bet: NPS to 40 (no baseline) by 2026-09-30"),
        ("Launch the new pricing page", "a task: work to deliver, not a result that moves"),
        ("Improve the onboarding experience", "nothing measurable: no number, no target"),
    ],
)
def test_a_key_result_reading_in_words(text: str, reading: str, tmp_path: Path) -> None:
    board = (
        "board: T\ncycle: 2026-Q3\nobjectives:\n  - title: Win new teams\n"
        f"    key_results:\n      - {text}\n"
    )
    linted = Session().lint(tmp_path / "b.yaml", board)
    found = hover(linted, Place(5, 10))
    assert found is not None
    assert found.markdown == f"**Key result**: {reading}"


def test_word_reading_of_a_bet_with_a_guard_rail() -> None:
    from okrlint.understanding.reading import read_key_result

    meaning = read_key_result("Grow MRR from £20k to £30k while keeping churn below 3%")
    assert word_reading(meaning, "2026-09-30") == (
        "a bet: MRR £20k → £30k by 2026-09-30, keeping churn < 3%"
    )


def test_hover_on_a_kpi_and_on_a_rule_in_a_suppression(repo: Path) -> None:
    session = Session()
    path = repo / "examples/healthy.yaml"
    text = path.read_text(encoding="utf-8") + "# okrlint: disable-file=no-change, nope\n"
    linted = lint(session, path, text)
    kpi = hover(linted, Place(7, 10))
    assert kpi is not None
    assert kpi.markdown == (
        "**KPI**: a vital sign, watched against a threshold: Monthly gross churn < 4%; "
        "it reads 4.6%, outside its threshold"
    )
    assert kpi.range == Range(Place(6, 4), Place(11, 16))
    last = len(text.splitlines()) - 1
    rule = hover(linted, Place(last, 27))
    assert rule is not None and rule.markdown.startswith("**no-change** (error)\n\n")
    assert rule.range == Range(Place(last, 24), Place(last, 33))
    assert hover(linted, Place(last, 36)) is None  # an unknown id: nothing to say
    assert hover(linted, Place(0, 0)) is None


# -- completion ---------------------------------------------------------------------------


def test_kpi_ids_are_found_in_a_board_that_does_not_parse() -> None:
    text = (
        "kpis:\n  - id: churn\n    name: Monthly churn\n  - {name: NPS, id: 'nps'}\n"
        "objectives:\n  - title: [half typed\n"
    )
    assert kpi_ids(text) == [("churn", "Monthly churn"), ("nps", "NPS")]


def test_completion_of_kpi_ids_directives_and_rule_ids(tmp_path: Path) -> None:
    text = (
        "kpis:\n  - id: churn\n    name: Monthly churn\nobjectives:\n  - title: Grow\n"
        "    key_results:\n      - title: Cut churn\n        kpi: ch\n"
        "      - Grow NPS  # okrlint: \n"
    )
    linted = Session().lint(tmp_path / "b.yaml", text)
    [kpi] = completions(linted, Place(7, 15))
    assert (kpi.label, kpi.detail) == ("churn", "Monthly churn")
    assert kpi.edit == TextEdit(Range(Place(7, 13), Place(7, 15)), "churn")
    directives = completions(linted, Place(8, 32))
    assert [c.label for c in directives] == ["disable=", "disable-next-line=", "disable-file="]
    assert completions(linted, Place(4, 5)) == []


def test_cycle_choices_name_their_dates() -> None:
    today = dt.date(2026, 12, 7)
    choices = cycle_choices(today, FiscalYear(), Path("goals/2027-Q1/growth.yaml"))
    assert [label for label, _ in choices] == [
        "2027-Q1",
        "2026-Q4",
        "2026-Q3",
        "2026-H2",
        "2027-H1",
        "2026",
        "2027",
    ]
    assert choices[0][1] == "2027-01-01 to 2027-03-31"
    fiscal = cycle_choices(today, FiscalYear(start_month=7), Path("growth.yaml"))
    assert ("FY2027-Q2", "2026-10-01 to 2026-12-31") in fiscal


def test_half_typed_boards_never_break_the_server(tmp_path: Path) -> None:
    """Every stage of typing a board (here, its text cut short at many places) lints
    into diagnostics, and hover, completion and code actions answer, without raising."""
    text = (EXAMPLES / "healthy.yaml").read_text(encoding="utf-8")
    session = Session()
    path = tmp_path / "b.yaml"
    for end in range(0, len(text) + 1, 29):
        linted = session.lint(path, text[:end])
        assert not linted.crashed, end
        diagnostics(linted)
        last = Place(linted.index.line_count - 1, 4)
        hover(linted, last)
        completions(linted, last)
        code_actions(linted, Range(Place(0, 0), last), unsafe=True)


def test_hover_on_a_markdown_key_result(tmp_path: Path) -> None:
    path = tmp_path / "OKR.md"
    text = (
        "# Growth OKRs 2026-Q3\n\n## Objective: Win new teams\n\n"
        "- KR1: Increase activation from 61% to 75%\n"
    )
    linted = Session().lint(path, text)
    found = hover(linted, Place(4, 20))
    assert found is not None
    assert found.markdown == "**Key result**: a bet: activation 61% → 75% by 2026-09-30"


@pytest.mark.parametrize("name", ["dashboard.yaml", "goals/2026-Q3/support.yaml"])
def test_every_suppression_offered_silences_its_finding_and_nothing_else(
    repo: Path, name: str
) -> None:
    session = Session()
    path = repo / "examples" / name
    linted = lint(session, path)
    assert linted.result is not None
    for finding in linted.result.findings:
        edit = suppression_edit(linted, finding)
        assert edit is not None, finding
        after = lint(session, path, apply(linted.index, [edit]))
        assert after.result is not None and not after.result.input_errors
        left = [(f.rule, f.span) for f in after.result.findings]
        assert (finding.rule, finding.span) not in left
        assert "unused-suppression" not in [rule for rule, _ in left]
        assert len(left) == len(linted.result.findings) - 1
