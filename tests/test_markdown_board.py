"""Markdown boards: the shapes of real OKR files, read into a board with positions."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from okrlint.errors import ErrorKind
from okrlint.loader import LoadedBoard, load_text
from okrlint.markdown_board import board_marks, read_markdown


def load(text: str, file: str = "OKR.md") -> LoadedBoard:
    return load_text(textwrap.dedent(text), file)


def shape(loaded: LoadedBoard) -> list[tuple[str, list[str]]]:
    """Each objective's title and its key results' titles."""
    assert loaded.board is not None, [e.message for e in loaded.errors]
    return [
        (o.title, [kr if isinstance(kr, str) else kr.title for kr in o.key_results])
        for o in loaded.board.objectives
    ]


def test_a_heading_per_objective_with_labelled_bullets() -> None:
    loaded = load(
        """\
        # Growth OKRs

        ## Objective 1: Make onboarding effortless

        - KR1: Raise activation from 61% to 75%
        - KR2: Cut onboarding time from 10 days to 6 days

        ## Objective 2: Win the mid-market

        - KR1: Sign 40 new mid-market customers
        """
    )
    assert shape(loaded) == [
        (
            "Make onboarding effortless",
            ["Raise activation from 61% to 75%", "Cut onboarding time from 10 days to 6 days"],
        ),
        ("Win the mid-market", ["Sign 40 new mid-market customers"]),
    ]
    # the key result's span is its text on its Markdown line (the label set aside)
    span = loaded.span_of(("objectives", 0, "key_results", 1))
    assert (span.start.line, span.start.column) == (6, 8)
    title = loaded.span_of(("objectives", 1), "title")
    assert (title.start.line, title.start.column) == (8, 17)


def test_a_key_results_sub_heading_and_initiatives() -> None:
    loaded = load(
        """\
        ## Objective: Win the mid-market

        ### Key results
        - Sign 40 new mid-market customers
        - Grow mid-market ARR from $2M to $3M

        ### Initiatives
        - Run a pricing workshop with sales
        """
    )
    assert shape(loaded) == [
        (
            "Win the mid-market",
            ["Sign 40 new mid-market customers", "Grow mid-market ARR from $2M to $3M"],
        )
    ]
    assert loaded.board is not None
    assert loaded.board.objectives[0].initiatives == ["Run a pricing workshop with sales"]


def test_nested_bullets_with_front_matter() -> None:
    loaded = load(
        """\
        ---
        board: Platform
        cycle: 2026-Q3
        ---

        # Platform

        - Objective: Make deploys boring
          - KR: Cut failed deploys from 12% to 3%
          - KR: Keep availability above 99.95%
        - Objective: Give teams self-service environments
          - KR: 20 teams use the environment portal
        """
    )
    assert loaded.board is not None
    assert (loaded.board.board, loaded.board.cycle) == ("Platform", "2026-Q3")
    assert shape(loaded) == [
        (
            "Make deploys boring",
            ["Cut failed deploys from 12% to 3%", "Keep availability above 99.95%"],
        ),
        ("Give teams self-service environments", ["20 teams use the environment portal"]),
    ]
    # front matter keeps its own lines
    assert loaded.span_of((), "cycle").start.line == 3


def test_a_table_with_objective_and_key_result_columns() -> None:
    loaded = load(
        """\
        # OKRs Q4 2026

        | Objective | Key result | Owner |
        |---|---|---|
        | Delight new customers | Raise NPS from 31 to 45 | dana |
        | | Cut first reply time from 9h to 2h | lee |
        | Grow the partner channel | Sign 12 new resellers | sam |
        """
    )
    assert loaded.board is not None
    assert loaded.board.cycle == "Q4 2026"
    assert shape(loaded) == [
        (
            "Delight new customers",
            ["Raise NPS from 31 to 45", "Cut first reply time from 9h to 2h"],
        ),
        ("Grow the partner channel", ["Sign 12 new resellers"]),
    ]
    first = loaded.board.objectives[0].key_results[1]
    assert not isinstance(first, str) and first.owner == "lee"
    assert loaded.span_of(("objectives", 0, "key_results", 1), "title").start.line == 6


def test_a_key_result_table_under_an_objectives_heading() -> None:
    loaded = load(
        """\
        ## Objective 2: Stop tickets before they start

        | KR | Baseline | Target | Status |
        |---|---|---|---|
        | Tickets per customer | 1.4 | 0.9 | on track |
        | Help articles published | 12 | 40 | at risk |
        """
    )
    assert shape(loaded) == [
        ("Stop tickets before they start", ["Tickets per customer", "Help articles published"])
    ]
    assert loaded.board is not None
    kr = loaded.board.objectives[0].key_results[0]
    assert not isinstance(kr, str)
    assert (kr.from_, kr.to, kr.status) == ("1.4", "0.9", "on track")


def test_a_kpis_section_holds_kpis_as_name_and_threshold() -> None:
    loaded = load(
        """\
        ## Objective 1: Make support feel effortless
        - KR1: Cut first reply time from 9h to 2h

        ## KPIs
        - Monthly churn: < 4%
        - CSAT
        """
    )
    assert loaded.board is not None
    assert [(k.name, k.threshold) for k in loaded.board.kpis] == [
        ("Monthly churn", "< 4%"),
        ("CSAT", None),
    ]
    assert shape(loaded) == [
        ("Make support feel effortless", ["Cut first reply time from 9h to 2h"])
    ]
    threshold = loaded.span_of(("kpis", 0), "threshold")
    assert (threshold.start.line, threshold.start.column) == (5, 18)


def test_the_title_in_a_bold_line_under_a_numbered_heading() -> None:
    loaded = load(
        """\
        # 2026-H2 goals

        ## 1.
        **Build a loyal player community**

        - Grow weekly active players from 800 to 2,000
        """
    )
    assert shape(loaded) == [
        ("Build a loyal player community", ["Grow weekly active players from 800 to 2,000"])
    ]


def test_bullets_nested_under_a_key_result_are_its_notes() -> None:
    loaded = load(
        """\
        ## Objective 1: Make deploys boring
        - KR1: Cut failed deploys from 12% to 3%
          - 40% there after the first month
          - blocked on the staging cluster
        - KR2: Cut deploy time from 40 min to 10 min
        """
    )
    assert shape(loaded) == [
        (
            "Make deploys boring",
            ["Cut failed deploys from 12% to 3%", "Cut deploy time from 40 min to 10 min"],
        )
    ]
    assert loaded.board is not None
    kr = loaded.board.objectives[0].key_results[0]
    assert not isinstance(kr, str)
    assert kr.notes == "40% there after the first month; blocked on the staging cluster"
    title = loaded.span_of(("objectives", 0, "key_results", 0), "title")
    assert (title.start.line, title.start.column) == (2, 8)


def test_an_okr_label_names_an_objective() -> None:
    loaded = load(
        """\
        ## OKR 1: Make deploys boring
        - Cut failed deploys from 12% to 3%
        """
    )
    assert shape(loaded) == [("Make deploys boring", ["Cut failed deploys from 12% to 3%"])]


def test_the_cycle_from_the_file_name() -> None:
    loaded = load(
        "## Objective 1: Grow\n- KR: Raise activation from 61% to 75%\n", "okrs-2026-Q3.md"
    )
    assert loaded.board is not None and loaded.board.cycle == "2026-Q3"


@pytest.mark.parametrize(
    "text",
    [
        "# Our goals repository\n\n- Keep it short\n- Use numbers\n",  # a heading and a list
        "Just some notes.\n",
        "",
    ],
)
def test_a_markdown_file_without_a_boards_marks_is_no_board(text: str) -> None:
    assert board_marks(text, "README.md") == ""
    loaded = load(text, "README.md")
    assert [e.kind for e in loaded.errors] == [ErrorKind.NOT_A_BOARD]
    assert "Objective" in (loaded.errors[0].hint or "")


@given(st.text(max_size=300))
def test_any_markdown_reads_without_raising(text: str) -> None:
    if board_marks(text, "x.md"):
        tree = read_markdown(text, "x.md")
        assert tree.root is not None and tree.root.kind == "map"
    loaded = load_text(text, "x.md")
    assert loaded.board is not None or loaded.errors
