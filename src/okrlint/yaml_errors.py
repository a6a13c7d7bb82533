"""YAML parser errors as input errors: a position, a node path, words and a hint.

PyYAML and libyaml report where parsing stopped, which is often not where the
mistake is: a tab in the indentation, a comparison read as a block scalar, a quote
left open (the parser stops at the end of the file, or at a later quote). Each is
reported where the user can fix it. :mod:`okrlint.yamltree` raises these.
"""

from __future__ import annotations

from typing import Any

import yaml

from okrlint.errors import ErrorKind, InputError
from okrlint.positions import NodePath, Position, Span, position_at, source_lines


def bad_character_error(file: str, text: str, index: int, path: NodePath) -> InputError:
    """A character YAML does not allow (control characters, lone surrogates ...)."""
    index = min(max(index, 0), max(len(text) - 1, 0))
    char = text[index] if text else "\x00"
    at = position_at(text, index)
    hint = "remove the character: it is often invisible (search for it in an editor)"
    if char == "\x00":
        hint = (
            "NUL characters usually mean the file is UTF-16 without a byte-order mark: "
            "save it as UTF-8"
        )
    elif 0xD800 <= ord(char) <= 0xDFFF:
        hint = "the text is not valid Unicode (a lone surrogate): save the file as UTF-8"
    return InputError(
        ErrorKind.PARSE_ERROR,
        f"invalid YAML: the character U+{ord(char):04X} is not allowed in a YAML file "
        "(control characters and non-characters are not, even inside quotes)",
        file,
        Span(at, Position(at.line, at.column + 1)),
        path,
        hint,
    )


def reader_error(
    file: str, text: str, exc: yaml.reader.ReaderError, path: NodePath, c_loader: bool
) -> InputError:
    index = exc.position
    if c_loader:  # libyaml counts bytes of UTF-8, PyYAML counts code points
        index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
    if not (0 <= index < len(text)) or ord(text[index]) != exc.character:
        bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
        index = bad.start() if bad is not None else 0
    return bad_character_error(file, text, index, path)


def tree_error(
    file: str, text: str, exc: yaml.YAMLError, path: NodePath = (), quoted: Any = None
) -> InputError:
    """Turn a PyYAML error into an input error with a position and a helpful hint.

    ``quoted`` is the event of the last quoted scalar read before the error, if any: a
    quote left open swallows the lines after it, and the parser trips far from it."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    unclosed = _unclosed_quote(file, exc, path, quoted)
    if unclosed is not None:
        return unclosed
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    kind = ErrorKind.PARSE_ERROR
    message = f"invalid YAML: {problem}"
    if context and context not in problem:
        message = f"invalid YAML: {problem} ({context})"
    lines = source_lines(text)
    if line > len(lines):  # libyaml puts the end of a stream on a line of its own
        line, column = len(lines), len(lines[-1]) + 1
    source = lines[line - 1]
    column = min(column, len(source) + 1)
    indent = source[: len(source) - len(source.lstrip(" \t-"))]
    hint = ""
    if "\t" in indent:
        message = "invalid YAML: a tab character; YAML allows only spaces for indentation"
        hint = "replace the tabs with spaces"
        column = indent.index("\t") + 1
    elif source[column - 1 : column] == "\t":
        message = "invalid YAML: a tab character where YAML expects spaces"
        hint = "replace the tab with spaces, or quote the text that holds it"
    elif (found := _block_scalar_comparison(source)) is not None:
        message = BLOCK_SCALAR_MESSAGE
        hint = BLOCK_SCALAR_HINT
        column = found + 1
    elif "maximum nesting depth" in problem:  # libyaml's own cap on flow nesting
        kind = ErrorKind.LIMIT_EXCEEDED
        message = "nesting deeper than libyaml's limit of 1000 levels"
        hint = "a board needs only a few levels of nesting"
    elif "could not find expected ':'" in problem or "expected <block end>" in problem:
        hint = "check the indentation and that every key ends with ':'"
    return InputError(
        kind, message, file, Span(Position(line, column), Position(line, column + 1)), path, hint
    )


_APOSTROPHE_HINT = (
    "inside single quotes an apostrophe is written twice ('don''t'), or quote the value "
    "with double quotes"
)
_QUOTE_HINT = f"close the quote at the end of the value; {_APOSTROPHE_HINT}"


def _unclosed_quote(
    file: str, exc: yaml.YAMLError, path: NodePath, quoted: Any
) -> InputError | None:
    """A quote opened and never closed, reported where it opens (PyYAML and libyaml
    both report the end of the file, or the place where a later quote closed it)."""

    def at(mark: Any, message: str, hint: str) -> InputError:  # one character at ``mark``
        where = Position(mark.line + 1, mark.column + 1)
        span = Span(where, Position(where.line, where.column + 1))
        return InputError(ErrorKind.PARSE_ERROR, f"invalid YAML: {message}", file, span, path, hint)

    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    if getattr(exc, "context", None) == "while scanning a quoted scalar" and context_mark:
        return at(context_mark, "the quoted value that opens here is never closed", _QUOTE_HINT)
    if quoted is None or problem_mark is None:
        return None
    start, end = quoted.start_mark, quoted.end_mark
    if problem_mark.line != end.line or problem_mark.column < end.column:
        return None
    if start.line == end.line:
        if quoted.style != "'" or problem_mark.column != end.column:
            return None
        # 'Don't stop': the apostrophe closes the quote; what follows cannot be read
        message = "text goes on after a quoted value closed by an apostrophe"
        return at(problem_mark, message, _APOSTROPHE_HINT)
    # the quote ran on over several lines until a later quote closed it
    message = (
        "the quoted value that opens here is not closed on its line: it runs on to line "
        f"{end.line + 1}, column {end.column}, where the file can no longer be read"
    )
    return at(start, message, _QUOTE_HINT)


BLOCK_SCALAR_MESSAGE = (
    "invalid YAML: a value starting with '>' or '|' is a YAML block scalar "
    "(folded or literal text), so an unquoted comparison cannot be read"
)
BLOCK_SCALAR_HINT = 'quote the comparison, e.g. threshold: ">= 99.9"'


def _block_scalar_comparison(line: str) -> int | None:
    """The index of the '>' or '|' that starts an unquoted comparison on ``line``, if any."""
    key, sep, _value = line.partition(": ")
    start = len(key) + len(sep) if sep else 0
    while start < len(line) and line[start] in " -":
        start += 1
    value = line[start:].rstrip()
    if len(value) > 1 and value[0] in "><|" and (value[1] in "= " or value[1].isdigit()):
        return start
    return None
