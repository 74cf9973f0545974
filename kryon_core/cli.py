"""The ``kryon`` command line.

``kryon run`` is how outside tools see the project, so its contract is exact:
the script's output on stdout; errors (script, line) on stderr; exit status
0 on success, 65 on a compile error, 70 on a runtime error or a limit.  Usage
errors exit 64, a missing engine 69, a bad configuration 78 (sysexits.h).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from kryon_core.bridge import Stream, encode_output
from kryon_core.config import KryonConfig, load_config
from kryon_core.errors import (
    CompileError,
    ConfigError,
    ConversionError,
    EngineNotFoundError,
    KryonError,
    ScriptError,
    ScriptExit,
    UnsupportedOperationError,
)
from kryon_core.manager import ScriptManager
from kryon_core.plugins import PluginHost
from kryon_core.values import FunctionRef, UserData, Value, check_value
from kryon_core.watchdog import PendingOutput, Watchdog

EX_OK, EX_USAGE, EX_DATAERR, EX_UNAVAILABLE, EX_SOFTWARE, EX_CONFIG = 0, 64, 65, 69, 70, 78
EX_INTERRUPTED, EX_PIPE = 128 + 2, 128 + 13
"""The statuses of a process ended by SIGINT (Ctrl-C) or SIGPIPE, as a shell
reports them (``seq 1e9 | head``)."""


_pending: PendingOutput | None = None
"""``kryon run``'s stdout bytes not written yet, when stdout is not a terminal
(see PendingOutput); None: every write goes out at once."""


def _stdio_sink(text: str, stream: Stream, script: str) -> None:
    """Script output, written as the script's bytes (see :func:`encode_output`):
    at once, or for stdout kept in ``_pending``; a run the watchdog ends keeps
    all it printed either way."""
    try:
        _write(text, stream)
    except OSError as exc:
        _output_failed(exc, stream, script)


def _stdio_flush(script: str) -> None:
    """Write what ``_pending`` holds (the end of a run)."""
    try:
        _write_pending()
    except OSError as exc:
        _output_failed(exc, "stdout", script)


def _output_failed(error: OSError, stream: Stream, script: str) -> NoReturn:
    if isinstance(error, BrokenPipeError):
        _reader_gone()
    _cannot_write(stream, script, error)


def _write_pending() -> None:
    if _pending is None or sys.stdout is None:
        return
    data = _pending.take()
    if data:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def _write(text: str, stream: Stream) -> None:
    target = sys.stdout if stream == "stdout" else sys.stderr
    if target is None:  # the stream was closed when kryon started (`>&-`)
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    if target is sys.stdout and _pending is not None:
        data = encode_output(text)
        if not _pending.add(data):
            _write_pending()
            if not _pending.add(data):  # more than the whole buffer holds
                target.buffer.write(data)
                target.buffer.flush()
        return
    if target is sys.stderr and sys.stdout is not None:
        _write_pending()  # what the script printed comes before its error
        sys.stdout.flush()
    target.flush()  # what went through the text layer (click, logging) first
    binary = getattr(target, "buffer", None)
    if binary is None:  # replaced by a text-only stream
        target.write(text)
        target.flush()
    else:
        binary.write(encode_output(text))
        binary.flush()


def _cannot_write(stream: Stream, script: str, error: OSError) -> NoReturn:
    """Output cannot be written (a full disk, ``>/dev/full``, a closed stream):
    the run cannot keep its contract, so it ends at once with a runtime
    error's status and, where stderr still works, a message saying why.  Going
    on would only raise the same error inside whatever engine was printing."""
    where = f"{script}: " if script else ""
    message = f"{where}cannot write to {stream}: {error.strerror or error}\n"
    with contextlib.suppress(OSError):
        os.write(2, message.encode("utf-8", "replace"))
    os._exit(EX_SOFTWARE)


def _reader_gone() -> NoReturn:
    """The reader of our output went away (``kryon run x.lua | head``): end at
    once and quietly, as a Unix tool killed by SIGPIPE does.  No Python-level
    unwinding: the script would only go on printing into nothing."""
    os._exit(EX_PIPE)


class _StderrHandler(logging.Handler):
    """The host log (``kryon.log``, engines' warnings) on stderr, written as a
    script's stderr is: after everything printed before it."""

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError):  # no stderr: nowhere else to tell it
            _write(self.format(record) + "\n", "stderr")


def _log_to_stderr() -> None:
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("[%(name)s] %(levelname)s: %(message)s"))
    logger = logging.getLogger("kryon")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logging.getLogger("kryon.plugins").setLevel(logging.ERROR)


def _fail(error: BaseException, status: int) -> NoReturn:
    _report(error)
    raise SystemExit(status)


def _report(error: BaseException) -> None:
    text = error.render() if isinstance(error, ScriptError) else str(error)
    if text:  # a script's own exit may have nothing to say
        with contextlib.suppress(OSError):  # without a stderr the status still tells
            _write(text.rstrip("\n") + "\n", "stderr")


def _told(error: KryonError, file: str) -> int:
    """Report an error of the run of ``file`` on stderr; the run's exit status."""
    if isinstance(error, ScriptError):
        error.with_script(file)  # a --call result that cannot be converted names no script
    _report(error)
    return _status_for(error)


def _status_for(error: KryonError) -> int:
    if isinstance(error, ScriptExit):
        return error.status & 0xFF  # what the OS keeps of it, as for `exit(256)`
    if isinstance(error, CompileError):
        return EX_DATAERR
    if isinstance(error, EngineNotFoundError):
        return EX_UNAVAILABLE
    if isinstance(error, ConfigError):
        return EX_CONFIG
    return EX_SOFTWARE


def _config(path: str | None) -> KryonConfig:
    try:
        if path is None and Path("kryon.toml").is_file():
            path = "kryon.toml"
        return load_config(path)
    except ConfigError as exc:
        _fail(exc, EX_CONFIG)


def _callable_name(file: str, function: str) -> str:
    """``--call``: the script is named by its path; ``stem.fn`` means ``fn`` of it."""
    stem = Path(file).stem
    if function.startswith(f"{stem}.") and not function.startswith(f"{file}."):
        return f"{file}.{function[len(stem) + 1 :]}"
    return function


def _json_default(value: object) -> Any:
    if isinstance(value, (FunctionRef, UserData)):
        return repr(value)
    return str(value)


def _finite(value: Any) -> Any:
    """``value`` with every NaN/infinity replaced by its name (JSON has none)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, list):
        return [_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    return value


def _to_json(value: Value) -> str:
    """The ``--call`` result as one line of strict JSON.  It is checked as a
    script value first: an engine handing back a cycle or a 10,000-level
    nesting gets a ConversionError, not a RecursionError from the encoder."""
    finite = _finite(check_value(value))
    return json.dumps(finite, default=_json_default, ensure_ascii=False, allow_nan=False)


class _KryonGroup(click.Group):
    """Click's group with sysexits' status for usage errors: an unknown option,
    a missing argument or a directory given as FILE exits 64 (EX_USAGE), not
    click's 2, as the CLI contract says."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            _usage_failure(exc)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            _usage_failure(exc)


def _usage_failure(error: click.UsageError) -> NoReturn:
    error.show()
    raise SystemExit(EX_USAGE)


@click.group(cls=_KryonGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kryon-core", prog_name="kryon")
def main() -> None:
    """Kryon Script: run scripts in many languages through one API."""


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--call",
    "function",
    metavar="FUNCTION",
    help="After loading, call FUNCTION with the JSON arguments and print the result.",
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="kryon.toml to use (default: ./kryon.toml if present).",
)
@click.option("--policy", help="Security policy (default: sandboxed).")
@click.option("--language", help="Engine to use instead of the file extension's.")
@click.option(
    "--watch",
    is_flag=True,
    help="Run again whenever a script file in FILE's directory changes (until Ctrl-C).",
)
def run(
    file: str,
    function: str | None,
    args: tuple[str, ...],
    config_path: str | None,
    policy: str | None,
    language: str | None,
    watch: bool,
) -> None:
    """Run FILE with ARGS as its arguments; with --call, call FUNCTION [JSON-ARG ...]
    and print the result as JSON (the ARGS are then the call's)."""
    global _pending  # set by _run_in, written out and dropped here
    # unknown options reach FILE: the JSON arguments may be negative numbers
    if file.startswith("-") and not Path(file).exists():
        _fail(click.UsageError(f"no such option: {file}"), EX_USAGE)
    if function is None:
        program_args, call_args = args, []
    else:
        program_args = ()
        call_args = [_json_argument(number, text) for number, text in enumerate(args, 1)]
    config = _config(config_path)
    _check_input(file)
    if watch:
        options = {"--config": config_path, "--policy": policy, "--language": language}
        command = ["run", file, *(x for o, v in options.items() if v is not None for x in (o, v))]
        if function is not None:
            command += ["--call", function, *args]
        elif args:
            command += ["--", *args]
        _watch_runs(file, command, config)
    policy = policy or (config.kryon.default_policy if config.source else "sandboxed")
    _log_to_stderr()
    status = EX_OK
    try:
        with ScriptManager(config, output=_stdio_sink) as manager:
            try:
                _run_in(manager, file, language, policy, program_args, function, call_args)
            except KeyboardInterrupt:
                _interrupted(file)
            except KryonError as exc:
                # told before the engines close: what the program runs as it ends
                # (finalizers, atexit) comes after its error, as in python and lua
                status = _told(exc, file)
    except KryonError as exc:  # while the engines start or close
        raise SystemExit(_told(exc, file)) from None
    except KeyboardInterrupt:  # while the engines start or close
        _interrupted(file)
    except Exception as exc:  # a bug outside any script: still a message, not a traceback
        _fail(RuntimeError(f"{file}: internal error: {type(exc).__name__}: {exc}"), EX_SOFTWARE)
    finally:
        _stdio_flush(file)
        _pending = None
    if status != EX_OK:
        raise SystemExit(status)


def _watch_runs(file: str, command: list[str], config: KryonConfig) -> NoReturn:
    """``kryon run --watch``: ``kryon COMMAND`` (the same run without
    ``--watch``) in a process group of its own, and again in a new one after
    each change of a script file in FILE's directory, until Ctrl-C.  A run
    still going when a file changes is stopped first (its whole group: a run's
    watchdog has a process of its own).  Each run's output and status are its
    own; what the watch does is told on stderr."""
    import signal
    import subprocess

    import watchfiles

    directory = Path(file).resolve().parent
    extensions = tuple(PluginHost(disabled=config.kryon.disabled_plugins).extensions)

    def is_script(change: watchfiles.Change, path: str) -> bool:
        return path.lower().endswith(extensions) and not Path(path).name.startswith(".")

    def note(text: str) -> None:
        with contextlib.suppress(OSError):
            _write(f"[kryon] {text}\n", "stderr")

    def start() -> subprocess.Popen[bytes]:
        argv = [sys.executable, "-m", "kryon_core", *command]
        return subprocess.Popen(argv, start_new_session=True)

    def stop(run: subprocess.Popen[bytes], how: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, how)
        try:
            run.wait(timeout=_WATCH_GRACE_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)
            run.wait()

    run, told = start(), False
    try:
        # woken every _WATCH_POLL_MS without changes too, to tell when a run ends
        for changes in watchfiles.watch(
            directory,
            watch_filter=is_script,
            recursive=False,
            rust_timeout=_WATCH_POLL_MS,
            yield_on_timeout=True,
        ):
            if not changes:
                if not told and run.poll() is not None:
                    note(f"{file} exited with status {run.returncode}; watching {directory}")
                    told = True
                continue
            names = ", ".join(sorted({Path(path).name for _change, path in changes}))
            if run.poll() is None:
                stop(run, signal.SIGTERM)
                note(f"{names} changed: {file} stopped, running it again")
            else:
                note(f"{names} changed: running {file} again")
            run, told = start(), False
    except KeyboardInterrupt:  # Ctrl-C reached us alone: the run has a group of its own
        stop(run, signal.SIGINT)
    raise SystemExit(EX_INTERRUPTED)


_WATCH_POLL_MS = 200
_WATCH_GRACE_S = 2.0
"""How long a run stopped by ``--watch`` may take to end before it is killed."""


BUFFERED_LIMIT_MS = 1000
"""A run's stdout may wait in PendingOutput under a time limit this short or
shorter (each call then ends soon: what it printed does not wait for long)."""


def _block_buffered(limit_ms: int | None) -> bool:
    """Whether the run's stdout may wait: under a short time limit, when it is
    the process's own and not a terminal (a pipe or a file, which Python
    block-buffers too)."""
    if limit_ms is None or limit_ms > BUFFERED_LIMIT_MS:
        return False
    stdout = sys.__stdout__
    if stdout is None or sys.stdout is not stdout or not hasattr(stdout, "buffer"):
        return False
    try:
        return stdout.fileno() == 1 and not stdout.isatty()
    except (OSError, ValueError):
        return False


def _json_argument(number: int, text: str) -> Value:
    """A ``--call`` argument: JSON that is also a script value, else a usage error."""
    try:
        return check_value(json.loads(text))
    except json.JSONDecodeError as exc:
        _fail(click.UsageError(f"argument {number} is not JSON: {exc}"), EX_USAGE)
    except RecursionError:  # json's decoder recurses once per nesting level
        _fail(click.UsageError(f"argument {number} nests too deeply"), EX_USAGE)
    except ConversionError as exc:
        _fail(click.UsageError(f"argument {number} is not a script value: {exc}"), EX_USAGE)


def _check_input(file: str) -> None:
    """FILE must be a regular file (a usage error otherwise; click's path type
    has checked that it is readable and no directory)."""
    path = Path(file)
    if not path.exists():
        _fail(click.UsageError(f"{file}: no such file"), EX_USAGE)
    if not path.is_file():
        _fail(click.UsageError(f"{file}: not a regular file"), EX_USAGE)


def _run_in(
    manager: ScriptManager,
    file: str,
    language: str | None,
    policy: str,
    program_args: Sequence[str],
    function: str | None,
    call_args: list[Any],
) -> None:
    global _pending
    limits = manager.policies.get(policy)
    limit_ms = limits.time_limit_ms if limits else None
    if _block_buffered(limit_ms):
        _pending = PendingOutput()  # before the fork: shared with the watchdog
    watchdog = Watchdog.supervise(file, limit_ms, manager.config.kryon.run_grace_s, _pending)
    language = language or manager.plugins.language_for_path(file)
    sys.argv = [file, *program_args]  # as `python FILE ARG...` gives them (in process)
    manager.engine(language, policy)  # started before any phase is timed
    with watchdog.guard("loading the script"):
        manager.load_script(
            file,
            path=file,
            language=language,
            policy=policy,
            entry_point=True,
            arguments=program_args,
        )
    if function is not None:
        target = _callable_name(file, function)
        with watchdog.guard(f"calling {function}"):
            result = manager.call_function(target, *call_args)
        _stdio_sink(_to_json(result) + "\n", "stdout", file)
    with watchdog.guard("ending the program"):
        manager.end_program(file)


def _interrupted(file: str) -> NoReturn:
    """Ctrl-C: say so and end at once.  Closing the engines could wait forever
    on one still running the script (a VM on its owner thread)."""
    _stdio_sink(f"{file}: interrupted\n", "stderr", file)
    os._exit(EX_INTERRUPTED)


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def engines(config_path: str | None) -> None:
    """List installed engines, their versions, extensions and capabilities."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    manager = ScriptManager(_config(config_path))
    classes = sorted(manager.engine_classes.items())
    capabilities = {
        name: [c.removeprefix("supports_") for c in cls.CAPABILITIES.enabled()]
        for name, cls in classes
    }
    table = Table(title="Kryon engines")
    for column in ("engine", "version", "extensions", "threading"):
        table.add_column(column)
    # one capability a line, never cut short on a narrow terminal or a pipe (80 columns);
    # the notes, free text, follow the table
    widest = max((len(c) for caps in capabilities.values() for c in caps), default=0)
    table.add_column("capabilities", min_width=widest)
    for name, cls in classes:
        try:
            version = cls.runtime_version()
        except Exception as exc:  # a runtime that cannot even report a version
            version = f"unavailable ({exc})"
        table.add_row(
            name,
            version,
            " ".join(cls.extensions),
            cls.threading.value,
            "\n".join(capabilities[name]),
        )
    console.print(table)
    for name, cls in classes:
        if cls.notes:
            console.print(f"{name}: {cls.notes}", highlight=False)
    if not manager.engine_classes:
        console.print("No engines installed: pip install kryon-lua (or kryon-js, ...)")
    for broken in manager.plugins.broken:
        console.print(
            f"[red]broken plugin[/red] {broken.name}: {broken.error}", markup=True, highlight=False
        )


@main.group(cls=_KryonGroup)
def config() -> None:
    """Configuration commands."""


@config.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False))
def config_check(file: str | None) -> None:
    """Validate FILE (default ./kryon.toml) and print the effective configuration."""
    cfg = _config(file)
    try:
        manager = ScriptManager(cfg)
        problems: list[tuple[str, str]] = []
        for name, cls in sorted(manager.engine_classes.items()):
            try:
                cfg.engine_config(name, cls.Config)
            except ConfigError as exc:  # every engine table is checked, not the first only
                problems += exc.problems
        unknown = sorted(set(cfg.engines) - set(manager.engine_classes))
        problems += [(f"engines.{n}", "no such engine installed") for n in unknown]
        for name, spec in cfg.scripts.items():
            if spec.policy is not None and spec.policy not in manager.policies:
                problems.append((f"scripts.{name}.policy", f"unknown policy {spec.policy!r}"))
            if spec.language is not None and spec.language not in manager.engine_classes:
                problems.append((f"scripts.{name}.language", f"no engine {spec.language!r}"))
        if cfg.kryon.default_policy not in manager.policies:
            problems.append(
                ("kryon.default_policy", f"unknown policy {cfg.kryon.default_policy!r}")
            )
        if problems:
            raise ConfigError("invalid configuration", file=cfg.source, problems=problems)
    except ConfigError as exc:
        _fail(exc, EX_CONFIG)
    effective = cfg.effective()
    effective["security"]["resolved_policies"] = {
        name: {**dumped, "capabilities": sorted(dumped["capabilities"])}
        for name, policy in manager.policies.items()
        for dumped in [policy.model_dump(mode="json")]
    }
    click.echo(f"{cfg.source or '(defaults)'}: OK")
    click.echo(json.dumps(effective, indent=2, sort_keys=True))


@main.command()
@click.argument("language")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--policy", default="trusted", show_default=True)
def repl(language: str, config_path: str | None, policy: str) -> None:
    """An interactive session in LANGUAGE (lua, js, python, wren, lisp)."""
    from kryon_core.repl import run_repl

    try:
        with ScriptManager(_config(config_path), output=_stdio_sink) as manager:
            run_repl(manager, language, policy)
    except BrokenPipeError:  # `kryon repl lua < in | head -1`: as for kryon run
        _reader_gone()
    except UnsupportedOperationError as exc:
        _fail(exc, EX_UNAVAILABLE)
    except KryonError as exc:
        _fail(exc, _status_for(exc))
