"""Every rule doc's examples run: each bad example fires its rule, no good example does.

The examples of ``rules/<id>.yaml`` (see :class:`okrlint.catalog.RuleDoc`) are linted
with only their rule selected:

- a one-line example is a key result (on a small board with a cycle and owners) or,
  for a rule that judges only objectives, an objective's title (with a sound key
  result beneath it);
- a multi-line example is a whole board, linted as written;
- a multi-line example of several YAML documents (``---``), each opening with a
  comment naming its path, is a goals repository: written out and linted as a folder.

The suppression rules also run the rules their comments name, so that the comments
have findings to silence (or not).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import check_golden
from okrlint.api import lint_paths, lint_text
from okrlint.catalog import is_board_example, load_rule_doc
from okrlint.checks import META_RULES, RULE_IDS
from okrlint.config import Config
from okrlint.explain import explain_text
from okrlint.findings import LintResult
from okrlint.policy import parse_suppressions
from okrlint.reporters.sarif import rule_descriptors

#: Cases whose example is a fair illustration of its rule that okrlint gets wrong today:
#: (rule id, "bad" | "good", index) -> reason. Each is a strict xfail.
KNOWN_WRONG: dict[tuple[str, str, int], str] = {}


def board_documents(example: str) -> list[tuple[str, str]]:
    """A board example's YAML documents (split at ``---`` lines), each as (the text of
    its opening comment, or "" without one; the document's text)."""
    documents: list[list[str]] = [[]]
    for line in example.strip("\n").splitlines():
        if line.rstrip() == "---":
            documents.append([])
        else:
            documents[-1].append(line)
    out = []
    for lines in documents:
        first = lines[0].strip() if lines else ""
        heading = first[1:].strip() if first.startswith("#") else ""
        out.append((heading, "\n".join(lines) + "\n"))
    return out


def key_result_board(text: str) -> str:
    """A one-line key-result example on a small sound board."""
    return (
        "board: Onboarding\n"
        "cycle: 2026-Q3\n"
        "owner: onboarding\n"
        "objectives:\n"
        "  - title: Make onboarding effortless for new teams\n"
        "    owner: dana\n"
        "    key_results:\n"
        f"      - {json.dumps(text, ensure_ascii=False)}\n"
    )


def objective_board(title: str) -> str:
    """A one-line objective example: the title, with a sound key result."""
    return (
        "board: Onboarding\n"
        "cycle: 2026-Q3\n"
        "owner: onboarding\n"
        "objectives:\n"
        f"  - title: {json.dumps(title, ensure_ascii=False)}\n"
        "    owner: dana\n"
        "    key_results:\n"
        "      - Increase activation from 61% to 75%\n"
        "      - Cut median onboarding time from 10 days to 6 days\n"
    )


def kind_of(rule_id: str, example: str) -> str:
    """ "key result", "objective", "board" or "boards" (a goals repository)."""
    if is_board_example(example):
        return "boards" if len(board_documents(example)) > 1 else "board"
    judges = load_rule_doc(rule_id).judges
    if "key results" in judges:
        return "key result"
    if "objectives" in judges:
        return "objective"
    raise AssertionError(
        f"{rule_id} judges {judges}: a one-line example has nothing to stand for; "
        "write the board (a multi-line example)"
    )


def selection(rule_id: str, example: str) -> tuple[str, ...]:
    """The rule, and for a suppression rule the known rules its comments name."""
    if rule_id not in META_RULES:
        return (rule_id,)
    named = [r for s in parse_suppressions(example) for r in s.rules if r in RULE_IDS]
    return (rule_id, *dict.fromkeys(named))


def lint_example(rule_id: str, example: str, tmp_path: Path) -> LintResult:
    config = Config(select=selection(rule_id, example))
    kind = kind_of(rule_id, example)
    if kind == "boards":
        for path, text in board_documents(example):
            assert path.endswith((".yaml", ".yml")) and ".." not in path, (
                f"each document of a multi-board example opens with # <path>: {text!r}"
            )
            target = tmp_path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return lint_paths([tmp_path], config)
    board = {
        "key result": key_result_board,
        "objective": objective_board,
        "board": lambda text: text,
    }[kind](example)
    return lint_text(board, "board.yaml", config)


def _cases() -> list[object]:
    cases: list[object] = []
    for rule_id in (*RULE_IDS, *META_RULES):
        doc = load_rule_doc(rule_id)
        for verdict, examples in (("bad", doc.bad), ("good", doc.good)):
            for index, example in enumerate(examples):
                reason = KNOWN_WRONG.get((rule_id, verdict, index))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                case_id = f"{rule_id}-{verdict}-{index}"
                cases.append(pytest.param(rule_id, verdict, example, id=case_id, marks=marks))
    return cases


@pytest.mark.parametrize(("rule_id", "verdict", "example"), _cases())
def test_rule_example(rule_id: str, verdict: str, example: str, tmp_path: Path) -> None:
    result = lint_example(rule_id, example, tmp_path)
    assert not result.input_errors, result.input_errors
    fired = [f for f in result.findings if f.rule == rule_id]
    if verdict == "bad":
        assert fired, f"{rule_id} does not fire on its bad example:\n{example}"
    else:
        assert not fired, [f.message for f in fired]


def test_every_board_example_says_what_it_shows() -> None:
    """A board example opens with a comment: its heading in okrlint explain."""
    for rule_id in (*RULE_IDS, *META_RULES):
        doc = load_rule_doc(rule_id)
        for example in (*doc.bad, *doc.good):
            if is_board_example(example):
                assert example.lstrip().startswith("#"), (rule_id, example)


GOLDEN = Path(__file__).resolve().parent / "golden" / "rule-examples"


@pytest.mark.parametrize("rule_id", ["no-change"])
def test_examples_render_in_explain_and_sarif(rule_id: str, update_golden: bool) -> None:
    """One-line examples as written, a board under its comment (text) or fenced (Markdown)."""
    help_ = next(r for r in rule_descriptors() if r["id"] == rule_id)["help"]
    check_golden(GOLDEN / f"{rule_id}.explain.txt", explain_text(rule_id), update_golden)
    check_golden(GOLDEN / f"{rule_id}.sarif-help.txt", help_["text"] + "\n", update_golden)
    check_golden(GOLDEN / f"{rule_id}.sarif-help.md", help_["markdown"] + "\n", update_golden)
