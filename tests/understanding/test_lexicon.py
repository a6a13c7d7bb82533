"""The phrase data and its compiled tables."""

from __future__ import annotations

from typing import Any

import pytest

from okrlint.catalog import CatalogError
from okrlint.understanding import lexicon as lexicon_module
from okrlint.understanding.lexicon import PhraseTable, languages, lexicon
from okrlint.understanding.phrases import phrase_tokens


def test_longest_phrase_wins() -> None:
    table = PhraseTable([("keep", "a"), ("keep up|keep on", "b"), ("keep up with", "c")])
    assert table.match(["keep", "up", "with", "it"], 0) == (3, "c")
    assert table.match(["keep", "up"], 0) == (2, "b")
    assert table.match(["keep", "on"], 0) == (2, "b")
    assert table.match(["keep", "it"], 0) == (1, "a")
    assert table.match(["hold"], 0) is None
    assert "keep" in table
    assert "up" not in table


def test_phrases_are_matched_as_tokens() -> None:
    assert phrase_tokens("at or above") == ("at", "or", "above")
    assert phrase_tokens("≥") == (">=",)
    assert phrase_tokens("→") == ("->",)
    table = PhraseTable([("24/7", True), ("1:1s", True)])
    assert table.match(["24/7"], 0) == (1, True)


def test_english_is_available_and_complete() -> None:
    assert "en" in languages()
    lex = lexicon("en")
    assert lex.language == "en"
    assert (lex.decimal, lex.thousands) == (".", ",")
    for name in (
        "hold_verbs",
        "change_verbs",
        "comparator_prefix",
        "zero_words",
        "cadence_words",
        "task_verbs",
        "measures",
        "deliverable_nouns",
    ):
        assert lex.table(name).words, name
    assert lex.bau_patterns


@pytest.mark.parametrize(
    ("table", "phrase"),
    [
        # words YAML would read as booleans if left unquoted
        ("function_words", "on"),
        ("function_words", "no"),
        ("function_words", "off"),
        ("zero_words", "no"),
        ("hold_verbs", "never exceeds"),
        ("hold_verbs", "cap"),
        ("comparator_prefix", "no more than"),
        ("comparator_suffix", "or more"),
        ("cadence_adverbs", "weekly"),
        ("punctuality", "on time"),
    ],
)
def test_english_knows(table: str, phrase: str) -> None:
    toks = phrase_tokens(phrase)
    assert lexicon("en").table(table).match(list(toks), 0) is not None


def test_cadence_adverbs_count_times_a_year() -> None:
    table = lexicon("en").table("cadence_adverbs")
    assert table.match(["daily"], 0) == (1, 365.0)
    assert table.match(["weekly"], 0) == (1, 52.0)
    assert table.match(["quarterly"], 0) == (1, 4.0)


def test_an_arrow_is_no_comparator() -> None:
    assert lexicon("en").table("comparator_prefix").match(["->"], 0) is None


@pytest.mark.parametrize("bad", [True, None, {"a": 1}])
def test_a_phrase_that_is_not_text_is_refused(monkeypatch: pytest.MonkeyPatch, bad: Any) -> None:
    def fake(language: str) -> dict[str, Any]:
        return {"hold_verbs": ["keep", bad]}

    monkeypatch.setattr(lexicon_module, "load_phrases", fake)
    with pytest.raises(CatalogError):
        lexicon.__wrapped__("xx-test")


def test_a_bad_pattern_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        lexicon_module, "load_phrases", lambda language: {"business_as_usual": {"patterns": ["("]}}
    )
    with pytest.raises(CatalogError):
        lexicon.__wrapped__("xx-test")


def test_plain_phrase_fast_path_agrees_with_the_tokenizer() -> None:
    """phrase_tokens() skips the tokenizer for plain words; it must give the same tokens."""
    from okrlint.catalog import available_languages, load_phrases
    from okrlint.understanding.phrases import phrase_tokens
    from okrlint.understanding.tokens import Kind, tokenize

    def strings(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [s for item in node for s in strings(item)]
        if isinstance(node, dict):
            return [s for value in node.values() for s in strings(value)]
        return []

    for language in available_languages():
        for entry in strings(load_phrases(language)):
            for alternative in entry.split("|"):
                phrase = alternative.strip()
                slow = tuple(
                    t.low if t.kind is not Kind.NUM else t.text.lower() for t in tokenize(phrase)
                )
                assert phrase_tokens(phrase) == slow, phrase
