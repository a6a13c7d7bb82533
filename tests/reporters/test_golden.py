"""Golden files: each output format, byte for byte (update with --update-golden)."""

from __future__ import annotations

import json

import pytest
from linted_boards import HERE, render

from conftest import check_golden

GOLDEN = HERE / "golden"


def _golden_sarif(text: str) -> str:
    """The SARIF log without what changes on its own schedule: the version, and the rule
    documentation read from rules/*.yaml (test_formats checks it against the docs)."""
    log = json.loads(text)
    driver = log["runs"][0]["tool"]["driver"]
    driver["version"] = driver["semanticVersion"] = "<version>"
    driver["rules"] = [
        {"id": rule["id"], "defaultConfiguration": rule["defaultConfiguration"]}
        for rule in driver["rules"]
    ]
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("fmt", "color", "quiet"),
    [
        ("human", False, False),
        ("human", True, False),
        ("human", False, True),
        ("json", False, False),
        ("concise", False, False),
        ("sarif", False, False),
        ("github", False, False),
        ("junit", False, False),
        ("gitlab", False, False),
    ],
)
def test_output_matches_golden(fmt: str, color: bool, quiet: bool, update_golden: bool) -> None:
    rendered = render(fmt, color=color, quiet=quiet)
    suffix = ("-color" if color else "") + ("-quiet" if quiet else "")
    out = _golden_sarif(rendered.out) if fmt == "sarif" else rendered.out
    check_golden(GOLDEN / f"{fmt}{suffix}.out", out, update_golden)
    check_golden(GOLDEN / f"{fmt}{suffix}.err", rendered.err, update_golden)
    if fmt == "github":
        check_golden(GOLDEN / "github-summary.md", rendered.step_summary, update_golden)
    else:
        assert rendered.step_summary == ""


def test_golden_output_does_not_depend_on_the_checkout() -> None:
    for fmt in ("sarif", "github", "gitlab", "junit"):
        rendered = render(fmt)
        assert str(HERE) not in rendered.out + rendered.err + rendered.step_summary
