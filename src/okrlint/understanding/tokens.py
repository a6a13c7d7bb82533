"""Splitting a goal's text into tokens: words, numbers and symbols, with offsets.

Numbers keep a letter suffix glued to them (``10k``, ``3x``, ``36h``) for the
quantity reader; words that mix letters and digits (``Q3``, ``p95``, ``P1s``,
``B2B``) stay words, so they are never read as amounts. An ISO currency code glued
to a number (``USD1.2M``) is split off it.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Any, ClassVar, NamedTuple


class Kind:
    """What a token is: a word (``Q3`` and ``p95`` included), a number, a symbol, a date.

    Four constants, compared by identity (``tok.kind is Kind.NUM``). Not an Enum: a
    text's tokens are asked their kind a hundred times, and reading an Enum's member
    costs six times more (Python 3.11: the Enum metaclass's ``__getattr__``).
    """

    __slots__ = ("name", "value")
    WORD: ClassVar[Kind]
    NUM: ClassVar[Kind]
    SYM: ClassVar[Kind]
    DATE: ClassVar[Kind]

    def __init__(self, name: str) -> None:
        self.name, self.value = name, name.lower()

    def __repr__(self) -> str:
        return f"<Kind.{self.name}: {self.value!r}>"

    def __reduce__(self) -> tuple[Any, ...]:
        return getattr, (Kind, self.name)  # pickled and copied as the same constant


Kind.WORD, Kind.NUM, Kind.SYM, Kind.DATE = map(Kind, ("WORD", "NUM", "SYM", "DATE"))


class Token(NamedTuple):
    """A token with its text as written, its matching form (``low``) and its offsets.

    ``low`` is lower case with typographic variants folded: every arrow reads ``->``,
    ``≥`` reads ``>=``, curly quotes read straight. A named tuple: a text makes dozens
    of tokens, and a tuple is made four times faster than a frozen dataclass.
    """

    kind: Kind
    text: str
    low: str
    start: int
    end: int
    suffix: str = ""  # letters glued to a number: "k" in "10k"


_PATTERN = r"""
    (?P<date>\d{4}-\d{1,2}-\d{1,2}\b|\d{1,2}/\d{1,2}/\d{2,4}\b)
  | (?P<special>24/7|24x7|1:1s?|a/b|[xX]\d+[.,]\d+(?![\w.,])|{codes}(?=\d))
  | (?P<elided>(?<![^\W\d_])(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)
      ['’](?=[^\W\d_]|\s|$))
  | (?P<mixed>[^\W\d_]++\d[\w]*(?:[-'’][\w]+)*)
  | (?P<num>{num})(?P<suf>[^\W\d_]+)?
  | (?P<word>[^\W\d_]+(?:[-'’&][^\W\d_]+)*(?:-\d+(?!\d*[.,]\d))?)
  | (?P<sym>-->|->|=>|==>|→|⟶|➔|⇒|>=|<=|=<|≥|≤|[<>=%£$€¥₹+~×/;:,.()\[\]"“”'‘’!?&#*–—-])
    """.replace(
    "{codes}", "(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY|SEK|NOK|DKK|NZD|SGD|HKD|ZAR|BRL|MXN|PLN)"
)
# Digits group with "." "," "'" and no-break spaces everywhere; a plain space groups only
# in languages that write "1 200 €" (and then only before exactly three digits).
_NUM = r"\d+(?:[.,'\u00a0\u202f]\d+)*"
_TOKEN = re.compile(_PATTERN.replace("{num}", _NUM), re.VERBOSE)
_TOKEN_SPACED = re.compile(
    _PATTERN.replace("{num}", r"\d{1,3}(?:[ ]\d{3}(?!\w))+(?:[.,'\u00a0\u202f]\d+)*|" + _NUM),
    re.VERBOSE,
)


def tokenize(text: str, space_groups: bool = False) -> list[Token]:
    """Tokens of ``text``; whitespace and unknown characters are dropped.

    ``space_groups`` reads a plain space between digit groups as a thousands separator
    (French ``1 200 €``). An elided article or preposition (French ``l'``, ``d'``,
    ``jusqu'``) is a word of its own: ``l'uptime`` is ``l'`` and ``uptime``.
    """
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # a Token without its Python-level __new__: the hot path
    for m in (_TOKEN_SPACED if space_groups else _TOKEN).finditer(text):
        kind = m.lastgroup
        start, end = m.span()
        if kind in _WORDISH:
            word = m.group()
            append(new(Token, (Kind.WORD, word, word.lower().replace("’", "'"), start, end, "")))
        elif kind == "num" or kind == "suf":
            suffix = m.group("suf") or ""
            append(new(Token, (Kind.NUM, m.group(), m.group("num"), start, end, suffix.lower())))
        elif kind == "date":
            date = m.group()
            append(new(Token, (Kind.DATE, date, date, start, end, "")))
        else:
            sym = m.group()
            append(new(Token, (Kind.SYM, sym, _SYMBOL_ALIASES.get(sym, sym), start, end, "")))
    return out


_WORDISH = frozenset({"word", "mixed", "special", "elided"})


_SYMBOL_ALIASES = {
    "-->": "->",
    "→": "->",
    "⟶": "->",
    "➔": "->",
    "⇒": "->",
    "==>": "->",
    "=>": "->",
    "=<": "<=",
    "≥": ">=",
    "≤": "<=",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
}


# -- setting aside what is not the key result ------------------------------------------
#
# Real key results come with noise: list labels ("KR 2:"), owner and team prefixes
# ("Head of Infra:", "@lee"), priority and team tags ("[p1]", "`P0`", "[DP]"), markup
# (emphasis, HTML, links, images, checkboxes, emoji), references ("#812", "JIRA-44"),
# versions ("v4.1") and progress notes after the key result ("=> shipped", "(landed at
# 112%)", "Status: at risk"). They are blanked out (replaced by spaces, so every offset
# into the text stays true) before the text is tokenized: a number inside them is never
# a baseline or a target, and they are never the metric. Placeholders for numbers kept
# private ("$N", "X%", "[N]") become digits of the same length: they stand for a number.


class Noise:
    """A language's noise patterns, from the word lists of its phrase file.

    ``head`` matches noise at the start (labels, owners, tags, list marks), ``tail``
    noise at the end (progress notes, owner initials); markup, references, versions,
    mentions and placeholders are the same in every language (module patterns). The head
    and the tail are compiled on first use: most texts open on a plain word and carry no
    note, and a one-board run should not pay for patterns it never needs.
    """

    def __init__(self, head: str, tail: str, head_words: frozenset[str]) -> None:
        self._head_source, self._tail_source = head, tail
        self.head_words = head_words  # the words a head noise can open on

    @cached_property
    def head(self) -> re.Pattern[str]:
        return re.compile(self._head_source, re.IGNORECASE)

    @cached_property
    def tail(self) -> re.Pattern[str]:
        return re.compile(self._tail_source, re.IGNORECASE)

    def may_open(self, text: str) -> bool:
        """Can ``text`` open on noise: a mark, a number, a single letter ("a)", "Q3") or
        a word a label, an owner, a role or a team opens with?"""
        m = _OPENING.match(text)
        if m is None:
            return bool(text.strip())  # a mark or a number: ask the pattern
        word = m.group(1)
        if len(word) <= 6 and word.isupper():
            return True  # a team's code before a label: "SPS KR 1.1: ..."
        return len(word) == 1 or word.lower() in self.head_words


class Aside(NamedTuple):
    """A span of the text set aside: ``kind`` is "noise", "owner" (noise that names who
    owns the key result: "Head of Growth:", "@dana") or "placeholder"."""

    start: int
    end: int
    kind: str


@lru_cache(maxsize=4096)  # a text's language is told on it too, before it is read
def set_aside(text: str, noise: Noise) -> tuple[str, tuple[Aside, ...]]:
    """``text`` with its noise blanked (same length, same offsets) and placeholders
    made digits, and the spans set aside (none: the text carries no noise)."""
    spans: list[Aside] = []
    heading = _BOLD_HEAD.match(text) if "**" in text or "__" in text else None
    if heading is not None:  # "- **Repo review & merge** (for O1): Audit every repo"
        spans.append(Aside(heading.start("mark"), heading.end(), "noise"))
    for m in _ANYWHERE.finditer(text, heading.end() if heading is not None else 0):
        kept = m.lastgroup == "keep"  # "[text](url)": the link's text stays
        if kept:
            spans.append(Aside(m.start(), m.start("keep"), "noise"))
            spans.append(Aside(m.end("keep"), m.end(), "noise"))
        else:
            owner = m.group().startswith("@")  # a mention names who owns it: "(@dana)"
            spans.append(Aside(m.start(), m.end(), "owner" if owner else "noise"))
    blanked = _blank(text, spans)
    # the head and the tail are found on the text with its markup gone, repeatedly:
    # "- [ ] **KR 2** [p1] @dana: ..." is a list mark, a checkbox, a label, a tag, a mention
    for at_head in (True, False):
        while noise.may_open(blanked) if at_head else _TAIL_HINT.search(blanked):
            found = noise.head.match(blanked) if at_head else noise.tail.search(blanked)
            if found is None or not blanked[found.start() : found.end()].strip():
                break
            owner = at_head and found.group("owner") is not None
            start = found.start("owner") if owner else found.start()
            spans.append(Aside(start, found.end(), "owner" if owner else "noise"))
            blanked = _blank(blanked, spans[-1:])
            if not blanked.strip():
                # all noise: read the text as written instead (the empty aside says that
                # noise was found, so the text is not taken for one with none)
                return text, (Aside(0, 0, "noise"),)
    if "=>" in blanked or "⇒" in blanked:
        result = _RESULT.search(blanked)
        count = _DONE_OF.search(blanked)  # "=> 14 of 16 hires made": always a result
        if count is not None:
            result = count
        elif result is not None and not _STEP_STATED.search(blanked, 0, result.start()):
            result = None
        if result is not None:
            # "Increase MAU by 20% => 17%": the bet is whole; the amount after it is a result
            spans.append(Aside(result.start(), result.end(), "noise"))
            blanked = _blank(blanked, spans[-1:])
    if _PLACEHOLDER_HINT.search(blanked):
        for m in _PLACEHOLDERS.finditer(blanked):
            spans.append(Aside(m.start(), m.end(), "placeholder"))
    if not spans:
        return text, ()
    chars = list(blanked)
    for start, end, kind in spans:
        if kind == "placeholder":  # a digit run as long as the words, up to a number's length
            width = min(end - start, 6)
            chars[start:end] = "9" * width + " " * (end - start - width)
    return "".join(chars), tuple(sorted(spans))


def _trie(phrases: list[str]) -> str:
    """One pattern for many phrases, shared beginnings written once ("key(?:\\s+result)?"):
    the engine follows one path instead of trying every phrase in turn. Longer phrases
    win, as in a list sorted longest first; a space matches any run of white space."""
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict[str, Any]) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_node(node[ch]) for ch in sorted(node) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


def compile_noise(words: dict[str, list[str]]) -> Noise:
    """A language's :class:`Noise` from the word lists of its phrase file's ``noise``
    section (``labels``, ``numbered`` labels that need no colon when numbered ("KR1
    Grow ..."), ``owners``, ``roles``, ``teams``, ``progress``, ``status``, ``efforts``,
    ``periods``), each a list of ``"a|b|c"`` phrases."""

    def alt(key: str) -> str:
        phrases = [p.strip() for entry in words.get(key) or () for p in str(entry).split("|")]
        return _trie([p.lower() for p in phrases if p]) or "(?!)"

    labels, owners, roles, teams = alt("labels"), alt("owners"), alt("roles"), alt("teams")
    progress, status, efforts, periods = (
        alt("progress"),
        alt("status"),
        alt("efforts"),
        alt("periods"),
    )
    number = r"\d{1,3}(?:\.\d{1,3})*"
    head = (
        r"^\s*(?:"
        r"[-*+•‣◦▪►▸>|]+(?=\s)|[├└│┣┗┃─]+|\#{1,6}(?=\s)|\[[ xX✓✔-]?\]"
        r"|\(?\d{1,3}[.)](?=\s)|\d{1,3}\.(?=[^\W\d_]{2})|\(?[a-zA-Z]\)(?=\s)|[a-z]\.(?=\s)"
        # a list number before an amount ("2.1 5 new partners"), never a thousands group
        # ("40 000 sign-ups")
        rf"|{number}\.?(?=\s*[:)]|\s+\d(?!\d\d(?:\D|$)))|\d{{1,2}}\.\d{{1,2}}(?=\s+(?-i:[A-Z]))"
        # a label's short tag in brackets: "Objetivo (O):", "Key result (KR1):"
        rf"|(?:{alt('scopes')}\s+)?{labels}(?:\s*\#?\s*{number})?(?:\s*\([^()\n]{{1,12}}\))?"
        r"\s*(?:[:)\-–—=]|\.(?!\d))+"
        # a progress word before a label ("ACHIEVED Key result 1.3:") or a progress note
        # in brackets at the start ("(WIP, moved to Q2) Add ...")
        rf"|{progress}\s+(?=(?:{labels}|{alt('numbered')})\b)"
        rf"|[(\[]\s*{progress}\b[^()\[\]\n]{{0,60}}[)\]]"
        rf"|{alt('numbered')}\s*\#?\s*{number}(?=\s)|o\d{{1,2}}\s*[:.)\-–—]+"
        # a one-letter code with its number: "S1:", "M5:", "G2 -" (not "CO2:")
        r"|(?-i:[A-Z])\d{1,2}(?:\.\d{1,2})?\s*[:)\-–—]+"
        # who owns it: "Owner: Dana -", "Head of Growth:", "Marketing (Demand Gen):"
        rf"|(?P<owner>{owners}\s*[:=]\s*[^:;,\n]{{1,40}}?\s*[:;,|\-–—]"
        rf"|{roles}\s+[\w&/ -]{{1,30}}?\s*:"
        rf"|{teams}(?:\s*(?:&|/|,|\+)\s*{teams}){{0,3}}(?:\s*\([^()\n]{{1,40}}\))?"
        r"\s*(?::|·|\||\s[-–—]\s))"
        r"|(?:q[1-4]|h[12]|fy\s?\d{2,4}(?:-q[1-4])?|\d{4}(?:-q[1-4])?)\s*:"
        r"|p[0-4]\s*[:\-–—]"
        # a team's code before a label: "SPS KR 1.1:", "FIN Objective 2 -"
        rf"|(?-i:[A-Z][A-Z0-9]{{1,5}})(?=\s+{labels}(?:\s*\#?\s*{number})?\s*[:=\-–—]"
        rf"|\s+{alt('numbered')}\s*\#?\s*{number}(?=\s))"
        # a heading's cycle and progress: "OKR T1 2020 36 % — Objective: ..."
        r"|okrs?(?:\s+(?:[qhts][1-4]|fy\s?\d{2,4}|\d{4}|\d{1,3}\s?%|\([^()\n]{1,20}\)))+"
        r"\s*[-–—|:]+"
        r")\s*"
    )
    marker = r"(?:=>|->|-->|→|⟶|➔|⇒|>|\||·|\s[-–—]{1,2}|:)"
    tail = (
        r"(?:"
        rf"{marker}\s*{progress}\b[^()\n]{{0,60}}"
        rf"|(?:=>|->|→|⟶|➔|⇒|>)\s*[~≈]?\d{{1,3}}(?:[.,]\d+)?\s*%?\s*"
        rf"(?:{progress}|{status}|there|of (?:target|goal|plan))\b.{{0,40}}"
        rf"|{marker}\s*{status}\b.{{0,120}}|\s+{status}\s*[:=]\s*.{{0,120}}"
        rf"|[(\[]\s*(?:{progress}|{status})\b[^()\[\]\n]{{0,80}}[)\]]"
        r"|\((?!(?:ms|s|h|d|km|kg|gb|mb|tb|pp|pt|pts|bps)\))"
        r"(?:@?[a-z]{1,4}|@[\w.-]{1,30})(?:\s*[,/&+]\s*(?:@?[a-z]{1,4}|@[\w.-]{1,30}))*\s*\)"
        rf"|[—–-]\s*(?:{periods}|kw\s*\d{{1,2}}|wk\s*\d{{1,2}}|q[1-4]|h[12])\b\.?\s*:.{{0,120}}"
        rf"|\|\s*{efforts}\b[^|\n]{{0,40}}"
        r"|\|\s*\d{1,4}(?:[.,]\d+)?\s*(?:pt|pts|sp|pd|md|h|d)\b"
        # a grade after the key result: "| Martín | 0.5 |", "(0.0 → 1.0)"
        r"|(?:\|\s*[^\W\d_][\w .'-]{0,30})?\|\s*[01][.,]\d{1,2}\s*\|?"
        # a grade, then a note on progress: "| 0.3 | Agent drafting |"
        r"|\|\s*[01][.,]\d{1,2}\s*\|[^|\n\d]{1,80}\|?"
        r"|\(\s*0(?:[.,]0)?\s*(?:→|->)\s*1(?:[.,]0)?\s*\)"
        # a tag in brackets at the end: "Fill every open role [Talent]"
        r"|\[(?-i:[A-Z][a-z]+(?:[ /&-][A-Za-z]+){0,2})\]"
        # a tracker's exported fields: "(target: 100.0)", "- Current: 1.0"
        r"|\(\s*target\s*:\s*\d+\.0\s*\)(?:\s*[-–—]\s*current\s*:\s*\d+(?:\.\d+)?)?"
        r")\s*$"
    )
    openers = ("labels", "numbered", "owners", "roles", "teams", "scopes", "progress")
    head_words = frozenset(
        p.split()[0].lower()
        for key in openers
        for entry in words.get(key) or ()
        for p in str(entry).split("|")
        if p.split()
    ) | {"fy", "okr", "okrs"}
    return Noise(head, tail, head_words)


# Markup, references, versions and mentions, in any language. The link's text is kept
# (group "keep"); everything else matched is blanked.
_ANYWHERE = re.compile(
    # every branch starts with the character it needs, so that the engine skips the
    # positions where none can start (a lookbehind comes after that character)
    r"!\[[^\]\n]{0,200}\]\([^)\s]{0,300}\)"
    r"|\[(?P<keep>[^\]\n]{1,200})\]\((?:https?://|www\.|/|\.|\#|mailto:)[^)\s]{0,300}\)"
    r"|<\s*/?\s*[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>\n]{0,100})?/?\s*>"
    r"|&(?:nbsp|amp|lt|gt|quot|\#\d{1,5});"
    r"|\{\#[\w-]{1,80}\}"  # a heading's anchor: "## Objective 3 {#objective-3}"
    r"|https?://[^\s)\]>]+|www\.[^\s)\]>]+"
    r"|\*\*|__|~~|`"
    r"|\*(?<![\w*]\*)(?=[^\s*])|\*(?<=[^\s*]\*)(?![\w*])"
    r"|_(?<!\w_)(?=[^\s_])|_(?<=[^\s_]_)(?!\w)"
    r"|\#(?<![\w/\#&]\#)\d{1,7}\b"
    r"|[A-Z](?<!\w[A-Z])[A-Z0-9]{1,9}-\d{1,6}\b"
    r"|[PMIiTtBb](?<!\w[PMIiTtBb])(?:(?<=[PM])R|(?<=[Ii])ssue|(?<=[Tt])icket|(?<=[Bb])ug)"
    r"\s*\#?\d{1,7}\b"
    r"|[vV](?<!\w[vV])\d+(?:\.\d+){0,3}\b"
    r"|\d(?<!\w\d)\d*\.(?:\d{1,2}\.\d+|\d+\.\d{1,2})\b"  # "1.2.3", not "1.200.000"
    r"|\d(?<!\w\d)\d?\.\d{1,2}(?=\s+(?:[Rr]elease|[Rr]eleased|[Vv]ersion|[Vv]ersión|[Rr]elease-[Kk]andidat)\b)"
    r"|@(?<![\w@]@)[A-Za-z][\w.-]{0,38}"
    r"|\[(?:[pP][0-4]|(?!TB[DA]\])[A-Z]{2,12})\]|\([pP][0-4]\)"
    # a table cell that opens on a status mark is a progress note: "| 🟡 partly done |"
    "|\\|[ \\t]*[\U0001f534\U0001f7e0\U0001f7e1\U0001f7e2\u2705\u274c\u26d4\u26a0][^|\\n]*"
    # a keycap number as a list mark ("2️⃣ Run a check-in"): the digit goes with it
    "|[0-9#*]\ufe0f?\u20e3"
    "|[\U0001f000-\U0001faff\u2600-\u2793\u2b00-\u2bff\ufe0f\u200d]"
)
# A heading in bold before the key result, closed by a colon: "**Repo review**: ...",
# "**S1: Tidy the groups** (for O3): ...". Its words name a topic; a bold text with a
# number in it (other than a code such as "S1") may be the key result itself.
_BOLD_HEAD = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?P<mark>\*\*|__)"
    r"(?:[A-Z]{1,3}\s?\d{1,2}(?:\.\d{1,2})?\s*[:.\-–—]\s*)?[^\W\d_][^*_\d\n]{0,60}?"
    r"(?:\s*:\s*(?P=mark)|(?P=mark)\s*(?:\([^()\n]{0,40}\))?\s*:)(?=\s*[^\W_])"
)
# A bare amount after a fat arrow at the end ("=> 17%", "=> $4.2M (84%)"), and a step or
# a target stated before it ("by 20%", "to 500", "auf 25 %", "à 2 %"): with both, the
# amount is the result reached, not the target (a lone "4% => 2.5%" is a from-to).
_RESULT = re.compile(
    r"(?:==>|=>|⇒)\s*[~≈]?[$€£]?\d[\d.,]*\s*(?:[kmb]|x|%|ms|s|h|d|min)?\s*"
    r"(?:\([^()\n]{0,40}\))?\s*$",
    re.IGNORECASE,
)
_DONE_OF = re.compile(
    r"(?:==>|=>|⇒)\s*\d[\d.,]*\s+(?:of|von|de|sur)\s+\d[\d.,]*\b[^=>⇒\n]{0,60}$", re.IGNORECASE
)
_STEP_STATED = re.compile(
    r"\b(?:by|to|um|auf|bis|hasta|par|à|jusqu'à)\s+[~≈]?[$€£]?\d", re.IGNORECASE
)
# The first word of a text, after white space: where a head noise could start.
_OPENING = re.compile(r"\s*([^\W\d_]+)")
# What every progress note and every placeholder has in it: a text without it needs
# no search for them (most texts; the searches are the reader's dearest step).
_TAIL_HINT = re.compile(r"[=>|·:(\[—–→⟶➔⇒]|\s-")
_PLACEHOLDER_HINT = re.compile(r"[%$£€¥\[{]|xx|tbd|(?<![\w.])x(?![\w.])", re.IGNORECASE)
# Numbers kept private: "X%", "xx%", "$N", "€X", "[N]", "{number}".
_PLACEHOLDERS = re.compile(
    r"(?<![\w.])(?:x{1,3}|n|y{1,3}|z)(?=\s?%)"
    r"|(?<=[$£€¥])(?:x{1,3}|y{1,3}|n|(?-i:[A-Z]))\b"
    r"|\[(?:n|x{1,3}|\#|number|num|amount|value)\]"
    r"|\{(?:n|x|number|num|amount|value|\#)\}"
    r"|\bx{2,3}\b"
    # a lower-case x counting a plural: "Cut x hours of admin", "at least x new ideas"
    r"|(?<![\w.'-])(?-i:x)(?=\s+(?:[a-z-]+\s+){0,2}(?-i:[a-z-]+s)\b)"
    r"|(?:(?<= by )|(?<= to ))(?-i:x)(?=\s*$|[\s,;)])"
    # a number still to be found: "[TBD]", "[TBD - from the interviews]", "target TBD"
    r"|\[\s*(?:(?:number|num|amount|value|target)\s+)?(?:tbd|tba)\b[^\]\n]{0,60}\]"
    r"|(?<=target )tbd\b|(?<=target: )tbd\b",
    re.IGNORECASE,
)


def holds_placeholder(text: str) -> bool:
    """Does ``text`` stand for a number kept private ("X%", "$N", "[TBD]")?"""
    return bool(_PLACEHOLDER_HINT.search(text) and _PLACEHOLDERS.search(text))


def _blank(text: str, spans: list[Aside]) -> str:
    chars = list(text)
    for start, end, _kind in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
