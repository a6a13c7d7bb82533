"""The command line: parse options, call the library, render, exit. Nothing else."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated, TextIO

import typer

from okrlint._version import __version__

app = typer.Typer(
    name="okrlint",
    help="Lint goal boards: KPIs disguised as key results, bets without a baseline, "
    "bets that never end, unfocused boards.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    human = "human"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"okrlint {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """okrlint: a linter for OKR and KPI boards kept as YAML."""


def use_color(no_color: bool, stream: object) -> bool:
    """Colour only on a terminal, never with --no-color or NO_COLOR; FORCE_COLOR forces it."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _emit(stream: TextIO, text: str, *, is_json: bool = False) -> None:
    """Write output that may hold any character of a board, whatever the stream's encoding.

    A terminal or pipe that cannot encode a character (PYTHONIOENCODING=ascii, a legacy
    Windows code page) gets escapes instead of a UnicodeEncodeError and a traceback;
    JSON gets JSON's own escapes, so that it stays valid JSON.
    """
    try:
        stream.write(text)
        return
    except UnicodeEncodeError:
        pass
    if is_json:
        import json

        text = json.dumps(json.loads(text), indent=2, ensure_ascii=True) + "\n"
    else:
        encoding = getattr(stream, "encoding", None) or "ascii"
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    stream.write(text)


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"okrlint: error: {message}\n")
    return typer.Exit(2)


@app.command("check")
def check_cli(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Board files and folders (folders are walked for *.yaml, *.yml)."),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.human,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rule ids (comma-separated, repeatable; ALL for every rule)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rule ids (comma-separated, repeatable).")
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding is at or above this severity.")
    ] = FailOn.error,
    rule_option: Annotated[
        list[str] | None,
        typer.Option(
            "--rule-option",
            help="Set a rule option, e.g. too-many-objectives.max=4 (repeatable).",
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(help="Language of boards that do not set one (en, de, es, fr)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print findings only: no source, no summary.")
    ] = False,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit 0 even when findings are reported (input errors still exit 2).",
        ),
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Never colour the output (NO_COLOR is honoured).")
    ] = False,
    max_file_size: Annotated[
        int, typer.Option(help="Refuse board files larger than this many bytes.", min=1)
    ] = 5 * 1024 * 1024,
    max_depth: Annotated[
        int, typer.Option(help="Refuse YAML nested deeper than this.", min=1)
    ] = 64,
    max_alias_nodes: Annotated[
        int, typer.Option(help="Refuse YAML whose aliases expand to more nodes than this.", min=0)
    ] = 10_000,
) -> None:
    """Lint boards and report findings.

    Exit status: 0 clean, 1 a finding at or above --fail-on, 2 usage or input error.

    Example: okrlint check goals/ --format json --ignore no-baseline
    """
    from okrlint import reporters
    from okrlint.api import lint_paths
    from okrlint.config import Config, ConfigError, parse_rule_options, split_rule_ids
    from okrlint.findings import Severity
    from okrlint.models import LANGUAGES
    from okrlint.yamltree import Limits

    try:
        config = Config(
            select=split_rule_ids(select) if select else None,
            ignore=split_rule_ids(ignore or ()),
            fail_on=Severity(fail_on.value),
            rule_options=parse_rule_options(rule_option or ()),
            limits=Limits(
                max_file_size=max_file_size,
                max_depth=max_depth,
                max_alias_nodes=max_alias_nodes,
            ),
            language=language,
        )
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    if language is not None and language not in LANGUAGES:
        raise _fail(f"unknown language '{language}' (choose from {', '.join(LANGUAGES)})")
    result = lint_paths(paths or ["."], config)
    render = reporters.get(output_format.value)
    rendered = render(result, color=use_color(no_color, sys.stdout), quiet=quiet)
    _emit(sys.stdout, rendered.out, is_json=output_format is OutputFormat.json)
    if rendered.err:
        _emit(sys.stderr, rendered.err)
    code = result.exit_code(config.fail_on)
    raise typer.Exit(0 if exit_zero and code == 1 else code)


@app.command("rules")
def rules_cli(
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.human,
) -> None:
    """List every rule: id, default severity, summary."""
    import json

    from okrlint.explain import input_error_rows, rules_json, rules_table

    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(rules_json(), indent=2) + "\n")
        return
    rows = rules_table()
    width = max(len(r[0]) for r in rows)
    for rule_id, severity, summary in rows:
        sys.stdout.write(f"{rule_id:<{width}}  {severity:<7}  {summary}\n")
    sys.stdout.write("\nInput errors (always exit status 2):\n")
    for kind, text in input_error_rows():
        sys.stdout.write(f"{kind:<{width}}  {'error':<7}  {text}\n")


@app.command("explain")
def explain_cli(
    rule: Annotated[str, typer.Argument(help="A rule id, e.g. kpi-in-disguise.")],
) -> None:
    """Print a rule's full documentation: why it matters, examples, options."""
    from okrlint.checks import RULE_IDS
    from okrlint.config import unknown_rule_message
    from okrlint.explain import explain_text

    if rule not in RULE_IDS:
        raise _fail(unknown_rule_message(rule))
    sys.stdout.write(explain_text(rule))


def main() -> None:
    """Console entry point."""
    app()
