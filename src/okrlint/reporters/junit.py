"""``--format junit``: JUnit XML, for CI systems that show test reports.

One ``<testsuite>`` per linted file (named by the file), one ``<testcase>`` per rule
and node judged (``classname`` the file, ``name`` ``"rule-id node"``, or the rule id
alone for the whole board) with a ``<failure>`` per verdict: every finding is a
failure, whatever its severity (the severity is the failure's ``type``; the exit
status still follows ``--fail-on``). An input error is an ``<error>`` of a testcase
named after its kind and field. A file without findings or errors is a suite with
one passing testcase, ``okrlint``. No run times or timestamps: the same run gives
the same bytes. Built with ElementTree, so all text is escaped as XML requires;
control characters, which XML 1.0 cannot carry, are shown as visible symbols.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from okrlint.errors import InputError
from okrlint.findings import Finding, LintResult
from okrlint.reporters import Rendered, visible

#: Characters XML 1.0 cannot hold even escaped (after control characters were made
#: visible): lone surrogates and the non-characters U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")

#: The passing testcase of a file without findings.
CLEAN_CASE = "okrlint"


def _text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", visible(text))


def _position(file: str, line: int, column: int) -> str:
    return f"{file}:{line}:{column}"


def _finding_text(f: Finding) -> str:
    head = f"{_position(f.file, f.line, f.column)}: {f.severity.value} {f.rule} {f.message}"
    return _text(head) + (f"\nhint: {_text(f.hint)}" if f.hint else "")


def _error_text(e: InputError) -> str:
    head = f"{_position(e.file, e.line, e.column)}: error {e.kind.value} {e.message}"
    return _text(head) + (f"\nhint: {_text(e.hint)}" if e.hint else "")


@dataclass
class _Case:
    name: str
    line: int
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def _case_name(rule: str, node: str) -> str:
    return f"{rule} {node}" if node else rule


def _cases(errors: tuple[InputError, ...], findings: list[Finding]) -> list[_Case]:
    """One case per input error kind and field, then one per rule and node."""
    cases: dict[tuple[str, str, str], _Case] = {}
    for e in sorted(errors, key=lambda e: (e.line, e.column, e.kind.value)):
        key = ("error", e.kind.value, e.node)
        cases.setdefault(key, _Case(_case_name(e.kind.value, e.node), e.line)).errors.append(e)
    for f in findings:
        key = ("finding", f.rule, f.node)
        cases.setdefault(key, _Case(_case_name(f.rule, f.node), f.line)).findings.append(f)
    return list(cases.values())


def _testcase(suite: ET.Element, file: str, case: _Case) -> None:
    element = ET.SubElement(
        suite,
        "testcase",
        classname=_text(file),
        name=_text(case.name),
        file=_text(file),
        line=str(case.line),
    )
    for e in case.errors:
        ET.SubElement(
            element, "error", message=_text(e.message), type=e.kind.value
        ).text = _error_text(e)
    for f in case.findings:
        ET.SubElement(
            element, "failure", message=_text(f.message), type=f.severity.value
        ).text = _finding_text(f)


def _suite(file: str, errors: tuple[InputError, ...], findings: list[Finding]) -> ET.Element:
    cases = _cases(errors, findings)
    suite = ET.Element(
        "testsuite",
        name=_text(file),
        tests=str(max(len(cases), 1)),
        failures=str(sum(1 for c in cases if c.findings and not c.errors)),
        errors=str(sum(1 for c in cases if c.errors)),
        skipped="0",
    )
    if not cases:
        ET.SubElement(suite, "testcase", classname=_text(file), name=CLEAN_CASE, file=_text(file))
    for case in cases:
        _testcase(suite, file, case)
    return suite


def to_element(result: LintResult) -> ET.Element:
    """The report as an ElementTree element (``<testsuites>``)."""
    grouped: dict[str, list[Finding]] = {}
    for f in sorted(result.findings, key=Finding.sort_key):
        grouped.setdefault(f.file, []).append(f)
    errors = {r.file: r.errors for r in result.files}
    root = ET.Element("testsuites", name="okrlint")
    for file in sorted({*errors, *grouped}):
        root.append(_suite(file, errors.get(file, ()), grouped.get(file, [])))
    for total in ("tests", "failures", "errors"):
        root.set(total, str(sum(int(suite.get(total, "0")) for suite in root)))
    return root


def render(result: LintResult, *, color: bool = False, quiet: bool = False) -> Rendered:
    tree = ET.ElementTree(to_element(result))
    ET.indent(tree, space="  ")
    buffer = io.StringIO()
    tree.write(buffer, encoding="unicode", xml_declaration=True)
    err = "".join(f"okrlint: {visible(notice)}\n" for notice in result.notices)
    return Rendered(buffer.getvalue() + "\n", err)
