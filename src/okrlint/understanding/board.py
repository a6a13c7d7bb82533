"""A board, understood: every goal with its node path, its reading and its verdict.

Built once per board and shared by every check, so no text is read twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from okrlint.cycles import Cycle, cycle_from_range, parse_cycle_text
from okrlint.models import Board, CycleRange, KeyResultSpec, Kpi, Objective
from okrlint.positions import NodePath
from okrlint.understanding.key_results import Intent, KeyResultMeaning, read_key_result
from okrlint.understanding.language import text_language
from okrlint.understanding.lexicon import Lexicon, lexicon
from okrlint.understanding.numbers import Quantity, parse_amount
from okrlint.understanding.objectives import ObjectiveMeaning, read_objective


@dataclass(frozen=True, slots=True)
class KeyResultView:
    path: NodePath
    objective: int
    index: int
    text: str
    spec: KeyResultSpec | None
    meaning: KeyResultMeaning
    verdict: str | None

    @property
    def field(self) -> str | None:
        """Where a finding on it should point: the title of a mapping, the text itself."""
        return "title" if self.spec is not None else None

    @property
    def owner(self) -> str | None:
        return self.spec.owner if self.spec is not None else None


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    path: NodePath
    index: int
    model: Objective
    meaning: ObjectiveMeaning
    key_results: tuple[KeyResultView, ...]


@dataclass(frozen=True, slots=True)
class KpiView:
    path: NodePath
    index: int
    model: Kpi


@dataclass(frozen=True, slots=True)
class UnderstoodBoard:
    file: str
    name: str
    board: Board
    cycle: Cycle | None
    language: str
    objectives: tuple[ObjectiveView, ...]
    kpis: tuple[KpiView, ...]

    @property
    def key_results(self) -> tuple[KeyResultView, ...]:
        return tuple(kr for o in self.objectives for kr in o.key_results)


def board_cycle(board: Board) -> Cycle | None:
    value = board.cycle
    if value is None:
        return None
    if isinstance(value, CycleRange):
        return cycle_from_range(value.start, value.end)
    return parse_cycle_text(str(value))


def understand(board: Board, file: str, *, language: str | None = None) -> UnderstoodBoard:
    """Read every goal of ``board`` once, each in its language (set or detected)."""
    objectives: list[ObjectiveView] = []
    for o, objective in enumerate(board.objectives):
        path: NodePath = ("objectives", o)
        views: list[KeyResultView] = []
        for r, item in enumerate(objective.key_results):
            spec = item if isinstance(item, KeyResultSpec) else None
            text = spec.title if spec is not None else str(item)
            lang = text_language(text, board.language, language)
            lex = lexicon(lang)
            meaning = read_key_result(text, lang)
            if spec is not None:
                meaning = meaning.with_numbers(
                    _amount(spec.from_, spec.unit, lex), _amount(spec.to, spec.unit, lex)
                )
            views.append(
                KeyResultView(
                    (*path, "key_results", r), o, r, text, spec, meaning, text_verdict(meaning)
                )
            )
        title_lang = text_language(objective.title, board.language, language)
        objectives.append(
            ObjectiveView(
                path, o, objective, read_objective(objective.title, title_lang), tuple(views)
            )
        )
    kpis = tuple(KpiView(("kpis", k), k, kpi) for k, kpi in enumerate(board.kpis))
    return UnderstoodBoard(
        file=file,
        name=board.board or PurePath(file).stem,
        board=board,
        cycle=board_cycle(board),
        language=board.language or language or "",
        objectives=tuple(objectives),
        kpis=kpis,
    )


def _amount(value: float | str | None, unit: str | None, lex: Lexicon) -> Quantity | None:
    return None if value is None else parse_amount(value, unit, lex)


def text_verdict(meaning: KeyResultMeaning) -> str | None:
    """The one text rule that judges a key result (RULES.md: first match wins).

    Order: kpi-in-disguise / no-change → output-not-outcome → not-measurable →
    no-baseline. Rules that need the board (target-already-met) or compare
    numbers (direction-mismatch, unit-mismatch) slot in as they are added.
    """
    m = meaning
    if m.intent is Intent.HOLD:
        return "kpi-in-disguise"
    if (
        m.intent is Intent.CHANGE
        and m.baseline is not None
        and m.target is not None
        and m.baseline.same_amount(m.target)
    ):
        return "no-change"
    if m.intent is Intent.TASK or (m.intent is Intent.CHANGE and m.output):
        return "output-not-outcome"
    if m.intent is Intent.UNMEASURED:
        return "not-measurable"
    if m.intent is Intent.CHANGE and m.baseline is None and not m.from_zero and m.has_target:
        return "no-baseline"
    return None
