"""The machine formats: same findings everywhere, SARIF valid against its schema,
GitHub commands escaped, JUnit well-formed, GitLab fingerprints unique and stable."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from linted_boards import HERE, ROOT_URI, in_here, lint_boards, render

from okrlint.api import lint_text
from okrlint.catalog import example_lines, is_board_example, load_rule_doc
from okrlint.checks import RULE_IDS
from okrlint.errors import ErrorKind, InputError
from okrlint.findings import FileResult, Finding, LintResult, Severity
from okrlint.positions import Position, Span
from okrlint.reporters import FORMATS, get
from okrlint.reporters import github as github_format
from okrlint.reporters import gitlab as gitlab_format

SCHEMA = json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
INPUT_KINDS = {kind.value for kind in ErrorKind}

Row = tuple[str, int, str]  # file, line, rule id (or input-error kind)


# -- a result with the awkward cases ----------------------------------------------------


def _finding(rule: str = "no-baseline", **changes: Any) -> Finding:
    base = Finding(
        rule=rule,
        severity=Severity.WARNING,
        message='"Increase NPS to 60" sets a target (60) but no baseline',
        file="boards/mixed.yaml",
        span=Span(Position(8, 9), Position(8, 26)),
        path=("objectives", 0, "key_results", 2),
        hint='state the baseline: "from ? to 60"',
        fingerprint="f" * 32,
        node_line=8,
    )
    return dataclasses.replace(base, **changes)


def awkward_result() -> LintResult:
    """Control characters, line breaks, %, :, , in names and messages, a multi-line span,
    column 0, a file outside the root, a suppressed finding, a notice, an internal error.

    Its files are relative to this folder, the root: render it from here (``in_here``).
    """
    odd = "odd, name: 100%.yaml"
    findings = (
        _finding(file=odd, message="100% sure: a\r\nb, c\x1b[31m red \x9b", hint="x\ny"),
        _finding(
            rule="board-mostly-kpis",
            severity=Severity.INFO,
            span=Span(Position(3, 1), Position(5, 4)),
            path=(),
            file=odd,
        ),
        _finding(rule="internal-error", severity=Severity.ERROR, fingerprint="", hint=""),
        _finding(file=str(HERE.parent / "elsewhere.yaml"), fingerprint="e" * 32),
    )
    errors = (
        InputError(
            ErrorKind.LIMIT_EXCEEDED,
            "nested deeper than 64",
            "deep.yaml",
            Span(Position(1, 0), Position(1, 0)),
        ),
        InputError(
            ErrorKind.DUPLICATE_KEY,
            "key 'title' repeated",
            odd,
            Span(Position(4, 5), Position(4, 10)),
            ("objectives", 0, "title"),
            "remove one",
        ),
    )
    return LintResult(
        files=(
            FileResult("deep.yaml", errors[:1]),
            FileResult(odd, errors[1:]),
            FileResult("boards/mixed.yaml"),
        ),
        findings=findings,
        notices=("empty: no board files",),
        root=str(HERE),
        suppressed=(_finding(rule="kpi-in-disguise", severity=Severity.ERROR),),
    )


# -- the same findings in every format ------------------------------------------------------

_HUMAN = re.compile(r"^(.+?):(\d+):(\d+): (?:error|warning|info) (\S+) ")
_CONCISE = re.compile(r"^(.+?):(\d+):(\d+): (\S+) ")


def _split(rows: list[Row]) -> tuple[Counter[Row], Counter[Row]]:
    """(findings, input errors) as multisets."""
    return (
        Counter(r for r in rows if r[2] not in INPUT_KINDS),
        Counter(r for r in rows if r[2] in INPUT_KINDS),
    )


def _lines(pattern: re.Pattern[str], text: str) -> list[Row]:
    return [
        (m[1], int(m[2]), m[4])
        for line in text.splitlines()
        if (m := pattern.match(line)) is not None
    ]


def rows_human(out: str, err: str) -> list[Row]:
    return _lines(_HUMAN, out) + _lines(_HUMAN, err)


def rows_concise(out: str, err: str) -> list[Row]:
    return _lines(_CONCISE, out) + _lines(_CONCISE, err)


def rows_json(out: str, err: str) -> list[Row]:
    data = json.loads(out)
    rows = [(f["file"], f["line"], f["rule"]) for f in data["findings"]]
    return rows + [(f["file"], e["line"], e["kind"]) for f in data["files"] for e in f["errors"]]


def rows_sarif(out: str, err: str) -> list[Row]:
    rows = []
    for result in json.loads(out)["runs"][0]["results"]:
        if "suppressions" in result:
            continue
        location = result["locations"][0]["physicalLocation"]
        rows.append(
            (location["artifactLocation"]["uri"], location["region"]["startLine"], result["ruleId"])
        )
    return rows


_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = _COMMAND.match(line)
    assert match is not None, line
    props = dict(item.split("=", 1) for item in match[2].split(","))
    decoded = {k: unescape(v) for k, v in props.items()}
    return match[1], decoded, unescape(match[3])


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def rows_github(out: str, err: str) -> list[Row]:
    rows = []
    for line in out.splitlines():
        _name, props, _message = parse_command(line)
        rule = re.fullmatch(r"okrlint\((.+)\)", props["title"])
        assert rule is not None
        rows.append((props["file"], int(props["line"]), rule[1]))
    return rows


def rows_junit(out: str, err: str) -> list[Row]:
    rows = []
    for element in ET.fromstring(out).iter():
        if element.tag in ("failure", "error"):
            match = _HUMAN.match(element.text or "")
            assert match is not None, element.text
            rows.append((match[1], int(match[2]), match[4]))
    return rows


def rows_gitlab(out: str, err: str) -> list[Row]:
    return [
        (i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"])
        for i in json.loads(out)
    ]


ROWS = {
    "human": rows_human,
    "concise": rows_concise,
    "json": rows_json,
    "sarif": rows_sarif,
    "github": rows_github,
    "junit": rows_junit,
    "gitlab": rows_gitlab,
}


def test_every_format_is_tested() -> None:
    assert set(ROWS) == set(FORMATS)


def test_every_format_reports_the_same_findings_and_input_errors() -> None:
    result = lint_boards()
    expected = Counter((f.file, f.line, f.rule) for f in result.findings)
    expected_errors = Counter((e.file, e.line, e.kind.value) for e in result.input_errors)
    assert expected and expected_errors  # the boards have both
    for fmt, rows in ROWS.items():
        rendered = render(fmt, result, quiet=True)
        findings, errors = _split(rows(rendered.out, rendered.err))
        assert findings == expected, fmt
        assert errors == expected_errors, fmt


# -- SARIF ----------------------------------------------------------------------------------


def sarif(result: LintResult | None = None) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render("sarif", result).out)
    return data


def validate_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_the_schema_is_the_official_one() -> None:
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert "2.1.0" in SCHEMA["properties"]["version"]["enum"]


def test_sarif_is_valid_against_the_official_schema(tmp_path: Path) -> None:
    validate_sarif(sarif())
    log = sarif(awkward_result())
    validate_sarif(log)
    with pytest.raises(jsonschema.ValidationError):  # the validator does validate
        jsonschema.validate({**log, "version": "2.0.0"}, SCHEMA)


def test_sarif_run_and_tool() -> None:
    log = sarif()
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "okrlint"
    from okrlint import __version__

    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT_URI  # HERE, as a URI
    # no timestamps or durations: the same run gives the same bytes
    assert not [key for key in _keys(log) if "time" in key.lower()]


def _keys(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [*data, *(k for v in data.values() for k in _keys(v))]
    if isinstance(data, list):
        return [k for v in data for k in _keys(v)]
    return []


def test_sarif_documents_every_id() -> None:
    rules = sarif()["runs"][0]["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    extra = {"internal-error", "unused-suppression", "unknown-rule-in-suppression"}
    assert set(ids) >= {*RULE_IDS, *INPUT_KINDS, *extra}
    levels = {"error": "error", "warning": "warning", "info": "note"}
    by_id = {rule["id"]: rule for rule in rules}
    for rule_id in RULE_IDS:
        doc, rule = load_rule_doc(rule_id), by_id[rule_id]
        assert rule["shortDescription"]["text"] == doc.summary
        assert rule["fullDescription"]["text"] == " ".join(doc.rationale.split())
        assert rule["defaultConfiguration"]["level"] == levels[doc.severity.value]
        examples = [("-", bad) for bad in doc.bad] + [("+", good) for good in doc.good]
        for marker, example in examples:
            # a board: indented under its comment in text, a fenced yaml block in Markdown
            assert "\n".join(example_lines(example, marker)) in rule["help"]["text"]
            if is_board_example(example):
                assert f"```yaml\n{example.strip()}\n```" in rule["help"]["markdown"]
            else:
                assert f"- `{example}`" in rule["help"]["markdown"]
    for rule_id in (*INPUT_KINDS, *extra):
        rule = by_id[rule_id]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
    for kind in INPUT_KINDS:
        assert by_id[kind]["defaultConfiguration"]["level"] == "error"
    assert by_id["unused-suppression"]["defaultConfiguration"]["level"] == "warning"


def test_sarif_results_carry_the_findings() -> None:
    result = lint_boards()
    run = sarif(result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    findings = sorted(result.findings, key=Finding.sort_key)
    results = [r for r in run["results"] if r["ruleId"] not in INPUT_KINDS]
    assert len(results) == len(findings)
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    for f, r in zip(findings, results, strict=True):
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"] == f.rule
        assert r["level"] == levels[f.severity]
        assert r["message"]["text"] == f"{f.message}\nhint: {f.hint}"
        [location] = r["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": f.file, "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        }
        if f.node:
            assert location["logicalLocations"] == [{"fullyQualifiedName": f.node}]
        else:
            assert "logicalLocations" not in location
        assert r["partialFingerprints"] == {"okrlint/v1": f.fingerprint}
    [error] = [r for r in run["results"] if r["ruleId"] in INPUT_KINDS]
    assert (error["ruleId"], error["level"]) == ("schema-error", "error")
    assert rules[error["ruleIndex"]]["id"] == "schema-error"
    assert error["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": "objectives[0].tittle"}
    ]


def test_sarif_paths_are_relative_to_the_repository_root() -> None:
    result = dataclasses.replace(lint_boards(), root=str(HERE.parent))
    run = sarif(result)["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"reporters/boards/mixed.yaml", "reporters/boards/schema.yaml"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == HERE.parent.as_uri() + "/"


def test_sarif_awkward_cases(tmp_path: Path) -> None:
    run = sarif(awkward_result())["runs"][0]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for r in run["results"]:
        by_rule.setdefault(r["ruleId"], []).append(r)

    def artifact(r: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = r["locations"][0]["physicalLocation"]["artifactLocation"]
        return result

    # a file name that is not a URI as it stands is percent-encoded
    assert artifact(by_rule["board-mostly-kpis"][0])["uri"] == "odd%2C%20name%3A%20100%25.yaml"
    # outside the root: an absolute file:// URI, no base
    outside = [r for r in by_rule["no-baseline"] if "uriBaseId" not in artifact(r)]
    assert [artifact(r)["uri"] for r in outside] == [(HERE.parent / "elsewhere.yaml").as_uri()]
    # column 0 becomes 1; SARIF counts from 1
    [deep] = by_rule["limit-exceeded"]
    assert deep["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1
    # a finding without a fingerprint gets one
    [crash] = by_rule["internal-error"]
    assert re.fullmatch(r"[0-9a-f]{32}", crash["partialFingerprints"]["okrlint/v1"])
    assert run["invocations"][0]["executionSuccessful"] is False
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes == [{"level": "note", "message": {"text": "empty: no board files"}}]
    # the suppressed finding is there, marked as suppressed
    [suppressed] = by_rule["kpi-in-disguise"]
    assert suppressed["suppressions"] == [{"kind": "inSource", "status": "accepted"}]
    assert all("suppressions" not in r for r in run["results"] if r is not suppressed)


def test_sarif_is_deterministic() -> None:
    assert render("sarif").out == render("sarif").out


# -- GitHub ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain text", "plain text", "plain text"),
        ("100%", "100%25", "100%25"),
        ("a\rb\nc\r\n", "a%0Db%0Ac%0D%0A", "a%0Db%0Ac%0D%0A"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A", "%250A", "%250A"),  # an escape already in the text stays text
        ("okrlint(no-baseline)", "okrlint(no-baseline)", "okrlint(no-baseline)"),
        ("bell\x07 esc\x1b", "bell␇ esc␛", "bell␇ esc␛"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert github_format.escape_data(text) == data
    assert github_format.escape_property(text) == prop


def test_github_escaping_round_trips() -> None:
    for text in ("a:b,c%d\ne\r", "%3A%2C%25", "::error::x"):
        assert unescape(github_format.escape_property(text)) == text
        assert unescape(github_format.escape_data(text)) == text


def test_github_escapes_file_names_titles_and_messages(tmp_path: Path) -> None:
    out = render("github", awkward_result()).out
    lines = out.splitlines()
    assert len(lines) == 6  # 2 input errors + 4 findings, one line each
    assert "\r" not in out and "\x1b" not in out and "\x9b" not in out
    first = next(line for line in lines if "100%25 sure" in line)
    assert first.startswith(
        "::warning file=odd%2C name%3A 100%25.yaml,line=8,col=9,endLine=8,endColumn=25,"
        "title=okrlint(no-baseline)::"
    )
    _name, props, message = parse_command(first)
    assert props["file"] == "odd, name: 100%.yaml"
    assert message == "100% sure: a\r\nb, c␛[31m red \ufffd\nhint: x\ny"


def test_github_one_command_per_finding_and_input_error() -> None:
    result = lint_boards()
    rendered = render("github", result)
    lines = rendered.out.splitlines()
    assert len(lines) == len(result.findings) + len(result.input_errors)
    commands = Counter(parse_command(line)[0] for line in lines)
    assert commands == {
        "error": result.count(Severity.ERROR) + len(result.input_errors),
        "warning": result.count(Severity.WARNING),
        "notice": result.count(Severity.INFO),
    }
    assert rendered.err == ""


def test_github_columns_only_on_one_line(tmp_path: Path) -> None:
    lines = render("github", awkward_result()).out.splitlines()
    [multi] = [line for line in lines if "board-mostly-kpis" in line]
    _name, props, _message = parse_command(multi)
    assert props == {
        "file": "odd, name: 100%.yaml",
        "line": "3",
        "endLine": "5",
        "title": "okrlint(board-mostly-kpis)",
    }
    [deep] = [line for line in lines if "limit-exceeded" in line]
    assert parse_command(deep)[1]["col"] == "1"  # column 0 is shown as 1


def test_github_step_summary() -> None:
    result = lint_boards()
    summary = render("github", result).step_summary
    assert summary.startswith("## okrlint\n")
    assert "| error | 3 |" in summary and "| info | 8 |" in summary
    assert "| input error | 1 |" in summary
    assert "| `key-result-without-owner` | 0 | 0 | 6 |" in summary
    assert "| `kpi-in-disguise` | 1 | 0 | 1 |" in summary
    assert "| boards/mixed.yaml:8 | warning | `no-baseline` |" in summary
    assert "| boards/schema.yaml:4 | error | `schema-error` |" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| boards/")]
    assert len(rows) == len(result.findings) + len(result.input_errors)


def test_github_step_summary_cells_are_escaped_and_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = _finding(message="a | b\nc <b>bold</b> *x* [link](http://x)")
    result = LintResult(files=(FileResult("boards/mixed.yaml"),), findings=(piped,) * 3)
    summary = github_format.step_summary(result)
    row = next(line for line in summary.splitlines() if "bold" in line)
    assert row.endswith(r"| a \| b c \<b\>bold\</b\> \*x\* \[link\](http://x) |")
    monkeypatch.setattr(github_format, "MAX_SUMMARY_ROWS", 2)
    summary = github_format.step_summary(result)
    assert sum(1 for line in summary.splitlines() if "bold" in line) == 2
    assert "and 1 more" in summary


def test_github_clean_summary() -> None:
    clean = LintResult(files=(FileResult("a.yaml"),))
    assert github_format.step_summary(clean) == "## okrlint\n\nNo problems in 1 file.\n\n"
    assert github_format.render(clean).out == ""


# -- JUnit ----------------------------------------------------------------------------------


def junit(result: LintResult | None = None) -> ET.Element:
    return ET.fromstring(render("junit", result).out)


def test_junit_one_suite_per_file() -> None:
    result = lint_boards()
    root = junit(result)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sorted(f.file for f in result.files)
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(
            1 for c in cases if c.find("failure") is not None
        )
        assert int(suite.get("errors", "")) == sum(1 for c in cases if c.find("error") is not None)
        assert all(c.get("classname") == suite.get("name") for c in cases)
    assert int(root.get("tests", "")) == sum(int(s.get("tests", "")) for s in suites)


def test_junit_cases() -> None:
    by_name = {s.get("name"): s for s in junit().findall("testsuite")}
    # a clean file: one passing testcase
    [clean] = by_name["boards/clean.yaml"].findall("testcase")
    assert list(clean) == [] and clean.get("name") == "okrlint"
    # a finding: a failure of the testcase named after the rule and the node
    mixed = {c.get("name"): c for c in by_name["boards/mixed.yaml"].findall("testcase")}
    case = mixed["kpi-in-disguise objectives[0].key_results[0]"]
    [failure] = case.findall("failure")
    assert failure.get("type") == "error"
    assert (
        failure.get("message")
        == '"Maintain CSAT at 90%" holds a level instead of moving it: CSAT at 90%'
    )
    assert (failure.text or "").startswith("boards/mixed.yaml:6:9: error kpi-in-disguise ")
    assert "board-mostly-kpis" in mixed  # a board-level finding: the rule id alone
    # an input error: an error
    [broken] = by_name["boards/schema.yaml"].findall("testcase")
    assert broken.get("name") == "schema-error objectives[0].tittle"
    [error] = broken.findall("error")
    assert error.get("type") == "schema-error"
    assert "did you mean 'title'" in (error.text or "")


def test_junit_is_well_formed_whatever_the_text(tmp_path: Path) -> None:
    result = awkward_result()
    result = dataclasses.replace(
        result, findings=(*result.findings, _finding(message="<&>\"' \x00 \ud800 \ufffe"))
    )
    root = junit(result)
    texts = [e.get("message", "") for e in root.iter("failure")]
    assert "<&>\"' ␀ \ufffd \ufffd" in texts
    assert "100% sure: a␍␊b, c␛[31m red \ufffd" in texts
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert suites["deep.yaml"].get("errors") == "1"
    # a duplicate key is an error, and the board's findings are still failures
    odd = suites["odd, name: 100%.yaml"]
    assert (odd.get("errors"), odd.get("failures")) == ("1", "2")


# -- GitLab ---------------------------------------------------------------------------------


def test_gitlab_report_shape() -> None:
    result = lint_boards()
    issues = json.loads(render("gitlab", result).out)
    assert len(issues) == len(result.findings) + len(result.input_errors)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["description"] and isinstance(issue["location"]["lines"]["begin"], int)
    severities = Counter(i["severity"] for i in issues)
    assert severities == {
        "major": result.count(Severity.ERROR),
        "minor": result.count(Severity.WARNING),
        "info": result.count(Severity.INFO),
        "blocker": 1,
    }


def test_gitlab_fingerprints_are_unique_and_stable() -> None:
    first = json.loads(render("gitlab").out)
    second = json.loads(render("gitlab").out)  # a second lint run
    prints = [i["fingerprint"] for i in first]
    assert len(set(prints)) == len(prints)
    assert prints == [i["fingerprint"] for i in second]
    result = lint_boards()
    assert set(prints) >= {f.fingerprint for f in result.findings}


def test_gitlab_duplicate_fingerprints_are_told_apart_deterministically(tmp_path: Path) -> None:
    twice = LintResult(findings=(_finding(), _finding(), _finding()), root=str(tmp_path))
    prints = [i["fingerprint"] for i in gitlab_format.to_list(twice)]
    assert prints[0] == "f" * 32
    assert len(set(prints)) == 3
    assert prints == [i["fingerprint"] for i in gitlab_format.to_list(twice)]


def test_gitlab_paths_severities_and_input_errors(tmp_path: Path) -> None:
    with in_here():
        issues = gitlab_format.to_list(awkward_result())
    by_check = {i["check_name"]: i for i in issues}
    assert by_check["limit-exceeded"]["severity"] == "blocker"  # not linted
    assert by_check["duplicate-key"]["severity"] == "critical"  # linted anyway
    assert by_check["internal-error"]["severity"] == "critical"
    assert by_check["board-mostly-kpis"]["severity"] == "info"
    assert by_check["duplicate-key"]["description"] == "key 'title' repeated (objectives[0].title)"
    assert by_check["board-mostly-kpis"]["location"] == {
        "path": "odd, name: 100%.yaml",
        "lines": {"begin": 3},
    }
    result = dataclasses.replace(lint_boards(), root=str(HERE.parent))
    with in_here():
        paths = {i["location"]["path"] for i in gitlab_format.to_list(result)}
    assert paths == {"reporters/boards/mixed.yaml", "reporters/boards/schema.yaml"}


# -- concise --------------------------------------------------------------------------------


def test_concise_is_one_line_per_finding(tmp_path: Path) -> None:
    result = lint_boards()
    rendered = render("concise", result)
    assert len(rendered.out.splitlines()) == len(result.findings)
    assert rendered.out.splitlines()[0] == (
        "boards/mixed.yaml:2:8: cycle-too-long warning cycle 2026 lasts 365 days, longer than 92: "
        "an annual bet is usually a KPI"
    )
    assert rendered.err == (
        "boards/schema.yaml:4:5: schema-error error unknown field 'tittle' in objectives[0]; "
        "allowed: id, title, owner, due, parent, initiatives, key_results, status, progress, "
        "confidence, priority, stretch, links, notes, tags, or any field starting with 'x-' "
        "(objectives[0].tittle)\n"
    )
    awkward = render("concise", awkward_result())
    assert len(awkward.out.splitlines()) == 4
    assert (
        "odd, name: 100%.yaml:8:9: no-baseline warning 100% sure: a␍␊b, c␛[31m red \ufffd"
        in awkward.out
    )
    assert awkward.err.splitlines()[0] == "okrlint: empty: no board files"


def test_quiet_and_color_do_not_change_the_machine_formats() -> None:
    result = lint_boards()
    for fmt in ("concise", "sarif", "github", "junit", "gitlab"):
        plain = get(fmt)(result, color=False, quiet=False)
        assert get(fmt)(result, color=True, quiet=True) == plain, fmt


def test_a_real_suppression_reaches_sarif() -> None:
    text = (
        "cycle: 2026-Q3\nobjectives:\n  - title: Grow\n    owner: x\n    key_results:\n"
        "      - Maintain 99.9% uptime  # okrlint: disable=kpi-in-disguise\n"
        "      - Increase NPS from 40 to 60\n"
    )
    result = lint_text(text, "board.yaml")
    assert [f.rule for f in result.suppressed] == ["kpi-in-disguise"]
    results = sarif(result)["runs"][0]["results"]
    assert [r["ruleId"] for r in results if "suppressions" in r] == ["kpi-in-disguise"]


def test_sarif_without_a_root(tmp_path: Path) -> None:
    result = dataclasses.replace(lint_boards(), root="")
    log = sarif(result)
    validate_sarif(log)
    run = log["runs"][0]
    assert "originalUriBaseIds" not in run
    artifacts = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {a["uri"] for a in artifacts} == {"boards/mixed.yaml", "boards/schema.yaml"}
    assert all(set(a) == {"uri"} for a in artifacts)


def test_sarif_describes_house_rules_from_their_findings() -> None:
    result = dataclasses.replace(
        lint_boards(), findings=(_finding(rule="kr-owner-from-leads", message="owner not a lead"),)
    )
    log = sarif(result)
    validate_sarif(log)
    run = log["runs"][0]
    [r] = [r for r in run["results"] if r["ruleId"] == "kr-owner-from-leads"]
    rule = run["tool"]["driver"]["rules"][r["ruleIndex"]]
    assert rule["id"] == "kr-owner-from-leads"
    assert rule["shortDescription"] == {"text": "owner not a lead"}
