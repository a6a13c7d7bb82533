"""The command line's shared options and their values: the formats, the severities, and
parsers that word a bad value in okrlint's own terms."""

from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

# Options shared by several commands.
ConfigFileOption = Annotated[
    str | None,
    typer.Option(
        "--config", metavar="FILE", help="Use this configuration file (no upward search)."
    ),
]
IsolatedOption = Annotated[
    bool, typer.Option("--isolated", help="Ignore every configuration file.")
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read every board afresh: neither use nor write .okrlint_cache "
        "(also OKRLINT_NO_CACHE=1; OKRLINT_CACHE_DIR moves it).",
    ),
]


class OutputFormat(StrEnum):
    auto = "auto"
    human = "human"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"


class ListFormat(StrEnum):
    human = "human"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


# Values are parsed here, in okrlint's words: typer's own checks word their errors in its
# validation library's terms ("Value error, ...", "Input should be ..."), unhelpful here.
_Choice = TypeVar("_Choice", bound=StrEnum)


def choices(kind: type[StrEnum]) -> str:
    """``auto, human, ..., gitlab``: the values of a choice, for help texts."""
    return ", ".join(kind)


def one_of(kind: type[_Choice]) -> Callable[[object], _Choice]:
    """A parser for a choice option (typer's ``parser=``)."""

    def parse(value: object) -> _Choice:
        if isinstance(value, kind):
            return value
        try:
            return kind(str(value))
        except ValueError:
            raise typer.BadParameter(f"'{value}' is not one of {choices(kind)}") from None

    return parse


def complete(kind: type[StrEnum]) -> Callable[[str], Iterator[str]]:
    """Shell completion of a choice option's values."""

    return lambda incomplete: (value for value in kind if value.startswith(incomplete))


def at_least(minimum: int) -> Callable[[object], int]:
    """A parser for a whole-number option with a lower bound."""

    def parse(value: object) -> int:
        try:
            number = int(str(value))
        except ValueError:
            raise typer.BadParameter(f"'{value}' is not a whole number") from None
        if number < minimum:
            raise typer.BadParameter(f"must be {minimum} or more, got {number}")
        return number

    return parse


def format_option(kind: type[StrEnum], what: str = "Output format") -> Any:
    """The ``--format`` / ``-f`` option of a command whose formats are ``kind``."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=one_of(kind),
        autocompletion=complete(kind),
        help=f"{what}: {choices(kind)}.",
    )
