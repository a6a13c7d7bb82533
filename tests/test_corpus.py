"""Verdict quality on the labelled corpora: precision, recall, accuracy.

Two corpora, each split into ``dev`` (tuned on) and ``holdout`` (measured only):
``tests/corpus/{dev,holdout}`` is written in a clean style; ``tests/corpus/real/
{dev,holdout}`` keeps the shapes of real published boards (prefixes, tags, markup,
progress notes, deliverables), each row with its ``source``, split by source.

Each entry is linted as it would be on a real board: the key result (or objective)
sits on a board without a ``language`` field, so its language is detected from its
words, and the verdict is the one text rule that judges it (or ``ok``). Nothing
here knows any entry: the corpus is data, the verdicts come from the linter.

Print the full report with ``python tests/test_corpus.py`` (``-v`` lists every
disagreement; ``--real`` reports the real-world corpus only).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from okrlint.checks import verdict
from okrlint.models import Board
from okrlint.understanding.board import understand
from okrlint.understanding.detection import detect_language

CORPUS = Path(__file__).resolve().parent / "corpus"
REAL = CORPUS / "real"
KPI = "kpi-in-disguise"
MIN_PRECISION = 0.95
MIN_RECALL = 0.95
MIN_ACCURACY = 0.90


@dataclass(frozen=True)
class Verdict:
    entry: dict[str, Any]
    split: str
    predicted: str
    guard_rail: bool
    relative: bool
    language: str

    @property
    def expected(self) -> str:
        return str(self.entry["expect"])


def load_corpus(folder: Path = CORPUS) -> list[tuple[str, dict[str, Any]]]:
    entries: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(folder.glob("*/*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append((path.parent.name, entry))
    return entries


def judge(entry: dict[str, Any], split: str = "") -> Verdict:
    text = str(entry["text"])
    if entry["kind"] == "objective":
        board = Board.model_validate({"objectives": [{"title": text}]})
        objective = understand(board, "corpus.yaml").objectives[0]
        if objective.meaning.holds:
            predicted = KPI
        elif objective.meaning.business_as_usual:
            predicted = "business-as-usual-objective"
        else:
            predicted = "ok"
        return Verdict(entry, split, predicted, False, False, detect_language(text))
    item: Any = text
    if any(k in entry for k in ("from", "to", "unit")):
        item = {"title": text}
        item.update({k: entry[k] for k in ("from", "to", "unit") if k in entry})
    board = Board.model_validate({"objectives": [{"title": "Corpus", "key_results": [item]}]})
    kr = understand(board, "corpus.yaml").key_results[0]
    m = kr.meaning
    relative = m.relative is not None and m.target is None and m.baseline is None
    return Verdict(
        entry, split, verdict(kr) or "ok", bool(m.guard_rails), relative, detect_language(text)
    )


def judge_all(folder: Path = CORPUS) -> list[Verdict]:
    return [judge(entry, split) for split, entry in load_corpus(folder)]


def precision_recall(verdicts: list[Verdict], label: str) -> tuple[float, float, int, int, int]:
    tp = sum(1 for v in verdicts if v.predicted == label and v.expected == label)
    fp = sum(1 for v in verdicts if v.predicted == label and v.expected != label)
    fn = sum(1 for v in verdicts if v.predicted != label and v.expected == label)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def accuracy(verdicts: list[Verdict]) -> float:
    return sum(v.predicted == v.expected for v in verdicts) / len(verdicts) if verdicts else 1.0


def bets_passed(verdicts: list[Verdict]) -> float:
    """The share of genuine, well-formed bets (labelled ``ok``) that pass with no finding."""
    bets = [v for v in verdicts if v.expected == "ok" and v.entry["kind"] == "key_result"]
    return sum(v.predicted == "ok" for v in bets) / len(bets) if bets else 1.0


def report(verdicts: list[Verdict], name: str = "corpus") -> str:
    lines = [f"{name}: {len(verdicts)} entries"]
    for split in sorted({v.split for v in verdicts}):
        part = [v for v in verdicts if v.split == split]
        p, r, *_ = precision_recall(part, KPI)
        lines.append(
            f"  {split:<8} n={len(part):<4} kpi-in-disguise precision {p:.3f} recall {r:.3f}"
            f"  accuracy {accuracy(part):.3f}  bets passed {bets_passed(part):.3f}"
        )
    p, r, tp, fp, fn = precision_recall(verdicts, KPI)
    lines.append(
        f"  all      n={len(verdicts):<4} kpi-in-disguise precision {p:.3f} recall {r:.3f} "
        f"(tp {tp}, fp {fp}, fn {fn})  accuracy {accuracy(verdicts):.3f}"
    )
    lines.append("per label (precision / recall / support):")
    for label in sorted({v.expected for v in verdicts} | {v.predicted for v in verdicts}):
        p, r, tp, fp, fn = precision_recall(verdicts, label)
        lines.append(f"  {label:<30} {p:.3f} / {r:.3f} / {tp + fn}")
    lines.append("per language (accuracy, n):")
    for lang in sorted({str(v.entry["lang"]) for v in verdicts}):
        part = [v for v in verdicts if v.entry["lang"] == lang]
        detected = sum(v.language == lang for v in part) / len(part)
        lines.append(f"  {lang}  {accuracy(part):.3f}  n={len(part)}  detected {detected:.3f}")
    guards = [v for v in verdicts if v.entry.get("guard_rail")]
    found = sum(v.guard_rail for v in guards)
    false_guards = sum(1 for v in verdicts if v.guard_rail and not v.entry.get("guard_rail"))
    lines.append(
        f"guard-rails found {found} of {len(guards)}, {false_guards} where none is labelled"
    )
    confusion = Counter((v.expected, v.predicted) for v in verdicts if v.expected != v.predicted)
    lines.append("confusions (expected -> predicted: count):")
    lines += [f"  {e} -> {p}: {n}" for (e, p), n in confusion.most_common()]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def verdicts() -> list[Verdict]:
    found = judge_all()
    if not found:
        pytest.skip("no corpus entries in tests/corpus/")
    return found


def test_the_corpus_is_large_and_varied(verdicts: list[Verdict]) -> None:
    assert len(verdicts) >= 300
    languages = Counter(str(v.entry["lang"]) for v in verdicts)
    assert set(languages) >= {"en", "de", "es", "fr"}
    labels = Counter(v.expected for v in verdicts)
    assert labels[KPI] >= 50 and labels["ok"] >= 50


def test_kpi_in_disguise_precision_and_recall(verdicts: list[Verdict]) -> None:
    precision, recall, *_ = precision_recall(verdicts, KPI)
    assert precision >= MIN_PRECISION, report(verdicts)
    assert recall >= MIN_RECALL, report(verdicts)


def test_accuracy_over_all_labels(verdicts: list[Verdict]) -> None:
    assert accuracy(verdicts) >= MIN_ACCURACY, report(verdicts)


# The real-world corpus: floors at the levels reached (a change that loses ground fails;
# raise them when the reading gets better). Holdout is measured, never tuned on.
REAL_FLOORS = {
    #          kpi precision, kpi recall, accuracy, bets passed
    "dev": (0.81, 0.78, 0.84, 0.90),
    "holdout": (0.74, 0.84, 0.80, 0.86),
}


@pytest.fixture(scope="module")
def real_verdicts() -> list[Verdict]:
    found = judge_all(REAL)
    if not found:
        pytest.skip("no corpus entries in tests/corpus/real/")
    return found


def test_the_real_corpus_is_large_and_split_by_source(real_verdicts: list[Verdict]) -> None:
    key_results = [v for v in real_verdicts if v.entry["kind"] == "key_result"]
    assert len(key_results) >= 500 and len(real_verdicts) - len(key_results) >= 150
    sources = {
        split: {v.entry["source"] for v in real_verdicts if v.split == split}
        for split in REAL_FLOORS
    }
    assert len(sources["dev"] | sources["holdout"]) >= 20
    assert not sources["dev"] & sources["holdout"]


@pytest.mark.parametrize("split", sorted(REAL_FLOORS))
def test_the_real_corpus_holds_its_ground(real_verdicts: list[Verdict], split: str) -> None:
    part = [v for v in real_verdicts if v.split == split]
    precision, recall, *_ = precision_recall(part, KPI)
    floors = REAL_FLOORS[split]
    reached = (precision, recall, accuracy(part), bets_passed(part))
    assert all(r >= f for r, f in zip(reached, floors, strict=True)), report(part, split)


if __name__ == "__main__":
    runs = [("real-world corpus", REAL)] if "--real" in sys.argv else [("corpus", CORPUS)]
    if "--all" in sys.argv:
        runs = [("corpus", CORPUS), ("real-world corpus", REAL)]
    found = []
    for title, folder in runs:
        part = judge_all(folder)
        print(report(part, title))
        found += part
    if "-v" in sys.argv:
        for v in found:
            if v.predicted != v.expected:
                where = f"[{v.split}/{v.entry['lang']}]"
                print(f"{where} {v.expected} -> {v.predicted}: {v.entry['text']}")
