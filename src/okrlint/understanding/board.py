"""A board, understood: every goal with its node path, its reading and its verdict.

Built once per board and shared by every check, so no text is read twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from okrlint.cycles import Cycle, cycle_from_range, parse_cycle_text
from okrlint.models import Board, CycleRange, KeyResultSpec, Kpi, Objective
from okrlint.positions import NodePath
from okrlint.understanding.key_results import (
    Direction,
    Intent,
    KeyResultMeaning,
    read_key_result,
)
from okrlint.understanding.language import (
    detect_board_language,
    detect_language,
    text_language,
)
from okrlint.understanding.lexicon import Lexicon, lexicon
from okrlint.understanding.numbers import Quantity, parse_amount
from okrlint.understanding.objectives import ObjectiveMeaning, read_objective
from okrlint.understanding.thresholds import Threshold, kpi_reading, kpi_threshold


@dataclass(frozen=True, slots=True)
class KpiView:
    """A vital sign with its threshold and latest reading read in the KPI's unit."""

    path: NodePath
    index: int
    model: Kpi
    threshold: Threshold | None
    reading: Quantity | None
    language: str = "en"

    @property
    def id(self) -> str | None:
        return self.model.id

    @property
    def name_meaning(self) -> KeyResultMeaning:
        """The KPI's name read like a key result ("Cut refund time from 10 to 5 days"),
        read only when asked: most names hold no amount and are never read."""
        name = self.model.name
        lex = lexicon(self.language)
        words = lex.number_words
        if not any(ch.isdigit() for ch in name) and not any(
            w.lower() in words.first_words() for w in name.split()
        ):
            return _NO_AMOUNT
        return read_key_result(name, self.language)

    @property
    def red(self) -> bool:
        """The latest reading breaks the threshold."""
        if self.threshold is None or self.reading is None:
            return False
        return self.threshold.healthy(self.reading) is False


@dataclass(frozen=True, slots=True)
class KeyResultView:
    path: NodePath
    objective: int
    index: int
    text: str
    spec: KeyResultSpec | None
    meaning: KeyResultMeaning
    verdict: str | None
    kpi: KpiView | None = None  # the KPI it targets (kpi: or metric: equal to a KPI id)

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


_NO_AMOUNT = KeyResultMeaning(Intent.UNMEASURED)


def board_name(board: Board, file: str) -> str:
    """The board's name, else its file's (one team's boards share it across cycles)."""
    return board.board or PurePath(file).stem


def board_cycle(board: Board) -> Cycle | None:
    value = board.cycle
    if value is None:
        return None
    if isinstance(value, CycleRange):
        return cycle_from_range(value.start, value.end)
    return parse_cycle_text(str(value))


def understand(board: Board, file: str, *, language: str | None = None) -> UnderstoodBoard:
    """Read every goal of ``board`` once, each in its language (set or detected)."""
    fallback = _BoardLanguage(board) if not board.language and not language else None
    kpis = tuple(_kpi_view(k, kpi, board, language, fallback) for k, kpi in enumerate(board.kpis))
    by_id = {k.id: k for k in kpis if k.id is not None}
    objectives: list[ObjectiveView] = []
    for o, objective in enumerate(board.objectives):
        path: NodePath = ("objectives", o)
        views: list[KeyResultView] = []
        for r, item in enumerate(objective.key_results):
            spec = item if isinstance(item, KeyResultSpec) else None
            text = spec.title if spec is not None else str(item)
            lang = _language_of(text, board, language, fallback)
            meaning = read_key_result(text, lang)
            if spec is not None:
                lex = lexicon(lang)
                meaning = meaning.with_numbers(
                    _amount(spec.from_, spec.unit, lex), _amount(spec.to, spec.unit, lex)
                )
            kpi = _targeted_kpi(spec, by_id)
            verdict = text_verdict(meaning, kpi)
            views.append(
                KeyResultView((*path, "key_results", r), o, r, text, spec, meaning, verdict, kpi)
            )
        title_lang = _language_of(objective.title, board, language, fallback)
        objectives.append(
            ObjectiveView(
                path, o, objective, read_objective(objective.title, title_lang), tuple(views)
            )
        )
    return UnderstoodBoard(
        file=file,
        name=board_name(board, file),
        board=board,
        cycle=board_cycle(board),
        language=board.language or language or "",
        objectives=tuple(objectives),
        kpis=kpis,
    )


class _BoardLanguage:
    """The language of a board's texts taken together, worked out only when a text has no
    words of its own to tell ("Uptime ≥ 99,95 %")."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.value: str | None = None

    def get(self) -> str:
        if self.value is None:
            self.value = detect_board_language(_texts(self.board))
        return self.value


def _language_of(
    text: str, board: Board, language: str | None, fallback: _BoardLanguage | None
) -> str:
    if fallback is None:
        return text_language(text, board.language, language)
    found = detect_language(text, "")
    return found or fallback.get()


def _texts(board: Board) -> list[str]:
    texts = [kpi.name for kpi in board.kpis]
    for objective in board.objectives:
        texts.append(objective.title)
        texts += [kr.title if isinstance(kr, KeyResultSpec) else kr for kr in objective.key_results]
    return texts


def _kpi_view(
    index: int, kpi: Kpi, board: Board, language: str | None, fallback: _BoardLanguage | None
) -> KpiView:
    lang = _language_of(kpi.name, board, language, fallback)
    lex = lexicon(lang)
    return KpiView(
        path=("kpis", index),
        index=index,
        model=kpi,
        threshold=kpi_threshold(kpi, lex),
        reading=kpi_reading(kpi, lex),
        language=lang,
    )


def _targeted_kpi(spec: KeyResultSpec | None, by_id: dict[str, KpiView]) -> KpiView | None:
    """A key result targets a KPI only through ``kpi:``, or ``metric:`` equal to its id."""
    if spec is None:
        return None
    for ref in (spec.kpi, spec.metric):
        if ref is not None and ref in by_id:
            return by_id[ref]
    return None


def _amount(value: float | str | None, unit: str | None, lex: Lexicon) -> Quantity | None:
    return None if value is None else parse_amount(value, unit, lex)


def moves_up(meaning: KeyResultMeaning) -> bool | None:
    """Which way the numbers move (baseline → target); None when they do not say."""
    base, target = meaning.baseline, meaning.target
    if base is None or target is None or not base.unit.compatible(target.unit):
        return None
    if base.same_amount(target):
        return None
    return target.value > base.value


def aims_up(meaning: KeyResultMeaning, kpi: KpiView | None) -> bool | None:
    """Which way the key result aims: its numbers, else its verb, else its KPI's threshold."""
    up = moves_up(meaning)
    if up is not None:
        return up
    if meaning.direction is Direction.UP:
        return True
    if meaning.direction is Direction.DOWN:
        return False
    if kpi is not None and kpi.threshold is not None:
        lower = kpi.threshold.lower_is_better
        return None if lower is None else not lower
    return None


def already_met(meaning: KeyResultMeaning, kpi: KpiView | None) -> bool:
    """The targeted KPI's latest reading already meets the key result's target."""
    if kpi is None or kpi.reading is None or meaning.target is None:
        return False
    target, reading = meaning.target, kpi.reading
    if not target.unit.compatible(reading.unit):
        return False
    up = aims_up(meaning, kpi)
    if up is None:
        return False
    return reading.value >= target.value if up else reading.value <= target.value


def units_clash(meaning: KeyResultMeaning) -> bool:
    base, target = meaning.baseline, meaning.target
    return base is not None and target is not None and not base.unit.compatible(target.unit)


def direction_clash(meaning: KeyResultMeaning) -> bool:
    """The verb says one way, the numbers the other ("reduce churn from 3% to 4%")."""
    up = moves_up(meaning)
    if up is None or meaning.direction is None:
        return False
    return up != (meaning.direction is Direction.UP)


def text_verdict(meaning: KeyResultMeaning, kpi: KpiView | None = None) -> str | None:
    """The one text rule that judges a key result (RULES.md: first match wins).

    kpi-in-disguise / no-change / target-already-met → unit-mismatch /
    direction-mismatch → output-not-outcome → not-measurable → no-baseline.
    """
    m = meaning
    if m.intent is Intent.HOLD:
        return "kpi-in-disguise"
    if m.intent is Intent.CHANGE:
        if m.baseline is not None and m.target is not None and m.baseline.same_amount(m.target):
            return "no-change"
        if already_met(m, kpi):
            return "target-already-met"
        if units_clash(m):
            return "unit-mismatch"
        if direction_clash(m):
            return "direction-mismatch"
    if m.intent is Intent.TASK or (m.intent is Intent.CHANGE and m.output):
        return "output-not-outcome"
    if m.intent is Intent.UNMEASURED:
        return "not-measurable"
    if m.intent is Intent.CHANGE and m.baseline is None and not m.from_zero and m.has_target:
        return "no-baseline"
    return None
