"""What ``okrlint check`` does between parsing its options and rendering: a plain function.

Kept apart from :mod:`okrlint.cli` so that the command line stays a thin layer and
this logic (stdin, settings, baselines, progress) is testable without typer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from okrlint.config import CommandLine, ConfigError, Resolver, describe_settings
from okrlint.findings import LintResult

if TYPE_CHECKING:
    from okrlint.policy import Baseline


# a NamedTuple: every run defines it at start-up, at a third of a frozen dataclass's cost
class CheckRequest(NamedTuple):
    paths: tuple[str, ...]
    cli: CommandLine
    stdin_filename: str | None = None
    write_baseline: str | None = None  # the baseline file (to hide findings) is cli.baseline
    show_settings: bool = False
    progress: bool = False
    jobs: int | None = None
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    cache: bool = False  # the CLI's result cache (okrlint.cache); off for the library
    verbose: bool = False  # list the files a folder walk skipped as no board


# a NamedTuple: every run defines it at start-up, at a third of a frozen dataclass's cost
class CheckOutcome(NamedTuple):
    """Either a lint result to render, or a text to print as it is (and an exit code).

    ``messages`` go to stderr whatever the format (what --fix changed, files skipped).
    """

    result: LintResult | None = None
    text: str | None = None
    code: int = 0
    messages: tuple[str, ...] = ()


def run_check(request: CheckRequest) -> CheckOutcome:
    """Lint what the request names; raises ConfigError for usage errors."""
    from okrlint.api import lint_paths, lint_text

    resolver = Resolver(request.cli)
    if request.show_settings:
        return CheckOutcome(text=_settings_text(resolver, request), code=0)
    # writing a baseline records every finding: none is hidden by the old one
    baseline = None if request.write_baseline else _read_baseline(resolver)
    if request.paths == ("-",):
        name = request.stdin_filename or "<stdin>"
        anchor = Path(request.stdin_filename) if request.stdin_filename else Path.cwd()
        config = resolver.config_for(anchor).for_file(anchor)
        if request.stdin_filename and request.cli.force_exclude and config.excluded(anchor):
            result = LintResult(fail_on=config.fail_on)
        else:
            result = lint_text(sys.stdin.read(), name, config, baseline=baseline)
    elif "-" in request.paths:
        raise ConfigError("'-' (stdin) cannot be combined with other paths")
    else:
        cache = None
        if request.cache:
            from okrlint.cache import default_cache

            cache = default_cache()
        with _progress(request.progress) as tick:
            result = lint_paths(
                request.paths,
                resolver=resolver,
                baseline=baseline,
                on_file=tick,
                jobs=request.jobs,
                cache=cache,
            )
        if request.fix or request.diff:
            return _fix(
                request,
                result,
                lambda: lint_paths(
                    request.paths,
                    resolver=resolver,
                    baseline=baseline,
                    jobs=request.jobs,
                    cache=cache,
                ),
            )
    if request.write_baseline:
        return _write_baseline(request, request.write_baseline, result)
    skipped = tuple(f"okrlint: skipped (not a board): {f}" for f in result.skipped)
    return CheckOutcome(result=result, messages=skipped if request.verbose else ())


def _read_baseline(resolver: Resolver) -> Baseline | None:
    """The run's baseline: ``--baseline``'s, else the ``baseline`` key of the configuration
    of the working folder (the one ``fail-on`` is taken from); None without one."""
    from okrlint.policy import Baseline, BaselineError

    here = Path.cwd()
    path = resolver.config_for(here).baseline
    if not path:
        return None
    try:
        return Baseline.read(path)
    except BaselineError as exc:
        origin = resolver.origins.get(resolver.config_file_for(here), {}).get("baseline")
        where = f" (the baseline key at {origin})" if origin and origin != "command line" else ""
        raise ConfigError(f"{exc}{where}; write one with --write-baseline") from None


def _write_baseline(request: CheckRequest, target: str, result: LintResult) -> CheckOutcome:
    """Record the run's findings in ``target``, keeping the entries it holds of files the
    run did not lint (other files, files that could not be read); its input errors and
    notices are reported, and it exits 2 when there are input errors, else 0."""
    import os
    from dataclasses import replace

    from okrlint.files import write_atomic
    from okrlint.policy import Baseline, BaselineError, baseline_scope, baseline_text
    from okrlint.reporters import get

    paths = (request.stdin_filename or "<stdin>",) if request.paths == ("-",) else request.paths
    kept: list[dict[str, object]] = []
    if os.path.exists(target) and os.path.getsize(target) > 0:
        try:
            kept = Baseline.read(target).outside(baseline_scope(paths, result.files))
        except BaselineError as exc:
            raise ConfigError(f"{exc}: not overwritten (remove it or name another file)") from None
    try:
        write_atomic(target, baseline_text(result.findings, kept))
    except OSError as exc:
        raise ConfigError(f"cannot write {target}: {exc.strerror or exc}") from None
    count = len(result.findings)
    text = f"okrlint: wrote {count} finding{'s' * (count != 1)} to {target}"
    if kept:
        text += f" and kept {len(kept)} entr{'ies' if len(kept) != 1 else 'y'} of files not linted"
    # the input errors and notices, as the concise format shows them (stderr)
    errors = get("concise")(replace(result, findings=()), color=False, quiet=True).err
    code = 2 if result.exit_code() == 2 else 0
    return CheckOutcome(text=text + "\n", code=code, messages=tuple(errors.splitlines()))


def _fix(
    request: CheckRequest, result: LintResult, relint: Callable[[], LintResult]
) -> CheckOutcome:
    """--diff prints what --fix would change; --fix writes it and reports what remains."""
    from okrlint.files import write_atomic
    from okrlint.fixing import plan_fixes, unified_diff

    plans = plan_fixes(result, unsafe=request.unsafe_fixes)
    messages = [f"okrlint: {p.file}: not fixed: {p.skipped}" for p in plans if p.skipped]
    changed = [p for p in plans if p.changed]
    if request.diff:
        text = "".join(unified_diff(p) for p in changed)
        count = sum(len(p.applied) for p in changed)
        messages.append(
            f"okrlint: {count} fix{'es' * (count != 1)} would change {len(changed)} "
            f"file{'s' * (len(changed) != 1)}"
            if changed
            else "okrlint: nothing to fix"
        )
        return CheckOutcome(text=text, code=1 if changed else 0, messages=tuple(messages))
    for plan in changed:
        write_atomic(plan.file, plan.new)
    fixed = sum(len(p.applied) for p in changed)
    if changed:
        messages.append(
            f"okrlint: fixed {fixed} finding{'s' * (fixed != 1)} in {len(changed)} "
            f"file{'s' * (len(changed) != 1)}"
        )
    remaining = relint() if changed else result
    left = [f for f in remaining.findings if f.fix is not None and f.fix.has_edit]
    if left and not request.unsafe_fixes:
        suggested = sum(1 for f in left if f.fix and f.fix.applicability == "suggested")
        if suggested:
            messages.append(f"okrlint: {suggested} more fixable with --unsafe-fixes")
    return CheckOutcome(result=remaining, messages=tuple(messages))


def _settings_text(resolver: Resolver, request: CheckRequest) -> str:
    anchor = request.stdin_filename if request.paths == ("-",) else request.paths[0]
    path = Path(anchor or ".")
    config = resolver.config_for(path).for_file(path)
    rows = describe_settings(config, resolver.origins.get(resolver.config_file_for(path), {}))
    width = max(len(r[0]) for r in rows)
    lines = [f"Settings for {path.as_posix()}:"]
    lines += [f"  {key:<{width}}  {value}  [{source}]" for key, value, source in rows]
    return "\n".join(lines) + "\n"


class _progress:
    """A rich progress bar on stderr for runs over many files (terminals only)."""

    THRESHOLD = 50

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: object | None = None
        self._task: object | None = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        if not self.enabled:
            return None
        return self.tick

    def tick(self, done: int, total: int) -> None:
        if total < self.THRESHOLD:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import Progress

            bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            self._bar, self._task = bar, bar.add_task("linting boards", total=total)
        from rich.progress import Progress, TaskID

        assert isinstance(self._bar, Progress)
        assert isinstance(self._task, int)
        self._bar.update(TaskID(self._task), completed=done)

    def __exit__(self, *exc: object) -> None:
        if self._bar is None:
            return  # rich was never needed: keep it unimported
        from rich.progress import Progress

        if isinstance(self._bar, Progress):
            self._bar.stop()
