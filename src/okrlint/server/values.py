"""What the language server's core hands its protocol adapter: plain values, no protocol.

Places here are the editor's: 0-based lines and characters counted in the position
encoding the client and server agreed on (UTF-16 code units unless the client offers
another). okrlint's own positions are 1-based lines and columns in code points, with
YAML's line breaks (NEL, LS and PS break a line too); an editor breaks lines only at
CR LF, CR and LF. :class:`TextIndex` goes through the character offset in the text,
so each side keeps its own way of counting.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from okrlint.positions import LINE_BREAK, Position, Span


class Encoding(StrEnum):
    """How characters are counted in a line (LSP's ``positionEncoding``)."""

    UTF8 = "utf-8"
    UTF16 = "utf-16"
    UTF32 = "utf-32"

    def units(self, text: str) -> int:
        """How many units ``text`` is in this encoding."""
        if self is Encoding.UTF32:
            return len(text)
        if self is Encoding.UTF16:
            return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)
        return len(text.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """A place in a document as the editor counts it (0-based)."""

    line: int
    character: int


@dataclass(frozen=True, slots=True)
class Range:
    start: Place
    end: Place

    def overlaps(self, other: Range) -> bool:
        """Do the two ranges share a place (touching ends count: a cursor at an end)?"""
        return self.start <= other.end and other.start <= self.end


#: The line breaks of the Language Server Protocol.
EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


class TextIndex:
    """Converts between okrlint's positions, offsets in the text and editor places."""

    def __init__(self, text: str, encoding: Encoding = Encoding.UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self._yaml_starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
        self._editor_starts = [0, *(m.end() for m in EDITOR_BREAK.finditer(text))]

    # -- okrlint's positions ------------------------------------------------------------

    def offset_of(self, position: Position) -> int:
        """The offset of a 1-based line and column (code points), kept within the text."""
        line = min(max(position.line, 1), len(self._yaml_starts)) - 1
        offset = self._yaml_starts[line] + max(position.column, 1) - 1
        return min(offset, len(self.text))

    def range_of(self, span: Span) -> Range:
        start = self.place(self.offset_of(span.start))
        end = self.place(max(self.offset_of(span.end), self.offset_of(span.start)))
        return Range(start, end)

    # -- the editor's places ------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self._editor_starts)

    def line_text(self, line: int) -> str:
        """An editor line's text, without its line break ("" past the end)."""
        if not 0 <= line < len(self._editor_starts):
            return ""
        start = self._editor_starts[line]
        end = self._editor_starts[line + 1] if line + 1 < len(self._editor_starts) else None
        return self.text[start:end].rstrip("\r\n")

    def place(self, offset: int) -> Place:
        """The editor place of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._editor_starts, offset) - 1
        start = self._editor_starts[line]
        return Place(line, self.encoding.units(self.text[start:offset]))

    def offset_at(self, place: Place) -> int:
        """The character offset of an editor place (a place past a line's end is its end;
        one inside a character counted in several units is that character's start)."""
        if place.line >= len(self._editor_starts):
            return len(self.text)
        start = self._editor_starts[max(place.line, 0)]
        line = self.line_text(max(place.line, 0))
        if self.encoding is Encoding.UTF32:
            return start + min(max(place.character, 0), len(line))
        units = 0
        for index, char in enumerate(line):
            units += self.encoding.units(char)
            if units > place.character:
                return start + index
        return start + len(line)

    def column_at(self, place: Place) -> int:
        """The 0-based code-point column of an editor place on its line."""
        return self.offset_at(place) - self._editor_starts[min(place.line, self.line_count - 1)]


class Severity(IntEnum):
    """LSP's diagnostic severities."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4


@dataclass(frozen=True, slots=True)
class Diagnostic:
    range: Range
    severity: Severity
    code: str
    message: str
    unnecessary: bool = False  # shown faded (a suppression that suppresses nothing)


@dataclass(frozen=True, slots=True)
class TextEdit:
    range: Range
    new_text: str


class ActionKind(StrEnum):
    QUICK_FIX = "quickfix"
    FIX_ALL = "source.fixAll.okrlint"


@dataclass(frozen=True, slots=True)
class CodeAction:
    title: str
    kind: ActionKind
    edits: tuple[TextEdit, ...]
    diagnostics: tuple[Diagnostic, ...] = ()  # the diagnostics it resolves
    preferred: bool = False


@dataclass(frozen=True, slots=True)
class Hover:
    markdown: str
    range: Range | None = None


class CompletionKind(IntEnum):
    """LSP's completion item kinds (the few used)."""

    VALUE = 12
    KEYWORD = 14
    REFERENCE = 18
    CONSTANT = 21


@dataclass(frozen=True, slots=True)
class Completion:
    label: str
    kind: CompletionKind
    detail: str = ""
    documentation: str = ""
    edit: TextEdit | None = None  # what it replaces (None: the word at the cursor)
    sort: str = field(default="")
