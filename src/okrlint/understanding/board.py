"""A board, understood: every goal with its node path and its reading.

Built once per board and shared by every check, so no text is read twice. Which rule
judges a reading is not decided here: that is the checks' verdict chain.

Key results are read by :mod:`~okrlint.understanding.reading`; an objective's title is
read here (:func:`read_objective`): one that holds a level ("Maintain 99.9% uptime",
"Zero missed payroll runs") is a KPI in disguise; one that describes the job ("Hit our
sales targets", "Run a reliable platform", "Keep customers happy") is business as
usual. Anything else, including plain aspiration ("Build a world-class fulfilment
process"), is left alone: an objective is qualitative by design.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from okrlint.cycles import CALENDAR_YEAR, Cycle, FiscalYear, cycle_from_range, parse_cycle_text
from okrlint.models import Board, CycleRange, KeyResultSpec, Kpi, Objective
from okrlint.positions import NodePath
from okrlint.understanding.detection import (
    detect_board_language,
    known_plain,
    likeliest_languages,
    text_language,
)
from okrlint.understanding.fields import Threshold, kpi_reading, kpi_threshold, parse_amount
from okrlint.understanding.lexicon import (
    ACQUISITION_VERBS,
    CHANGE_VERBS,
    CLAUSE_BREAKS,
    CONTINUITY_ADVERBS,
    COPULAS,
    DEFINITE_ARTICLES,
    FUNCTION_NOUNS,
    FUNCTION_WORDS,
    FUTURE_WORDS,
    HOLD_OPENERS,
    INDEFINITE_ARTICLES,
    JOB_VERBS,
    NEW_STATE_WORDS,
    NEW_WORDS,
    OPENING_WORDS,
    RELATIVE_PRONOUNS,
    RELATIVE_WORDS,
    TASK_VERBS,
    UPKEEP_VERBS,
    Lexicon,
    lexicon,
)
from okrlint.understanding.meaning import Direction, Hold, Intent, KeyResultMeaning, Quantity
from okrlint.understanding.phrases import PhraseTable
from okrlint.understanding.reading import read_key_result
from okrlint.understanding.tokens import Kind, Token, set_aside, tokenize


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
    kpi: KpiView | None = None  # the KPI it targets (kpi: or metric: equal to a KPI id)

    @property
    def field(self) -> str | None:
        """Where a finding on it should point: the title of a mapping, the text itself."""
        return "title" if self.spec is not None else None

    @property
    def owner(self) -> str | None:
        """Its ``owner:``, else the owner its text names ("Head of Growth: ...")."""
        if self.spec is not None and self.spec.owner:
            return self.spec.owner
        return self.meaning.owner or None

    @property
    def target_already_met(self) -> bool:
        """Its KPI's latest reading already meets the target: a guaranteed green."""
        return already_met(self.meaning, self.kpi)


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
    key_results: tuple[KeyResultView, ...]  # every objective's, in board order


_NO_AMOUNT = KeyResultMeaning(Intent.UNMEASURED)


def board_name(board: Board, file: str) -> str:
    """The board's name, else its file's (one team's boards share it across cycles)."""
    return board.board or PurePath(file).stem


def board_cycle(board: Board, fiscal: FiscalYear = CALENDAR_YEAR) -> Cycle | None:
    """The board's cycle, fiscal periods dated by ``fiscal`` (the configured fiscal year)."""
    value = board.cycle
    if value is None:
        return None
    if isinstance(value, CycleRange):
        return cycle_from_range(value.start, value.end)
    return parse_cycle_text(str(value), fiscal)


def understand(
    board: Board,
    file: str,
    *,
    language: str | None = None,
    fiscal: FiscalYear = CALENDAR_YEAR,
) -> UnderstoodBoard:
    """Read every goal of ``board`` once, each in its language (set or detected); its
    cycle's dates follow ``fiscal`` where it names a fiscal period ("FY26-Q3")."""
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
            views.append(KeyResultView((*path, "key_results", r), o, r, text, spec, meaning, kpi))
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
        cycle=board_cycle(board, fiscal),
        language=board.language or language or "",
        objectives=tuple(objectives),
        kpis=kpis,
        key_results=tuple(kr for o in objectives for kr in o.key_results),
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
    tied = likeliest_languages(text)
    if len(tied) == 1:
        return tied[0]
    board_language = fallback.get()  # none told, or a tie ("de" is Spanish and French)
    return board_language if not tied or board_language in tied else tied[0]


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


def aims_up(meaning: KeyResultMeaning, kpi: KpiView | None) -> bool | None:
    """Which way the key result aims: its numbers, else its verb, else its KPI's threshold."""
    up = meaning.moves_up()
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


# -- objectives ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ObjectiveMeaning:
    """``holds`` is set when the title asks to hold a level ("Maintain 99.9% uptime");
    ``business_as_usual`` names the words when it describes a job ("Hit our sales targets").
    """

    reading: KeyResultMeaning
    holds: tuple[Hold, ...] = ()
    business_as_usual: str = ""


@lru_cache(maxsize=2048)
def read_objective(title: str, language: str = "en") -> ObjectiveMeaning:
    """Read an objective's title (cached: boards repeat titles across cycles)."""
    lex = lexicon(language)
    reading = read_key_result(title, language)
    holding = reading.intent is Intent.HOLD
    if holding and any(h.level is not None for h in reading.holds):
        return ObjectiveMeaning(reading, holds=reading.holds)
    if not _is_bet(reading):
        words = _job_words(title, lex)
        if words:
            return ObjectiveMeaning(reading, business_as_usual=words)
    if holding and any(h.cadence for h in reading.holds):
        return ObjectiveMeaning(reading, holds=reading.holds)  # "Publish ... every month"
    return ObjectiveMeaning(reading)


def _is_bet(reading: KeyResultMeaning) -> bool:
    """A title that already names a change ("Grow MRR from $80k to $120k", "Double ...")."""
    return reading.intent is Intent.CHANGE and (
        reading.baseline is not None or reading.relative is not None or reading.from_zero
    )


def _job_words(title: str, lex: Lexicon) -> str:
    """The words that make a title a job description, or "".

    A title that goes on to name a change ("Protect the core business while we
    expand into Germany") is not only a job description, and is left alone. Labels and
    markup ("**Objective 2:** ...") are set aside first.
    """
    title = title if known_plain(title) else set_aside(title, lex.noise)[0]
    tokens = tokenize(title)
    if not tokens or _changes_later(tokens, 1, lex):
        return ""
    norm = " ".join(title.lower().split())
    for pattern in lex.bau_patterns:
        m = pattern.search(norm)
        if m is not None:
            return norm[m.start() : m.end()].strip()
    lows = [t.low for t in tokens]
    words = [i for i, t in enumerate(tokens) if t.kind is Kind.WORD]
    for first in [0, *_openings(tokens, lows, words, lex)] if words else [0]:
        opener = lex.table(HOLD_OPENERS).match(lows, first)
        if opener is None:
            continue
        # the verb holds only if nothing else is changed ("Neue Märkte erschließen und den
        # Betrieb sicherstellen", "Sicherung neuer Märkte")
        closing = first == words[-1]
        # (at the title's start, a word that moves or makes something new: "Retain our
        # top 50 customers" keeps them)
        tables = (CHANGE_VERBS, RELATIVE_WORDS, NEW_WORDS) if first == 0 else ()
        if not _names_a_change(
            tokens, lows, lex, 0 if closing else first + opener[0], tables
        ):  # "Keep customers happy", "We will keep the handbook current"
            return " ".join(t.text for t in tokens[first : first + opener[0] + 3])
    return _runs_the_job(tokens, lows, lex)


def _runs_the_job(tokens: list[Token], lows: list[str], lex: Lexicon) -> str:
    """The job described in any words: a function named alone ("Recruiting"), a duty with
    no end ("continuously improve our spaces"), or a verb that runs what exists
    ("Handle every request from marketing and sales") with no change anywhere in it."""
    words = [i for i, t in enumerate(tokens) if t.kind is Kind.WORD]
    if not words:
        return ""
    functions = lex.table(FUNCTION_NOUNS)
    content = [i for i in words if lows[i] not in lex.table(FUNCTION_WORDS)]
    if content and len(content) <= 3 and _all_functions(lows, content, functions):
        return " ".join(tokens[i].text for i in content)  # "Recruiting", "Customer support"
    for i in range(len(lows)):
        m = lex.table(CONTINUITY_ADVERBS).match(lows, i)
        if m is not None:  # "continuously improve our spaces": never done
            return " ".join(t.text for t in tokens[max(0, i - 1) : i + m[0] + 2])
    if any(t.kind is Kind.NUM and not _a_year(t.low) for t in tokens):
        return ""  # a number to reach; a year ("the CTO's 2024 OKRs") is none
    for first in _openings(tokens, lows, words, lex):
        # a verb that closes the title ("Den Betrieb ... gewährleisten") governs all of it
        closing = lex.verb_final and first == words[-1]
        be = lex.table(COPULAS).match(lows, first)
        if be is not None and not _names_a_change(
            tokens, lows, lex, 0 if closing else first + be[0]
        ):
            # "Be the support team customers expect", "Be a steady parent": a role to fill
            return " ".join(t.text for t in tokens[first : first + be[0] + 3])
        m = lex.table(JOB_VERBS).match(lows, first)
        after = first + m[0] if m is not None else len(lows)
        one = after < len(lows) and lex.table(INDEFINITE_ARTICLES).match(lows, after)
        # the job verb itself may also be a task's ("Run products with high reliability");
        # with one thing after it, it makes that thing ("Run a hackathon")
        skip = 0 if closing else after
        if m is not None and not one and not _names_a_change(tokens, lows, lex, skip):
            return " ".join(t.text for t in tokens[first : first + m[0] + 3])
    return ""


def _all_functions(lows: list[str], content: list[int], functions: PhraseTable) -> bool:
    """Are the content words all names of functions, alone or as phrases ("Customer
    support", "Sales operations")?"""
    k = 0
    while k < len(content):
        m = functions.match(lows, content[k])
        if m is None:
            return False
        k += m[0]  # the phrase's words are content words that follow one another
    return True


def _a_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1990 <= int(digits) <= 2100


def _openings(tokens: list[Token], lows: list[str], words: list[int], lex: Lexicon) -> list[int]:
    """Where a title's verb may stand: its first word past opening words ("Clearly share
    our outlook"), and the first word after a short topic ("Team: Fulfil our mission")."""
    openers = lex.table(OPENING_WORDS)
    first = words[0]
    while first < len(lows) and (m := openers.match(lows, first)) is not None:
        first += m[0]
    found = [first] if first < len(lows) else []
    colon = next((i for i, t in enumerate(tokens[:8]) if t.text == ":"), None)
    if colon is not None:
        found += [i for i in words if i > colon][:1]
    future = lex.table(FUTURE_WORDS)
    for i in words[1:5]:  # "The project shall ensure ...": the verb after its subject
        if (m := future.match(lows, i)) is not None:
            found += [k for k in words if k >= i + m[0]][:1]
            break
    if lex.verb_final and words[-1] not in found and tokens[words[-1]].text[:1].islower():
        found.append(words[-1])  # "Den Betrieb der IT-Infrastruktur gewährleisten"
    return found


def _names_a_change(
    tokens: list[Token],
    lows: list[str],
    lex: Lexicon,
    skip: int = 0,
    tables: tuple[str, ...] = (),
) -> bool:
    """Does a title name a change: a verb that moves or makes something, or something new?
    A task verb's form after a noun is a noun ("Carry out architecture reviews")."""
    tables = tables or (*_CHANGE_TABLES, NEW_WORDS, NEW_STATE_WORDS)
    function_words = lex.table(FUNCTION_WORDS)
    nominal = (INDEFINITE_ARTICLES, DEFINITE_ARTICLES, RELATIVE_PRONOUNS)
    upkeep = lex.table(UPKEEP_VERBS)
    for k in range(skip, len(lows)):
        if upkeep.match(lows, k):
            continue  # "maintain and repair the fleet": upkeep is the job, not a change
        for name in tables:
            m = lex.table(name).match(lows, k)
            if not m:
                continue
            before = lows[k - 1] if k > 0 else ""
            after_noun = (
                name == TASK_VERBS
                and k > 0
                and tokens[k - 1].kind is Kind.WORD
                and before not in function_words
            )
            # "through the move" is a noun; "an organisation that gives ..." describes;
            # "definitions are clear": after a copula a task verb's form is a state
            named = name in _CHANGE_TABLES and any(before in lex.table(n) for n in nominal)
            named = named or (name == TASK_VERBS and before in lex.table(COPULAS))
            # "Keep communication active and open": a task's verb with nothing after it
            # is a word of state, not a verb
            last = name in (TASK_VERBS, ACQUISITION_VERBS) and not any(
                t.kind is Kind.WORD for t in tokens[k + m[0] :]
            )
            if not (after_noun or named or last):
                return True
    return False


_CHANGE_TABLES = (CHANGE_VERBS, RELATIVE_WORDS, ACQUISITION_VERBS, TASK_VERBS)


def _changes_later(tokens: list[Token], start: int, lex: Lexicon) -> bool:
    """ "Protect the core business while we expand into Germany": a change follows."""
    lows = [t.low for t in tokens]
    breaks = lex.table(CLAUSE_BREAKS)
    for i in range(start, len(lows)):
        m = breaks.match(lows, i)
        if m is not None:  # "while", "tout en", "und gleichzeitig"
            return _names_a_change(tokens, lows, lex, i + m[0], tables=_CHANGE_TABLES)
    return False
