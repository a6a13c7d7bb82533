"""A document linted, as the editor's diagnostics: each finding and each input error
at the range of the node it judges, its rule id (or input error kind) as the code, the
message with the hint on a second line."""

from __future__ import annotations

from okrlint.checks import UNUSED
from okrlint.errors import InputError
from okrlint.findings import Finding
from okrlint.findings import Severity as Grade
from okrlint.server.session import Linted
from okrlint.server.values import Diagnostic, Place, Range, Severity, TextIndex

SEVERITIES = {
    Grade.ERROR: Severity.ERROR,
    Grade.WARNING: Severity.WARNING,
    Grade.INFO: Severity.INFORMATION,
}

#: The code of a diagnostic saying the document's settings cannot be read.
CONFIG_ERROR = "config-error"
#: The code of a diagnostic saying okrlint itself failed on the document.
INTERNAL_ERROR = "internal-error"


def words(message: str, hint: str) -> str:
    """A diagnostic's text: the message, and the hint on a line of its own."""
    return f"{message}\n{hint}" if hint else message


def first_line(index: TextIndex) -> Range:
    """The first line of a document: where a problem of the whole file is shown."""
    end = index.encoding.units(index.line_text(0))
    return Range(Place(0, 0), Place(0, end))


def finding_diagnostic(finding: Finding, index: TextIndex) -> Diagnostic:
    return Diagnostic(
        range=index.range_of(finding.span),
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        message=words(finding.message, finding.hint),
        unnecessary=finding.rule == UNUSED,
    )


def error_diagnostic(error: InputError, index: TextIndex) -> Diagnostic:
    return Diagnostic(
        range=index.range_of(error.span),
        severity=Severity.ERROR,
        code=error.kind.value,
        message=words(error.message, error.hint),
    )


def diagnostics(linted: Linted) -> list[Diagnostic]:
    """What the editor shows for a document linted (nothing for a skipped one)."""
    index = linted.index
    if linted.problem:
        text = f"okrlint cannot lint this board: {linted.problem}"
        return [Diagnostic(first_line(index), Severity.ERROR, CONFIG_ERROR, text)]
    if linted.crashed:
        text = (
            f"okrlint crashed on this board ({linted.crashed}); please report this bug "
            "(the other diagnostics come back with the next change)"
        )
        return [Diagnostic(first_line(index), Severity.ERROR, INTERNAL_ERROR, text)]
    result = linted.result
    if result is None:
        return []
    out = [error_diagnostic(e, index) for e in result.input_errors]
    out += [finding_diagnostic(f, index) for f in result.findings]
    return out
