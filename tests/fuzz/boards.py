"""Hostile boards for the fuzz suite: generated YAML text, then bytes on disk.

A board starts as board-shaped data whose fields may hold the wrong type, is written
out as YAML by a small emitter of our own (block and flow style, all quoting styles,
anchors, aliases, merge keys ``<<``, tags safe and unsafe, duplicate keys), and may
then be mutated: truncated, cut, spliced with YAML tokens and unicode of every class,
or encoded as UTF-16. Other files are random bytes, random text, deep nesting, huge
strings and multi-document streams.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import random
import re
import tempfile
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from okrlint.files import decode
from okrlint.positions import source_lines

# -- text ----------------------------------------------------------------------------------

#: Unicode of every class, written out so that every example can meet them.
HOSTILE_PIECES = (
    "\x00",  # NUL
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "مرحبا بالعالم",  # Arabic (RTL)
    "שלום",  # Hebrew (RTL)
    "e\u0301",  # combining acute accent
    "\u0300\u0301\u0302\u0303",  # combining marks with nothing to combine with
    "😀",
    "👩\u200d👩\u200d👧",  # ZWJ sequence
    "🇫🇷",  # regional indicators
    "\u200b",  # zero-width space
    "\ufeff",  # BOM in the middle of text
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\x85",  # NEL
    "\x07\x1b[31m",  # bell, an ANSI escape
    "\ud800",  # a lone surrogate (written with surrogatepass: not UTF-8)
    "１２３",  # full-width digits
    "٣٤٥",  # Arabic-Indic digits
    "²",
    "½",
    "Ⅻ",
    "\t",
    "\r",
    "\r\n",
    "%",
    "#",
    ": ",
    " #",
    "- ",
    "{",
    "]",
    "'",
    '"',
    "\\",
    "*a",
    "&a",
    "!!python/object/apply:os.system",
    "<<",
    "---",
    "...",
)

#: Scalars YAML reads as something else than they look (YAML 1.1), and odd numbers.
TRICKY_SCALARS = (
    "yes",
    "No",
    "on",
    "OFF",
    "~",
    "null",
    "1e309",
    "-.inf",
    ".NaN",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    "1:20:30",  # sexagesimal
    "2026-02-30",
    "2026-13-01",
    "2026-09-30T25:00:00",
    "9" * 400,
    "-0",
    "+12",
    "=",
    "<<",
    "< 4",
    ">= 99.9",
    "95..99",
    "61%",
    "€0.6M",
    "10 days",
)

KR_TEXTS = (
    "Increase activation from 61% to 75%",
    "Maintain 99.9% uptime",
    "Increase NPS to 60",
    "Reduce churn from 3% to 4%",
    "Cut time to first answer from 8 minutes to 45%",
    "Launch the new pricing page",
    "Improve the onboarding experience",
    "Grow MRR from $80k to $120k while keeping churn below 3%",
    "Raise CSAT from 88% to 90%",
    "Zero missed payroll runs",
    "Sign 10 new enterprise customers",
    "Double weekly active teams",
    "Senkung der Abwanderung von 4,6 % auf 3,5 %",
    "Aumentar el NPS de 30 a 45",
    "Réduire le délai de 10 jours à 5 jours",
    "bring open bugs down to under 50",
    "release notes go out every Friday",
    "Cut p95 latency from 3h 10min to 2h",
    "Halve refund time (currently 3.4s)",
    "Grow revenue from £20k to £35k by 2026-09-30",
)

OBJECTIVE_TITLES = (
    "Make onboarding effortless for new teams",
    "Hit our sales targets",
    "Keep customers happy",
    "Run a reliable platform",
    "Win back the customers we lose in their first month",
    "Maintain 99.9% uptime",
)

#: Characters for generated text: every category, surrogates included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())

TEXT = st.one_of(
    st.sampled_from(KR_TEXTS),
    st.sampled_from(OBJECTIVE_TITLES),
    st.text(ANY_CHAR, max_size=20),
    st.lists(st.sampled_from(HOSTILE_PIECES + KR_TEXTS), min_size=1, max_size=4).map(" ".join),
)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(),  # NaN and infinities included
    st.dates(),
    st.datetimes(),
    TEXT,
    st.sampled_from(TRICKY_SCALARS),
)

ANY_VALUE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def any_type(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field's value: usually the right kind of thing, sometimes anything at all."""
    return st.one_of(good, good, good, ANY_VALUE)


def right_type(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return good


NUMBERS = st.one_of(
    st.integers(-1000, 1000),
    st.floats(-1e6, 1e6),
    st.sampled_from(["61%", "10 days", "4,6 %", "1 200 €", "3h 10min", "$80k"]),
)
DATES = st.one_of(
    st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)), st.sampled_from(TRICKY_SCALARS)
)
CYCLES = st.one_of(
    st.sampled_from(["2026-Q3", "Q3 2026", "2026-H2", 2026, "2026-07", "2026-Q5", "2026"]),
    st.fixed_dictionaries({"start": DATES, "end": DATES}),
)
THRESHOLDS = st.one_of(
    st.sampled_from(["< 4", ">= 99.9", "95..99", "<= 0", "> -1e309"]),
    st.fixed_dictionaries({}, optional={"min": NUMBERS, "max": NUMBERS}),
)
Field = Any  # any_type or right_type


def board_data(field: Field) -> st.SearchStrategy[dict[str, Any]]:
    """Board-shaped data; ``field`` decides whether fields may hold the wrong type."""
    key_result = st.fixed_dictionaries(
        {"title": field(TEXT)},
        optional={
            "id": field(TEXT),
            "metric": field(TEXT),
            "from": field(NUMBERS),
            "baseline": field(NUMBERS),
            "to": field(NUMBERS),
            "target": field(NUMBERS),
            "unit": field(st.sampled_from(["%", "days", "ms", "€", "donors", "pp"])),
            "owner": field(TEXT),
            "due": field(DATES),
            "kpi": field(st.sampled_from(["churn", "uptime", "nope"])),
        },
    )
    objective = st.fixed_dictionaries(
        {"title": field(st.sampled_from(OBJECTIVE_TITLES) | TEXT)},
        optional={
            "id": field(st.sampled_from(["O1", "O2", "O1 ", "o1"])),
            "owner": field(TEXT),
            "due": field(DATES),
            "key_results": field(st.lists(st.one_of(TEXT, TEXT, key_result), max_size=6)),
        },
    )
    kpi = st.fixed_dictionaries(
        {"name": field(TEXT)},
        optional={
            "id": field(st.sampled_from(["churn", "uptime", "O1"])),
            "owner": field(TEXT),
            "unit": field(st.sampled_from(["%", "ms", "days"])),
            "threshold": field(THRESHOLDS),
            "current": field(NUMBERS),
            "due": field(DATES),
            "from": field(NUMBERS),
            "to": field(NUMBERS),
        },
    )
    return st.fixed_dictionaries(
        {"objectives": field(st.lists(objective, max_size=5))},
        optional={
            "board": field(st.sampled_from(["Growth", "Support"]) | TEXT),
            "cycle": field(CYCLES),
            "owner": field(TEXT),
            "language": field(st.sampled_from(["en", "de", "es", "fr", "DE", "xx"])),
            "kpis": field(st.lists(kpi, max_size=3)),
        },
    )


#: Board-shaped data: the right types with hostile text (most load and reach the
#: rules), or the wrong type at any field and now and then an unknown field.
BOARD_DATA = st.one_of(
    board_data(right_type),
    board_data(right_type),
    board_data(any_type),
    st.dictionaries(st.sampled_from(["objectives", "kpis", "titel", "cycle"]), ANY_VALUE),
)


#: The file the unsafe tags ask the shell to create: it must never come to exist.
MARKER = os.path.join(tempfile.gettempdir(), "okrlint-fuzz-PWNED")

# -- the emitter ---------------------------------------------------------------------------

TAGS = (
    "!!str",
    "!!int",
    "!!float",
    "!!bool",
    "!!null",
    "!!timestamp",
    "!!binary",
    "!!set",
    "!!omap",
    "!!map",
    "!!seq",
    "!",
    "!foo",
    "!<tag:yaml.org,2002:str>",
    "!<tag:example.com,2026:x>",
    "!!python/object/apply:os.system",
    "!!python/object/new:os.system",
    "!!python/object:builtins.object",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/tuple",
)
_WORDS = ("yes", "no", "on", "off", "true", "false", "null", "y", "n")
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .%()/'-]*[A-Za-z0-9.%)]\Z|[A-Za-z]\Z")


def yaml_quote(text: str) -> str:
    """A YAML double-quoted scalar holding ``text``, in ASCII (lone surrogates replaced)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif 0xD800 <= code <= 0xDFFF:  # YAML has no escape for these
            out.append("\\ufffd")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return "".join(out) + '"'


@dataclass
class Emitter:
    """Writes data as YAML, with features drawn from ``rng``; ``hostile`` is how often.

    ``marker`` is a path that must never come to exist: the unsafe tags it writes
    ask the shell to create it.
    """

    rng: random.Random
    hostile: float = 0.1
    marker: str = MARKER
    anchors: list[tuple[str, str]] = field(default_factory=list)  # (name, kind)

    def chance(self, scale: float = 1.0) -> bool:
        return self.rng.random() < self.hostile * scale

    # scalars -------------------------------------------------------------------------
    def scalar(self, value: Any, flow: bool) -> str:
        if value is None:
            return self.rng.choice(["~", "null", "", "Null"]) if not flow else "null"
        if isinstance(value, bool):
            return self.rng.choice(["true", "false", "yes", "no", "on", "off"][int(not value) :: 2])
        if isinstance(value, float) and value != value:
            return ".nan"
        if isinstance(value, float) and abs(value) == float("inf"):
            return ".inf" if value > 0 else "-.inf"
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        text = str(value)
        plain = _PLAIN.match(text) and text.lower() not in _WORDS
        if not self.hostile:  # always valid YAML: plain, or escaped double quotes
            return text if plain and not flow else yaml_quote(text)
        style = self.rng.randrange(4)
        if style == 0 and plain:
            return text
        if style == 1 and "\n" not in text:
            return "'" + text.replace("'", "''") + "'"
        if style == 2:
            return yaml_quote(text)
        # a JSON string is a YAML double-quoted string, here with raw separators,
        # controls and lone surrogates kept: often invalid YAML
        return json.dumps(text, ensure_ascii=False)

    def props(self, kind: str) -> str:
        """Node properties: maybe an anchor, maybe a tag."""
        out = []
        if self.chance(0.4):
            name = f"a{len(self.anchors)}"
            self.anchors.append((name, kind))
            out.append("&" + name)
        if self.chance(0.15):
            out.append(self.rng.choice(TAGS))
        return " ".join(out)

    def alias(self, kind: str | None = None) -> str | None:
        names = [n for n, k in self.anchors if kind is None or k == kind]
        if names and self.chance(0.3):
            return "*" + self.rng.choice(names)
        return None

    def unsafe(self) -> str:
        shell = json.dumps(f"touch {self.marker}")
        return self.rng.choice(
            [
                f"!!python/object/apply:os.system [{shell}]",
                f"!!python/object/apply:subprocess.call [[sh, -c, {shell}]]",
                "!!python/name:os.system",
                "!!python/module:os",
            ]
        )

    # flow ----------------------------------------------------------------------------
    def flow(self, value: Any) -> str:
        alias = self.alias()
        if alias is not None:
            return alias
        if self.chance(0.05):
            return self.unsafe()
        kind = "map" if isinstance(value, dict) else "seq" if isinstance(value, list) else "s"
        prefix = self.props(kind)
        prefix = prefix + " " if prefix else ""
        if isinstance(value, dict):
            items = [f"{self.scalar(k, True)}: {self.flow(v)}" for k, v in value.items()]
            if items and self.chance(0.3):
                items.append(items[self.rng.randrange(len(items))])  # a duplicate key
            return prefix + "{" + ", ".join(items) + "}"
        if isinstance(value, list):
            return prefix + "[" + ", ".join(self.flow(v) for v in value) + "]"
        return prefix + self.scalar(value, True)

    # block ---------------------------------------------------------------------------
    def value_after_key(self, value: Any, indent: int) -> list[str]:
        """The rest of a ``key:`` line, and the lines below it."""
        pad = " " * (indent + 2)
        if isinstance(value, (dict, list)) and value and not self.chance(1.5):
            alias = self.alias("map" if isinstance(value, dict) else "seq")
            if alias is not None:
                return [" " + alias]
            props = self.props("map" if isinstance(value, dict) else "seq")
            return [(" " + props) if props else "", *self.block(value, indent + 2)]
        if isinstance(value, str) and "\n" in value and self.chance(2) and "\r" not in value:
            body = [pad + line if line else "" for line in value.split("\n")]
            return [" |-" if not value.endswith("\n") else " |", *body]
        return [" " + self.flow(value)]

    def block(self, value: Any, indent: int) -> list[str]:
        pad = " " * indent
        if isinstance(value, dict) and value:
            lines: list[str] = []
            merge = self.alias("map")
            if merge is not None:
                lines.append(f"{pad}<<: {merge}")
            items = list(value.items())
            if items and self.chance(0.3):
                items.append(items[self.rng.randrange(len(items))])  # a duplicate key
            for key, item in items:
                if self.chance(0.03):
                    lines.append(f"{pad}{self.unsafe()} x: {self.flow(item)}")
                    continue
                rest = self.value_after_key(item, indent)
                lines.append(f"{pad}{self.scalar(key, False)}:{rest[0]}")
                lines.extend(rest[1:])
            return lines
        if isinstance(value, list) and value:
            lines = []
            for item in value:
                if isinstance(item, (dict, list)) and item and not self.chance(1.5):
                    props = self.props("map" if isinstance(item, dict) else "seq")
                    child = self.block(item, indent + 2)
                    if props:
                        lines.append(f"{pad}- {props}")
                        lines.extend(child)
                    else:  # compact: "- key: value" with the rest below
                        lines.append(f"{pad}- {child[0][indent + 2 :]}")
                        lines.extend(child[1:])
                else:
                    lines.append(f"{pad}- {self.flow(item)}")
            return lines
        return [pad + self.flow(value)]

    def document(self, value: Any) -> str:
        if isinstance(value, dict) and value and not self.chance(0.5):
            lines = self.block(value, 0)
        else:
            lines = [self.flow(value)]
        if self.chance(0.2):
            lines.insert(0, self.rng.choice(["---", "%YAML 1.1\n---", "--- # a board"]))
        if self.chance(0.1):
            lines.append("...")
        return "\n".join(lines) + self.rng.choice(["\n", "\n", "", "\r\n", "\n\n# end\n"])


def repository_board(rng: random.Random, team: str, cycle: str) -> str:
    """A mostly sensible board for a generated goals repository (a few are hostile)."""
    kpis = [
        {
            "id": kpi_id,
            "name": name,
            "unit": "%",
            "threshold": rng.choice(["< 4", ">= 99.9", "95..99"]),
            "current": rng.choice([4.6, 3.1, 99.95, 97, "n/a"]),
            **({"owner": team.lower()} if rng.random() < 0.7 else {}),
        }
        for kpi_id, name in rng.sample([("churn", "Monthly churn"), ("uptime", "Uptime")], 2)
    ]
    objectives = [
        {
            "title": rng.choice(OBJECTIVE_TITLES),
            **({"owner": team.lower()} if rng.random() < 0.5 else {}),
            "key_results": [
                rng.choice(KR_TEXTS)
                if rng.random() < 0.7
                else {"title": rng.choice(KR_TEXTS), "from": 4.6, "to": 3.5, "kpi": "churn"}
                for _ in range(rng.randrange(0, 7))
            ],
        }
        for _ in range(rng.randrange(1, 5))
    ]
    board = {"board": team, "cycle": cycle, "kpis": kpis, "objectives": objectives}
    emitter = Emitter(rng, hostile=rng.choice([0.0, 0.0, 0.0, 0.02, 0.2]))
    return emitter.document(board)


# -- mutations ------------------------------------------------------------------------------

SPLICES = st.one_of(
    st.sampled_from(HOSTILE_PIECES),
    st.sampled_from(["", "\n", "\n  ", "\t", "---\n", "- ", ": ", "&a ", "*a ", "<<: *a\n"]),
    st.text(ANY_CHAR, max_size=5),
)
MUTATIONS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), SPLICES), min_size=1, max_size=4)


def mutate(text: str, cuts: list[tuple[float, int, str]], truncate: float | None) -> str:
    for where, delete, insert in cuts:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + delete :]
    if truncate is not None:
        text = text[: int(truncate * len(text))]
    return text


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":
        try:
            return text.encode("utf-16")  # with a byte-order mark
        except UnicodeEncodeError:  # lone surrogates
            pass
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if encoding == "latin-1":
        return text.encode("latin-1", "replace")
    return text.encode("utf-8", "surrogatepass")


@st.composite
def structured_file(draw: st.DrawFn) -> bytes:
    """A board written by the emitter, maybe mutated, maybe in another encoding."""
    emitter = Emitter(
        random.Random(draw(st.integers(0, 2**32 - 1))),
        hostile=draw(st.sampled_from([0.0, 0.05, 0.15, 0.4])),
        marker=MARKER,
    )
    text = emitter.document(draw(BOARD_DATA))
    if draw(st.integers(0, 9)) == 0:  # several documents
        text = text.rstrip("\n") + "\n---\n" + emitter.document(draw(BOARD_DATA))
    if draw(st.integers(0, 2)) == 0:
        text = mutate(text, draw(MUTATIONS), draw(st.none() | st.floats(0, 1)))
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-16", "utf-8-sig", "latin-1"]))
    return encode(text, encoding)


@st.composite
def deep_file(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(1, 1100))
    shape = draw(st.sampled_from(["flow-seq", "flow-map", "block-seq", "block-map"]))
    if shape == "flow-seq":
        body = "[" * depth + "x" + "]" * depth
    elif shape == "flow-map":
        body = "{a: " * depth + "x" + "}" * depth
    elif shape == "block-seq":
        depth = min(depth, 300)
        body = "\n  " + "- " * depth + "Increase NPS to 60"
    else:
        depth = min(depth, 150)
        body = "".join("\n" + "  " * (k + 1) + "a:" for k in range(depth)) + " x"
    cut = draw(st.none() | st.integers(0, len(body)))
    if cut is not None:
        body = body[:cut]
    return ("objectives:" + (" " if body[:1] in "[{" else "") + body + "\n").encode()


@st.composite
def huge_file(draw: st.DrawFn) -> bytes:
    """Huge strings, and many items (bounded: a few hundred kilobytes at most)."""
    piece = draw(st.sampled_from(HOSTILE_PIECES + KR_TEXTS + ("x", "9", "lol ")))
    size = draw(st.sampled_from([1_000, 30_000, 200_000]))
    big = (piece * (size // max(len(piece), 1) + 1))[:size]
    kind = draw(st.sampled_from(["title", "key", "many", "comment", "number"]))
    if kind == "title":
        return (
            "objectives:\n  - title: " + json.dumps(big) + "\n    key_results: [a, b]\n"
        ).encode("utf-8", "surrogatepass")
    if kind == "key":
        return ("objectives:\n  - " + json.dumps(big) + ": x\n").encode("utf-8", "surrogatepass")
    if kind == "comment":
        return ("# " + big.replace("\n", " ") + "\nobjectives: []\n").encode(
            "utf-8", "surrogatepass"
        )
    if kind == "number":
        return f"cycle: 2026-Q3\nkpis:\n  - name: X\n    current: {'9' * (size // 10)}\n".encode()
    count = size // 1000
    lines = ["cycle: 2026-Q3", "objectives:", "  - title: Grow revenue", "    key_results:"]
    lines += [f"      - {draw(st.sampled_from(KR_TEXTS))}"] * count
    return ("\n".join(lines) + "\n").encode()


@st.composite
def well_formed_file(draw: st.DrawFn) -> bytes:
    """Valid YAML of the right shape, with hostile text: it reaches the rules."""
    emitter = Emitter(random.Random(draw(st.integers(0, 2**32 - 1))), hostile=0.0)
    return encode(emitter.document(draw(board_data(right_type))), "utf-8")


ANY_FILE = st.one_of(
    well_formed_file(),
    well_formed_file(),
    structured_file(),
    structured_file(),
    st.binary(max_size=300),
    st.text(ANY_CHAR, max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    deep_file(),
    huge_file(),
)


# -- what the files hold, to check positions against ---------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def lines_of(data: bytes) -> list[str]:
    """The lines of a file as okrlint counts them (undecodable bytes replaced)."""
    text = decode(data, "x")
    if not isinstance(text, str):
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
        text = data.decode(encoding, "replace")
    return source_lines(text)
