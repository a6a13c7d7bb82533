"""The rule catalog: every check has complete metadata, and the README agrees with it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import okrlint
import okrlint.checks
from okrlint.catalog import (
    LANGUAGES,
    CatalogError,
    available_languages,
    load_rule_doc,
    rules_dir,
)
from okrlint.checks import BOARD_CHECKS, HISTORY_CHECKS, META_RULES, MODULES, RULE_IDS
from okrlint.explain import explain_text, readme_table

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"

#: Rule ids and default severities exactly as the catalog (RULES.md) defines them.
EXPECTED_SEVERITY = {
    "kpi-in-disguise": "error",
    "business-as-usual-objective": "error",
    "no-change": "error",
    "target-already-met": "warning",
    "evergreen-key-result": "warning",
    "board-mostly-kpis": "warning",
    "no-baseline": "warning",
    "not-measurable": "error",
    "direction-mismatch": "error",
    "output-not-outcome": "warning",
    "unit-mismatch": "error",
    "missing-cycle": "error",
    "cycle-too-long": "warning",
    "due-outside-cycle": "warning",
    "kpi-has-deadline": "warning",
    "too-many-objectives": "error",
    "too-many-key-results": "warning",
    "too-few-key-results": "warning",
    "objective-without-key-results": "error",
    "kpi-without-threshold": "warning",
    "kpi-without-owner": "warning",
    "key-result-without-owner": "info",
    "unknown-kpi": "error",
    "red-kpi-without-okr": "info",
    "unknown-parent": "error",
    "unused-suppression": "warning",
    "unknown-rule-in-suppression": "warning",
}


def test_every_rule_of_the_catalog_exists() -> None:
    assert {*RULE_IDS, *META_RULES} == set(EXPECTED_SEVERITY)


@pytest.mark.parametrize("rule_id", [*RULE_IDS, *META_RULES])
def test_every_check_has_a_complete_doc(rule_id: str) -> None:
    doc = load_rule_doc(rule_id)
    assert doc.id == rule_id
    assert doc.summary.endswith(".")
    assert len(doc.rationale.split()) >= 25
    assert doc.bad and doc.good
    assert doc.severity.value == EXPECTED_SEVERITY[rule_id]
    text = explain_text(rule_id)
    assert rule_id in text and "Why it matters" in text


def test_each_check_lives_in_a_module_named_after_its_rule() -> None:
    for rule_id, check in {**BOARD_CHECKS, **HISTORY_CHECKS}.items():
        assert check.__module__ == f"okrlint.checks.{rule_id.replace('-', '_')}"


def test_the_registry_is_every_rule_module_once() -> None:
    """Every module in okrlint/checks/ is a rule, registered once, of one kind."""
    folder = Path(okrlint.checks.__file__).parent
    files = {p.stem for p in folder.glob("*.py")} - {"__init__"}
    assert {m.__name__.rpartition(".")[2] for m in MODULES} == files
    assert len(set(RULE_IDS)) == len(RULE_IDS) == len(MODULES)
    assert set(RULE_IDS) == {*BOARD_CHECKS, *HISTORY_CHECKS}
    assert not set(BOARD_CHECKS) & set(HISTORY_CHECKS)


def test_a_rule_id_is_spelled_in_its_module_its_doc_and_at_most_one_other_place() -> None:
    """A rule is declared once: its id is a string in its own module and its doc file,
    and in at most one other module of okrlint (a table keyed by rule, such as the
    health report's weights)."""
    src = Path(okrlint.__file__).parent
    texts = {p: p.read_text(encoding="utf-8") for p in src.rglob("*.py")}
    for rule_id in (*RULE_IDS, *META_RULES):
        quoted = re.compile(rf"[\"']{re.escape(rule_id)}[\"']")
        places = sorted(str(p.relative_to(src)) for p, text in texts.items() if quoted.search(text))
        own = f"checks/{rule_id.replace('-', '_')}.py"
        others = [p for p in places if p != own]
        if rule_id in RULE_IDS:
            assert own in places, rule_id
        assert len(others) <= (2 if rule_id in META_RULES else 1), (rule_id, places)


def test_a_run_served_from_the_cache_never_loads_the_reader_or_the_models() -> None:
    """Light modules stay light: the cache path imports no parser, model or reader."""
    code = (
        "import sys, okrlint.cli, okrlint.run, okrlint.api, okrlint.cache, okrlint.engine\n"
        "heavy = sorted(m for m in sys.modules if m.startswith(("
        "'okrlint.models', 'okrlint.loader', 'okrlint.yamltree', 'okrlint.understanding.')"
        ") and m != 'okrlint.understanding.meaning')\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_languages_a_board_may_set_are_the_phrase_files() -> None:
    assert sorted(LANGUAGES) == sorted(available_languages())


def test_every_list_of_languages_is_the_catalogs() -> None:
    """The schema, the configuration keys and `okrlint init` derive from LANGUAGES."""
    from okrlint.config_files import KEYS, LANGUAGE_CHOICES
    from okrlint.scaffold import config_text
    from okrlint.schema import board_schema

    language = board_schema()["properties"]["language"]
    enum, pattern, _null = language["anyOf"]
    assert enum["enum"] == list(LANGUAGES)
    for code in LANGUAGES:
        assert re.match(pattern["pattern"], f" {code.upper()} ")
        assert code in language["description"]
    assert not re.match(pattern["pattern"], "it")
    assert LANGUAGE_CHOICES.endswith(f" or {LANGUAGES[-1]}")
    assert all(code in LANGUAGE_CHOICES for code in LANGUAGES)
    assert LANGUAGE_CHOICES in KEYS["language"]
    assert LANGUAGE_CHOICES in config_text()


def test_no_doc_without_a_check() -> None:
    docs = {p.stem for p in rules_dir().glob("*.yaml")}
    assert docs == {*RULE_IDS, *META_RULES}


def test_unknown_rule_doc_is_a_catalog_error() -> None:
    with pytest.raises(CatalogError):
        load_rule_doc("no-such-rule")


def test_readme_rule_table_matches_rules_folder(update_golden: bool) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert START in text and END in text, "README needs the rule-table markers"
    block = f"{START}\n{readme_table()}\n{END}"
    current = re.search(re.escape(START) + ".*?" + re.escape(END), text, re.S)
    assert current is not None
    if update_golden:
        readme.write_text(text.replace(current.group(0), block), encoding="utf-8")
        return
    assert current.group(0) == block, "README rule table is stale: run pytest --update-golden"


def test_the_checkout_rules_folder_is_found() -> None:
    assert (rules_dir() / "phrases" / "en.yaml").is_file()
