"""The command line: parse options, call the library, render, exit. Nothing else."""

# No ``from __future__ import annotations`` in the command-line modules: typer reads the
# commands' annotations at every start, and as text they would be compiled each time.
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from okrlint import __version__
from okrlint.cli_options import (
    ConfigFileOption,
    FailOn,
    IsolatedOption,
    ListFormat,
    NoCacheOption,
    OutputFormat,
    at_least,
    choices,
    complete,
    one_of,
)

if TYPE_CHECKING:
    from okrlint.reporters import Rendered

app = typer.Typer(
    name="okrlint",
    help="Lint goal boards: KPIs disguised as key results, bets without a baseline, "
    "bets that never end, unfocused boards.",
    no_args_is_help=True,
    add_completion=True,  # typer imports its completion code anyway: no start-up cost
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


__all__ = ["ListFormat", "OutputFormat", "app", "main"]


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


def emit(stream: TextIO, text: str, *, is_json: bool = False, is_xml: bool = False) -> None:
    """Write output that may hold any character of a board, whatever the stream's encoding.

    A terminal or pipe that cannot encode a character (PYTHONIOENCODING=ascii, a legacy
    Windows code page) gets escapes instead of a UnicodeEncodeError and a traceback;
    JSON gets JSON's own escapes, so that it stays valid JSON, and XML character
    references.
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
        errors = "xmlcharrefreplace" if is_xml else "backslashreplace"
        text = text.encode(encoding, errors).decode(encoding)
    stream.write(text)


def resolve_format(output_format: OutputFormat, output_file: str | None) -> str:
    """``auto``: github under GitHub Actions, human on a terminal, concise otherwise."""
    if output_format is not OutputFormat.auto:
        return output_format.value
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return OutputFormat.github.value
    isatty = getattr(sys.stdout, "isatty", None)
    if output_file is None and isatty is not None and isatty():
        return OutputFormat.human.value
    return OutputFormat.concise.value


def _deliver(rendered: "Rendered", fmt: str, output_file: str | None) -> None:
    """The report to stdout or ``--output-file``, diagnostics to stderr, and the
    github format's summary appended to ``$GITHUB_STEP_SUMMARY`` when that is set.

    Diagnostics (input errors, notices) come first, so that the report, and the
    human format's summary at its end, come last on a terminal and through a pipe.
    """
    from okrlint.reporters import JSON_FORMATS, XML_FORMATS

    if rendered.err:
        emit(sys.stderr, rendered.err)
        sys.stderr.flush()
    failure = None
    if output_file is None:
        emit(sys.stdout, rendered.out, is_json=fmt in JSON_FORMATS, is_xml=fmt in XML_FORMATS)
    else:
        try:
            from okrlint.files import write_atomic

            write_atomic(output_file, rendered.out)
        except OSError as exc:
            failure = f"cannot write {output_file}: {exc.strerror or exc}"
    if failure is not None:
        raise usage_error(failure)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if rendered.step_summary and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(rendered.step_summary)
        except OSError as exc:
            sys.stderr.write(f"okrlint: cannot append to {summary_file}: {exc.strerror or exc}\n")


def usage_error(message: str) -> typer.Exit:
    sys.stderr.write(f"okrlint: error: {message}\n")
    return typer.Exit(2)


@app.command("check")
def check_cli(
    paths: Annotated[
        list[str] | None,
        # described in the docstring: typer's Arguments section adds the Python type
        typer.Argument(metavar="PATH", hidden=True),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "--output-format",
            "-f",
            metavar="FORMAT",
            parser=one_of(OutputFormat),
            autocompletion=complete(OutputFormat),
            help=f"Output format: {choices(OutputFormat)}. auto is github under GitHub "
            "Actions (GITHUB_ACTIONS=true), human on a terminal, concise otherwise.",
        ),
    ] = OutputFormat.auto,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output-file",
            "-o",
            metavar="FILE",
            help="Write the report to this file instead of stdout (diagnostics stay on stderr).",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="RULE",
            help="Only these rule ids (comma-separated, repeatable; ALL for every rule).",
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="RULE", help="Rule ids to run in addition to the selected ones (repeatable)."
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(metavar="RULE", help="Skip these rule ids (comma-separated, repeatable)."),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            metavar="SEVERITY",
            parser=one_of(FailOn),
            autocompletion=complete(FailOn),
            help=f"Exit 1 when a finding is at or above this severity ({choices(FailOn)}) "
            "[default: error].",
        ),
    ] = None,
    rule_option: Annotated[
        list[str] | None,
        typer.Option(
            "--rule-option",
            metavar="RULE.OPTION=VALUE",
            help="Set a rule option, e.g. too-many-objectives.max=4 (repeatable).",
        ),
    ] = None,
    language: Annotated[
        str | None,
        # the codes are not listed here: reading them (okrlint.catalog) costs --help
        # and --version a tenth of a second; an unknown code is refused with the list
        typer.Option(
            metavar="CODE", help="Language of boards that do not set one, as a code such as en."
        ),
    ] = None,
    config_file: ConfigFileOption = None,
    isolated: IsolatedOption = False,
    show_settings: Annotated[
        bool,
        typer.Option(
            "--show-settings",
            help="Print the settings for the first path and where each came from.",
        ),
    ] = False,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude", help="Apply exclude patterns to paths given explicitly too."
        ),
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="The file name of a board read from stdin ('-'), for positions and config.",
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Report only findings that are not in this baseline file "
            "(overrides the configuration's baseline).",
        ),
    ] = None,
    no_baseline: Annotated[
        bool,
        typer.Option("--no-baseline", help="Report every finding: use no baseline file."),
    ] = False,
    write_baseline: Annotated[
        str | None,
        typer.Option(
            metavar="FILE",
            help="Record today's findings in this baseline file (entries of files not "
            "linted are kept); exit 0, or 2 on an input error.",
        ),
    ] = None,
    show_suppressed: Annotated[
        bool,
        typer.Option("--show-suppressed", help="Also list findings silenced by inline comments."),
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply the safe fixes to the files, then report.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print the fixes as a unified diff; change nothing."),
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option("--unsafe-fixes", help="With --fix or --diff, also apply suggested fixes."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            parser=at_least(1),
            help="Processes to lint with [default: one per core for 100 files or more].",
        ),
    ] = None,
    no_cache: NoCacheOption = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print findings only: no source, no summary.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list the files skipped as no board.")
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
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help="Print how many findings each rule made, and [*] where --fix can fix some, "
            "instead of the findings (a JSON list with --format json).",
        ),
    ] = False,
    max_file_size: Annotated[
        int | None,
        typer.Option(
            metavar="BYTES",
            parser=at_least(1),
            help="Refuse board files larger than this many bytes [default: 5 MiB].",
        ),
    ] = None,
    max_depth: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            parser=at_least(1),
            help="Refuse YAML nested deeper than this [default: 64].",
        ),
    ] = None,
    max_alias_nodes: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            parser=at_least(0),
            help="Refuse YAML whose aliases expand to more nodes than this [default: 10000].",
        ),
    ] = None,
) -> None:
    """Lint boards and report findings.

    Exit status: 0 clean, 1 a finding at or above --fail-on, 2 usage or input error.

    Example: okrlint check goals/ --format json --ignore no-baseline

    \b
    Arguments:
      PATH...  Board files and folders, walked for *.yaml, *.yml and *.md
               [default: the current folder]; - reads a board from stdin.
    """
    from okrlint import reporters
    from okrlint.catalog import LANGUAGES
    from okrlint.config import CommandLine, ConfigError
    from okrlint.config_files import split_ids
    from okrlint.findings import Severity
    from okrlint.rule_settings import parse_rule_options
    from okrlint.run import CheckRequest, run_check

    if language is not None and language not in LANGUAGES:
        raise usage_error(f"unknown language '{language}' (choose from {', '.join(LANGUAGES)})")
    if baseline is not None and no_baseline:
        raise usage_error("--baseline and --no-baseline cannot be combined")
    try:
        cli = CommandLine(
            select=split_ids(select) if select else None,
            extend_select=split_ids(extend_select or ()),
            ignore=split_ids(ignore or ()),
            fail_on=Severity(fail_on.value) if fail_on is not None else None,
            rule_options=parse_rule_options(rule_option or ()),
            language=language,
            max_file_size=max_file_size,
            max_depth=max_depth,
            max_alias_nodes=max_alias_nodes,
            config_file=Path(config_file) if config_file else None,
            isolated=isolated,
            force_exclude=force_exclude,
            baseline=baseline,
            no_baseline=no_baseline,
        )
        request = CheckRequest(
            paths=tuple(paths or ["."]),
            cli=cli,
            stdin_filename=stdin_filename,
            write_baseline=write_baseline,
            show_settings=show_settings,
            jobs=jobs,
            fix=fix,
            diff=diff,
            unsafe_fixes=unsafe_fixes,
            cache=not no_cache,
            verbose=verbose,
            progress=not quiet and sys.stderr.isatty() and use_color(no_color, sys.stderr),
        )
        outcome = run_check(request)
    except ConfigError as exc:
        raise usage_error(str(exc)) from None
    for message in outcome.messages:
        sys.stderr.write(message + "\n")
    if outcome.text is not None:  # --show-settings, --write-baseline, --diff
        sys.stdout.write(outcome.text)
        raise typer.Exit(outcome.code)
    result = outcome.result
    assert result is not None
    fmt = resolve_format(output_format, output_file)
    if statistics:  # counts per rule instead of the findings: text, or JSON with json
        from okrlint.reporters.statistics import render as render_statistics

        fmt = "json" if fmt == "json" else "statistics"
        _deliver(render_statistics(result, as_json=fmt == "json"), fmt, output_file)
    else:
        render = reporters.get(fmt)
        extra = {"show_suppressed": True} if show_suppressed and fmt == "json" else {}
        color = output_file is None and use_color(no_color, sys.stdout)
        rendered = render(result, color=color, quiet=quiet, **extra)
        _deliver(rendered, fmt, output_file)
    code = result.exit_code()
    raise typer.Exit(0 if exit_zero and code == 1 else code)


def main() -> None:
    """Console entry point."""
    # okrlint's models need no pydantic plugins; skipping their discovery saves reading
    # every installed package's metadata at start-up (a user's setting wins)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # a lint run allocates many small objects that all live to the end: collecting
    # cycles among them often is wasted work (the imports are frozen, the bar raised)
    import gc

    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("okrlint: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line, exit 2, never a traceback
        if os.environ.get("OKRLINT_TRACEBACK"):
            raise
        sys.stderr.write(
            f"okrlint: internal error: {type(exc).__name__}: {exc}\n"
            "okrlint: this is a bug; please report it (OKRLINT_TRACEBACK=1 shows where)\n"
        )
        sys.exit(2)


# the other commands register themselves on ``app`` (a module of their own)
from okrlint import cli_commands  # noqa: E402, F401
