"""objective-without-key-results."""

from __future__ import annotations

import pytest

from conftest import lint_snippet
from okrlint.findings import Severity

RULE = "objective-without-key-results"


@pytest.mark.parametrize("tail", ["", "    key_results:\n", "    key_results: []\n"])
def test_flags_an_objective_with_no_key_results(tail: str) -> None:
    text = "cycle: 2026-Q3\nobjectives:\n  - title: Make onboarding effortless\n" + tail
    [f] = lint_snippet(text, only=RULE)
    assert (f.severity, f.node, f.line, f.column) == (Severity.ERROR, "objectives[0]", 3, 12)


def test_one_key_result_is_enough_for_this_rule() -> None:
    text = (
        "cycle: 2026-Q3\nobjectives:\n  - title: Make onboarding effortless\n"
        "    key_results: [Increase activation from 61% to 75%]\n"
    )
    assert lint_snippet(text, only=RULE) == []
