"""The commands besides ``check``: rules, explain, report, schema, convert, init and server.

They are registered on :data:`okrlint.cli.app` when that module is imported, and share
its options and output helpers.
"""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from okrlint.cli import app, emit, usage_error
from okrlint.cli_options import (
    ConfigFileOption,
    IsolatedOption,
    ListFormat,
    NoCacheOption,
    format_option,
)


@app.command("rules")
def rules_cli(
    output_format: Annotated[ListFormat, format_option(ListFormat)] = ListFormat.human,
) -> None:
    """List every rule: id, default severity, summary (custom rules of the config too)."""
    import json

    from okrlint.config import ConfigError, Resolver
    from okrlint.explain import input_error_rows, rules_json, rules_table

    try:
        custom = Resolver().config_for(Path.cwd()).custom_rules
    except ConfigError as exc:
        raise usage_error(str(exc)) from None
    if output_format.value == "json":
        rows_json = rules_json() + [
            {
                "id": r.id,
                "severity": r.severity.value,
                "category": "custom",
                "summary": r.message,
                "judges": r.given,
                "options": [],
                "variants": {},
            }
            for r in custom
        ]
        sys.stdout.write(json.dumps(rows_json, indent=2) + "\n")
        return
    rows = rules_table() + [(r.id, r.severity.value, f"(custom) {r.message}") for r in custom]
    width = max(len(r[0]) for r in rows)
    for rule_id, severity, summary in rows:
        sys.stdout.write(f"{rule_id:<{width}}  {severity:<7}  {summary}\n")
    sys.stdout.write("\nInput errors (always exit status 2):\n")
    for kind, text in input_error_rows():
        sys.stdout.write(f"{kind:<{width}}  {'error':<7}  {text}\n")


@app.command("explain")
def explain_cli(
    # described in the docstring: typer's Arguments section adds the Python type
    rule: Annotated[str, typer.Argument(metavar="RULE", hidden=True)],
) -> None:
    """Print a rule's full documentation: why it matters, examples, options.

    \b
    Arguments:
      RULE  A rule id, e.g. kpi-in-disguise (okrlint rules lists them).
    """
    from okrlint.checks import META_RULES, RULE_IDS
    from okrlint.config import ConfigError, Resolver
    from okrlint.explain import explain_custom, explain_text
    from okrlint.rule_settings import unknown_rule_message

    if rule in (*RULE_IDS, *META_RULES):
        sys.stdout.write(explain_text(rule))
        return
    try:
        custom = {r.id: r for r in Resolver().config_for(Path.cwd()).custom_rules}
    except ConfigError as exc:
        raise usage_error(str(exc)) from None
    if rule not in custom:
        raise usage_error(unknown_rule_message(rule, (*RULE_IDS, *META_RULES, *custom)))
    sys.stdout.write(explain_custom(custom[rule]))


class ReportFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


@app.command("report")
def report_cli(
    paths: Annotated[
        list[str] | None,
        # described in the docstring: typer's Arguments section adds the Python type
        typer.Argument(metavar="PATH", hidden=True),
    ] = None,
    output_format: Annotated[
        ReportFormat, format_option(ReportFormat, "Report format")
    ] = ReportFormat.markdown,
    output_file: Annotated[
        str | None,
        typer.Option("--output-file", "-o", metavar="FILE", help="Write the report to this file."),
    ] = None,
    title: Annotated[
        str, typer.Option(metavar="TEXT", help="The report's heading.")
    ] = "Goals health",
    link_base: Annotated[
        str | None,
        typer.Option(
            metavar="URL",
            help="Prefix for links to findings, e.g. https://github.com/org/goals/blob/main "
            "[default: the commit under GitHub Actions, else relative paths].",
        ),
    ] = None,
    config_file: ConfigFileOption = None,
    isolated: IsolatedOption = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Report a goals repository's health per team and cycle: key results, disguised
    KPIs and their share, bets without baseline, evergreen key results, boards over the
    focus limits, red KPIs without an OKR, the trend, and the ten worst findings. Boards
    that failed to load are shown in their place with their error; findings silenced
    inline are counted apart. The report says when it was made (UTC; SOURCE_DATE_EPOCH
    fixes the time, for reproducible output) and the goals repository's git commit.

    Exit status: 0 when the report was written (whatever it shows), 2 on a usage error
    or when a file could not be read (the report still lists it).

    Example: okrlint report goals/ --format html -o health.html

    \b
    Arguments:
      PATH...  Board files and folders [default: the current folder].
    """
    from okrlint.api import lint_paths
    from okrlint.cache import default_cache
    from okrlint.config import CommandLine, ConfigError, Resolver
    from okrlint.health import build_health, forge_link_base, render_health, report_time
    from okrlint.repository import head_commit

    try:
        generated_at = report_time(os.environ)
    except ValueError as exc:
        raise usage_error(str(exc)) from None
    try:
        resolver = Resolver(
            CommandLine(config_file=Path(config_file) if config_file else None, isolated=isolated)
        )
        cache = None if no_cache else default_cache()
        result = lint_paths(paths or ["."], resolver=resolver, cache=cache)
    except ConfigError as exc:
        raise usage_error(str(exc)) from None
    for notice in result.notices:
        sys.stderr.write(f"okrlint: {notice}\n")
    health = build_health(
        result,
        title=title,
        link_base=link_base if link_base is not None else forge_link_base(os.environ),
        link_from=str(Path(output_file).parent) if output_file else None,
        generated_at=generated_at,
        commit=head_commit((paths or ["."])[0]),
    )
    text = render_health(health, output_format.value)
    if output_file is None:
        emit(sys.stdout, text, is_json=output_format is ReportFormat.json)
    else:
        from okrlint.files import write_atomic

        try:
            write_atomic(output_file, text)
        except OSError as exc:
            raise usage_error(f"cannot write {output_file}: {exc.strerror or exc}") from None
        sys.stderr.write(f"okrlint: wrote {output_file} ({health.boards} boards)\n")
    if health.unreadable:
        sys.stderr.write(
            f"okrlint: {len(health.unreadable)} file(s) could not be read; "
            "run okrlint check on them for details\n"
        )
        raise typer.Exit(2)


@app.command("schema")
def schema_cli() -> None:
    """Print the JSON Schema of the board format, for editors and tools.

    The schema is JSON Schema draft 2020-12, generated from okrlint's models.

    Example: okrlint schema > schemas/board.schema.json
    """
    from okrlint.schema import render_schema

    emit(sys.stdout, render_schema(), is_json=True)


@app.command("convert")
def convert_cli(
    # described in the docstring: typer's Arguments section adds the Python type
    path: Annotated[str, typer.Argument(metavar="FILE", hidden=True)],
) -> None:
    """Print the YAML board a Markdown board is read as.

    Exit status: 0 printed, 2 the file cannot be read or holds no board.

    Example: okrlint convert OKR.md > goals/2026-Q3/growth.yaml

    \b
    Arguments:
      FILE  A Markdown board (OKR.md).
    """
    from okrlint.loader import convert_to_yaml

    text, error = convert_to_yaml(path)
    if error:
        raise usage_error(error)
    sys.stdout.write(text)


@app.command("init")
def init_cli(
    path: Annotated[
        str,
        typer.Option("--path", metavar="FOLDER", help="The folder to write .okrlint.yaml into."),
    ] = ".",
    board: Annotated[
        str | None,
        typer.Option(
            "--board",
            metavar="PATH",
            help="Also write a starter board at this path (relative to --path), e.g. "
            "goals/2026-Q3/team.yaml: for the cycle the path names, else the current quarter.",
        ),
    ] = None,
) -> None:
    """Write a commented .okrlint.yaml with every key at its default.

    Never overwrites a file (exit status 2 when one exists).

    Example: okrlint init --board goals/growth.yaml
    """
    import datetime as dt

    from okrlint.scaffold import (
        CONFIG_NAME,
        ScaffoldError,
        board_cycle,
        config_text,
        quarter_of,
        starter_board_text,
        write_new,
    )

    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise usage_error(f"--path {path} is not a folder")
    today = dt.date.today()
    targets = [(folder / CONFIG_NAME, config_text(), "configuration, every key at its default")]
    if board is not None:
        cycle = board_cycle(folder / board, today)
        note = f"starter board for {cycle or quarter_of(today)}"
        targets.append((folder / board, starter_board_text(today, cycle), note))
    for target, _text, _note in targets:
        if target.exists():
            raise usage_error(f"{target} already exists; okrlint init never overwrites a file")
    for target, text, note in targets:
        try:
            write_new(target, text)
        except ScaffoldError as exc:
            raise usage_error(str(exc)) from None
        sys.stdout.write(f"wrote {target.as_posix()} ({note})\n")
    if board is not None:
        sys.stdout.write(f"next: okrlint check {(folder / board).as_posix()}\n")


@app.command("server")
def server_cli() -> None:
    """Run the language server: live diagnostics, quick fixes, hovers and completion in
    editors (the Language Server Protocol over stdin and stdout). Editors start it
    themselves: see docs/editors.md.

    Needs the server extra, pygls: pip install 'pygls>=2.0'.
    """
    import gc

    from okrlint.server import ServerUnavailable, run

    gc.unfreeze()  # a server runs for hours: collect garbage as usual
    gc.set_threshold(700, 10, 10)
    try:
        code = run()
    except ServerUnavailable as exc:
        raise usage_error(str(exc)) from None
    raise typer.Exit(code)
